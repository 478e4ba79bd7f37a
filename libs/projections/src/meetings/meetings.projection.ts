import type { Document, FindOptions } from '@uccn/read-store';
import { assertNever, yearOf, type MeetingFormat, type MeetingKind } from '@uccn/domain';
import { readModel, type DocWrite, type ProjectionDefinition } from '../projection.js';
import { pageWindow } from '../shared/paging.js';
import { eventOf } from '../shared/registry-event.js';

export const MEETINGS = 'meetings';

export type MeetingStatus = 'scheduled' | 'hosted' | 'cancelled';

export interface MeetingDoc extends Document {
  readonly meetingId: string;
  readonly kind: MeetingKind;
  readonly title: string;
  readonly edition: number | null;
  readonly field: string | null;
  readonly country: string | null;
  /** empty when only a venue hosted it (UNESCO Headquarters, Paris, 2008) */
  readonly hostCityIds: readonly string[];
  readonly venue: string | null;
  readonly startsOn: string;
  readonly endsOn: string;
  /** the year it was scheduled to start: two meetings may share one (2008) */
  readonly year: number;
  readonly theme: string | null;
  /** as scheduled, then as held */
  readonly format: MeetingFormat;
  readonly status: MeetingStatus;
  readonly attendeeCityIds: readonly string[];
  readonly attendance: number;
  readonly heldFrom: string | null;
  readonly heldTo: string | null;
  readonly cancellation: { readonly cancelledOn: string; readonly reason: string; readonly forceMajeure: boolean } | null;
  /** the cancelled meeting this one was rescheduled in place of (XIV Santos 2022 for Santos 2020) */
  readonly replaces: string | null;
}

const HANDLES = ['MeetingScheduled', 'MeetingHosted', 'MeetingCancelled', 'MeetingRecordCorrected', 'MeetingAttendanceRecorded'] as const;

export const meetingsProjection: ProjectionDefinition = {
  name: 'meetings',
  // 2: corrections and attendance recorded after the meeting (DESIGN §6); 3: `replaces`
  version: 3,
  collections: { [MEETINGS]: { indexes: [['kind', 'year', 'startsOn'], ['year', 'startsOn'], ['startsOn']] } },
  handles: HANDLES,
  touches: (event) => (typeof event.data['meetingId'] === 'string' ? [{ collection: MEETINGS, id: event.data['meetingId'] }] : []),
  apply(recorded, docs) {
    const event = eventOf(HANDLES, recorded);
    if (!event) return [];
    if (event.type === 'MeetingScheduled') {
      const d = event.data;
      return [
        write({
          id: d.meetingId,
          meetingId: d.meetingId,
          kind: d.kind,
          title: d.title,
          edition: d.edition ?? null,
          field: d.field ?? null,
          country: d.country ?? null,
          hostCityIds: [...d.hostCityIds],
          venue: d.venue ?? null,
          startsOn: d.startsOn,
          endsOn: d.endsOn,
          year: yearOf(d.startsOn),
          theme: d.theme ?? null,
          format: d.format,
          status: 'scheduled',
          attendeeCityIds: [],
          attendance: 0,
          heldFrom: null,
          heldTo: null,
          cancellation: null,
          replaces: d.replaces ?? null,
        }),
      ];
    }
    const meeting = docs.get(MEETINGS, event.data.meetingId) as MeetingDoc | undefined;
    if (!meeting) return [];
    switch (event.type) {
      case 'MeetingHosted': {
        const { attendeeCityIds, heldFrom, heldTo, format } = event.data;
        const attendees = [...new Set(attendeeCityIds)];
        return [write({ ...meeting, status: 'hosted', attendeeCityIds: attendees, attendance: attendees.length, heldFrom, heldTo, format })];
      }
      case 'MeetingCancelled': {
        const { cancelledOn, reason, forceMajeure } = event.data;
        return [write({ ...meeting, status: 'cancelled', cancellation: { cancelledOn, reason, forceMajeure } })];
      }
      case 'MeetingRecordCorrected': {
        const { title, edition, theme, venue, hostCityIds, startsOn, endsOn, format, replaces } = event.data.after;
        // a meeting held was held on the days its record gives: the corrected days are both
        const days = {
          ...(startsOn === undefined ? {} : { startsOn, year: yearOf(startsOn), ...(meeting.status === 'hosted' ? { heldFrom: startsOn } : {}) }),
          ...(endsOn === undefined ? {} : { endsOn, ...(meeting.status === 'hosted' ? { heldTo: endsOn } : {}) }),
        };
        return [
          write({
            ...meeting,
            ...(title === undefined ? {} : { title }),
            ...(edition === undefined ? {} : { edition }),
            ...(theme === undefined ? {} : { theme }),
            ...(venue === undefined ? {} : { venue }),
            ...(hostCityIds === undefined ? {} : { hostCityIds: [...hostCityIds] }),
            ...(format === undefined ? {} : { format }),
            ...(replaces === undefined ? {} : { replaces }),
            ...days,
          }),
        ];
      }
      case 'MeetingAttendanceRecorded': {
        const attendees = [...new Set([...meeting.attendeeCityIds, ...event.data.attendeeCityIds])];
        return [write({ ...meeting, attendeeCityIds: attendees, attendance: attendees.length })];
      }
      default:
        return assertNever(event);
    }
  },
};

/** The query side's reference to meetings, one document a meeting. */
export const MEETINGS_READ_MODEL = readModel<MeetingDoc>(meetingsProjection, MEETINGS);

const write = (doc: MeetingDoc): DocWrite => ({ collection: MEETINGS, id: doc.id, doc });

/** `GET /api/analytics/meetings?kind&year`: by start date. */
export function meetingsQuery(filter: { readonly kind?: MeetingKind; readonly year?: number }, page?: number, limit?: number): FindOptions {
  const where: Record<string, string | number> = {};
  if (filter.kind !== undefined) where['kind'] = filter.kind;
  if (filter.year !== undefined) where['year'] = filter.year;
  return { filter: where, sort: [['startsOn', 1]], ...pageWindow(page, limit) };
}
