import type { ApplicationEvent } from './application/application.events.js';
import type { CityEvent } from './city/city.events.js';
import type { DataSubjectEvent } from './data-subject/data-subject.js';
import type { MeetingEvent } from './meeting/meeting.events.js';
import type { NetworkEvent } from './network/network.events.js';
import type { PartnershipEvent } from './partnership/partnership.events.js';

/** Every event of the registry, by type. */
export type RegistryEvent = NetworkEvent | CityEvent | MeetingEvent | ApplicationEvent | PartnershipEvent | DataSubjectEvent;
export type RegistryEventType = RegistryEvent['type'];

/**
 * The current schema version of each event type. An event stored with an older version is
 * brought up to date by `upcast` (see `upcasters.ts`) before any decider or projection sees it.
 */
export const SCHEMA_VERSIONS: Readonly<Record<RegistryEventType, number>> = {
  CreativeFieldAdded: 1,
  CityDesignated: 1,
  CityFieldChanged: 1,
  ReportSubmitted: 1,
  ReportReviewed: 1,
  MembershipWithdrawn: 1,
  CityRecordCorrected: 1,
  ReportRecordCorrected: 1,
  MembershipWithdrawalRetracted: 1,
  FocalPointAssigned: 1,
  MeetingScheduled: 1,
  MeetingHosted: 1,
  MeetingCancelled: 1,
  MeetingRecordCorrected: 1,
  MeetingAttendanceRecorded: 1,
  ApplicationSubmitted: 1,
  ApplicationEndorsed: 2,
  ApplicationDecided: 1,
  PartnershipLaunched: 1,
  PartnerJoined: 1,
  PartnershipConcluded: 1,
  PartnershipContactAdded: 1,
  DataSubjectErased: 1,
};

export const isRegistryEventType = (type: string): type is RegistryEventType =>
  Object.prototype.hasOwnProperty.call(SCHEMA_VERSIONS, type);
