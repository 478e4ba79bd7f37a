/*
 * What the three apps (api, projector, cli) share: the stores opened from the configuration, the
 * projections run or reported on, the registry's background processes, logging and metrics, and
 * the start-up messages. It sits above every other library and below every app.
 */
export * from './stores.js';
export * from './registry-config.module.js';
export * from './infrastructure.module.js';
export * from './registry-processes.module.js';
export * from './projections.service.js';
export * from './projection-rebuilds.js';
export * from './start-up.js';
export * from './observability/logging.js';
export * from './observability/metrics.js';
export * from './observability/metered-event-store.js';
export * from './observability/projection-metrics.js';
export * from './personal-data.js';
