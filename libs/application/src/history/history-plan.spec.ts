import * as path from 'node:path';
import { parseCsv } from './csv.js';
import { NETWORK_HISTORY_DIR, readNetworkHistory, type NetworkHistory } from './network-history.js';
import { planNetworkHistory, romanToNumber, slugOf, type HistoryPlan, type HistoryStep } from './history-plan.js';

const dir = path.resolve(import.meta.dirname, '../../../..', NETWORK_HISTORY_DIR);

describe('the real history as the secretariat\'s commands', () => {
  let history: NetworkHistory;
  let plan: HistoryPlan;
  const stepsOf = <K extends HistoryStep['kind']>(kind: K) => plan.steps.filter((s): s is Extract<HistoryStep, { kind: K }> => s.kind === kind);
  const designation = (cityId: string) => stepsOf('DesignateCity').find((s) => s.payload.cityId === cityId)?.payload;
  const schedule = (year: number) => stepsOf('ScheduleMeeting').filter((s) => s.payload.startsOn.startsWith(String(year))).map((s) => s.payload);

  beforeAll(async () => {
    history = await readNetworkHistory(dir);
    plan = planNetworkHistory(history);
  });

  it('reads every row of both files, the quoted theme with its comma whole', () => {
    expect(history.cities).toHaveLength(388);
    expect(history.conferences).toHaveLength(17);
    expect(history.conferences.find((c) => c.year === 2022)?.theme).toBe('Creativity, path to equality');
    expect(history.conferences.find((c) => c.year === 2018)?.hosts).toEqual(['Krakow', 'Katowice']);
  });

  it('designates every city once, under an id of its own', () => {
    const ids = stepsOf('DesignateCity').map((s) => s.payload.cityId);
    expect(ids).toHaveLength(388);
    expect(new Set(ids).size).toBe(388);
    // two Granadas: Spain (literature 2014) and Nicaragua (design 2023)
    expect(designation('granada-es')).toMatchObject({ name: 'Granada', country: 'ES', field: 'literature', designatedOn: '2014-12-01' });
    expect(designation('granada-ni')).toMatchObject({ name: 'Granada', country: 'NI', field: 'design', designatedOn: '2023-10-31' });
  });

  it('dates a call year\'s designations on the day UNESCO announced them, and earlier ones on the last day of their year', () => {
    expect(designation('krakow')).toMatchObject({ name: 'Krakow', field: 'literature', designatedOn: '2013-12-31' });
    expect(designation('ostersund')).toMatchObject({ name: 'Östersund', country: 'SE', field: 'gastronomy', designatedOn: '2010-12-31' });
    expect(designation('katowice')).toMatchObject({ field: 'music', designatedOn: '2015-12-11' });
    expect(designation('rovaniemi')).toMatchObject({ field: 'architecture', designatedOn: '2025-10-31' });
    // 41 cities of 2004–2013, but Santa Fe and Popayán, whose day and month the sources give
    expect(plan.assumptions.find((a) => a.id === 'unknown-designation-day')?.rows).toHaveLength(39);
  });

  it('takes the days the sources give: Santa Fe\'s ceremony on 13 July 2005, Popayán on the last day of August 2005', () => {
    expect(designation('santa-fe')).toMatchObject({ name: 'Santa Fe', country: 'US', field: 'crafts-and-folk-art', designatedOn: '2005-07-13' });
    expect(designation('popayan')).toMatchObject({ name: 'Popayán', country: 'CO', field: 'gastronomy', designatedOn: '2005-08-31' });
    const byId = Object.fromEntries(plan.assumptions.map((a) => [a.id, a]));
    expect(byId['designation-day-from-sources']?.rows).toEqual([expect.stringMatching(/Santa Fe \(US\)$/)]);
    expect(byId['designation-day-from-sources']?.text).toContain('Santa Fe (US): 2005-07-13, SOURCES.md §1.2: ceremony 13 July 2005');
    expect(byId['designation-month-from-sources']?.rows).toEqual([expect.stringMatching(/Popayán \(CO\)$/)]);
    expect(byId['designation-month-from-sources']?.text).toContain('Popayán (CO): 2005-08-31');
  });

  it('amends a designation recorded with other values by a correction to the row\'s facts, naming its source', () => {
    const santaFe = stepsOf('DesignateCity').find((s) => s.payload.cityId === 'santa-fe')!;
    expect(santaFe.amend).toMatchObject({
      kind: 'CorrectCityRecord',
      payload: { cityId: 'santa-fe', name: 'Santa Fe', country: 'US', field: 'crafts-and-folk-art', designatedOn: '2005-07-13' },
      key: expect.stringMatching(/^network-history:city:santa-fe:designated:corrected:[0-9a-f]{16}$/),
    });
    expect(santaFe.amend!.payload.reason).toContain('uccn-cities.csv:346 Santa Fe (US), SOURCES.md §1.2: ceremony 13 July 2005');
  });

  it('designates Lyon in media arts and changes it to literature on the day of the 2023 designations', () => {
    expect(designation('lyon')).toMatchObject({ field: 'media-arts', designatedOn: '2008-12-31' });
    expect(stepsOf('ChangeCityField').map((s) => s.payload)).toEqual([{ cityId: 'lyon', field: 'literature', effectiveOn: '2023-10-31' }]);
    const order = plan.steps.map((s) => s.key);
    expect(order.indexOf('network-history:city:lyon:field-changed:2023-10-31')).toBeGreaterThan(order.indexOf('network-history:city:lyon:designated'));
  });

  it('opens architecture, first, on the day its first cities were designated', () => {
    expect(plan.steps[0]).toMatchObject({ kind: 'AddCreativeField', payload: { field: 'architecture', label: 'Architecture', effectiveOn: '2025-10-31' } });
    expect(stepsOf('AddCreativeField')).toHaveLength(1);
  });

  it('schedules every conference after the cities, records the 17 of the CSV as hosted, and the 2020 one as cancelled', () => {
    const firstMeeting = plan.steps.findIndex((s) => s.kind === 'ScheduleMeeting');
    expect(plan.steps.slice(firstMeeting).every((s) => ['ScheduleMeeting', 'RecordMeetingHosted', 'CancelMeeting'].includes(s.kind))).toBe(true);
    // 17 conferences took place (the CSV) and one was called off (SOURCES.md §2): 18 meetings
    expect(stepsOf('ScheduleMeeting')).toHaveLength(18);
    expect(stepsOf('RecordMeetingHosted')).toHaveLength(17);
    expect(stepsOf('CancelMeeting')).toHaveLength(1);
  });

  it('schedules XIV in Santos for 13–17 July 2020 and cancels it by force majeure on the day assumed', () => {
    expect(schedule(2020)).toEqual([
      {
        meetingId: 'annual-conference-2020-santos',
        kind: 'annual-conference',
        title: 'XIV UCCN Annual Conference, Santos 2020',
        edition: 14,
        hostCityIds: ['santos'],
        startsOn: '2020-07-13',
        endsOn: '2020-07-17',
        theme: 'Criatividade, Caminho para a Igualdade',
        format: 'in-person',
      },
    ]);
    const cancel = stepsOf('CancelMeeting')[0]!;
    expect(cancel.payload).toEqual({ meetingId: 'annual-conference-2020-santos', cancelledOn: '2020-07-12', reason: 'postponed because of COVID-19 (force majeure)', forceMajeure: true });
    expect(cancel.after).toBe('network-history:meeting:annual-conference-2020-santos:scheduled');
    const byId = Object.fromEntries(plan.assumptions.map((a) => [a.id, a]));
    expect(byId['unknown-cancellation-day']?.text).toContain('2020 Santos: 2020-07-12');
    expect(byId['cancelled-conference-from-notes']?.rows).toEqual(['SOURCES.md §2 2020 Santos', expect.stringMatching(/uccn-conferences\.csv:\d+ 2022 Santos$/)]);
  });

  it('schedules XIV Santos 2022 as the one that replaces 2020, with its edition, once 2020 is cancelled', () => {
    const santos2022 = stepsOf('ScheduleMeeting').find((s) => s.payload.meetingId === 'annual-conference-2022-santos')!;
    expect(santos2022.payload).toMatchObject({ edition: 14, replaces: 'annual-conference-2020-santos', startsOn: '2022-07-18' });
    expect(santos2022.after).toBe('network-history:meeting:annual-conference-2020-santos:cancelled');
    const order = plan.steps.map((s) => s.key);
    expect(order.indexOf(santos2022.after!)).toBeLessThan(order.indexOf(santos2022.key));
    // imported earlier without it, the 2022 meeting is amended by a correction that names it
    expect(santos2022.amend).toMatchObject({ kind: 'CorrectMeetingRecord', payload: { meetingId: 'annual-conference-2022-santos', edition: 14, replaces: 'annual-conference-2020-santos' } });
    expect(santos2022.amend!.payload.reason).toContain('nacoesunidas.org');
    expect(stepsOf('ScheduleMeeting').filter((s) => s.payload.replaces !== undefined)).toHaveLength(1);
  });

  it('records Paris 2008 at UNESCO Headquarters as a venue, and Kraków–Katowice 2018 with both hosts', () => {
    expect(schedule(2008)).toEqual([
      expect.objectContaining({ meetingId: 'annual-conference-2008-paris', edition: 1, hostCityIds: [], venue: 'UNESCO Headquarters, Paris' }),
      expect.objectContaining({ meetingId: 'annual-conference-2008-santa-fe', edition: 2, hostCityIds: ['santa-fe'] }),
    ]);
    expect(schedule(2018)).toEqual([
      expect.objectContaining({ edition: 12, hostCityIds: ['krakow', 'katowice'], startsOn: '2018-06-12', endsOn: '2018-06-15', theme: 'Creative Crossroads' }),
    ]);
    expect(schedule(2012)[0]).toMatchObject({ hostCityIds: ['montreal'], startsOn: '2012-07-01', endsOn: '2012-07-01' });
  });

  it('takes 2025\'s days from the sources\' notes, and sends the 2021 online meeting without an edition', () => {
    expect(schedule(2025)[0]).toMatchObject({ edition: 17, startsOn: '2025-06-23', endsOn: '2025-06-24' });
    expect(schedule(2021)[0]).toMatchObject({ format: 'online', hostCityIds: ['santos'] });
    expect(schedule(2021)[0]).not.toHaveProperty('edition');
  });

  it('names every rule it applied, with the rows it applied to', () => {
    expect(plan.assumptions.map((a) => a.id)).toEqual([
      'call-announcement-day',
      'designation-day-from-sources',
      'designation-month-from-sources',
      'unknown-designation-day',
      'known-field-change',
      'new-field-opening',
      'unknown-conference-dates',
      'conference-dates-from-notes',
      'non-member-host-is-venue',
      'cancelled-conference-from-notes',
      'unknown-cancellation-day',
      'shared-city-name',
    ]);
    expect(plan.assumptions.find((a) => a.id === 'unknown-conference-dates')?.rows).toHaveLength(7);
    expect(plan.assumptions.find((a) => a.id === 'unknown-conference-dates')?.text).toContain('1 July');
  });

  it('gives every step its own idempotency key, the same on every plan', () => {
    const keysOf = (steps: readonly HistoryStep[]) => steps.flatMap((s) => [s.key, ...(s.amend ? [s.amend.key] : [])]);
    const keys = keysOf(plan.steps);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keysOf(planNetworkHistory(history).steps)).toEqual(keys);
  });
});

describe('the small parsers', () => {
  it('slugs names the way ids are written', () => {
    expect(slugOf('Kraków')).toBe('krakow');
    expect(slugOf('Łódź')).toBe('lodz');
    expect(slugOf('Şanlıurfa')).toBe('sanliurfa');
    expect(slugOf('Huai’an')).toBe('huai-an');
    expect(slugOf('crafts and folk art')).toBe('crafts-and-folk-art');
  });

  it('reads Roman numerals', () => {
    expect([romanToNumber('I'), romanToNumber('IV'), romanToNumber('IX'), romanToNumber('XIV'), romanToNumber('XVII'), romanToNumber('')]).toEqual([1, 4, 9, 14, 17, null]);
  });

  it('reads quoted fields, doubled quotes and CRLF', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\r\n\r\n')).toEqual([{ a: 'x, y', b: 'say "hi"' }]);
  });

  it('reads a byte order mark, LF line ends, a line break inside quotes, and skips empty lines', () => {
    expect(parseCsv('\uFEFFa,b\n1,"two\nlines"\n\n,\n3,4\n')).toEqual([
      { a: '1', b: 'two\nlines' },
      { a: '3', b: '4' },
    ]);
  });

  it('refuses a line with more or fewer fields than the header, and a quote left open', () => {
    expect(() => parseCsv('a,b\n1,2,3\n')).toThrow(/line 2/);
    expect(() => parseCsv('a,b\n1\n')).toThrow(/line 2/);
    expect(() => parseCsv('a,b\n1,"2\n')).toThrow(/quote/i);
  });
});
