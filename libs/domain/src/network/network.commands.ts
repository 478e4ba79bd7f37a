import type { CommandOf } from '../shared/decider.js';
import type { CreativeFieldAdded } from './network.events.js';

/** Open a new creative field from a date (architecture, 2025-10-31). */
export type AddCreativeField = CommandOf<'AddCreativeField', CreativeFieldAdded['data']>;

export type NetworkCommand = AddCreativeField;
