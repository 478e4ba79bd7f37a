import type { CalendarDate } from '../shared/calendar.js';
import { assertNever, fold } from '../shared/decider.js';
import type { NetworkEvent } from './network.events.js';

/** The network was founded in 2004 (seed 002); its first seven fields open on its first day. */
export const NETWORK_FOUNDED_ON: CalendarDate = '2004-01-01';

/**
 * The four-yearly membership monitoring report is a rule of 2015, not of the founding: the
 * "Membership Monitoring Guidelines" were approved at the IX Annual Meeting in Kanazawa, held
 * 25–28 May 2015 (network-history/SOURCES.md §4). No source gives the day of the approval
 * within the meeting, so this is the meeting's last day: the first day on which the rule is
 * certainly in force — not the day of a vote. No report falls due under the rule before it.
 */
export const MONITORING_RULE_IN_FORCE_BY: CalendarDate = '2015-05-28';

export interface CreativeField {
  readonly field: string;
  readonly label: string;
  readonly openedOn: CalendarDate;
  /** one of the seven the network was founded with: they have no event in the log */
  readonly founding: boolean;
}

/** The state of the `network` stream: the dated catalogue of creative fields. */
export interface FieldCatalogue {
  readonly fields: readonly CreativeField[];
}

const founding = (field: string, label: string): CreativeField => ({
  field,
  label,
  openedOn: NETWORK_FOUNDED_ON,
  founding: true,
});

export const FOUNDING_FIELDS: readonly CreativeField[] = [
  founding('crafts-and-folk-art', 'Crafts and Folk Art'),
  founding('design', 'Design'),
  founding('film', 'Film'),
  founding('gastronomy', 'Gastronomy'),
  founding('literature', 'Literature'),
  founding('media-arts', 'Media Arts'),
  founding('music', 'Music'),
];

export const initialCatalogue: FieldCatalogue = { fields: FOUNDING_FIELDS };

export function evolveCatalogue(catalogue: FieldCatalogue, event: NetworkEvent): FieldCatalogue {
  switch (event.type) {
    case 'CreativeFieldAdded': {
      const { field, label, effectiveOn } = event.data;
      // a replayed duplicate changes nothing: the first opening date stands
      if (isKnownField(catalogue, field)) return catalogue;
      return { fields: [...catalogue.fields, { field, label, openedOn: effectiveOn, founding: false }] };
    }
    default:
      return assertNever(event.type);
  }
}

/** Folds the network stream into the catalogue; `[]` gives the founding seven. */
export const fieldCatalogue = (events: readonly NetworkEvent[]): FieldCatalogue =>
  fold(evolveCatalogue, initialCatalogue, events);

export const findField = (catalogue: FieldCatalogue, field: string): CreativeField | undefined =>
  catalogue.fields.find((f) => f.field === field);

export const isKnownField = (catalogue: FieldCatalogue, field: string): boolean => findField(catalogue, field) !== undefined;

