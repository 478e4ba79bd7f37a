import { documentsOf, findDocuments, logOf, projectEvents, recorded } from '../../../../test/support/project-events.js';
import { MEETINGS, meetingsProjection, meetingsQuery } from './meetings.projection.js';

const krakowKatowice = recorded('MeetingScheduled', {
  meetingId: 'uccn-2018', kind: 'annual-conference', title: 'XII UNESCO Creative Cities Network Annual Conference', edition: 12,
  hostCityIds: ['krakow', 'katowice'], startsOn: '2018-06-12', endsOn: '2018-06-15', theme: 'Creative Crossroads', format: 'in-person',
});
const paris = recorded('MeetingScheduled', {
  meetingId: 'uccn-2008-paris', kind: 'annual-conference', title: 'I Annual Meeting', edition: 1,
  hostCityIds: [], venue: 'UNESCO Headquarters, Paris', startsOn: '2008-01-28', endsOn: '2008-01-29', format: 'in-person',
});
const santaFe = recorded('MeetingScheduled', {
  meetingId: 'uccn-2008-santa-fe', kind: 'annual-conference', title: 'II Annual Meeting', edition: 2,
  hostCityIds: ['santa-fe'], startsOn: '2008-09-14', endsOn: '2008-09-17', format: 'in-person',
});
const musicSubnetwork = recorded('MeetingScheduled', {
  meetingId: 'music-2008', kind: 'subnetwork', title: 'Cities of Music meeting', field: 'music',
  hostCityIds: ['bologna'], startsOn: '2008-05-05', endsOn: '2008-05-06', format: 'in-person',
});

describe('meetings projection', () => {
  it('shows the joint Kraków–Katowice conference as hosted, with attendance', async () => {
    const projected = await projectEvents(
      meetingsProjection,
      logOf(
        krakowKatowice,
        recorded('MeetingHosted', {
          meetingId: 'uccn-2018', attendeeCityIds: ['krakow', 'katowice', 'lyon', 'ostersund', 'lyon'],
          heldFrom: '2018-06-12', heldTo: '2018-06-15', format: 'in-person',
        }),
      ),
    );

    expect(documentsOf(projected, MEETINGS)).toEqual([
      {
        id: 'uccn-2018', meetingId: 'uccn-2018', kind: 'annual-conference', title: 'XII UNESCO Creative Cities Network Annual Conference',
        edition: 12, field: null, country: null, hostCityIds: ['krakow', 'katowice'], venue: null,
        startsOn: '2018-06-12', endsOn: '2018-06-15', year: 2018, theme: 'Creative Crossroads', format: 'in-person',
        status: 'hosted', attendeeCityIds: ['krakow', 'katowice', 'lyon', 'ostersund'], attendance: 4,
        heldFrom: '2018-06-12', heldTo: '2018-06-15', cancellation: null, replaces: null,
        lastEventId: 'event-2', lastPosition: 2,
      },
    ]);
  });

  it('keeps the Paris meeting at UNESCO Headquarters as a venue with no host city', async () => {
    const [meeting] = documentsOf(await projectEvents(meetingsProjection, logOf(paris)), MEETINGS);

    expect(meeting).toMatchObject({ hostCityIds: [], venue: 'UNESCO Headquarters, Paris', status: 'scheduled', attendance: 0, year: 2008 });
  });

  it('finds both 2008 annual meetings, Paris and Santa Fe, by kind and year, by date', async () => {
    const projected = await projectEvents(meetingsProjection, logOf(santaFe, musicSubnetwork, paris, krakowKatowice));

    const found = await findDocuments(projected, MEETINGS, meetingsQuery({ kind: 'annual-conference', year: 2008 }));

    expect(found.map((m) => m.id)).toEqual(['uccn-2008-paris', 'uccn-2008-santa-fe']);
    expect((await findDocuments(projected, MEETINGS, meetingsQuery({ year: 2008 }))).map((m) => m.id)).toEqual([
      'uccn-2008-paris', 'music-2008', 'uccn-2008-santa-fe',
    ]);
    expect(meetingsQuery({ kind: 'subnetwork' }, 3, 10)).toEqual({ filter: { kind: 'subnetwork' }, sort: [['startsOn', 1]], skip: 20, limit: 10 });
  });

  it('records the 2020 conference as cancelled by force majeure', async () => {
    const projected = await projectEvents(
      meetingsProjection,
      logOf(
        recorded('MeetingScheduled', {
          meetingId: 'uccn-2020', kind: 'annual-conference', title: 'XIV Annual Conference', edition: 14,
          hostCityIds: ['santos'], startsOn: '2020-06-22', endsOn: '2020-06-26', format: 'in-person',
        }),
        recorded('MeetingCancelled', { meetingId: 'uccn-2020', cancelledOn: '2020-03-20', reason: 'COVID-19 pandemic', forceMajeure: true }),
      ),
    );

    expect(projected.get(MEETINGS)?.get('uccn-2020')).toMatchObject({
      status: 'cancelled',
      year: 2020,
      attendance: 0,
      heldFrom: null,
      cancellation: { cancelledOn: '2020-03-20', reason: 'COVID-19 pandemic', forceMajeure: true },
      lastPosition: 2,
    });
  });

  it('records the format a meeting was held in, when it differs from the plan', async () => {
    const projected = await projectEvents(
      meetingsProjection,
      logOf(
        recorded('MeetingScheduled', {
          meetingId: 'uccn-2021', kind: 'annual-conference', title: 'Annual Conference 2021', hostCityIds: ['santos'],
          startsOn: '2021-07-06', endsOn: '2021-07-07', theme: 'Build back better through culture and creativity', format: 'hybrid',
        }),
        recorded('MeetingHosted', { meetingId: 'uccn-2021', attendeeCityIds: [], heldFrom: '2021-07-06', heldTo: '2021-07-07', format: 'online' }),
      ),
    );

    expect(projected.get(MEETINGS)?.get('uccn-2021')).toMatchObject({ status: 'hosted', format: 'online', edition: null, attendance: 0 });
  });
});

describe('meetings projection, amended (DESIGN §6)', () => {
  const hosted = recorded('MeetingHosted', { meetingId: 'uccn-2018', attendeeCityIds: [], heldFrom: '2018-06-12', heldTo: '2018-06-15', format: 'in-person' });

  it('adds attendance recorded after the meeting was recorded as held', async () => {
    const projected = await projectEvents(
      meetingsProjection,
      logOf(
        krakowKatowice,
        hosted,
        recorded('MeetingAttendanceRecorded', { meetingId: 'uccn-2018', attendeeCityIds: ['lyon', 'ostersund'] }),
        recorded('MeetingAttendanceRecorded', { meetingId: 'uccn-2018', attendeeCityIds: ['norrkoping'] }),
      ),
    );
    expect(documentsOf(projected, MEETINGS)[0]).toMatchObject({ status: 'hosted', attendeeCityIds: ['lyon', 'ostersund', 'norrkoping'], attendance: 3 });
  });

  it("shows a corrected record: a held meeting's corrected days are the days it was held, in the year they fall in", async () => {
    const projected = await projectEvents(
      meetingsProjection,
      logOf(
        krakowKatowice,
        hosted,
        recorded('MeetingRecordCorrected', {
          meetingId: 'uccn-2018',
          reason: 'the programme',
          before: { theme: 'Creative Crossroads', endsOn: '2018-06-15' },
          after: { theme: 'Creative Crossroads: Culture and Creativity', endsOn: '2018-06-16' },
        }),
      ),
    );
    expect(documentsOf(projected, MEETINGS)[0]).toMatchObject({
      theme: 'Creative Crossroads: Culture and Creativity',
      startsOn: '2018-06-12',
      endsOn: '2018-06-16',
      heldTo: '2018-06-16',
      year: 2018,
    });
  });

  it('moves a scheduled meeting to the year its corrected first day falls in', async () => {
    const projected = await projectEvents(
      meetingsProjection,
      logOf(santaFe, recorded('MeetingRecordCorrected', { meetingId: 'uccn-2008-santa-fe', reason: 'r', before: { startsOn: '2008-09-14', endsOn: '2008-09-17' }, after: { startsOn: '2009-09-14', endsOn: '2009-09-17' } })),
    );
    expect(documentsOf(projected, MEETINGS)[0]).toMatchObject({ startsOn: '2009-09-14', year: 2009, heldFrom: null, status: 'scheduled' });
  });

  it('names the cancelled conference a rescheduled one replaces, scheduled so or corrected later', async () => {
    const santos = (year: number, replaces?: string) =>
      recorded('MeetingScheduled', {
        meetingId: `uccn-${year}-santos`, kind: 'annual-conference', title: `XIV, Santos ${year}`, edition: 14, hostCityIds: ['santos'],
        startsOn: `${year}-07-13`, endsOn: `${year}-07-17`, format: 'in-person', ...(replaces ? { replaces } : {}),
      });
    const cancelled = recorded('MeetingCancelled', { meetingId: 'uccn-2020-santos', cancelledOn: '2020-07-13', reason: 'COVID-19', forceMajeure: true });
    const scheduled = documentsOf(await projectEvents(meetingsProjection, logOf(santos(2020), cancelled, santos(2022, 'uccn-2020-santos'))), MEETINGS);
    expect(scheduled.map((m) => [m.id, m['status'], m['replaces']])).toEqual([['uccn-2020-santos', 'cancelled', null], ['uccn-2022-santos', 'scheduled', 'uccn-2020-santos']]);

    const corrected = await projectEvents(
      meetingsProjection,
      logOf(santos(2022), recorded('MeetingRecordCorrected', { meetingId: 'uccn-2022-santos', reason: 'r', before: {}, after: { replaces: 'uccn-2020-santos' } })),
    );
    expect(documentsOf(corrected, MEETINGS)[0]).toMatchObject({ replaces: 'uccn-2020-santos', edition: 14 });
  });
});
