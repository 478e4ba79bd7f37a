import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** What a command came to: the outcome label of the command metrics and the command log. */
export type CommandOutcome = 'created' | 'replayed' | 'refused' | 'failed';

/**
 * The registry's metrics, on a prom-client Registry of this application's own (not the global
 * default), so two applications in one process (tests) never share or collide on a metric.
 */
export class RegistryMetrics {
  readonly registry = new Registry();

  readonly commands = new Counter({
    name: 'uccn_commands_total',
    help: 'Commands handled, by command and outcome (created, replayed, refused: a 4xx problem, failed: a 5xx)',
    labelNames: ['command', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly commandDuration = new Histogram({
    name: 'uccn_command_duration_seconds',
    help: 'Time from the command reaching its route to its answer, by command',
    labelNames: ['command'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly eventsAppended = new Counter({
    name: 'uccn_events_appended_total',
    help: 'Events appended to the log, by kind of stream (city, network, meeting, application, partnership)',
    labelNames: ['stream_kind'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
