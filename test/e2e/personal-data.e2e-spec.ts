import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCsv } from '@uccn/application';
import { cli } from './support/cli.js';
import { eventually } from './support/http-client.js';
import { registrySuite } from './support/registry-suite.js';

/*
 * DESIGN §7 over HTTP, on the embedded stores: people named in the record are sealed under keys of
 * their own, read only by auditors and the secretariat, never written to disk in the clear, and
 * erased by destroying their key. Invented people only: tests never use the seeds' people.
 */
const ADA = { name: 'Ada Quillfeather-Testperson', email: 'Ada.Quillfeather@Example.Org', role: 'lead partner contact' };
const BO = { name: 'Bo Inventedname-Zzyzx', email: 'bo.zzyzx@example.net' };
const CY = { name: 'Cy Madeup-Orrery', email: 'cy.orrery@example.com', role: 'communication manager' };
/** what must never be found on disk, in a log line or in an analyst's answer */
const PLAINTEXT = [ADA.name, ADA.email.toLowerCase(), ADA.email, 'Quillfeather', BO.name, BO.email, 'Zzyzx', CY.name, CY.email, 'Orrery'];

describe('personal data: contacts sealed, hidden from analysts, erasable', () => {
  const logLines: string[] = [];
  const registry = registrySuite({ env: { UCCN_LOG_LEVEL: 'debug' }, logDestination: { write: (line: string) => void logLines.push(line) } });
  let head = 0;

  beforeAll(async () => {
    await registry.accepted('/api/admin/cities', { cityId: 'ostersund', name: 'Östersund', country: 'SE', field: 'gastronomy', designatedOn: '2010-06-01' });
    await registry.accepted('/api/admin/partnerships', {
      partnershipId: 'creative-cities',
      name: 'Creative Cities',
      leadPartner: { name: 'City of Leipzig', country: 'DE' },
      partners: [{ name: 'City of Pécs', country: 'HU' }],
      startsOn: '2010-03-01',
      contacts: [ADA],
    });
    await registry.accepted('/api/admin/cities/ostersund/focal-point', BO);
    head = (await registry.accepted('/api/admin/partnerships/creative-cities/contacts', CY)).body.position;
    await registry.settled(head);
  });

  const contacts = async (query = '') => (await registry.auditor.get(`/api/audit/contacts${query}`)).body;

  it('reads each contact for auditors and the secretariat, with the role and what they are a contact of', async () => {
    const answer = await contacts();
    expect(answer).toMatchObject({ total: 3, page: 1 });
    expect(answer.items).toEqual([
      { subjectId: expect.stringMatching(/^[0-9a-f]{64}$/), name: ADA.name, email: ADA.email.toLowerCase(), role: ADA.role, of: { partnershipId: 'creative-cities' }, recordedAt: expect.any(String) },
      { subjectId: expect.any(String), name: BO.name, email: BO.email, role: 'focal point', of: { cityId: 'ostersund' }, recordedAt: expect.any(String) },
      { subjectId: expect.any(String), name: CY.name, email: CY.email, role: CY.role, of: { partnershipId: 'creative-cities' }, recordedAt: expect.any(String) },
    ]);
    expect((await contacts('?cityId=ostersund')).items.map((c: { name: string }) => c.name)).toEqual([BO.name]);
    expect((await registry.secretariat.get('/api/audit/contacts?partnershipId=creative-cities')).body.total).toBe(2);
  });

  it('refuses the contacts to analysts, and no analytics answer holds a name, an address or a subject id', async () => {
    expect((await registry.analyst.get('/api/audit/contacts')).status).toBe(403);
    const subjectIds = (await contacts()).items.map((c: { subjectId: string }) => c.subjectId);
    for (const route of ['summary', 'fields', 'cities', 'cities/ostersund', 'partnerships', 'meetings', 'applications', 'reports/compliance']) {
      const answer = await registry.analyst.get(`/api/analytics/${route}`);
      expect(answer.status).toBe(200);
      expectNoneOf(JSON.stringify(answer.body), [...PLAINTEXT, ...subjectIds], `/api/analytics/${route}`);
    }
  });

  it('records the people sealed: the log holds ciphertext and the subject id, never the name or the address', async () => {
    const log = JSON.stringify((await registry.auditor.get('/api/audit/events?limit=500')).body.items);
    expectNoneOf(log, PLAINTEXT, 'the log');
    expect(log).toContain('"alg":"A256GCM"');
    const history = JSON.stringify((await registry.auditor.get('/api/audit/cities/ostersund/history')).body);
    expect(history).toContain('focal point assigned');
    expectNoneOf(history, PLAINTEXT, "the city's history");
  });

  it('echoes no address a client put in a URL, in the refusal or in the request log', async () => {
    const query = await registry.auditor.get(`/api/audit/contacts?email=${encodeURIComponent(CY.email)}&name=Orrery`);
    expect(query.status).toBe(400);
    const path = await registry.auditor.get(`/api/audit/cities/${encodeURIComponent(CY.email)}/history`);
    expect(path.status).toBe(400);
    for (const answer of [query, path]) expectNoneOf(JSON.stringify(answer.body), [CY.email, encodeURIComponent(CY.email), 'Orrery'], 'a refusal');
    await eventually(async () => expect(logLines.join('\n')).toContain('[redacted]'));
    expectNoneOf(logLines.join('\n'), [encodeURIComponent(CY.email), 'Orrery'], 'the logs');
  });

  it('writes no name or address to any file of the data directory, -wal and -shm included, nor to a log line', () => {
    expect(filesOf(registry.dataDir).some((file) => file.endsWith('-wal'))).toBe(true);
    expectNoPlaintextOnDisk(registry.dataDir);
    expectNoneOf(logLines.join('\n'), [...PLAINTEXT, encodeURIComponent(CY.email)], 'the logs');
  });

  describe('erasure', () => {
    let adaId: string;
    beforeAll(async () => {
      adaId = (await contacts('?partnershipId=creative-cities')).items[0].subjectId;
    });

    it('answers 404 for an address never on record, and 400 for one that is no address, recording nothing', async () => {
      await registry.refused(404, () => registry.post('/api/admin/data-subjects/erasure', { email: 'nobody.ever@example.org', reason: 'asked' }));
      // named only in commands that were refused: still never on record, and no key was kept for them
      await registry.refused(404, () => registry.post('/api/admin/cities/atlantis/focal-point', { name: 'Dee Refusedname', email: 'dee.refused@example.org' }));
      await registry.refused(404, () => registry.post('/api/admin/partnerships/no-such-partnership/contacts', { name: 'Dee Refusedname', email: 'dee.refused@example.org', role: 'x' }));
      await registry.refused(404, () => registry.post('/api/admin/data-subjects/erasure', { email: 'dee.refused@example.org', reason: 'asked' }));
      await registry.refused(400, () => registry.post('/api/admin/data-subjects/erasure', { email: 'not an address', reason: 'asked' }));
    });

    it('destroys the key: the person reads as erased, with the role kept; others stay readable', async () => {
      const erasure = { email: ' ada.quillfeather@example.org ', reason: 'asked to be forgotten' };
      const first = await registry.post('/api/admin/data-subjects/erasure', erasure, { 'idempotency-key': 'erase-ada-1' });
      expect(first.status).toBe(201);
      expect(first.body.id).toBe(adaId);
      // a retry with the key answers as the first time and records nothing
      const retry = await registry.post('/api/admin/data-subjects/erasure', erasure, { 'idempotency-key': 'erase-ada-1' });
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      // without the key, a second erasure is a conflict: there is nothing left of her to erase
      await registry.refused(409, () => registry.post('/api/admin/data-subjects/erasure', erasure));

      const [erased] = await registry.eventsOf(`data-subject-${adaId}`);
      expect(erased).toMatchObject({ type: 'DataSubjectErased', data: { subjectId: adaId, reason: 'asked to be forgotten', keyId: expect.any(String) } });
      await registry.settled(erased!.position);

      expect((await contacts()).items).toEqual([
        { subjectId: adaId, erased: true, role: ADA.role, of: { partnershipId: 'creative-cities' }, recordedAt: expect.any(String) },
        expect.objectContaining({ name: BO.name, email: BO.email }),
        expect.objectContaining({ name: CY.name, email: CY.email }),
      ]);
    });

    it('leaves the log whole: verify answers ok over every event, the erasure included', async () => {
      const verified = (await registry.auditor.get('/api/audit/verify')).body;
      expect(verified).toEqual({ ok: true, checked: expect.any(Number) });
      expect(verified.checked).toBeGreaterThan(head);
    });

    it('keeps her erased through a rebuild of the contacts', async () => {
      const rebuild = await registry.secretariat.post('/api/admin/projections/contacts/rebuild');
      expect(rebuild.status).toBe(202);
      await eventually(async () => {
        const status = (await registry.auditor.get('/api/audit/projections')).body.items.find((p: { name: string }) => p.name === 'contacts');
        expect(status).toMatchObject({ version: rebuild.body.version, lag: 0, rebuild: null });
      });
      const items = (await contacts('?partnershipId=creative-cities')).items;
      expect(items[0]).toEqual({ subjectId: adaId, erased: true, role: ADA.role, of: { partnershipId: 'creative-cities' }, recordedAt: expect.any(String) });
      expectNoneOf(JSON.stringify(items), [ADA.name, ADA.email.toLowerCase()], 'the rebuilt contacts');
    });

    it('exports the contacts with her as erased and no one in the clear, and the log with ciphertext only', async () => {
      const file = path.join(registry.dataDir, 'contacts.csv');
      const run = await cli(registry.dataDir, 'export', 'contacts', '--out', file);
      expect(run.code).toBe(0);
      const rows = parseCsv(fs.readFileSync(file, 'utf8'));
      expect(Object.keys(rows[0]!)).toEqual(['subjectId', 'role', 'cityId', 'partnershipId', 'recordedAt', 'erased']);
      expect(rows.map(({ subjectId, role, erased }) => [subjectId === adaId, role, erased])).toEqual([
        [true, ADA.role, 'true'],
        [false, 'focal point', 'false'],
        [false, CY.role, 'false'],
      ]);
      const audit = await cli(registry.dataDir, 'export', 'audit', '--out', path.join(registry.dataDir, 'audit.csv'));
      expect(audit.code).toBe(0);
      // both files are in the data directory: the scan below reads them too
    });

    it('leaves no copy of her key or her data in any file, and the others still sealed', () => {
      expectNoPlaintextOnDisk(registry.dataDir);
      expectNoneOf(logLines.join('\n'), PLAINTEXT, 'the logs');
    });

    it('takes her on record again under a new key, which her old erasure does not reach', async () => {
      // in the very role she held: a new record, not the erased one
      await registry.accepted('/api/admin/partnerships/creative-cities/contacts', ADA);
      await registry.accepted('/api/admin/cities/ostersund/focal-point', { name: ADA.name, email: ADA.email });
      const position = (await registry.lastEventOf('city-ostersund'))!.position;
      await registry.settled(position);
      const items = (await contacts()).items as { subjectId: string; erased?: true; name?: string; role: string }[];
      // her partnership record in that role is the new one now; the erased one stays in the log
      expect(items.filter((c) => c.subjectId === adaId)).toEqual([
        expect.objectContaining({ name: ADA.name, role: ADA.role }),
        expect.objectContaining({ name: ADA.name, role: 'focal point' }),
      ]);
      expect((await registry.eventsOf('partnership-creative-cities')).map((e) => e.type)).toEqual(['PartnershipLaunched', 'PartnershipContactAdded', 'PartnershipContactAdded']);
    });
  });
});

/** Every file under `dir`, recursively. */
function filesOf(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? filesOf(file) : [file];
  });
}

/** The bytes of every file, in UTF-8 and UTF-16 (SQLite may keep text in either), hold none of the people. */
function expectNoPlaintextOnDisk(dir: string): void {
  const files = filesOf(dir);
  expect(files.length).toBeGreaterThan(2);
  for (const file of files) {
    const bytes = fs.readFileSync(file);
    for (const text of PLAINTEXT) {
      for (const encoding of ['utf8', 'utf16le'] as const) {
        if (bytes.includes(Buffer.from(text, encoding))) throw new Error(`${path.basename(file)} holds "${text}" in plaintext (${encoding})`);
      }
    }
  }
}

function expectNoneOf(text: string, forbidden: readonly string[], where: string): void {
  for (const value of forbidden) {
    if (text.includes(value)) throw new Error(`${where} holds "${value}"`);
  }
}
