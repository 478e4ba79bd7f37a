import { IsSlug } from '../../http/validation.js';

/** `:cityId` in a path: an id like any other, so a bad one is a 400 naming it, not a lookup. */
export class CityParams {
  @IsSlug() cityId!: string;
}

export class ReportParams {
  @IsSlug() cityId!: string;
  @IsSlug() reportId!: string;
}
