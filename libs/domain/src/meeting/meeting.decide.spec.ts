import { specFor } from '../shared/decider-spec.js';
import { fold } from '../shared/decider.js';
import { cityOf, designatedCity, krakowiceScheduled } from '../shared/spec-fixtures.js';
import { initialCityState } from '../city/city.state.js';
import { fieldCatalogue } from '../network/network.state.js';
import type { CancelMeeting, RecordMeetingHosted, ScheduleMeeting } from './meeting.commands.js';
import { meetingCityIds, meetingDecider } from './meeting.decide.js';
import type { MeetingCancelled, MeetingEvent, MeetingHosted, MeetingScheduled } from './meeting.events.js';
import type { MeetingState } from './meeting.state.js';

/*
 * Meetings from seeds 000 and 001 and data/uccn-conferences.csv. Days the sources do not give
 * (the 2008 meetings, designation days) are illustrative.
 */
const given = specFor(meetingDecider);
const catalogue = fieldCatalogue([
  { type: 'CreativeFieldAdded', data: { field: 'architecture', label: 'Architecture', effectiveOn: '2025-10-31' } },
]);


const cities = {
  krakow: designatedCity('krakow', 'PL', 'literature', '2013-10-21'),
  katowice: designatedCity('katowice', 'PL', 'music', '2015-12-11'),
  'santa-fe': designatedCity('santa-fe', 'US', 'crafts-and-folk-art', '2005-07-13'),
  santos: designatedCity('santos', 'BR', 'film', '2015-12-11'),
  ostersund: designatedCity('ostersund', 'SE', 'gastronomy', '2010-06-01'),
  norrkoping: designatedCity('norrkoping', 'SE', 'music', '2017-10-31'),
  lyon: designatedCity('lyon', 'FR', 'media-arts', '2008-06-01'),
  kashan: designatedCity('kashan', 'IR', 'architecture', '2025-10-31'),
  // hypothetical withdrawal (see city.decide.spec.ts): Harbin's real reason for leaving is unknown
  harbin: cityOf(
    { type: 'CityDesignated', data: { cityId: 'harbin', name: 'Harbin', country: 'CN', field: 'music', designatedOn: '2010-06-01' } },
    { type: 'MembershipWithdrawn', data: { cityId: 'harbin', effectiveOn: '2020-01-01', reason: 'voluntary' } },
  ),
  'never-designated': initialCityState,
};

// XII Annual Meeting, Kraków and Katowice jointly, 12–15 June 2018, "Creative Crossroads" (seed 000);
// announced in 2017, so scheduled while its dates were still ahead
const scheduleKrakowice: ScheduleMeeting = { type: 'ScheduleMeeting', ...krakowiceScheduled.data, catalogue, cities, today: '2017-11-25' };

describe('scheduling a meeting', () => {
  it('schedules the XII Annual Meeting jointly hosted by Kraków and Katowice, months ahead', () => {
    given([]).when(scheduleKrakowice).then([krakowiceScheduled]);
  });

  it('schedules the 2008 meeting at UNESCO Headquarters, a venue without a host city', () => {
    const parisScheduled: MeetingScheduled = {
      type: 'MeetingScheduled',
      data: {
        meetingId: 'annual-2008-paris',
        kind: 'annual-conference',
        title: 'UCCN Annual Meeting, Paris',
        edition: 1,
        hostCityIds: [],
        venue: 'UNESCO Headquarters, Paris',
        startsOn: '2008-01-21',
        endsOn: '2008-01-22',
        format: 'in-person',
      },
    };
    const paris: ScheduleMeeting = { ...scheduleKrakowice, theme: undefined, ...parisScheduled.data, today: '2008-01-01' };
    given([]).when(paris).then([parisScheduled]);
  });

  it('schedules a second annual conference in 2008, in Santa Fe: once a year is a habit, not a rule', () => {
    const santaFe = { ...scheduleKrakowice, meetingId: 'annual-2008-santa-fe', title: 'UCCN Annual Meeting, Santa Fe', edition: 2, hostCityIds: ['santa-fe'], startsOn: '2008-10-08', endsOn: '2008-10-10', theme: undefined, today: '2008-01-01' };
    const [event] = meetingDecider.decide(santaFe, meetingDecider.initialState);
    expect(event).toMatchObject({ type: 'MeetingScheduled', data: { hostCityIds: ['santa-fe'], edition: 2, startsOn: '2008-10-08' } });
  });

  it('refuses a meeting with neither a host city nor a venue', () => {
    given([]).when({ ...scheduleKrakowice, hostCityIds: [] }).thenThrows('MeetingNeedsHostOrVenue', 'rule');
  });

  it('refuses a meeting that ends before it starts, as a bad request on endsOn', () => {
    expect(given([]).when({ ...scheduleKrakowice, endsOn: '2018-06-11' }).thenThrows('PeriodEndsBeforeItStarts', 'invalid').field).toBe('endsOn');
  });

  it('refuses an annual conference in person without an edition number', () => {
    expect(given([]).when({ ...scheduleKrakowice, edition: undefined }).thenThrows('InvalidNumber', 'invalid').field).toBe('edition');
    expect(given([]).when({ ...scheduleKrakowice, edition: undefined, format: 'hybrid' }).thenThrows('InvalidNumber', 'invalid').field).toBe('edition');
  });

  it('schedules the 2021 online conference, organised with Santos, without an edition: it had none', () => {
    const online2021 = {
      ...scheduleKrakowice,
      meetingId: 'annual-2021-santos',
      title: 'UNESCO Creative Cities: Build back better from COVID-19',
      edition: undefined,
      hostCityIds: ['santos'],
      startsOn: '2021-07-06',
      endsOn: '2021-07-07',
      theme: 'Build back better through culture and creativity',
      format: 'online' as const,
      today: '2021-06-01',
    };
    given([]).when(online2021).then([
      {
        type: 'MeetingScheduled',
        data: {
          meetingId: 'annual-2021-santos',
          kind: 'annual-conference',
          title: 'UNESCO Creative Cities: Build back better from COVID-19',
          hostCityIds: ['santos'],
          startsOn: '2021-07-06',
          endsOn: '2021-07-07',
          theme: 'Build back better through culture and creativity',
          format: 'online',
        },
      },
    ]);
  });

  it('schedules a music sub-network meeting hosted by Katowice', () => {
    const music = { ...scheduleKrakowice, meetingId: 'music-2019-katowice', kind: 'subnetwork' as const, title: 'Cities of Music meeting', edition: undefined, field: 'music', hostCityIds: ['katowice'], startsOn: '2019-05-20', endsOn: '2019-05-22', theme: undefined, today: '2019-01-10' };
    const [event] = meetingDecider.decide(music, meetingDecider.initialState);
    expect(event?.data).toMatchObject({ kind: 'subnetwork', field: 'music' });
    expect(event?.data).not.toHaveProperty('edition');
  });

  it('refuses a sub-network meeting without a field, in an unknown field, or in a field not yet open', () => {
    const sub = { ...scheduleKrakowice, kind: 'subnetwork' as const, edition: undefined };
    expect(given([]).when(sub).thenThrows('InvalidSlug', 'invalid').field).toBe('field');
    given([]).when({ ...sub, field: 'poetry' }).thenThrows('UnknownCreativeField', 'invalid');
    given([]).when({ ...sub, field: 'architecture' }).thenThrows('CreativeFieldNotYetOpen', 'rule');
  });

  it('schedules the Swedish national meeting and refuses a national meeting without a country', () => {
    // the Swedish commission convenes its creative cities once a year (seed 003)
    const national = { ...scheduleKrakowice, meetingId: 'se-national-2019', kind: 'national' as const, title: 'Kreativa städer i Sverige', edition: undefined, country: 'SE', hostCityIds: ['norrkoping'], startsOn: '2019-03-14', endsOn: '2019-03-14', theme: undefined, today: '2019-01-10' };
    expect(meetingDecider.decide(national, meetingDecider.initialState)[0]?.data).toMatchObject({ kind: 'national', country: 'SE' });
    expect(given([]).when({ ...national, country: undefined }).thenThrows('InvalidCountryCode', 'invalid').field).toBe('country');
  });

  it('refuses a host that is not a member on the first day', () => {
    // Norrköping became a City of Music on 31 October 2017
    const error = given([]).when({ ...scheduleKrakowice, hostCityIds: ['norrkoping'], startsOn: '2017-06-30', endsOn: '2017-07-02' }).thenThrows('CityNotMemberOnDate', 'rule');
    expect(error.message).toContain('norrkoping cannot host a meeting on 2017-06-30');
  });

  it('refuses a host the register does not know', () => {
    given([]).when({ ...scheduleKrakowice, hostCityIds: ['krakow', 'atlantis'] }).thenThrows('CityNotFound', 'not-found');
    given([]).when({ ...scheduleKrakowice, hostCityIds: ['never-designated'] }).thenThrows('CityNotFound', 'not-found');
  });

  it('refuses a host named twice', () => {
    given([]).when({ ...scheduleKrakowice, hostCityIds: ['krakow', 'krakow'] }).thenThrows('DuplicateValue', 'invalid');
  });

  it('refuses to schedule the same meeting id twice', () => {
    given([krakowiceScheduled]).when(scheduleKrakowice).thenThrows('MeetingAlreadyScheduled', 'conflict');
  });
});

describe('recording a meeting as hosted', () => {
  const hosted: RecordMeetingHosted = {
    type: 'RecordMeetingHosted',
    meetingId: 'annual-2018',
    attendeeCityIds: ['krakow', 'katowice', 'ostersund', 'norrkoping', 'lyon'],
    cities,
    today: '2018-06-20',
  };
  const krakowiceHosted: MeetingHosted = {
    type: 'MeetingHosted',
    data: {
      meetingId: 'annual-2018',
      attendeeCityIds: ['krakow', 'katowice', 'ostersund', 'norrkoping', 'lyon'],
      heldFrom: '2018-06-12',
      heldTo: '2018-06-15',
      format: 'in-person',
    },
  };

  it('records the XII Annual Meeting as held on its planned dates, with its attendees', () => {
    given([krakowiceScheduled]).when(hosted).then([krakowiceHosted]);
  });

  it('records other dates and format when the meeting was not held as planned', () => {
    given([krakowiceScheduled])
      .when({ ...hosted, attendeeCityIds: undefined, heldFrom: '2018-06-13', heldTo: '2018-06-14', format: 'hybrid' })
      .then([{ type: 'MeetingHosted', data: { meetingId: 'annual-2018', attendeeCityIds: [], heldFrom: '2018-06-13', heldTo: '2018-06-14', format: 'hybrid' } }]);
  });

  it('refuses to record a meeting before it has begun', () => {
    given([krakowiceScheduled]).when({ ...hosted, today: '2018-06-11' }).thenThrows('DateInTheFuture', 'rule');
  });

  it('refuses an attendee that was not a member on the first day held', () => {
    const error = given([krakowiceScheduled]).when({ ...hosted, attendeeCityIds: ['krakow', 'kashan'] }).thenThrows('CityNotMemberOnDate', 'rule');
    expect(error.message).toContain('kashan cannot attend a meeting on 2018-06-12');
  });

  it('refuses an attendee the register does not know', () => {
    given([krakowiceScheduled]).when({ ...hosted, attendeeCityIds: ['atlantis'] }).thenThrows('CityNotFound', 'not-found');
  });

  it('checks the hosts again when the meeting was held from another day', () => {
    const harbinMeeting: MeetingScheduled = { type: 'MeetingScheduled', data: { ...krakowiceScheduled.data, meetingId: 'music-2019-harbin', kind: 'subnetwork', edition: undefined, field: 'music', hostCityIds: ['harbin'], startsOn: '2019-12-10', endsOn: '2019-12-12' } };
    const record = { ...hosted, meetingId: 'music-2019-harbin', attendeeCityIds: [] };
    given([harbinMeeting]).when({ ...record, heldFrom: '2020-02-03', heldTo: '2020-02-05', today: '2020-03-01' }).thenThrows('CityNotMemberOnDate', 'rule');
    expect(meetingDecider.decide({ ...record, today: '2020-03-01' }, meetingDecider.evolve(meetingDecider.initialState, harbinMeeting))).toHaveLength(1);
  });

  it('refuses to record an unknown, a cancelled or an already hosted meeting', () => {
    const cancelled: MeetingCancelled = { type: 'MeetingCancelled', data: { meetingId: 'annual-2018', cancelledOn: '2018-05-01', reason: 'flood', forceMajeure: true } };
    given([]).when(hosted).thenThrows('MeetingNotFound', 'not-found');
    given([krakowiceScheduled, cancelled]).when(hosted).thenThrows('CancelledMeetingCannotBeHosted', 'conflict');
    given([krakowiceScheduled, krakowiceHosted]).when(hosted).thenThrows('MeetingAlreadyHosted', 'conflict');
  });

  it('names the cities the application must load: attendees and hosts', () => {
    const { state } = given([krakowiceScheduled]);
    expect(meetingCityIds({ ...hosted, attendeeCityIds: ['lyon', 'krakow'] }, state)).toEqual(['krakow', 'katowice', 'lyon']);
    expect(meetingCityIds(scheduleKrakowice, given([]).state)).toEqual(['krakow', 'katowice']);
  });
});

// XIV planned in Santos for 13–17 July 2020, postponed because of COVID-19 (data/SOURCES.md §2)
const santos2020: MeetingScheduled = {
  type: 'MeetingScheduled',
  data: {
    meetingId: 'annual-2020-santos',
    kind: 'annual-conference',
    title: 'XIV UCCN Annual Conference, Santos 2020',
    edition: 14,
    hostCityIds: ['santos'],
    startsOn: '2020-07-13',
    endsOn: '2020-07-17',
    theme: 'Criatividade, Caminho para a Igualdade',
    format: 'in-person',
  },
};

describe('cancelling a meeting', () => {
  const cancel: CancelMeeting = {
    type: 'CancelMeeting',
    meetingId: 'annual-2020-santos',
    cancelledOn: '2020-04-03',
    reason: 'postponed because of the COVID-19 pandemic',
    forceMajeure: true,
    today: '2020-04-03',
  };
  const santosCancelled: MeetingCancelled = {
    type: 'MeetingCancelled',
    data: { meetingId: 'annual-2020-santos', cancelledOn: '2020-04-03', reason: 'postponed because of the COVID-19 pandemic', forceMajeure: true },
  };

  it('cancels the 2020 conference in Santos for force majeure', () => {
    given([santos2020]).when(cancel).then([santosCancelled]);
  });

  it('refuses to cancel twice, to cancel a meeting that took place, or an unknown one', () => {
    const held: MeetingHosted = { type: 'MeetingHosted', data: { meetingId: 'annual-2020-santos', attendeeCityIds: [], heldFrom: '2020-07-13', heldTo: '2020-07-17', format: 'in-person' } };
    given([santos2020, santosCancelled]).when(cancel).thenThrows('MeetingAlreadyCancelled', 'conflict');
    given([santos2020, held]).when({ ...cancel, today: '2020-08-01' }).thenThrows('HostedMeetingCannotBeCancelled', 'conflict');
    given([]).when(cancel).thenThrows('MeetingNotFound', 'not-found');
  });

  it('refuses a cancellation after the meeting would have ended, or dated after today', () => {
    given([santos2020]).when({ ...cancel, cancelledOn: '2020-07-18', today: '2020-08-01' }).thenThrows('CancelledAfterMeetingEnded', 'rule');
    given([santos2020]).when({ ...cancel, today: '2020-04-02' }).thenThrows('DateInTheFuture', 'rule');
  });

  it('refuses a cancellation without a reason or without saying whether it is force majeure', () => {
    given([santos2020]).when({ ...cancel, reason: '' }).thenThrows('MissingText', 'invalid');
    given([santos2020]).when({ ...cancel, forceMajeure: undefined as never }).thenThrows('InvalidBoolean', 'invalid');
  });
});

describe('rescheduling a conference after its cancellation', () => {
  // XIV planned in Santos for 13–17 July 2020, postponed because of COVID-19, then held in Santos
  // on 18–22 July 2022 as the XIV conference (data/SOURCES.md §2)
  const postponed: MeetingCancelled = {
    type: 'MeetingCancelled',
    data: { meetingId: 'annual-2020-santos', cancelledOn: '2020-04-03', reason: 'postponed because of the COVID-19 pandemic', forceMajeure: true },
  };
  const meeting = (...events: MeetingEvent[]): MeetingState => fold(meetingDecider.evolve, meetingDecider.initialState, events);
  const santos2022: MeetingScheduled = {
    type: 'MeetingScheduled',
    data: {
      ...santos2020.data,
      meetingId: 'annual-2022-santos',
      title: 'XIV UCCN Annual Conference, Santos 2022',
      startsOn: '2022-07-18',
      endsOn: '2022-07-22',
      theme: 'Creativity, path to equality',
      replaces: 'annual-2020-santos',
    },
  };
  const reschedule: ScheduleMeeting = {
    type: 'ScheduleMeeting',
    ...santos2022.data,
    catalogue,
    cities,
    replaced: meeting(santos2020, postponed),
    today: '2022-01-10',
  };

  it('schedules XIV in Santos in 2022 in place of the one cancelled in 2020, reusing its edition', () => {
    given([]).when(reschedule).then([santos2022]);
  });

  it('cannot replace a meeting never scheduled, naming the one it looked for', () => {
    const error = given([]).when({ ...reschedule, replaced: meeting() }).thenThrows('MeetingNotFound', 'not-found');
    expect(error.message).toContain('annual-2020-santos');
    given([]).when({ ...reschedule, replaced: undefined }).thenThrows('MeetingNotFound', 'not-found');
  });

  it('cannot replace a meeting that is still scheduled or that took place: only a cancelled one is replaced', () => {
    given([]).when({ ...reschedule, replaced: meeting(santos2020) }).thenThrows('ReplacedMeetingNotCancelled', 'conflict');
    const held: MeetingHosted = { type: 'MeetingHosted', data: { meetingId: 'annual-2020-santos', attendeeCityIds: [], heldFrom: '2020-07-13', heldTo: '2020-07-17', format: 'in-person' } };
    given([]).when({ ...reschedule, replaced: meeting(santos2020, held) }).thenThrows('ReplacedMeetingNotCancelled', 'conflict');
  });

  it('keeps the cancelled conference\'s edition: XIV rescheduled is not XV', () => {
    const error = given([]).when({ ...reschedule, edition: 15 }).thenThrows('ReplacementEditionDiffers', 'rule');
    expect(error.message).toContain('edition 14');
  });

  it('replaces only a meeting of its own kind: a sub-network meeting does not stand in for a conference', () => {
    const musicMeeting: ScheduleMeeting = { ...reschedule, kind: 'subnetwork', edition: undefined, field: 'music', title: 'Music cities meeting' };
    given([]).when(musicMeeting).thenThrows('ReplacedMeetingOfAnotherKind', 'rule');
  });

  it('refuses a replaced meeting id that is not a slug, before looking it up', () => {
    given([]).when({ ...reschedule, replaces: 'Santos 2020' }).thenThrows('InvalidSlug', 'invalid');
  });
});
