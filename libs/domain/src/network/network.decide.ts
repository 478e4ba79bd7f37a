import type { CalendarDate } from '../shared/calendar.js';
import { decideBy, type Decider } from '../shared/decider.js';
import {
  requireDate,
  requireNotInFuture,
  requireSlug,
  requireText,
  requireToday,
} from '../shared/validation.js';
import type { AddCreativeField, NetworkCommand } from './network.commands.js';
import {
  creativeFieldAlreadyExists,
  creativeFieldNotYetOpen,
  fieldBeforeNetworkFounded,
  unknownCreativeField,
} from './network.errors.js';
import type { CreativeFieldAdded, NetworkEvent } from './network.events.js';
import {
  evolveCatalogue,
  findField,
  initialCatalogue,
  NETWORK_FOUNDED_ON,
  type CreativeField,
  type FieldCatalogue,
} from './network.state.js';

function addCreativeField(command: AddCreativeField, catalogue: FieldCatalogue): CreativeFieldAdded[] {
  const today = requireToday(command.today);
  const field = requireSlug(command.field, 'field');
  const label = requireText(command.label, 'label');
  const effectiveOn = requireDate(command.effectiveOn, 'effectiveOn');

  const known = findField(catalogue, field);
  if (known) throw creativeFieldAlreadyExists(known);

  if (effectiveOn < NETWORK_FOUNDED_ON) throw fieldBeforeNetworkFounded(field, effectiveOn, NETWORK_FOUNDED_ON);
  requireNotInFuture(effectiveOn, today, 'effectiveOn');

  return [{ type: 'CreativeFieldAdded', data: { field, label, effectiveOn } }];
}

export const networkDecider: Decider<NetworkCommand, NetworkEvent, FieldCatalogue> = {
  decide: decideBy({
    AddCreativeField: addCreativeField,
  }),
  evolve: evolveCatalogue,
  initialState: initialCatalogue,
};

/**
 * The checks every decider makes before it puts something in a field on a date, in two steps so
 * the decider can order them like every other check (shape, then state, then rules):
 * an unknown field is a bad request (400, naming the request field) …
 */
export function requireKnownField(catalogue: FieldCatalogue, field: unknown, requestField = 'field'): CreativeField {
  const slug = requireSlug(field, requestField);
  const known = findField(catalogue, slug);
  if (!known) throw unknownCreativeField(slug, catalogue, requestField);
  return known;
}

/** … and a known field used before it opened breaks a rule (422): architecture in 2017. */
export function requireFieldOpenOn(known: CreativeField, date: CalendarDate): void {
  if (known.openedOn > date) throw creativeFieldNotYetOpen(known, date);
}
