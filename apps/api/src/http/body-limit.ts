import type { IncomingMessage } from 'node:http';

/** Request bodies above this are refused with 413 (OWASP API4: unrestricted resource consumption). */
export const BODY_LIMIT_BYTES = 64 * 1024;

/** The limit as the 413 problem states it: `64 KB`. */
export const BODY_LIMIT_TEXT = `${BODY_LIMIT_BYTES / 1024} KB`;

/** How much of a body the server still reads, to throw away, before a refusal sent ahead of it. */
export const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;
/** …and for how long. */
export const DRAIN_TIMEOUT_MS = 10_000;

/**
 * Reads what is left of a request's body and throws it away, up to `limit` bytes or `timeoutMs`.
 *
 * A refusal that comes before the body is read (413: Fastify refuses by Content-Length without
 * reading; 415; 429) closes the connection while the client is still sending: curl reads the
 * answer, but Node's fetch (undici) fails the whole request with EPIPE and the client never sees
 * why. Reading the rest first lets every client read its refusal; past the bound the connection is
 * closed anyway, so a client cannot make the server read forever.
 */
export function drainBody(request: IncomingMessage, limit = DRAIN_LIMIT_BYTES, timeoutMs = DRAIN_TIMEOUT_MS): Promise<void> {
  if (request.complete || request.readableEnded || request.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let read = 0;
    const done = () => {
      clearTimeout(timer);
      request.off('data', onData);
      request.off('end', done);
      request.off('close', done);
      request.off('error', done);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      read += chunk.length;
      if (read > limit) done();
    };
    const timer = setTimeout(done, timeoutMs);
    timer.unref();
    request.on('data', onData);
    request.once('end', done);
    request.once('close', done);
    request.once('error', done);
    request.resume();
  });
}
