import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import type { SchemaObject } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ProjectionsHealthIndicator } from './projections.health.js';
import { StoresHealthIndicator } from './store.health.js';

/** terminus's report: `status`, and each check's state under `info` (up), `error` (down) and `details` (all). */
const CHECKS: SchemaObject = { type: 'object', additionalProperties: { type: 'object', properties: { status: { type: 'string', enum: ['up', 'down'] } }, additionalProperties: true } };
const HEALTH_REPORT: SchemaObject = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['ok', 'error'], example: 'ok' },
    info: { ...CHECKS, nullable: true, example: { eventStore: { status: 'up' }, readStore: { status: 'up' } } },
    error: { ...CHECKS, nullable: true, example: {} },
    details: { ...CHECKS, example: { eventStore: { status: 'up' }, readStore: { status: 'up' } } },
  },
};

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
  // documented here rather than by terminus, whose documentation depends on how @nestjs/swagger loads (Jest: not at all)
  @ApiOkResponse({ description: 'ready: both stores answer and no projection has failed', schema: HEALTH_REPORT })
  @ApiServiceUnavailableResponse({ description: "not ready: terminus's body names the failed check", schema: HEALTH_REPORT })
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
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
