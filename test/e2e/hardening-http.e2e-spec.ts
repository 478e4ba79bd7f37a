import * as net from 'node:net';
import { registrySuite } from './support/registry-suite.js';
import { TEST_KEYS } from './support/test-keys.js';

/** Issue 15: what probing the running API found, each refused as a 400 (never a 500) or answered right. */

const city = (cityId: string) => ({ cityId, name: `City ${cityId}`, country: 'IT', field: 'design', designatedOn: '2014-12-01' });

/** `2026-11-30T00:00:00.000Z` as ISO 8601 basic format: `20261130T000000Z`. */
const basicFormat = (instant: Date) => instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

describe('the register as known at an instant', () => {
  const registry = registrySuite();

  it('refuses knownAt in ISO 8601 basic format (400) rather than comparing it as a string and answering as known now', async () => {
    const before = new Date(Date.now() - 60_000);
    const designated = await registry.accepted('/api/admin/cities', city(registry.uniqueId('basic')));
    await registry.settled(designated.body.position);
    const extended = await registry.auditor.get(`/api/audit/membership?asOf=2020-01-01&knownAt=${encodeURIComponent(before.toISOString())}`);
    expect(extended.status).toBe(200);
    expect(extended.body.total).toBe(0);
    const basic = await registry.auditor.get(`/api/audit/membership?asOf=2020-01-01&knownAt=${basicFormat(before)}`);
    expect(basic.status).toBe(400);
    expect(basic.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(basic.body.errors.map((e: { field: string }) => e.field)).toEqual(['knownAt']);
  });
});

describe('inputs that were 500s', () => {
  const registry = registrySuite();

  it.each([['2024-W01'], ['20240101'], ['2024-01-01T10']])('answers 400 problem+json, not 500, to the audit log from=%s (and to)', async (value) => {
    for (const bound of ['from', 'to']) {
      const answer = await registry.auditor.get(`/api/audit/events?${bound}=${value}`);
      expect({ bound, status: answer.status, type: answer.headers.get('content-type') }).toEqual({ bound, status: 400, type: expect.stringMatching(/^application\/problem\+json/) });
      expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual([bound]);
    }
  });

  it('still reads a bare date and an instant as bounds of the audit log', async () => {
    expect((await registry.auditor.get('/api/audit/events?from=2024-01-01&to=2099-01-01T10:00:00%2B02:00')).status).toBe(200);
  });

  it.each([
    ['an array', (deep: string) => deep],
    ['a field', (deep: string) => `{"cityId":${deep}}`],
  ])('refuses a body nested 20,000 deep in %s with 400 problem+json, appending nothing', async (_, wrap) => {
    const deep = '['.repeat(20_000) + ']'.repeat(20_000);
    const answer = await registry.refused(400, () => registry.secretariat.postRaw('/api/admin/cities', wrap(deep)));
    expect(answer.body.detail).toMatch(/nested/);
    expect((await registry.anonymous.get('/health')).status).toBe(200);
  });
});

describe('the audit log, paged by an opaque cursor', () => {
  const registry = registrySuite();

  it('hands out next as a cursor that, passed back as after, gives the following page: no event twice, none left out', async () => {
    for (let i = 0; i < 5; i++) await registry.accepted('/api/admin/cities', city(registry.uniqueId('paged')));
    const all = (await registry.auditor.get('/api/audit/events?limit=500')).body.items.map((e: { position: number }) => e.position);
    const seen: number[] = [];
    let page = await registry.auditor.get('/api/audit/events?limit=2');
    for (;;) {
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((e: { position: number }) => e.position));
      if (page.body.next === null) break;
      expect(typeof page.body.next).toBe('string');
      page = await registry.auditor.get(`/api/audit/events?limit=2&after=${encodeURIComponent(page.body.next)}`);
    }
    expect(seen).toEqual(all);
    expect(seen.length).toBeGreaterThanOrEqual(5);
  });

  it('answers the newest events newest first, in one page, where no client could work out where the end begins', async () => {
    const last = await registry.accepted('/api/admin/cities', city(registry.uniqueId('newest')));
    const all = (await registry.auditor.get('/api/audit/events?limit=500')).body.items.map((e: { position: number }) => e.position);
    const newest = await registry.auditor.get('/api/audit/events?order=newest-first&limit=3');
    expect(newest.status).toBe(200);
    expect(newest.body.items.map((e: { position: number }) => e.position)).toEqual(all.slice(-3).reverse());
    expect(newest.body.items[0].position).toBe(last.body.position);
    expect(newest.body.next).toBeNull();
    for (const query of ['order=newest-first&type=CityDesignated', `order=newest-first&after=${encodeURIComponent(newest.body.items[0].position)}`, 'order=backwards']) {
      expect((await registry.auditor.get(`/api/audit/events?${query}`)).status).toBe(400);
    }
  });

  it.each([
    ['a bare position, as the OpenAPI example had it', '12'],
    ['a negative number', '-1'],
    ['a cursor of another making', 'bG9nOjF'],
    ['text', 'abc.def'],
  ])('refuses %s as after with 400 problem+json naming after, never a 500', async (_, after) => {
    const answer = await registry.auditor.get(`/api/audit/events?after=${encodeURIComponent(after)}`);
    expect({ status: answer.status, type: answer.headers.get('content-type') }).toEqual({ status: 400, type: expect.stringMatching(/^application\/problem\+json/) });
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual(['after']);
  });
});

describe('the register on the last day there is', () => {
  const registry = registrySuite();

  it('lists a current member on asOf=9999-12-31, as on the day before', async () => {
    const cityId = registry.uniqueId('open-end');
    await registry.settled((await registry.accepted('/api/admin/cities', city(cityId))).body.position);
    for (const asOf of ['9999-12-30', '9999-12-31']) {
      const answer = await registry.auditor.get(`/api/audit/membership?asOf=${asOf}`);
      expect({ asOf, status: answer.status, cities: answer.body.items.map((i: { cityId: string }) => i.cityId) }).toEqual({ asOf, status: 200, cities: [cityId] });
    }
  });
});

describe('commands in JSON only', () => {
  const registry = registrySuite();

  it.each([
    ['application/x-www-form-urlencoded', (c: ReturnType<typeof city>) => new URLSearchParams(c).toString()],
    ['text/plain', (c: ReturnType<typeof city>) => JSON.stringify(c)],
  ])('refuses a command sent as %s with 415 problem+json, appending nothing', async (contentType, encode) => {
    const answer = await registry.refused(415, () => registry.secretariat.postRaw('/api/admin/cities', encode(city(registry.uniqueId('form'))), { 'content-type': contentType }));
    expect(answer.body.detail).toMatch(/application\/json/);
  });

  it('still takes application/json with a charset', async () => {
    const answer = await registry.secretariat.postRaw('/api/admin/cities', JSON.stringify(city(registry.uniqueId('charset'))), { 'content-type': 'application/json; charset=utf-8' });
    expect(answer.status).toBe(201);
  });
});

describe('text and numbers the register refuses', () => {
  const registry = registrySuite();

  it.each([
    ['a NUL', 'Tor\u0000ino'],
    ['another control character', 'Tor\u001bino'],
    ['a C1 control character', 'Tor\u0085ino'],
    ['a lone surrogate', 'Tor\ud800ino'],
  ])('refuses a name with %s (400 naming the field), appending nothing', async (_, name) => {
    const answer = await registry.refused(400, () => registry.post('/api/admin/cities', { ...city(registry.uniqueId('text')), name }));
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual(['name']);
  });

  it('refuses a body that is not valid UTF-8 (400), appending nothing', async () => {
    const body = Buffer.concat([Buffer.from(`{"cityId":"${registry.uniqueId('utf8')}","name":"Tor`), Buffer.from([0xc3, 0x28]), Buffer.from('ino","country":"IT","field":"design","designatedOn":"2014-12-01"}')]);
    await registry.refused(400, async () => {
      const response = await fetch(registry.url + '/api/admin/cities', {
        method: 'POST',
        headers: { authorization: `Bearer ${TEST_KEYS.secretariat.key}`, 'content-type': 'application/json' },
        body,
      });
      return { status: response.status, headers: response.headers, body: await response.json() };
    });
  });

  it('still takes a name in any script, with dashes and symbols', async () => {
    await registry.accepted('/api/admin/cities', { ...city(registry.uniqueId('text')), name: 'Łódź – 東京 🎨' });
  });

  it('refuses edition 1e308 (400 naming edition), appending nothing', async () => {
    const answer = await registry.refused(400, () =>
      registry.post('/api/admin/meetings', {
        meetingId: registry.uniqueId('conference'),
        kind: 'annual-conference',
        title: 'A conference',
        edition: 1e308,
        hostCityIds: [],
        venue: 'UNESCO Headquarters, Paris',
        startsOn: '2008-01-21',
        endsOn: '2008-01-22',
        format: 'in-person',
      }),
    );
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual(['edition']);
  });
});

describe('the rate limit, per authenticated key', () => {
  const registry = registrySuite({ env: { UCCN_RATE_LIMIT: '5' } });

  it('counts one key however its Authorization header is spelled: Bearer<n spaces>key does not reset the budget', async () => {
    const spellings = Array.from({ length: 6 }, (_, i) => `${i % 2 ? 'bearer' : 'Bearer'}${' '.repeat(i + 1)}${TEST_KEYS.analyst.key}${' '.repeat(i % 3)}`);
    const answers = [];
    for (const authorization of spellings) answers.push(await registry.anonymous.get('/api/analytics/fields', { authorization }));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 429]);
    expect(answers[5]!.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await registry.auditor.get('/api/audit/events?limit=1')).status).toBe(200);
  });
});

/** Sends raw bytes on a fresh connection and gives back what the server answered before closing it. */
function rawExchange(url: string, request: string): Promise<{ status: number; headers: Record<string, string>; body: any }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(request));
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (received += chunk));
    socket.on('error', () => undefined); // a reset after the answer: the answer is what counts
    socket.on('close', () => {
      const [head = '', ...rest] = received.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1]);
      if (!status) return reject(new Error(`no HTTP answer: ${JSON.stringify(received.slice(0, 200))}`));
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      const text = rest.join('\r\n\r\n');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON: kept as text, and the expectation says so
      }
      resolve({ status, headers, body });
    });
    socket.setTimeout(10_000, () => socket.destroy());
  });
}

describe("the server's own refusals, as problem+json", () => {
  const registry = registrySuite();
  const expectProblem = (answer: { status: number; headers: { get(name: string): string | null } | Record<string, string>; body: any }, status: number) => {
    const type = answer.headers instanceof Headers ? answer.headers.get('content-type') : (answer.headers as Record<string, string>)['content-type'];
    expect({ status: answer.status, type, problemStatus: answer.body?.status }).toEqual({ status, type: expect.stringMatching(/^application\/problem\+json/), problemStatus: status });
    expect(answer.body).toEqual(expect.objectContaining({ type: expect.stringMatching(/^urn:uccn:problem:/), title: expect.any(String), detail: expect.any(String) }));
  };

  it('answers headers larger than the server reads with 431 problem+json', async () => {
    const answer = await rawExchange(registry.url, `GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'y'.repeat(20_000)}\r\n\r\n`);
    expectProblem(answer, 431);
  });

  it('answers a request line longer than the server reads (a 20 KB query) with 431 problem+json', async () => {
    const answer = await registry.analyst.get(`/api/analytics/cities?country=${'a'.repeat(20_000)}`);
    expectProblem(answer, 431);
  });

  it('answers a malformed header with 400 problem+json', async () => {
    const answer = await rawExchange(registry.url, 'GET /health HTTP/1.1\r\nHost: localhost\r\nBad Header: y\r\n\r\n');
    expectProblem(answer, 400);
  });

  it('answers a route parameter over 100 characters with 414 problem+json', async () => {
    const answer = await registry.analyst.get(`/api/analytics/cities/${'a'.repeat(200)}`);
    expectProblem(answer, 414);
    expect(answer.body.instance).toBe(`/api/analytics/cities/${'a'.repeat(200)}`);
  });

  it('answers a malformed percent-encoding in the path with 400 problem+json', async () => {
    const answer = await registry.analyst.get('/api/analytics/cities/%E0%A4%A');
    expectProblem(answer, 400);
  });

  // the probe's symptom: fetch failed with EPIPE on such a body, some of the time (a race with the close)
  it('lets fetch read the 413 of an 8 MB body, appending nothing', async () => {
    const answer = await registry.refused(413, () => registry.secretariat.post('/api/admin/cities', { ...city(registry.uniqueId('big')), name: 'x'.repeat(8 * 1024 * 1024) }));
    expect(answer.headers.get('connection')).toBe('close');
  });

  /** A 1 MB body that fetch streams in 16 chunks, 10 ms apart: the server answers while it is on its way. */
  const slowBody = () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    const progress = { sent: 0 };
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (progress.sent === 16) return controller.close();
        progress.sent += 1;
        await new Promise((resolve) => setTimeout(resolve, 10));
        controller.enqueue(chunk);
      },
    });
    return { stream, progress, length: 16 * chunk.length };
  };

  it.each([
    ['refused by its Content-Length before a byte of it is read', true],
    ['sent without a length, refused once 64 KB have come', false],
  ])('reads the rest of a body still on its way before answering 413, so that fetch can read the answer: %s', async (_, withLength) => {
    const { stream, progress, length } = slowBody();
    const answer = await registry.refused(413, async () => {
      const response = await fetch(registry.url + '/api/admin/cities', {
        method: 'POST',
        headers: { authorization: `Bearer ${TEST_KEYS.secretariat.key}`, 'content-type': 'application/json', ...(withLength ? { 'content-length': String(length) } : {}) },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      return { status: response.status, headers: response.headers, body: await response.json() };
    });
    expect(answer.body.detail).toMatch(/64 KB/);
    // the whole body went out before the answer: without the drain the server answered and closed at the 6th chunk
    expect(progress.sent).toBe(16);
  });

  it('lets fetch read the 415 of a large body of another type', async () => {
    const answer = await registry.refused(415, () => registry.secretariat.postRaw('/api/admin/cities', 'x'.repeat(8 * 1024 * 1024), { 'content-type': 'text/plain' }));
    expect(answer.body.detail).toMatch(/application\/json/);
  });
});
