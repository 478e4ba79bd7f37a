import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RecordedEvent } from '@uccn/event-store';
import { registryTraceIn } from '../support/servers.js';

/*
 * The production stores' conformance runs go to throw-away servers, never a registry's own: the
 * EventStoreDB suite writes `city-…` streams with real event types and no hash, which EventStoreDB
 * cannot drop, and which would halt the projections or break `verify` in a registry's log.
 * docker/docker-compose.yml has such servers in its `conformance` profile, and the READMEs say so.
 */

const REPO = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(REPO, file), 'utf8');

/** The lines of one service of the compose file (two-space indent under `services:`). */
function service(compose: string, name: string): string {
  const lines = compose.split('\n');
  const start = lines.indexOf(`  ${name}:`);
  if (start < 0) return '';
  const end = lines.findIndex((line, i) => i > start && /^ {0,2}\S/.test(line));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** `"2114:2113"` → 2114, for each port the service publishes on the host. */
const hostPorts = (block: string) => [...block.matchAll(/^\s+- "(\d+):\d+"$/gm)].map((m) => Number(m[1]));

describe('conformance runs on throw-away servers', () => {
  const compose = read('docker/docker-compose.yml');

  it.each([
    ['eventstore-conformance', 'eventstore', /EVENTSTORE_MEM_DB: "true"/],
    ['mongo-conformance', 'mongo', /tmpfs:\n\s+- \/data\/db\n\s+- \/data\/configdb/],
  ])('has %s in the conformance profile: no volume, its data in memory, on host ports the stack does not use', (name, stackService, inMemory) => {
    const block = service(compose, name);
    expect(block).toMatch(/^\s+profiles: \[conformance\]$/m);
    expect(block).not.toMatch(/^\s+volumes:/m);
    expect(block).toMatch(inMemory);
    expect(hostPorts(block)).toHaveLength(1);
    expect(hostPorts(service(compose, stackService))).not.toContain(hostPorts(block)[0]);
  });

  it.each(['README.md', 'docker/README.md'])('has %s run the suites against those servers, never the stack\'s', (readme) => {
    const text = read(readme);
    expect(text).toContain('--profile conformance up -d --wait eventstore-conformance mongo-conformance');
    expect(text).toContain("EVENTSTORE_URL='esdb://localhost:2114?tls=false'");
    expect(text).toContain("MONGODB_URL='mongodb://localhost:27018/?directConnection=true'");
    expect(text).not.toMatch(/up -d eventstore mongo\b/);
    expect(text).not.toMatch(/EVENTSTORE_URL='esdb:\/\/localhost:2113/);
  });

  const event = (streamId: string, metadata: Record<string, unknown> = {}): RecordedEvent => ({ id: 'e', streamId, revision: 0, position: 1, type: 'CityDesignated', data: {}, metadata });

  it("recognises a registry's log, which the EventStoreDB suite then refuses to write into", () => {
    expect(registryTraceIn([event('city-abc123'), event('city-lyon', { hash: 'ab12', actor: 'secretariat' })])).toBe('CityDesignated in city-lyon at position 1');
    expect(registryTraceIn([event('log-anchors')])).toMatch(/in log-anchors/);
    expect(registryTraceIn([event('city-abc123'), event('meeting-def456', { correlationId: 'x' })])).toBeNull();
  });
});
