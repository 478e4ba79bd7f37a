import type { Document, FindOptions } from '@uccn/read-store';
import { assertNever, CITY_EVENT_TYPES, type DesignationFacts, type ReportFacts } from '@uccn/domain';
import type { RecordedEvent } from '@uccn/event-store';
import { readModel, type DocRef, type DocView, type DocWrite, type ProjectionDefinition } from '../projection.js';
import { actorOf, eventOf, recordedAtOf, roleOf, type EventOfType } from '../shared/registry-event.js';

export const HISTORY = 'history';
/**
 * The dates a correction's entry is dated by when the correction does not carry them, as
 * corrected so far: per city its designation's (id: the city), per report its submission's (id:
 * `<cityId>/<reportId>`). One document a report, so a report costs the same on any city.
 */
export const HISTORY_DATES = 'dates';

export interface HistoryDateDoc extends Document {
  readonly date: string;
}

/** An entry's id: its log position, zero-padded, so entries are appended at the end of the store's index in log order. */
export const historyEntryId = (position: number): string => String(position).padStart(15, '0');

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

// Every event of a city's stream is a change in its timeline: membership and field, the reports it
// owes as a member, and the corrections of its record.
const HANDLES = CITY_EVENT_TYPES;
type HistoryEvent = EventOfType<(typeof HANDLES)[number]>;

/** The events that date a correction, or are dated by what they date: each reads or writes one date. */
const dateIdOf = (event: RecordedEvent): string | null => {
  const { cityId, reportId } = event.data;
  if (typeof cityId !== 'string') return null;
  switch (event.type) {
    case 'CityDesignated':
    case 'CityRecordCorrected':
      return cityId;
    case 'ReportSubmitted':
    case 'ReportRecordCorrected':
      return typeof reportId === 'string' ? `${cityId}/${reportId}` : null;
    default:
      return null;
  }
};

export const membershipHistoryProjection: ProjectionDefinition = {
  name: 'membership-history',
  // 2: corrections, each an entry with the values before and after
  // 3: entries keyed by log position, the dates one document a designation or report
  version: 3,
  collections: { [HISTORY]: { indexes: [['cityId', 'position']] }, [HISTORY_DATES]: { indexes: [] } },
  handles: HANDLES,
  // an entry per event needs nothing to read; only the dates a correction is dated by do
  touches: (event): DocRef[] => {
    const id = dateIdOf(event);
    return id === null ? [] : [{ collection: HISTORY_DATES, id }];
  },
  apply(recorded, docs) {
    const event = eventOf(HANDLES, recorded);
    if (!event) return [];
    const dates = datesOf(event, recorded, docs);
    const { domainDate, summary } = describe(event, dates.known, recordedAtOf(recorded).slice(0, 10));
    const doc: HistoryEntryDoc = {
      id: historyEntryId(recorded.position),
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
      data: entryData(event),
    };
    return [{ collection: HISTORY, id: doc.id, doc }, ...dates.writes];
  },
};

/** The query side's reference to every city's timeline, one document an event. */
export const HISTORY_READ_MODEL = readModel<HistoryEntryDoc>(membershipHistoryProjection, HISTORY);

/**
 * The date the event is dated by as known before it (the designation's or the report's), and its
 * update by the event.
 */
function datesOf(event: HistoryEvent, recorded: RecordedEvent, docs: DocView): { known: string | undefined; writes: DocWrite[] } {
  const id = dateIdOf(recorded);
  if (id === null) return { known: undefined, writes: [] };
  const known = (docs.get(HISTORY_DATES, id) as HistoryDateDoc | undefined)?.date;
  const write = (date: string | undefined): DocWrite[] => (date === undefined ? [] : [{ collection: HISTORY_DATES, id, doc: { id, date } }]);
  switch (event.type) {
    case 'CityDesignated':
      return { known, writes: known === undefined ? write(event.data.designatedOn) : [] };
    case 'ReportSubmitted':
      return { known, writes: known === undefined ? write(event.data.submittedOn) : [] };
    case 'CityRecordCorrected':
      return { known, writes: known === undefined ? [] : write(event.data.after.designatedOn) };
    case 'ReportRecordCorrected':
      return { known, writes: known === undefined ? [] : write(event.data.after.submittedOn) };
    default:
      return { known, writes: [] };
  }
}

/*
 * The domain date of a correction is the date of the fact it corrects, as corrected: the
 * designation's for a corrected designation (its name, country and field are facts of that day
 * too), the report's submission for a corrected report, the withdrawal's for a retraction. A
 * correction happens in the registry, not in the world; what it says about the world is dated by
 * the fact it amends, so on the domain clock it stands beside that fact (Santa Fe's corrected
 * designation on 2005-07-13, not on the day the secretariat typed it), while recordedAt says when
 * it was amended. The entries recorded before it are never edited: they show what was recorded.
 */
function describe(event: HistoryEvent, known: string | undefined, recordedOn: string): { domainDate: string; summary: string } {
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
    case 'CityRecordCorrected': {
      const { before, after, reason } = event.data;
      // a designation the history never saw (the domain allows none) leaves the correction dated by its recording
      const domainDate = after.designatedOn ?? known ?? recordedOn;
      return { domainDate, summary: `${changes(DESIGNATION_FACTS, before, after)}: ${reason}` };
    }
    case 'ReportRecordCorrected': {
      const { reportId, before, after, reason } = event.data;
      const domainDate = after.submittedOn ?? known ?? recordedOn;
      return { domainDate, summary: `report ${reportId}: ${changes(REPORT_FACTS, before, after)}: ${reason}` };
    }
    case 'MembershipWithdrawalRetracted': {
      const { retracted, reason } = event.data;
      return { domainDate: retracted.effectiveOn, summary: `withdrawal of ${retracted.effectiveOn} (${retracted.reason}) retracted: ${reason}` };
    }
    case 'FocalPointAssigned':
      // no domain date of its own: the registry learned it when it was recorded
      return { domainDate: recordedOn, summary: 'focal point assigned' };
    default:
      return assertNever(event);
  }
}

/**
 * What an entry shows of its event: all of it, but of a person only the opaque subject id and the
 * role; the sealed details are read, while their key exists, at `GET /api/audit/contacts`.
 */
function entryData(event: HistoryEvent): Record<string, unknown> {
  if (event.type !== 'FocalPointAssigned') return event.data as unknown as Record<string, unknown>;
  const { cityId, focalPoint } = event.data;
  return { cityId, focalPoint: { subjectId: focalPoint.subjectId, role: focalPoint.role } };
}

/** Each corrected fact in words, in this order. */
const DESIGNATION_FACTS: readonly (readonly [keyof DesignationFacts, string])[] = [
  ['name', 'name'],
  ['country', 'country'],
  ['field', 'designation field'],
  ['designatedOn', 'designation date'],
];
const REPORT_FACTS: readonly (readonly [keyof ReportFacts, string])[] = [
  ['kind', 'kind'],
  ['title', 'title'],
  ['periodStart', 'period start'],
  ['periodEnd', 'period end'],
  ['submittedOn', 'submission date'],
];

/** "designation date corrected from 2005-12-31 to 2005-07-13, name corrected from … to …" */
function changes<Facts extends object>(facts: readonly (readonly [keyof Facts, string])[], before: Partial<Facts>, after: Partial<Facts>): string {
  return facts
    .filter(([key]) => after[key] !== undefined)
    .map(([key, label]) => (before[key] === undefined ? `${label} set to ${String(after[key])}` : `${label} corrected from ${String(before[key])} to ${String(after[key])}`))
    .join(', ');
}

/** `GET /api/audit/cities/:cityId/history`: the city's timeline in log order. */
export const cityHistoryQuery = (cityId: string): FindOptions => ({ filter: { cityId }, sort: [['position', 1]] });
