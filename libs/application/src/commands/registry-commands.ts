import {
  NETWORK_STREAM,
  dataSubjectDecider,
  dataSubjectStreamId,
  isErasedKey,
  type DataSubjectCommand,
  applicationDecider,
  applicationStreamId,
  cityDecider,
  cityStreamId,
  isSlug,
  meetingCityIds,
  meetingDecider,
  meetingStreamId,
  networkDecider,
  partnershipDecider,
  partnershipStreamId,
  partnerCityIds,
  type ApplicationCommand,
  type CityCommand,
  type MeetingCommand,
  type NetworkCommand,
  type PartnershipCommand,
} from '@uccn/domain';
import type { EventStore } from '@uccn/event-store';
import type { PersonalData } from '../personal-data/personal-data.js';
import { loadCatalogue, loadCityStates, loadMeetingState } from '../shared/facts.js';
import type { CommandDeps } from '../shared/handle-command.js';
import { loadStream } from '../shared/load-stream.js';
import { aggregateCommands, type PayloadOf } from './command-table.js';

/*
 * Every command of the registry, one table per aggregate. A new command is a row here (the
 * compiler asks for one as soon as the decider's command union has a new member), a request DTO
 * and a route; the NestJS glue (`RegistryCommand`, its handler, the metrics label) is generic.
 */

const catalogue = async (store: EventStore) => ({ catalogue: await loadCatalogue(store) });

/** The network's own stream: the dated field catalogue. */
export const networkCommands = aggregateCommands({
  decider: networkDecider,
  idOf: (payload: PayloadOf<NetworkCommand>) => payload.field,
  streamOf: () => NETWORK_STREAM,
  rows: {
    AddCreativeField: {},
  },
});

/** A city's stream, from its designation to its withdrawal. */
export const cityCommands = aggregateCommands({
  decider: cityDecider,
  idOf: (payload: PayloadOf<CityCommand>) => payload.cityId,
  streamOf: cityStreamId,
  rows: {
    DesignateCity: { facts: catalogue },
    ChangeCityField: { facts: catalogue },
    SubmitReport: {},
    ReviewReport: {},
    WithdrawMembership: {},
    CorrectCityRecord: { facts: catalogue },
    CorrectReportRecord: {},
    RetractWithdrawal: {},
    // sealed by the route before the command is built (DESIGN §7): nothing more to read
    AssignFocalPoint: {},
  },
});

/** A meeting's stream; its hosts and attendees must be members on its dates. */
export const meetingCommands = aggregateCommands({
  decider: meetingDecider,
  idOf: (payload: PayloadOf<MeetingCommand>) => payload.meetingId,
  streamOf: meetingStreamId,
  rows: {
    ScheduleMeeting: {
      // the facts come from three streams: read them at once, not one after another
      facts: async (store, payload, meeting) => {
        const [known, cities, replaced] = await Promise.all([
          catalogue(store),
          citiesNamed(store, meetingCityIds({ type: 'ScheduleMeeting', ...payload }, meeting)),
          replacedMeeting(store, payload.replaces),
        ]);
        return { ...known, cities, ...replaced };
      },
    },
    // the hosts are the meeting's own (in its state); the attendees come with the command
    RecordMeetingHosted: {
      facts: async (store, payload, meeting) => ({
        cities: await citiesNamed(store, meetingCityIds({ type: 'RecordMeetingHosted', ...payload }, meeting)),
      }),
    },
    CancelMeeting: {},
    CorrectMeetingRecord: {
      facts: async (store, payload, meeting) => ({
        cities: await citiesNamed(store, meetingCityIds({ type: 'CorrectMeetingRecord', ...payload }, meeting)),
        // the one it is to replace, or the one it replaces already (an edition corrected must still match it)
        ...(await replacedMeeting(store, payload.replaces ?? (meeting.status === 'unknown' ? undefined : meeting.plan.replaces))),
      }),
    },
    RecordMeetingAttendance: {
      facts: async (store, payload, meeting) => ({
        cities: await citiesNamed(store, meetingCityIds({ type: 'RecordMeetingAttendance', ...payload }, meeting)),
      }),
    },
  },
});

/** An application's stream; a `designated` decision is carried out by the designation process. */
export const applicationCommands = aggregateCommands({
  decider: applicationDecider,
  idOf: (payload: PayloadOf<ApplicationCommand>) => payload.applicationId,
  streamOf: applicationStreamId,
  rows: {
    // a city already on record does not apply, and is not designated again, whatever the application
    SubmitApplication: {
      facts: async (store, { cityId }) => {
        const [known, cities] = await Promise.all([catalogue(store), citiesNamed(store, [cityId])]);
        return { ...known, cities };
      },
    },
    EndorseApplication: {},
    DecideApplication: {
      facts: async (store, _payload, application) => ({
        cities: application.status === 'unknown' ? {} : await citiesNamed(store, [application.application.cityId]),
      }),
    },
  },
});

/** A partnership's stream (seed 004). */
export const partnershipCommands = aggregateCommands({
  decider: partnershipDecider,
  idOf: (payload: PayloadOf<PartnershipCommand>) => payload.partnershipId,
  streamOf: partnershipStreamId,
  rows: {
    LaunchPartnership: {
      facts: async (store, { leadPartner, partners }) => ({
        cities: await citiesNamed(store, partnerCityIds([leadPartner, ...(Array.isArray(partners) ? partners : [])])),
      }),
    },
    AddPartner: { facts: async (store, { cityId }) => ({ cities: await citiesNamed(store, partnerCityIds([{ cityId }])) }) },
    ConcludePartnership: {},
    AddPartnershipContact: {},
  },
});

/**
 * A data subject's stream: the record of their erasures. The erasure itself is the destruction of
 * their key; it settles after the command, whatever it answered, from what the log says was erased
 * (a crash between the append and the destruction is mended by sending the erasure again).
 */
export const dataSubjectCommands = aggregateCommands({
  decider: dataSubjectDecider,
  idOf: (payload: PayloadOf<DataSubjectCommand>) => payload.subjectId,
  streamOf: dataSubjectStreamId,
  rows: {
    EraseDataSubject: {
      facts: async (_store, { subjectId }, _state, deps) => ({ keyId: await personalDataOf(deps).currentKeyId(subjectId) }),
      settle: async (deps, { subjectId }) => {
        const { state } = await loadStream(deps.store, dataSubjectStreamId(subjectId), dataSubjectDecider.evolve, dataSubjectDecider.initialState);
        // nothing to settle for a subject never erased (a 404, a 400)
        if (state.erasedKeyIds.length > 0) await personalDataOf(deps).settleErasures(subjectId, (keyId) => isErasedKey(state, keyId));
      },
    },
  },
});

function personalDataOf(deps: CommandDeps): PersonalData {
  if (!deps.personalData) throw new Error('this command names a person: the write path needs the registry\'s PersonalData');
  return deps.personalData;
}

/** ids that are not slugs are refused by the decider before it looks at any city */
const citiesNamed = (store: EventStore, cityIds: readonly string[]) => loadCityStates(store, cityIds.filter((id) => isSlug(id)));

/** the cancelled meeting a rescheduled one names (a bad id is refused by the decider, unread) */
const replacedMeeting = async (store: EventStore, meetingId: string | undefined) =>
  meetingId !== undefined && isSlug(meetingId) ? { replaced: await loadMeetingState(store, meetingId) } : {};
