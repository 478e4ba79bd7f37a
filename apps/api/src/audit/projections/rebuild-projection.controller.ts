import { HttpCode, Param, Post } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { ProjectionRebuilds } from '@uccn/runtime';
import { RebuildAcceptedResponse } from '../audit.responses.js';
import { AreaController } from '../../http/area-controller.decorator.js';
import { ApiAccepted } from '../../http/openapi.decorators.js';
import { ADMIN } from '../../http/roles.decorator.js';

class ProjectionParams {
  @IsString() @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/) name!: string;
}

/** Rebuild from position 0 beside the serving generation, which keeps serving until the new one catches up. */
@AreaController('admin/projections', 'secretariat', ADMIN)
export class RebuildProjectionController {
  constructor(private readonly rebuilds: ProjectionRebuilds) {}

  @Post(':name/rebuild')
  @ApiAccepted({
    summary: 'Rebuild a projection from position 0 while the current version keeps serving',
    description: 'The new generation serves once it has caught up with the log; follow it in `GET /api/audit/projections`.',
    answer: RebuildAcceptedResponse,
    errors: [400, 404],
  })
  @ApiParam({ name: 'name', example: 'city-directory' })
  @HttpCode(202)
  rebuild(@Param() { name }: ProjectionParams) {
    return this.rebuilds.request(name);
  }
}
