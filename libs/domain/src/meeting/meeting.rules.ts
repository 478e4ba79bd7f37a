import type { CalendarDate } from '../shared/calendar.js';
import { cityNotFound, cityNotMemberOn } from '../city/city.errors.js';
import { isMemberOn } from '../city/city.state.js';
import type { CityStates } from './meeting.commands.js';

/** Every named city must be on record (else 404) and a member on the date (else 422). */
export function requireMembersOn(cities: CityStates, cityIds: readonly string[], date: CalendarDate, doing: string): void {
  for (const cityId of cityIds) {
    const city = Object.hasOwn(cities, cityId) ? cities[cityId] : undefined;
    if (city === undefined || city.status === 'unknown') throw cityNotFound(cityId);
    if (!isMemberOn(city, date)) throw cityNotMemberOn(cityId, city, date, doing);
  }
}
