import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@uccn/event-store';
import { READ_STORE, type ReadStore } from '@uccn/read-store';
import { ProjectionsService } from '../infrastructure/projections.service.js';

/** Liveness and readiness, outside the `/api` prefix and without a key. */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly reads: ReadStore,
    private readonly projections: ProjectionsService,
  ) {}

  @Get()
  live() {
    return { status: 'ok' };
  }

  /** Ready when both stores answer and no projection has failed. */
  @Get('ready')
  async ready() {
    const [eventStore, readStore] = await Promise.all([check(() => this.events.ping()), check(() => this.reads.ping())]);
    const statuses = readStore === 'up' ? await this.projections.statuses().catch(() => []) : [];
    const failed = statuses.filter((s) => s.state === 'failed').map((s) => s.name);
    const ready = eventStore === 'up' && readStore === 'up' && failed.length === 0;
    const body = { status: ready ? 'ready' : 'not-ready', checks: { eventStore, readStore, failedProjections: failed } };
    if (!ready) throw new ServiceUnavailableException(`not ready: ${JSON.stringify(body.checks)}`);
    return body;
  }
}

async function check(probe: () => Promise<void>): Promise<'up' | 'down'> {
  try {
    await probe();
    return 'up';
  } catch {
    return 'down';
  }
}
