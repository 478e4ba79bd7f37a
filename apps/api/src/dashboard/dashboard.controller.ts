import { Controller, Get, Header, Logger, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { messageOf } from '@uccn/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DASHBOARD_CSP, loadDashboardFiles, type DashboardFile } from './dashboard-files.js';

/**
 * The analysts' dashboard at `/`: static files, no key (no @Roles: the ApiKeyGuard lets it pass),
 * since the page holds no data and asks /api/analytics/** for it with the analyst's key. Its
 * paths, `/` and `dashboard/:file`, are excluded from the `/api` prefix in app.factory.ts.
 */
@ApiExcludeController()
@Controller()
export class DashboardController {
  private readonly files: ReadonlyMap<string, DashboardFile>;

  constructor() {
    try {
      this.files = loadDashboardFiles();
    } catch (error) {
      // the API serves without its dashboard rather than not at all
      new Logger(DashboardController.name).warn(`the dashboard is not served: ${messageOf(error)}`);
      this.files = new Map();
    }
  }

  @Get()
  @Header('x-robots-tag', 'noindex')
  page(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.serve('index.html', request, reply);
  }

  @Get('dashboard/:file')
  asset(@Param('file') name: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    if (name === 'index.html') throw new NotFoundException('the dashboard is at /');
    return this.serve(name, request, reply);
  }

  private serve(name: string, request: FastifyRequest, reply: FastifyReply): Buffer | string {
    const file = this.files.get(name);
    if (!file) throw new NotFoundException(`no dashboard file ${name}`);
    void reply.header('content-security-policy', DASHBOARD_CSP).header('cache-control', file.cacheControl).header('etag', file.etag);
    if (request.headers['if-none-match'] === file.etag) {
      void reply.status(304);
      return '';
    }
    void reply.type(file.contentType);
    return file.body;
  }
}
