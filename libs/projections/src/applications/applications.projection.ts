import type { Document, FindOptions } from '@uccn/read-store';
import { assertNever, type ApplicationDecision, type ApplicationSubmitted, type EndorsementOutcome } from '@uccn/domain';
import { readModel, type DocWrite, type ProjectionDefinition } from '../projection.js';
import { pageWindow } from '../shared/paging.js';
import { eventOf } from '../shared/registry-event.js';

export const APPLICATIONS = 'applications';

/** `not-endorsed`: the national commission found the city unsuitable, and the application ended there */
export type ApplicationStatus = 'submitted' | EndorsementOutcome | ApplicationDecision;

/** An application as submitted (its event's data), with where it stands now. */
export interface ApplicationDoc extends Document, Readonly<ApplicationSubmitted['data']> {
  readonly status: ApplicationStatus;
  /** by the national commission (seed 003) */
  readonly endorsement: { readonly endorsedOn: string; readonly by: string; readonly outcome: EndorsementOutcome } | null;
  readonly decision: { readonly decision: ApplicationDecision; readonly decidedOn: string } | null;
}

const HANDLES = ['ApplicationSubmitted', 'ApplicationEndorsed', 'ApplicationDecided'] as const;

export const applicationsProjection: ProjectionDefinition = {
  name: 'applications',
  // 2: an endorsement's outcome (not-endorsed ends the application)
  version: 2,
  collections: { [APPLICATIONS]: { indexes: [['callYear', 'status', 'submittedOn'], ['status', 'submittedOn'], ['submittedOn']] } },
  handles: HANDLES,
  touches: (event) =>
    typeof event.data['applicationId'] === 'string' ? [{ collection: APPLICATIONS, id: event.data['applicationId'] }] : [],
  apply(recorded, docs) {
    const event = eventOf(HANDLES, recorded);
    if (!event) return [];
    if (event.type === 'ApplicationSubmitted') {
      const { applicationId, cityId, cityName, country, field, callYear, submittedOn } = event.data;
      return [
        write({ id: applicationId, applicationId, cityId, cityName, country, field, callYear, submittedOn, status: 'submitted', endorsement: null, decision: null }),
      ];
    }
    const application = docs.get(APPLICATIONS, event.data.applicationId) as ApplicationDoc | undefined;
    if (!application) return [];
    switch (event.type) {
      case 'ApplicationEndorsed': {
        const { endorsedOn, by, outcome } = event.data;
        // an endorsement never takes back a decision already taken
        const status = application.decision ? application.status : outcome;
        return [write({ ...application, status, endorsement: { endorsedOn, by, outcome } })];
      }
      case 'ApplicationDecided': {
        const { decision, decidedOn } = event.data;
        return [write({ ...application, status: decision, decision: { decision, decidedOn } })];
      }
      default:
        return assertNever(event);
    }
  },
};

/** The query side's reference to applications, by submission date. */
export const APPLICATIONS_READ_MODEL = readModel<ApplicationDoc>(applicationsProjection, APPLICATIONS);

const write = (doc: ApplicationDoc): DocWrite => ({ collection: APPLICATIONS, id: doc.id, doc });

/** `GET /api/analytics/applications?callYear&status`: by submission date. */
export function applicationsQuery(
  filter: { readonly callYear?: number; readonly status?: ApplicationStatus },
  page?: number,
  limit?: number,
): FindOptions {
  const where: Record<string, string | number> = {};
  if (filter.callYear !== undefined) where['callYear'] = filter.callYear;
  if (filter.status !== undefined) where['status'] = filter.status;
  return { filter: where, sort: [['submittedOn', 1]], ...pageWindow(page, limit) };
}
