import type { Answer } from './http-client.js';
import { expectRefused } from './refusals.js';
import { startRegistry, type InProcessRegistry, type StartRegistryOptions } from './registry-server.js';

/** An event of the log as `/api/audit/events` answers it. */
export type LoggedEvent = { id: string; position: number; streamId: string; revision: number; type: string; data: any; metadata: any };

/** A command's answer: 201, `{ id, revision, position }` and the revision as its ETag. */
export function expectRecorded(answer: Answer, id: string, revision: number): void {
  expect(answer.status).toBe(201);
  expect(answer.body).toEqual({ id, revision, position: expect.any(Number) });
  expect(answer.headers.get('etag')).toBe(`"${revision}"`);
}

/** The events of one stream, in order, as an auditor reads them. */
export async function eventsOf(registry: Pick<InProcessRegistry, 'auditor'>, stream: string): Promise<LoggedEvent[]> {
  return (await registry.auditor.get(`/api/audit/events?stream=${stream}&limit=500`)).body.items;
}

/**
 * A registry of one describe block, with what its specs ask of it in their own terms. Each spec
 * builds the records it needs: `uniqueId` names them, so specs pass alone and in any order.
 */
export interface RegistrySuite extends InProcessRegistry {
  /** the secretariat's command */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Answer>;
  /** the secretariat's command, which must answer 201 */
  accepted(path: string, body: unknown): Promise<Answer>;
  /** a refused command: `status` as problem+json, the log's head left where it was */
  refused(status: number, send: () => Promise<Answer>): Promise<Answer>;
  eventsOf(stream: string): Promise<LoggedEvent[]>;
  lastEventOf(stream: string): Promise<LoggedEvent | undefined>;
  /** `base-spec-1`, `base-spec-2`, …: an id no other spec of the file uses (nor a fixture named `base-2`) */
  uniqueId(base: string): string;
}

/** The registry's own members, read through to the one started for the block. */
const REGISTRY_MEMBERS = ['url', 'dataDir', 'app', 'secretariat', 'auditor', 'analyst', 'anonymous'] as const;

/**
 * Starts the registry before the block's specs and closes it after them. `options` may be a
 * function, for options known only once the block runs (a free port, say).
 */
export function registrySuite(options: StartRegistryOptions | (() => Promise<StartRegistryOptions>) = {}): RegistrySuite {
  let started: InProcessRegistry | undefined;
  let ids = 0;
  beforeAll(async () => {
    started = await startRegistry(typeof options === 'function' ? await options() : options);
  });
  afterAll(() => started?.close());

  const registry = (): InProcessRegistry => {
    if (!started) throw new Error('the registry starts in beforeAll: use it from a spec or a hook');
    return started;
  };
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) => registry().secretariat.post(path, body, headers);
  const suite: Omit<RegistrySuite, (typeof REGISTRY_MEMBERS)[number]> = {
    settled: (position) => registry().settled(position),
    close: () => registry().close(),
    post,
    accepted: async (path, body) => {
      const answer = await post(path, body);
      expect({ path, status: answer.status, problem: answer.status === 201 ? undefined : answer.body }).toEqual({ path, status: 201, problem: undefined });
      return answer;
    },
    refused: (status, send) => expectRefused(registry().auditor, status, send),
    eventsOf: (stream) => eventsOf(registry(), stream),
    lastEventOf: async (stream) => (await eventsOf(registry(), stream)).at(-1),
    uniqueId: (base) => `${base}-spec-${++ids}`,
  };
  for (const member of REGISTRY_MEMBERS) Object.defineProperty(suite, member, { get: () => registry()[member], enumerable: true });
  return suite as RegistrySuite;
}
