import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { API_KEY_SCHEME } from './openapi.decorators.js';

export const DOCS_PATH = 'docs';
export const DOCS_JSON_PATH = 'docs-json';

const DESCRIPTION = `The system of record of the UNESCO Creative Cities Network: every change to the network is an
event in an append-only log; the reads come from read models built from it.

**Authorize** with an API key: \`Authorization: Bearer <key>\`. Roles: \`secretariat\` (admin and
analytics), \`auditor\` (audit and analytics), \`analyst\` (analytics).

Commands answer \`201 { id, revision, position }\` with \`ETag: "<revision>"\`; they honour
\`Idempotency-Key\` and \`If-Match\`. Read models are eventually consistent: they have caught up with a
command once their position reaches its \`position\`. Every error is \`application/problem+json\`
(RFC 9457).`;

/**
 * Swagger UI at `/docs`, the document at `/docs-json` (and `/docs-yaml`), outside the `/api` prefix.
 * SwaggerModule registers them on Fastify directly, past Nest's router and so past the global
 * ApiKeyGuard: the documentation is readable without a key, the routes it describes are not.
 */
export function setUpOpenApi(app: NestFastifyApplication): void {
  const config = new DocumentBuilder()
    .setTitle('UCCN Registry')
    .setDescription(DESCRIPTION)
    .setVersion('1.0')
    .addBearerAuth(
      // an opaque key, not a JWT: DocumentBuilder's default bearerFormat would say JWT
      { type: 'http', scheme: 'bearer', bearerFormat: undefined, description: 'an API key of the registry; its role decides the routes it may call' },
      API_KEY_SCHEME,
    )
    .addTag('secretariat', 'records what happens: designations, field changes, reports, withdrawals, meetings, applications, partnerships')
    .addTag('audit', 'the raw log, a city’s history, the register on both clocks, the hash chain, the projections')
    .addTag('analytics', 'the network by field, country and year; meetings; report compliance; applications; partnerships')
    .addTag('health', 'liveness and readiness, without a key')
    .addServer('/', 'the registry that serves this document')
    .build();
  SwaggerModule.setup(DOCS_PATH, app, () => withOpenRoutesSaidSo(SwaggerModule.createDocument(app, config)), {
    jsonDocumentUrl: DOCS_JSON_PATH,
    customSiteTitle: 'UCCN Registry API',
    // the key lives in the page's memory only: kept in localStorage, any script of the origin could read it
    swaggerOptions: { persistAuthorization: false },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply) => {
      if (request.url.startsWith(`/${DOCS_PATH}`)) void reply.header('content-security-policy', DOCS_CSP);
    });
}

/** An operation that names no security scheme needs no key (`/health`): `security: []` says so plainly. */
function withOpenRoutesSaidSo(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const operation = item[method];
      if (operation && operation.security === undefined) operation.security = [];
    }
  }
  return document;
}

/** Swagger UI loads its own scripts and styles (its page holds inline styles, no inline script). */
export const DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');
