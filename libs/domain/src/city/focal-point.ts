import { FOCAL_POINT_ROLE, requireRecordedContact } from '../shared/personal-data.js';
import { invalid } from '../shared/domain-error.js';
import { requireSlug, requireToday } from '../shared/validation.js';
import type { AssignFocalPoint } from './city.commands.js';
import { cityHasLeftNetwork, cityNotFound, focalPointUnchanged } from './city.errors.js';
import type { FocalPointAssigned } from './city.events.js';
import type { CityState } from './city.state.js';

/**
 * Each member city names a focal point, the person the secretariat writes to. One at a time: a
 * newer assignment replaces the older (the older stays in the log, and stays erasable). A city
 * that left the network names no one any more.
 */
export function assignFocalPoint(command: AssignFocalPoint, state: CityState): FocalPointAssigned[] {
  requireToday(command.today);
  const cityId = requireSlug(command.cityId, 'cityId');
  const focalPoint = requireRecordedContact(command.focalPoint, 'focalPoint');
  if (focalPoint.role !== FOCAL_POINT_ROLE) throw invalid('InvalidContact', `a focal point's role is "${FOCAL_POINT_ROLE}"`, 'focalPoint.role');

  if (state.status === 'unknown') throw cityNotFound(cityId);
  if (state.status === 'withdrawn') throw cityHasLeftNetwork(cityId, state, 'name a focal point');
  // the same person under the same key changes nothing; under a new key they were erased since,
  // and naming them again is a new record
  const current = state.focalPoint;
  if (current?.subjectId === focalPoint.subjectId && current.keyId === focalPoint.sealed.keyId) throw focalPointUnchanged(cityId);

  return [{ type: 'FocalPointAssigned', data: { cityId, focalPoint } }];
}
