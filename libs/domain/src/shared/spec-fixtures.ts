import { evolveCity, initialCityState, type CityState } from '../city/city.state.js';
import type { CityEvent } from '../city/city.events.js';
import type { MeetingScheduled } from '../meeting/meeting.events.js';
import { fold } from './decider.js';

/*
 * Records the domain's specs share, taken from the seeds. Test support only: the library's barrel
 * (index.ts) does not export it, so it never ships with the domain.
 */

/** A city's state folded from its events. */
export const cityOf = (...events: CityEvent[]): CityState => fold(evolveCity, initialCityState, events);

/** A member city as other streams see it: named by its id, designated in a field on a day. */
export const designatedCity = (cityId: string, country: string, field: string, designatedOn: string): CityState =>
  cityOf({ type: 'CityDesignated', data: { cityId, name: cityId, country, field, designatedOn } });

/** XII Annual Meeting, Kraków and Katowice jointly, 12–15 June 2018, "Creative Crossroads" (seed 000). */
export const krakowiceScheduled: MeetingScheduled = {
  type: 'MeetingScheduled',
  data: {
    meetingId: 'annual-2018',
    kind: 'annual-conference',
    title: 'XII UCCN Annual Meeting',
    edition: 12,
    hostCityIds: ['krakow', 'katowice'],
    startsOn: '2018-06-12',
    endsOn: '2018-06-15',
    theme: 'Creative Crossroads',
    format: 'in-person',
  },
};
