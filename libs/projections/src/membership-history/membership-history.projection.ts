import type { Document, FindOptions } from '@uccn/read-store';
import { assertNever } from '@uccn/domain';
import { readModel, type ProjectionDefinition } from '../projection.js';
import { actorOf, eventOf, recordedAtOf, roleOf, type EventOfType } from '../shared/registry-event.js';

export const HISTORY = 'history';

/** One change in a city's timeline, with both clocks, the actor and the event it came from. */
export interface HistoryEntryDoc extends Document {
  readonly eventId: string;
  readonly cityId: string;
  readonly streamId: string;
  readonly revision: number;
  readonly position: number;
  readonly type: string;
  /** when it happened in the world */
  readonly domainDate: string;
  /** when the system learned it */
  readonly recordedAt: string;
  readonly actor: string | null;
  readonly role: string | null;
  readonly correlationId: string | null;
  readonly summary: string;
  readonly data: Record<string, unknown>;
}

// Every event of a city's stream is a change in its timeline: membership and field, and the
// reports it owes as a member.
const HANDLES = ['CityDesignated', 'CityFieldChanged', 'ReportSubmitted', 'ReportReviewed', 'MembershipWithdrawn'] as const;
type HistoryEvent = EventOfType<(typeof HANDLES)[number]>;

export const membershipHistoryProjection: ProjectionDefinition = {
  name: 'membership-history',
  version: 1,
  collections: { [HISTORY]: { indexes: [['cityId', 'position']] } },
  handles: HANDLES,
  // an entry per event: nothing to read
  touches: () => [],
  apply(recorded) {
    const event = eventOf(HANDLES, recorded);
    if (!event) return [];
    const { domainDate, summary } = describe(event);
    const doc: HistoryEntryDoc = {
      id: recorded.id,
      eventId: recorded.id,
      cityId: event.data.cityId,
      streamId: recorded.streamId,
      revision: recorded.revision,
      position: recorded.position,
      type: event.type,
      domainDate,
      recordedAt: recordedAtOf(recorded),
      actor: actorOf(recorded),
      role: roleOf(recorded),
      correlationId: typeof recorded.metadata['correlationId'] === 'string' ? recorded.metadata['correlationId'] : null,
      summary,
      data: event.data as unknown as Record<string, unknown>,
    };
    return [{ collection: HISTORY, id: doc.id, doc }];
  },
};

/** The query side's reference to every city's timeline, one document an event. */
export const HISTORY_READ_MODEL = readModel<HistoryEntryDoc>(membershipHistoryProjection, HISTORY);

function describe(event: HistoryEvent): { domainDate: string; summary: string } {
  switch (event.type) {
    case 'CityDesignated':
      return { domainDate: event.data.designatedOn, summary: `designated in ${event.data.field}` };
    case 'CityFieldChanged':
      return { domainDate: event.data.effectiveOn, summary: `field changed from ${event.data.from} to ${event.data.to}` };
    case 'ReportSubmitted':
      return { domainDate: event.data.submittedOn, summary: `${event.data.kind} report ${event.data.reportId} submitted` };
    case 'ReportReviewed':
      return { domainDate: event.data.reviewedOn, summary: `report ${event.data.reportId} reviewed: ${event.data.outcome}` };
    case 'MembershipWithdrawn':
      return { domainDate: event.data.effectiveOn, summary: `membership withdrawn (${event.data.reason})` };
    default:
      return assertNever(event);
  }
}

/** `GET /api/audit/cities/:cityId/history`: the city's timeline in log order. */
export const cityHistoryQuery = (cityId: string): FindOptions => ({ filter: { cityId }, sort: [['position', 1]] });
