import {
  NETWORK_STREAM,
  cityDecider,
  cityStreamId,
  meetingDecider,
  meetingStreamId,
  networkDecider,
  type CityState,
  type FieldCatalogue,
  type MeetingState,
} from '@uccn/domain';
import type { EventStore } from '@uccn/event-store';
import { loadStream } from './load-stream.js';

/*
 * Facts from other streams that a decision needs, read fresh on every attempt of a command and
 * handed to the pure decider as data.
 */

/** The dated field catalogue (the `network` stream). */
export async function loadCatalogue(store: EventStore): Promise<FieldCatalogue> {
  return (await loadStream(store, NETWORK_STREAM, networkDecider.evolve, networkDecider.initialState)).state;
}

/** The states of the named cities, by id (an unknown city folds to the initial state). */
export async function loadCityStates(store: EventStore, cityIds: readonly string[]): Promise<Record<string, CityState>> {
  const unique = [...new Set(cityIds)];
  const states = await Promise.all(
    unique.map(async (id) => [id, (await loadStream(store, cityStreamId(id), cityDecider.evolve, cityDecider.initialState)).state] as const),
  );
  return Object.fromEntries(states);
}

/** The state of one meeting (an unknown meeting folds to the initial state). */
export async function loadMeetingState(store: EventStore, meetingId: string): Promise<MeetingState> {
  return (await loadStream(store, meetingStreamId(meetingId), meetingDecider.evolve, meetingDecider.initialState)).state;
}
