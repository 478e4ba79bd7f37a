import {
  isSlug,
  meetingCityIds,
  meetingDecider,
  meetingStreamId,
  type CityStates,
  type RecordMeetingHosted,
  type ScheduleMeeting,
} from '@uccn/domain';
import type { EventStore } from '@uccn/event-store';
import { loadCityStates } from '../shared/facts.js';
import { loadStream } from '../shared/load-stream.js';

type WithoutCities<C> = Omit<C, 'cities'>;

/**
 * The states of the cities a meeting command names, for the decider to check their membership
 * on the meeting's dates. Recording a meeting as hosted needs its hosts too, which only the
 * meeting's stream knows, so that stream is read here as well as by the write path; its plan
 * never changes once scheduled, so the two reads cannot disagree about the hosts.
 */
export async function meetingCityStates(
  store: EventStore,
  command: WithoutCities<ScheduleMeeting> | WithoutCities<RecordMeetingHosted>,
): Promise<CityStates> {
  const meeting =
    command.type === 'RecordMeetingHosted' && isSlug(command.meetingId)
      ? (await loadStream(store, meetingStreamId(command.meetingId), meetingDecider.evolve, meetingDecider.initialState)).state
      : meetingDecider.initialState;
  // ids that are not slugs are refused by the decider before it looks at any city
  const cityIds = meetingCityIds({ ...command, cities: {} }, meeting).filter((id) => isSlug(id));
  return loadCityStates(store, cityIds);
}
