export * from './registry-config.js';
export * from './load-config.js';
export * from './config.tokens.js';
