import { Body, Controller, Param } from '@nestjs/common';
import { ApiArea } from '../../http/openapi.decorators.js';
import { ADMIN, Roles } from '../../http/roles.decorator.js';
import { command, CommandRoute } from '../command-route.js';
import { CancelMeetingRequest, MeetingParams, RecordMeetingHostedRequest, ScheduleMeetingRequest } from './meeting.requests.js';

/** The secretariat's commands on a meeting's stream: scheduled, then hosted or cancelled. */
@Controller('admin/meetings')
@ApiArea('secretariat')
@Roles(...ADMIN)
export class MeetingCommandsController {
  @CommandRoute('ScheduleMeeting', '', {
    summary: 'Schedule a meeting (MeetingScheduled)',
    description:
      'An annual conference needs an edition, a sub-network meeting a field, a national one a country; a host city or a venue (422). Host cities must be members on the dates (404 for an unknown one).',
    errors: [404],
  })
  schedule(@Body() body: ScheduleMeetingRequest) {
    return command('ScheduleMeeting', body);
  }

  @CommandRoute('RecordMeetingHosted', ':meetingId/hosted', {
    summary: 'Record that a meeting took place (MeetingHosted)',
    description: "Omitted values are the plan's; hosting a cancelled meeting is a 409.",
    errors: [404],
  })
  recordHosted(@Param() { meetingId }: MeetingParams, @Body() body: RecordMeetingHostedRequest) {
    return command('RecordMeetingHosted', { ...body, meetingId });
  }

  @CommandRoute('CancelMeeting', ':meetingId/cancellation', {
    summary: 'Record that a meeting was called off (MeetingCancelled)',
    description: 'Santos 2020, COVID-19, force majeure.',
    errors: [404],
  })
  cancel(@Param() { meetingId }: MeetingParams, @Body() body: CancelMeetingRequest) {
    return command('CancelMeeting', { ...body, meetingId });
  }
}
