import type { CalendarDate } from '../shared/calendar.js';
import { conflict, invalid, ruleBroken } from '../shared/domain-error.js';
import type { CreativeField, FieldCatalogue } from './network.state.js';

export const unknownCreativeField = (field: string, catalogue: FieldCatalogue, requestField = 'field') =>
  invalid(
    'UnknownCreativeField',
    `${field} is not a creative field of the network; the fields are ${catalogue.fields.map((f) => f.field).join(', ')}`,
    requestField,
  );

export const creativeFieldNotYetOpen = (known: CreativeField, date: CalendarDate) =>
  ruleBroken(
    'CreativeFieldNotYetOpen',
    `the creative field ${known.field} opened on ${known.openedOn}, so nothing can be in it on ${date}`,
  );

export const creativeFieldAlreadyExists = (known: CreativeField) =>
  conflict(
    'CreativeFieldAlreadyExists',
    known.founding
      ? `${known.field} is one of the seven fields the network was founded with; it cannot be added again`
      : `${known.field} was already added to the network on ${known.openedOn}`,
  );

export const fieldBeforeNetworkFounded = (field: string, effectiveOn: CalendarDate, foundedOn: CalendarDate) =>
  ruleBroken(
    'FieldBeforeNetworkFounded',
    `${field} cannot open on ${effectiveOn}: the network was founded on ${foundedOn}`,
  );
