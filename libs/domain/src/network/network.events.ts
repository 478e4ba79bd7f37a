import type { CalendarDate } from '../shared/calendar.js';
import type { DomainEvent } from '../shared/decider.js';

/** A creative field opened from a date (the founding seven need no event; `architecture`, 2025, does). */
export type CreativeFieldAdded = DomainEvent<
  'CreativeFieldAdded',
  { readonly field: string; readonly label: string; readonly effectiveOn: CalendarDate }
>;

export type NetworkEvent = CreativeFieldAdded;

export const NETWORK_STREAM = 'network';
