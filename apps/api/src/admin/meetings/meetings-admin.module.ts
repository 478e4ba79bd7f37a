import { Module } from '@nestjs/common';
import { CancelMeetingHandler, RecordMeetingHostedHandler, ScheduleMeetingHandler } from '@uccn/application';
import { CancelMeetingController } from './cancel-meeting.controller.js';
import { RecordMeetingHostedController } from './record-meeting-hosted.controller.js';
import { ScheduleMeetingController } from './schedule-meeting.controller.js';

/** The secretariat's commands on meetings: schedule, then record as hosted or cancel. */
@Module({
  controllers: [ScheduleMeetingController, RecordMeetingHostedController, CancelMeetingController],
  providers: [ScheduleMeetingHandler, RecordMeetingHostedHandler, CancelMeetingHandler],
})
export class MeetingsAdminModule {}
