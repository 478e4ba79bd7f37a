import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RegistryMetrics } from '@uccn/runtime';
import { API_KEY_SCHEME, ApiProblems } from '../http/openapi.decorators.js';
import { OPERATIONS, Roles } from '../http/roles.decorator.js';

/**
 * Prometheus scrapes `GET /metrics` (outside the `/api` prefix). No personal data is exposed, but
 * volumes are, so it takes an operations key (auditor or secretariat), which Prometheus sends
 * with `authorization: { credentials: <key> }` in its scrape config.
 */
@ApiTags('health')
@ApiBearerAuth(API_KEY_SCHEME)
@Controller('metrics')
@Roles(...OPERATIONS)
export class MetricsController {
  constructor(private readonly metrics: RegistryMetrics) {}

  @Get()
  @ApiOperation({ summary: 'Prometheus metrics: commands, latency, appends, projection position and lag (auditor or secretariat key)' })
  @ApiOkResponse({ description: 'Prometheus text exposition format', content: { 'text/plain': { schema: { type: 'string' } } } })
  @ApiProblems(401, 403, 429)
  @Header('cache-control', 'no-store')
  async scrape(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    void reply.header('content-type', this.metrics.registry.contentType);
    return this.metrics.registry.metrics();
  }
}
