export * from './read-store.port.js';
export * from './read-store.tokens.js';
