export * from './projection.js';
export * from './shared/registry-event.js';
export * from './shared/sentinels.js';
export * from './shared/paging.js';
export * from './field-catalogue/field-catalogue.projection.js';
export * from './all-projections.js';
