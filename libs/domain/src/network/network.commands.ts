import type { CalendarDate } from '../shared/calendar.js';

/** Open a new creative field from a date (architecture, 2025-10-31). */
export interface AddCreativeField {
  readonly type: 'AddCreativeField';
  readonly field: string;
  readonly label: string;
  readonly effectiveOn: CalendarDate;
  /** the server's date: no domain date may pass it */
  readonly today: CalendarDate;
}

export type NetworkCommand = AddCreativeField;
