import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { calendarDateOf, meetingDecider, meetingStreamId, type ScheduleMeeting } from '@uccn/domain';
import { EVENT_STORE, type EventStore } from '@uccn/event-store';
import { CLOCK, type Clock } from '../shared/clock.js';
import type { CommandResult } from '../shared/command-context.js';
import { loadCatalogue } from '../shared/facts.js';
import { handleCommand } from '../shared/handle-command.js';
import { meetingCityStates } from './meeting-facts.js';
import { ScheduleMeetingCommand } from './schedule-meeting.command.js';

@CommandHandler(ScheduleMeetingCommand)
export class ScheduleMeetingHandler implements ICommandHandler<ScheduleMeetingCommand, CommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ payload, context }: ScheduleMeetingCommand): Promise<CommandResult> {
    return handleCommand(
      { store: this.store, clock: this.clock },
      {
        aggregateId: payload.meetingId,
        streamId: meetingStreamId(payload.meetingId),
        decider: meetingDecider,
        command: async (now, meeting) => {
          const command: Omit<ScheduleMeeting, 'cities'> = {
            type: 'ScheduleMeeting',
            ...payload,
            catalogue: await loadCatalogue(this.store),
            today: calendarDateOf(now),
          };
          return { ...command, cities: await meetingCityStates(this.store, command, meeting) };
        },
      },
      context,
    );
  }
}
