import autocannon, { type RawRequest } from 'autocannon';

export interface LoadFigures {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly non2xx: number;
  /** connection errors and timeouts */
  readonly errors: number;
}

export interface LoadSpec {
  readonly url: string;
  readonly connections: number;
  readonly seconds: number;
  readonly method?: 'GET' | 'POST';
  readonly headers?: Record<string, string>;
  /** a new request each time: a new path and body per command */
  readonly next?: (n: number) => { readonly path: string; readonly body?: string };
}

/** One autocannon run; the same generator and settings load the registry and the bare server. */
export async function load(spec: LoadSpec): Promise<LoadFigures> {
  let n = 0;
  const headers = { 'content-type': 'application/json', ...spec.headers };
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.seconds,
    method: spec.method ?? 'GET',
    headers,
    ...(spec.next
      ? {
          requests: [
            {
              setupRequest: (request: RawRequest) => {
                const { path, body } = spec.next!(n++);
                return { ...request, path, ...(body === undefined ? {} : { body }) };
              },
            },
          ],
        }
      : {}),
  });
  return {
    requestsPerSecond: result['2xx'] / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}
