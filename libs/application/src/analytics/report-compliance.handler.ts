import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { calendarDateOf } from '@uccn/domain';
import { CITIES, complianceOf, complianceQuery, ReadModels, type CityDirectoryDoc } from '@uccn/projections';
import { CLOCK, type Clock } from '../shared/clock.js';
import { skipOf } from '../shared/page.js';
import { ReportComplianceQuery, type ComplianceReport } from './report-compliance.query.js';

/**
 * The members on `asOf` come from the directory by an indexed range (designated on or before,
 * withdrawn after); each one's compliance on that date is then a pure function of its document.
 */
@QueryHandler(ReportComplianceQuery)
export class ReportComplianceHandler implements IQueryHandler<ReportComplianceQuery, ComplianceReport> {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ asOf: asked, paging }: ReportComplianceQuery): Promise<ComplianceReport> {
    const asOf = asked ?? calendarDateOf(this.clock.now());
    const cities = await this.readModels.collection('city-directory', CITIES);
    const query = complianceQuery(asOf);
    const [members, total] = await Promise.all([
      cities.find({ ...query, skip: skipOf(paging), limit: paging.limit }),
      cities.count(query.filter),
    ]);
    return { asOf, items: members.map((city) => complianceOf(city as CityDirectoryDoc, asOf)), total, page: paging.page, limit: paging.limit };
  }
}
