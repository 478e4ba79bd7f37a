import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { reportFailure, serveUntilStopped } from '../support/children.js';

/**
 * The floor under any Node HTTP API on this machine: node:http reading and parsing the same JSON
 * body and answering 201 with a body shaped like the registry's, and nothing else.
 */
let position = 0;
const server = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { cityId?: string };
      position += 1;
      const answer = JSON.stringify({ id: body.cityId ?? 'unknown', revision: 0, position });
      response.writeHead(201, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(answer) });
      response.end(answer);
    } catch {
      response.writeHead(400).end();
    }
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  serveUntilStopped((server.address() as AddressInfo).port, () => new Promise((resolve) => server.close(() => resolve())));
});
server.on('error', reportFailure);
