import { ApiProperty } from '@nestjs/swagger';
import { IsSlug } from '../../http/validation.js';

/** `:partnershipId` in a path: a bad id is a 400 naming it, not a lookup that finds nothing. */
export class PartnershipParams {
  @ApiProperty({ example: 'creative-cities' })
  @IsSlug() partnershipId!: string;
}
