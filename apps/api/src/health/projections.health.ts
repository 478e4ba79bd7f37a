import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { ProjectionsService } from '@uccn/runtime';

/** Up while no projection has failed; each one's state and lag are in the details. */
@Injectable()
export class ProjectionsHealthIndicator {
  constructor(
    private readonly projections: ProjectionsService,
    private readonly health: HealthIndicatorService,
  ) {}

  async check() {
    const indicator = this.health.check('projections');
    let statuses;
    try {
      statuses = await this.projections.statuses();
    } catch (error) {
      return indicator.down({ message: `statuses unreadable (${error instanceof Error ? error.name : 'error'})` });
    }
    const failed = statuses.filter((s) => s.state === 'failed').map((s) => s.name);
    const each = Object.fromEntries(statuses.map((s) => [s.name, { state: s.state, position: s.position, lag: s.lag }]));
    return failed.length === 0 ? indicator.up({ failed, each }) : indicator.down({ failed, each });
  }
}
