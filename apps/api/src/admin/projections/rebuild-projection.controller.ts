import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { IsString, Matches } from 'class-validator';
import { ADMIN, Roles } from '../../http/roles.decorator.js';
import { ProjectionRebuilds } from './projection-rebuilds.js';

class ProjectionParams {
  @IsString() @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/) name!: string;
}

/** Rebuild from position 0 beside the serving generation, which keeps serving until the new one catches up. */
@Controller('admin/projections')
@Roles(...ADMIN)
export class RebuildProjectionController {
  constructor(private readonly rebuilds: ProjectionRebuilds) {}

  @Post(':name/rebuild')
  @HttpCode(202)
  rebuild(@Param() { name }: ProjectionParams) {
    return this.rebuilds.request(name);
  }
}
