export * from './event-store.port.js';
export * from './event-store.tokens.js';
export * from './sqlite/sqlite-event-store.js';
