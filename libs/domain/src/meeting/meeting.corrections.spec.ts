import { specFor } from '../shared/decider-spec.js';
import { fold } from '../shared/decider.js';
import { designatedCity, krakowiceScheduled } from '../shared/spec-fixtures.js';
import type { CityState } from '../city/city.state.js';
import type { CorrectMeetingRecord, RecordMeetingAttendance } from './meeting.commands.js';
import { meetingDecider } from './meeting.decide.js';
import type { MeetingAttendanceRecorded, MeetingCancelled, MeetingEvent, MeetingHosted, MeetingRecordCorrected, MeetingScheduled } from './meeting.events.js';
import type { MeetingState } from './meeting.state.js';

/*
 * DESIGN §6 on meetings: the 17 imported conferences were recorded as held with no attendance,
 * and adding it answered MeetingAlreadyHosted; a conference's record could not be amended at all.
 */
const given = specFor(meetingDecider);
const today = '2026-12-01';
const designated = (cityId: string, designatedOn: string): CityState => designatedCity(cityId, 'PL', 'music', designatedOn);
const cities = {
  krakow: designated('krakow', '2013-10-21'),
  katowice: designated('katowice', '2015-12-11'),
  lyon: designated('lyon', '2008-06-01'),
  ostersund: designated('ostersund', '2010-06-01'),
  norrkoping: designated('norrkoping', '2017-10-31'),
  // designated after the 2018 meeting: it cannot have attended it as a member
  kashan: designated('kashan', '2025-10-31'),
};

// XII Annual Meeting, Kraków and Katowice, 12–15 June 2018 (seed 000)
const scheduled = krakowiceScheduled;
const hosted: MeetingHosted = {
  type: 'MeetingHosted',
  data: { meetingId: 'annual-2018', attendeeCityIds: [], heldFrom: '2018-06-12', heldTo: '2018-06-15', format: 'in-person' },
};
const cancelled: MeetingCancelled = {
  type: 'MeetingCancelled',
  data: { meetingId: 'annual-2018', cancelledOn: '2018-05-01', reason: 'illustrative', forceMajeure: true },
};
const correct = (facts: Partial<CorrectMeetingRecord>): CorrectMeetingRecord => ({
  type: 'CorrectMeetingRecord',
  meetingId: 'annual-2018',
  reason: 'the programme says so',
  cities,
  today,
  ...facts,
});
const attend = (attendeeCityIds: string[]): RecordMeetingAttendance => ({ type: 'RecordMeetingAttendance', meetingId: 'annual-2018', attendeeCityIds, cities, today });

describe("correcting a meeting's record", () => {
  it('corrects the theme, keeping what was recorded beside it', () => {
    given([scheduled, hosted])
      .when(correct({ theme: 'Creative Crossroads: Culture and Creativity' }))
      .then([
        {
          type: 'MeetingRecordCorrected',
          data: {
            meetingId: 'annual-2018',
            reason: 'the programme says so',
            before: { theme: 'Creative Crossroads' },
            after: { theme: 'Creative Crossroads: Culture and Creativity' },
          },
        },
      ]);
  });

  it("moves a held meeting's days: they are the days it was held", () => {
    const corrected = { type: 'MeetingRecordCorrected', data: { meetingId: 'annual-2018', reason: 'r', before: { endsOn: '2018-06-15' }, after: { endsOn: '2018-06-16' } } } as const;
    given([scheduled, hosted]).when(correct({ endsOn: '2018-06-16', reason: 'r' })).then([corrected]);
    expect(given([scheduled, hosted, corrected]).state).toMatchObject({ status: 'hosted', held: { heldFrom: '2018-06-12', heldTo: '2018-06-16' } });
  });

  it('is a conflict when it changes nothing, 404 for an unknown meeting, 400 when it names no fact', () => {
    given([scheduled]).when(correct({ hostCityIds: ['krakow', 'katowice'], edition: 12 })).thenThrows('CorrectionChangesNothing', 'conflict');
    given([]).when(correct({ title: 'x' })).thenThrows('MeetingNotFound', 'not-found');
    given([scheduled]).when(correct({})).thenThrows('NothingToCorrect', 'invalid');
  });

  it('keeps the rules of a meeting: an end not before its start, a host or a venue', () => {
    given([scheduled]).when(correct({ endsOn: '2018-06-01' })).thenThrows('CorrectionContradictsRecord', 'rule');
    given([scheduled]).when(correct({ hostCityIds: [] })).thenThrows('MeetingNeedsHostOrVenue', 'rule');
    // with a venue the hosts may go: UNESCO Headquarters hosted 2008 in Paris without a host city
    given([scheduled]).when(correct({ hostCityIds: [], venue: 'UNESCO Headquarters, Paris' })).then([
      {
        type: 'MeetingRecordCorrected',
        data: {
          meetingId: 'annual-2018',
          reason: 'the programme says so',
          before: { hostCityIds: ['krakow', 'katowice'] },
          after: { venue: 'UNESCO Headquarters, Paris', hostCityIds: [] },
        },
      },
    ]);
  });

  it('refuses a host that was not a member on the first day, and an unknown one', () => {
    given([scheduled]).when(correct({ hostCityIds: ['kashan'] })).thenThrows('CityNotMemberOnDate', 'rule');
    given([scheduled]).when(correct({ hostCityIds: ['atlantis'] })).thenThrows('CityNotFound', 'not-found');
  });

  it('refuses to move a cancelled meeting to end before it was cancelled', () => {
    given([scheduled, cancelled]).when(correct({ startsOn: '2018-04-01', endsOn: '2018-04-03' })).thenThrows('CancelledAfterMeetingEnded', 'rule');
  });
});

describe('correcting a rescheduled conference to name the cancelled one it replaces', () => {
  // the first import recorded XIV Santos 2022 without the 2020 conference it was postponed from
  // (data/SOURCES.md §2); the import now amends it
  const santos = { santos: designated('santos', '2015-12-11') };
  const santos2020 = (...more: MeetingEvent[]): MeetingState =>
    fold(meetingDecider.evolve, meetingDecider.initialState, [
      {
        type: 'MeetingScheduled',
        data: { meetingId: 'annual-2020-santos', kind: 'annual-conference', title: 'XIV, Santos 2020', edition: 14, hostCityIds: ['santos'], startsOn: '2020-07-13', endsOn: '2020-07-17', format: 'in-person' },
      },
      ...more,
    ]);
  const postponed: MeetingCancelled = {
    type: 'MeetingCancelled',
    data: { meetingId: 'annual-2020-santos', cancelledOn: '2020-04-03', reason: 'COVID-19', forceMajeure: true },
  };
  const santos2022: MeetingScheduled = {
    type: 'MeetingScheduled',
    data: { meetingId: 'annual-2022-santos', kind: 'annual-conference', title: 'XIV, Santos 2022', edition: 14, hostCityIds: ['santos'], startsOn: '2022-07-18', endsOn: '2022-07-22', format: 'in-person' },
  };
  const held2022: MeetingHosted = {
    type: 'MeetingHosted',
    data: { meetingId: 'annual-2022-santos', attendeeCityIds: [], heldFrom: '2022-07-18', heldTo: '2022-07-22', format: 'in-person' },
  };
  const correct2022 = (facts: Partial<CorrectMeetingRecord>): CorrectMeetingRecord => ({
    type: 'CorrectMeetingRecord',
    meetingId: 'annual-2022-santos',
    reason: 'SOURCES.md §2: postponed from 2020',
    cities: santos,
    today,
    replaced: santos2020(postponed),
    ...facts,
  });
  const named: MeetingRecordCorrected = {
    type: 'MeetingRecordCorrected',
    data: { meetingId: 'annual-2022-santos', reason: 'SOURCES.md §2: postponed from 2020', before: {}, after: { replaces: 'annual-2020-santos' } },
  };

  it('names the 2020 conference a held 2022 one replaces: nothing was recorded there before', () => {
    given([santos2022, held2022]).when(correct2022({ replaces: 'annual-2020-santos' })).then([named]);
    expect(given([santos2022, held2022, named]).state).toMatchObject({ status: 'hosted', plan: { replaces: 'annual-2020-santos', edition: 14 } });
  });

  it('is a conflict the second time: the record already names it', () => {
    given([santos2022, held2022, named]).when(correct2022({ replaces: 'annual-2020-santos' })).thenThrows('CorrectionChangesNothing', 'conflict');
  });

  it('keeps the rules of scheduling: the replaced meeting exists, was cancelled, and had the same edition', () => {
    given([santos2022]).when(correct2022({ replaces: 'annual-2020-santos', replaced: undefined })).thenThrows('MeetingNotFound', 'not-found');
    given([santos2022]).when(correct2022({ replaces: 'annual-2020-santos', replaced: santos2020() })).thenThrows('ReplacedMeetingNotCancelled', 'conflict');
    given([santos2022]).when(correct2022({ replaces: 'annual-2020-santos', edition: 15 })).thenThrows('ReplacementEditionDiffers', 'rule');
    given([santos2022]).when(correct2022({ replaces: 'annual-2022-santos' })).thenThrows('MeetingCannotReplaceItself', 'rule');
  });

  it('refuses to give a replacing conference another edition than the one it replaces', () => {
    given([santos2022, held2022, named]).when(correct2022({ edition: 15 })).thenThrows('ReplacementEditionDiffers', 'rule');
  });
});

describe('recording attendance at a meeting already held', () => {
  it('adds the cities that took part, at any later time', () => {
    given([scheduled, hosted])
      .when(attend(['lyon', 'ostersund']))
      .then([{ type: 'MeetingAttendanceRecorded', data: { meetingId: 'annual-2018', attendeeCityIds: ['lyon', 'ostersund'] } }]);
  });

  it('records only the cities not yet recorded, and is a conflict when every one already is', () => {
    const first: MeetingAttendanceRecorded = { type: 'MeetingAttendanceRecorded', data: { meetingId: 'annual-2018', attendeeCityIds: ['lyon'] } };
    given([scheduled, hosted, first])
      .when(attend(['lyon', 'norrkoping']))
      .then([{ type: 'MeetingAttendanceRecorded', data: { meetingId: 'annual-2018', attendeeCityIds: ['norrkoping'] } }]);
    given([scheduled, hosted, first]).when(attend(['lyon'])).thenThrows('AttendanceAlreadyRecorded', 'conflict');
  });

  it('refuses a city that was not a member when the meeting was held', () => {
    given([scheduled, hosted]).when(attend(['kashan'])).thenThrows('CityNotMemberOnDate', 'rule');
  });

  it('is a conflict for a meeting not held, 404 for one never scheduled', () => {
    given([scheduled]).when(attend(['lyon'])).thenThrows('MeetingNotHeld', 'conflict');
    given([scheduled, cancelled]).when(attend(['lyon'])).thenThrows('MeetingNotHeld', 'conflict');
    given([]).when(attend(['lyon'])).thenThrows('MeetingNotFound', 'not-found');
  });
});
