import type { CalendarDate } from '../shared/calendar.js';
import { cityNotFound, cityNotMemberOn } from './city.errors.js';
import { isMemberOn, type CityState } from './city.state.js';

/**
 * The states of the member cities a command of another aggregate names (a meeting's hosts, a
 * partner city, an applying city), folded by the application from each city's stream. A city
 * missing here, or `Unknown`, is not found.
 */
export type CityStates = Readonly<Record<string, CityState>>;

/** Every named city must be on record (else 404) and a member on the date (else 422). */
export function requireMembersOn(cities: CityStates, cityIds: readonly string[], date: CalendarDate, doing: string): void {
  for (const cityId of cityIds) {
    const city = Object.hasOwn(cities, cityId) ? cities[cityId] : undefined;
    if (city === undefined || city.status === 'unknown') throw cityNotFound(cityId);
    if (!isMemberOn(city, date)) throw cityNotMemberOn(cityId, city, date, doing);
  }
}
