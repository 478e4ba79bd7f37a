import type { Document, FindOptions } from '@uccn/read-store';
import { assertNever, type Partner } from '@uccn/domain';
import { readModel, type DocWrite, type ProjectionDefinition } from '../projection.js';
import { pageWindow } from '../shared/paging.js';
import { eventOf } from '../shared/registry-event.js';

export const PARTNERSHIPS = 'partnerships';

export interface PartnerEntry {
  readonly name: string;
  readonly country: string;
  readonly cityId: string | null;
  /** the launch date for the founding partners */
  readonly joinedOn: string;
}

export interface PartnershipDoc extends Document {
  readonly partnershipId: string;
  readonly name: string;
  readonly programme: string | null;
  readonly leadPartner: { readonly name: string; readonly country: string; readonly cityId: string | null };
  readonly partners: readonly PartnerEntry[];
  readonly creativeIndustries: readonly string[];
  readonly startsOn: string;
  /** the planned end, if any */
  readonly endsOn: string | null;
  readonly status: 'active' | 'concluded';
  readonly concludedOn: string | null;
  readonly outcome: string | null;
}

const HANDLES = ['PartnershipLaunched', 'PartnerJoined', 'PartnershipConcluded'] as const;

export const partnershipsProjection: ProjectionDefinition = {
  name: 'partnerships',
  version: 1,
  collections: { [PARTNERSHIPS]: { indexes: [['status', 'startsOn'], ['startsOn']] } },
  handles: HANDLES,
  touches: (event) =>
    typeof event.data['partnershipId'] === 'string' ? [{ collection: PARTNERSHIPS, id: event.data['partnershipId'] }] : [],
  apply(recorded, docs) {
    const event = eventOf(HANDLES, recorded);
    if (!event) return [];
    if (event.type === 'PartnershipLaunched') {
      const d = event.data;
      return [
        write({
          id: d.partnershipId,
          partnershipId: d.partnershipId,
          name: d.name,
          programme: d.programme ?? null,
          leadPartner: organisation(d.leadPartner),
          partners: d.partners.map((p) => ({ ...organisation(p), joinedOn: d.startsOn })),
          creativeIndustries: [...d.creativeIndustries],
          startsOn: d.startsOn,
          endsOn: d.endsOn ?? null,
          status: 'active',
          concludedOn: null,
          outcome: null,
        }),
      ];
    }
    const partnership = docs.get(PARTNERSHIPS, event.data.partnershipId) as PartnershipDoc | undefined;
    if (!partnership) return [];
    switch (event.type) {
      case 'PartnerJoined': {
        const { partner, joinedOn } = event.data;
        return [write({ ...partnership, partners: [...partnership.partners, { ...organisation(partner), joinedOn }] })];
      }
      case 'PartnershipConcluded': {
        const { concludedOn, outcome } = event.data;
        return [write({ ...partnership, status: 'concluded', concludedOn, outcome: outcome ?? null })];
      }
      default:
        return assertNever(event);
    }
  },
};

/** The query side's reference to partnerships, one document a partnership. */
export const PARTNERSHIPS_READ_MODEL = readModel<PartnershipDoc>(partnershipsProjection, PARTNERSHIPS);

const organisation = (p: Partner) => ({ name: p.name, country: p.country, cityId: p.cityId ?? null });
const write = (doc: PartnershipDoc): DocWrite => ({ collection: PARTNERSHIPS, id: doc.id, doc });

/** `GET /api/analytics/partnerships`: by start date, optionally only active or concluded ones. */
export function partnershipsQuery(filter: { readonly status?: PartnershipDoc['status'] } = {}, page?: number, limit?: number): FindOptions {
  return { filter: filter.status === undefined ? {} : { status: filter.status }, sort: [['startsOn', 1]], ...pageWindow(page, limit) };
}
