import { Body, Param } from '@nestjs/common';
import { AreaController } from '../../http/area-controller.decorator.js';
import { ADMIN } from '../../http/roles.decorator.js';
import { command, CommandRoute } from '../command-route.js';
import { ApplicationParams, DecideApplicationRequest, EndorseApplicationRequest, SubmitApplicationRequest } from './application.requests.js';

/** The secretariat's commands on an application's stream: submitted, endorsed, decided (seed 003). */
@AreaController('admin/applications', 'secretariat', ADMIN)
export class ApplicationCommandsController {
  @CommandRoute('SubmitApplication', '', { summary: "Record a city's application in a call (ApplicationSubmitted)" })
  submit(@Body() body: SubmitApplicationRequest) {
    return command('SubmitApplication', body);
  }

  @CommandRoute('EndorseApplication', ':applicationId/endorsement', {
    summary: "Record the national commission's endorsement (ApplicationEndorsed)",
    errors: [404],
  })
  endorse(@Param() { applicationId }: ApplicationParams, @Body() body: EndorseApplicationRequest) {
    return command('EndorseApplication', { ...body, applicationId });
  }

  @CommandRoute('DecideApplication', ':applicationId/decision', {
    summary: "Record UNESCO's decision on an application (ApplicationDecided)",
    description:
      'Answers once the decision is recorded; a `designated` decision then designates the city (CityDesignated), eventually consistent. `designated` needs an endorsement (422).',
    errors: [404],
  })
  decide(@Param() { applicationId }: ApplicationParams, @Body() body: DecideApplicationRequest) {
    return command('DecideApplication', { ...body, applicationId });
  }
}
