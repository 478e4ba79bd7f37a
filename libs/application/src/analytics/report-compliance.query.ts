import { Query } from '@nestjs/cqrs';
import type { ComplianceItem } from '@uccn/projections';
import type { PageRequest } from '../shared/page.js';

export interface ComplianceReport {
  readonly asOf: string;
  readonly items: readonly ComplianceItem[];
  readonly total: number;
  readonly page: number;
  readonly limit: number;
}

/** Per member on `asOf` (default: today): the last monitoring report, the next due date, overdue or not. */
export class ReportComplianceQuery extends Query<ComplianceReport> {
  constructor(
    readonly asOf: string | undefined,
    readonly paging: PageRequest,
  ) {
    super();
  }
}
