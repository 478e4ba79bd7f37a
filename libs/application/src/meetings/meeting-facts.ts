import { isSlug, meetingCityIds, type CityStates, type MeetingState, type RecordMeetingHosted, type ScheduleMeeting } from '@uccn/domain';
import type { EventStore } from '@uccn/event-store';
import { loadCityStates } from '../shared/facts.js';

type WithoutCities<C> = Omit<C, 'cities'>;

/**
 * The states of the cities a meeting command names, for the decider to check their membership
 * on the meeting's dates. Recording a meeting as hosted needs its hosts too, which only the
 * meeting's state (as the write path just loaded it) knows.
 */
export async function meetingCityStates(
  store: EventStore,
  command: WithoutCities<ScheduleMeeting> | WithoutCities<RecordMeetingHosted>,
  meeting: MeetingState,
): Promise<CityStates> {
  // ids that are not slugs are refused by the decider before it looks at any city
  const cityIds = meetingCityIds({ ...command, cities: {} }, meeting).filter((id) => isSlug(id));
  return loadCityStates(store, cityIds);
}
