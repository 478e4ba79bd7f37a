import { Body, Param } from '@nestjs/common';
import { AreaController } from '../../http/area-controller.decorator.js';
import { ADMIN } from '../../http/roles.decorator.js';
import { command, CommandRoute } from '../command-route.js';
import { AddPartnerRequest, ConcludePartnershipRequest, LaunchPartnershipRequest, PartnershipParams } from './partnership.requests.js';

/** The secretariat's commands on a partnership's stream (seed 004). */
@AreaController('admin/partnerships', 'secretariat', ADMIN)
export class PartnershipCommandsController {
  @CommandRoute('LaunchPartnership', '', { summary: 'Launch an inter-city partnership (PartnershipLaunched)' })
  launch(@Body() body: LaunchPartnershipRequest) {
    return command('LaunchPartnership', body);
  }

  @CommandRoute('AddPartner', ':partnershipId/partners', {
    summary: 'Record an organisation joining a partnership (PartnerJoined)',
    errors: [404],
  })
  addPartner(@Param() { partnershipId }: PartnershipParams, @Body() body: AddPartnerRequest) {
    return command('AddPartner', { ...body, partnershipId });
  }

  @CommandRoute('ConcludePartnership', ':partnershipId/conclusion', {
    summary: 'Record the end of a partnership (PartnershipConcluded)',
    errors: [404],
  })
  conclude(@Param() { partnershipId }: PartnershipParams, @Body() body: ConcludePartnershipRequest) {
    return command('ConcludePartnership', { ...body, partnershipId });
  }
}
