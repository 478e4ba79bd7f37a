import { ApiProperty } from '@nestjs/swagger';
import { IsSlug } from '../../http/validation.js';

/** `:cityId` in a path: an id like any other, so a bad one is a 400 naming it, not a lookup. */
export class CityParams {
  @ApiProperty({ example: 'lyon' })
  @IsSlug() cityId!: string;
}

export class ReportParams {
  @ApiProperty({ example: 'ostersund' })
  @IsSlug() cityId!: string;

  @ApiProperty({ example: 'membership-monitoring-2014' })
  @IsSlug() reportId!: string;
}
