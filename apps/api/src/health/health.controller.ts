import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { ProjectionsHealthIndicator } from './projections.health.js';
import { StoresHealthIndicator } from './store.health.js';

/** Liveness and readiness, outside the `/api` prefix and without a key. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly stores: StoresHealthIndicator,
    private readonly projections: ProjectionsHealthIndicator,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers (no key needed)' })
  @ApiOkResponse({ schema: { type: 'object', properties: { status: { type: 'string', example: 'ok' } } } })
  live() {
    return { status: 'ok' };
  }

  /**
   * Ready when both stores answer and no projection has failed: terminus's `{ status, info,
   * error, details }`, with 503 when not ready. The body is answered as is, not as a problem, so
   * that an orchestrator or an operator sees which check failed.
   */
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: both stores answer and no projection has failed (no key needed)' })
  @ApiServiceUnavailableResponse({ description: "not ready: terminus's body names the failed check" })
  @HealthCheck()
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    try {
      return await this.health.check([() => this.stores.eventStore(), () => this.stores.readStore(), () => this.projections.check()]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      void reply.status(503).header('retry-after', '5');
      return error.getResponse();
    }
  }
}
