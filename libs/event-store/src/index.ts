export * from './event-store.port.js';
export * from './event-store.tokens.js';
export * from './sqlite/sqlite-event-store.js';
export { EsdbEventStore, type EsdbEventStoreOptions } from './esdb/esdb-event-store.js';
export * from './backoff.js';
export * from './log-follower.js';
