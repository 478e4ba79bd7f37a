export * from './shared/application-errors.js';
export * from './shared/canonical-json.js';
export * from './shared/clock.js';
export * from './shared/command-context.js';
export * from './shared/event-envelope.js';
export * from './shared/event-hash.js';
export * from './shared/handle-command.js';
export * from './shared/load-stream.js';
