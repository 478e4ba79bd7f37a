import { ApiProperty } from '@nestjs/swagger';
import { IsSlug } from '../../http/validation.js';

/** `:applicationId` in a path: a bad id is a 400 naming it, not a lookup that finds nothing. */
export class ApplicationParams {
  @ApiProperty({ example: 'norrkoping-2017' })
  @IsSlug() applicationId!: string;
}
