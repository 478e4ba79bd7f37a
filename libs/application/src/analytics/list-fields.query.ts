import { Query } from '@nestjs/cqrs';
import type { Page } from '../shared/page.js';

export interface FieldItem {
  readonly field: string;
  readonly label: string;
  /** the first domain date a designation may name the field */
  readonly openedOn: string;
  readonly founding: boolean;
  /** when the system learned of the field; `null` for the founding seven */
  readonly recordedAt: string | null;
}

/** The field catalogue, founding seven included, with the date each field opened. */
export class ListFieldsQuery extends Query<Page<FieldItem>> {}
