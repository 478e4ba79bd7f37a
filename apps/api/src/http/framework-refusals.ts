import { maxHeaderSize, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { redactedUrl } from '@uccn/runtime';
import { problemOf } from './problem-details.filter.js';
import { PROBLEM_CONTENT_TYPE, type Problem } from './problem.js';

/*
 * Refusals made before Nest sees a request, which Fastify answered as application/json: the
 * router's (a malformed URL, a route parameter too long) and Node's HTTP parser's (headers too
 * large, a malformed request). Both are problem+json here, like every other error of the API.
 */

/** Fastify's limit on a route parameter (its default, named for the 414's detail). */
export const MAX_PARAM_LENGTH = 100;

/** The router's refusals: `frameworkErrors` of the Fastify instance (no hook has run; the request has its id). */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const problem: Problem = {
    ...(error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? problemOf(414, `A part of the path is longer than ${MAX_PARAM_LENGTH} characters.`)
      : error.code === 'FST_ERR_BAD_URL'
        ? problemOf(400, 'The URL is not valid: a percent-encoding in its path is malformed.')
        : problemOf(error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400, 'The request cannot be routed.')),
    instance: redactedUrl(request.url),
    correlationId: request.id,
  };
  void reply
    .status(problem.status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .header('x-content-type-options', 'nosniff')
    .header('x-correlation-id', request.id)
    .send(problem);
}

/** What Node's parser reports, as a problem; null when there is no one left to answer. */
export function clientErrorProblem(error: { code?: string }): Problem | null {
  switch (error.code) {
    case 'ECONNRESET':
      return null;
    case 'HPE_HEADER_OVERFLOW':
      return problemOf(431, `The request line and headers are larger than the ${maxHeaderSize / 1024} KB the server reads.`);
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return problemOf(408, 'The request did not arrive in time.');
    default:
      return problemOf(400, 'The request is not valid HTTP: a malformed request line or header.');
  }
}

/**
 * Node's `clientError` (Fastify's `clientErrorHandler`): there is no request yet, so the answer is
 * written on the socket, which is then closed, as Node and Fastify do by default.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  const problem = socket.destroyed ? null : clientErrorProblem(error);
  if (problem && socket.writable) {
    const body = JSON.stringify(problem);
    socket.write(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? problem.title}\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'X-Content-Type-Options: nosniff\r\n' +
        'Connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy(error);
}
