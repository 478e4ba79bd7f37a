import { Controller, Get, Header, Logger, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { messageOf } from '@uccn/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DASHBOARD_CSP, loadDashboardFiles, PAGES, type DashboardFile } from './dashboard-files.js';

/**
 * The pages for people: the analysts' dashboard at `/` and the auditors' view at `/audit`, and
 * the files both load at `dashboard/:file`. Static files, no key (no @Roles: the ApiKeyGuard lets
 * them pass), since the pages hold no data and ask /api/analytics/** and /api/audit/** for it with
 * the reader's key. Their paths are excluded from the `/api` prefix in app.factory.ts.
 */
@ApiExcludeController()
@Controller()
export class DashboardController {
  private readonly files: ReadonlyMap<string, DashboardFile>;

  constructor() {
    try {
      this.files = loadDashboardFiles();
    } catch (error) {
      // the API serves without its pages rather than not at all
      new Logger(DashboardController.name).warn(`the dashboard and the auditors' view are not served: ${messageOf(error)}`);
      this.files = new Map();
    }
  }

  @Get()
  @Header('x-robots-tag', 'noindex')
  page(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.serve(PAGES.dashboard, request, reply);
  }

  @Get('audit')
  @Header('x-robots-tag', 'noindex')
  auditPage(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.serve(PAGES.audit, request, reply);
  }

  @Get('dashboard/:file')
  asset(@Param('file') name: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    // a page only at its own address: one URL each, so a link or a bookmark is never to a copy
    if (name.endsWith('.html')) throw new NotFoundException('the dashboard is at /, the auditors\' view at /audit');
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
