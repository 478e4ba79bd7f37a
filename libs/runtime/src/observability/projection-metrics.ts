import { Injectable } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { LAG_COUNTED_UP_TO, type ProjectionStatus } from '@uccn/projections';
import { ProjectionsService } from '../projections.service.js';
import { RegistryMetrics } from './metrics.js';

/**
 * Projection gauges computed at scrape time from the stores (`ProjectionsService.statuses()`), so
 * they tell the truth whether the projections run here or in `apps/projector`. The gauges are
 * collected concurrently; they share one read of the statuses per scrape.
 */
@Injectable()
export class ProjectionMetrics {
  private pending: Promise<ProjectionStatus[] | null> | null = null;

  constructor(projections: ProjectionsService, { registry }: RegistryMetrics) {
    const statuses = () =>
      (this.pending ??= projections
        .statuses()
        // a store that does not answer: no projection series rather than stale ones (readiness says why)
        .catch(() => null)
        .finally(() => (this.pending = null)));

    const perProjection = (name: string, help: string, value: (s: ProjectionStatus) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ['projection'] as const,
        registers: [registry],
        async collect() {
          const all = await statuses();
          this.reset();
          for (const status of all ?? []) this.set({ projection: status.name }, value(status));
        },
      });

    perProjection('uccn_projection_position', 'Position of the last event the projection has applied (its checkpoint)', (s) => s.position);
    perProjection('uccn_projection_lag_events', `Events in the log the projection has not applied yet, counted up to ${LAG_COUNTED_UP_TO} (that value means at least so many)`, (s) => s.lag);
    perProjection('uccn_projection_failed', '1 when the projection stopped at an event that its reducer could not apply', (s) => (s.state === 'failed' ? 1 : 0));
    new Gauge({
      name: 'uccn_projection_head_position',
      help: 'Position of the last event in the log',
      registers: [registry],
      async collect() {
        const head = (await statuses())?.[0]?.head;
        this.reset();
        if (head !== undefined) this.set(head);
      },
    });
  }
}
