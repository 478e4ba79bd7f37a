import type { Server } from 'node:http';
import { BadRequestException } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { BODY_LIMIT_BYTES } from './body-limit.js';

/** No request of the contract nests deeper than 4 (a partnership's partners); 32 leaves room. */
export const MAX_BODY_DEPTH = 32;

const UTF8 = new TextDecoder('utf-8', { fatal: true });

const OPEN_ARRAY = 0x5b, OPEN_OBJECT = 0x7b, CLOSE_ARRAY = 0x5d, CLOSE_OBJECT = 0x7d, QUOTE = 0x22, BACKSLASH = 0x5c;

/**
 * How deeply a JSON text nests, read byte by byte without parsing (the structural characters are
 * ASCII, so UTF-8 needs no decoding): stops as soon as `limit` is passed.
 */
export function nestsDeeperThan(body: Buffer, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
      if (++depth > limit) return true;
    } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) depth--;
  }
  return false;
}

/**
 * The only body the API reads is JSON (the app is created with `bodyParser: false`, so Nest adds
 * no form parser, and Fastify's own text parser is removed): any other content type is a 415.
 * JSON bodies are refused above a nesting depth before they are parsed: class-transformer and
 * the canonical JSON of the request hash recurse, and 20,000 levels overflowed the stack (a 500)
 * after 70–180 ms of work on the event loop. A body that is not valid UTF-8 is refused rather than
 * repaired. The parse itself stays Fastify's (prototype poisoning
 * refused).
 */
export function useJsonBodiesOnly(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeAllContentTypeParsers();
  app.useBodyParser<Server>('application/json', { bodyLimit: BODY_LIMIT_BYTES }, (request, body, done) => {
    if (nestsDeeperThan(body, MAX_BODY_DEPTH)) {
      done(new BadRequestException(`The request body is nested deeper than ${MAX_BODY_DEPTH} levels.`), undefined);
      return;
    }
    let text: string;
    try {
      text = UTF8.decode(body);
    } catch {
      // Buffer.toString would turn the bad bytes into U+FFFD silently, altering what the client sent
      done(new BadRequestException('The request body is not valid UTF-8.'), undefined);
      return;
    }
    parseJson(request, text, done);
  });
}
