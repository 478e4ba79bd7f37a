import { wholeList, type Page } from '@uccn/application';
import type { ProjectionStatus } from '@uccn/projections';
import { ProjectionsService } from '@uccn/runtime';
import { AreaController, ReadRoute } from '../../http/area-controller.decorator.js';
import { page } from '../../http/openapi.decorators.js';
import { OPERATIONS } from '../../http/roles.decorator.js';
import { ProjectionStatusResponse } from '../audit.responses.js';

/**
 * Each projection's serving generation (`version`), checkpoint, the log's head, lag, state, last
 * error and any rebuild under way. Read from the stores alone, so it tells the truth whether the
 * projections run in this process or in apps/projector. One page holds them all (list shape).
 */
@AreaController('audit/projections', 'audit', OPERATIONS)
export class ProjectionsController {
  constructor(private readonly projections: ProjectionsService) {}

  @ReadRoute('', {
    summary: 'Each projection: serving version, position, head, lag, state, last error, rebuild under way',
    description: 'For auditors and the secretariat.',
    answer: page(ProjectionStatusResponse),
  })
  async list(): Promise<Page<ProjectionStatus>> {
    return wholeList(await this.projections.statuses());
  }
}
