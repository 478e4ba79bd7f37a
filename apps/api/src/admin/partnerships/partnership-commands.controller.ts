import { Body, Param } from '@nestjs/common';
import { PersonalData } from '@uccn/application';
import { AreaController } from '../../http/area-controller.decorator.js';
import { ADMIN } from '../../http/roles.decorator.js';
import { command, CommandRoute } from '../command-route.js';
import { ContactRequest } from '../personal-data.requests.js';
import { AddPartnerRequest, ConcludePartnershipRequest, LaunchPartnershipRequest, PartnershipParams } from './partnership.requests.js';

/** The secretariat's commands on a partnership's stream (seed 004). */
@AreaController('admin/partnerships', 'secretariat', ADMIN)
export class PartnershipCommandsController {
  constructor(private readonly personalData: PersonalData) {}

  @CommandRoute('LaunchPartnership', '', { summary: 'Launch an inter-city partnership (PartnershipLaunched)' })
  async launch(@Body() { contacts, ...body }: LaunchPartnershipRequest) {
    // each person is sealed under their own key before the command exists (DESIGN §7)
    const sealed = contacts === undefined ? {} : { contacts: await Promise.all(contacts.map((contact) => this.personalData.seal(contact))) };
    return command('LaunchPartnership', { ...body, ...sealed });
  }

  @CommandRoute('AddPartnershipContact', ':partnershipId/contacts', {
    summary: 'Record a person to write to about a partnership (PartnershipContactAdded)',
    description: 'Personal data: the name and e-mail are stored only encrypted under the person’s own key (DESIGN §7). The same person in the same role twice is a 409.',
    errors: [404, 409],
  })
  async addContact(@Param() { partnershipId }: PartnershipParams, @Body() body: ContactRequest) {
    return command('AddPartnershipContact', { partnershipId, contact: await this.personalData.seal(body) });
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
