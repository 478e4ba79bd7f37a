import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { PagingRequest } from '../../http/paging.request.js';
import { IsSlug } from '../../http/validation.js';

/** `GET /api/audit/contacts?cityId&partnershipId`: the people on record, of a city or a partnership or all. */
export class ListContactsRequest extends PagingRequest {
  @ApiPropertyOptional({ description: "only this city's focal point", example: 'lyon' })
  @IsOptional() @IsSlug() cityId?: string;

  @ApiPropertyOptional({ description: "only this partnership's contacts", example: 'creative-cities' })
  @IsOptional() @IsSlug() partnershipId?: string;
}
