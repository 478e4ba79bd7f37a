import { Body, Param } from '@nestjs/common';
import { AreaController } from '../../http/area-controller.decorator.js';
import { ADMIN } from '../../http/roles.decorator.js';
import { command, CommandRoute } from '../command-route.js';
import {
  CancelMeetingRequest,
  CorrectMeetingRecordRequest,
  MeetingParams,
  RecordMeetingAttendanceRequest,
  RecordMeetingHostedRequest,
  ScheduleMeetingRequest,
} from './meeting.requests.js';

/** The secretariat's commands on a meeting's stream: scheduled, then hosted or cancelled. */
@AreaController('admin/meetings', 'secretariat', ADMIN)
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

  @CommandRoute('CorrectMeetingRecord', ':meetingId/corrections', {
    summary: "Correct a meeting's record (MeetingRecordCorrected)",
    description:
      'Title, edition, theme, venue, hosts, days or format; the event keeps the values before and after and the reason. No change is a 409; a meeting that would end before it starts, lose its host and venue, or have a host that was not a member is a 422.',
    errors: [404],
  })
  correct(@Param() { meetingId }: MeetingParams, @Body() body: CorrectMeetingRecordRequest) {
    return command('CorrectMeetingRecord', { ...body, meetingId });
  }

  @CommandRoute('RecordMeetingAttendance', ':meetingId/attendance', {
    summary: 'Add attendees to a meeting already held (MeetingAttendanceRecorded)',
    description: 'At any later time. A meeting not held is a 409, and so is a list of cities all already recorded; a city not a member when it was held is a 422.',
    errors: [404],
  })
  recordAttendance(@Param() { meetingId }: MeetingParams, @Body() body: RecordMeetingAttendanceRequest) {
    return command('RecordMeetingAttendance', { ...body, meetingId });
  }
}
