export * from './read-store.port.js';
export * from './read-store.tokens.js';
// The conformance suite is deliberately not exported here: it uses jest globals, and anything the
// barrel imports is compiled into the production build. Int-specs import it by path:
// `libs/read-store/src/conformance/read-store.conformance.js`.
export { SqliteReadStore, type SqliteReadStoreOptions } from './sqlite/sqlite-read-store.js';
export { MongoReadStore, type MongoReadStoreOptions } from './mongo/mongo-read-store.js';
export * from './key-store.port.js';
export { SqliteKeyStore, type SqliteKeyStoreOptions } from './sqlite/sqlite-key-store.js';
export { MongoKeyStore, type MongoKeyStoreOptions } from './mongo/mongo-key-store.js';
