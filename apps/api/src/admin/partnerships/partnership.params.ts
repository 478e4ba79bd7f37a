import { IsSlug } from '../../http/validation.js';

/** `:partnershipId` in a path: a bad id is a 400 naming it, not a lookup that finds nothing. */
export class PartnershipParams {
  @IsSlug() partnershipId!: string;
}
