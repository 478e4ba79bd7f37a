import 'reflect-metadata';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { createHash, randomUUID } from 'node:crypto';
import type { LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Clock } from '@uccn/application';
import { ConfigError, type ApiKey, type RegistryConfig } from '@uccn/config';
import { AppModule } from './app.module.js';
import { requestValidationPipe } from './http/validation.js';
import { ApiKeyRing, loadOrGenerateKeys } from './infrastructure/api-keys.js';

/** Request bodies above this are refused with 413 (OWASP API4: unrestricted resource consumption). */
export const BODY_LIMIT_BYTES = 64 * 1024;

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

export interface CreatedApp {
  readonly app: NestFastifyApplication;
  /** where the keys came from: configured, or generated now / earlier into the data directory */
  readonly keys: { readonly source: 'configured' | 'generated' | 'generated-earlier'; readonly file?: string; readonly keys: readonly ApiKey[] };
}

export interface CreateAppOptions {
  readonly clock?: Clock;
  readonly logger?: LoggerService | LogLevel[] | false;
}

/** Builds the API (Fastify: about twice Express's throughput on this machine for a validated route). */
export async function createApp(config: RegistryConfig, options: CreateAppOptions = {}): Promise<CreatedApp> {
  const keys = resolveKeys(config);
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    requestIdHeader: false,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const sent = req.headers['x-correlation-id'];
      return typeof sent === 'string' && CORRELATION_ID.test(sent) ? sent : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ config, keys: new ApiKeyRing(keys.keys), ...(options.clock ? { clock: options.clock } : {}) }),
    adapter,
    { logger: options.logger ?? ['error', 'warn', 'log'], abortOnError: false },
  );
  await app.register(helmet, { contentSecurityPolicy: false });
  if (config.rateLimitPerMinute > 0) {
    await app.register(rateLimit, {
      max: config.rateLimitPerMinute,
      timeWindow: 60_000,
      // per API key (its digest: a key never sits in memory in the clear), else per address
      keyGenerator: (req) => {
        const auth = req.headers.authorization;
        return typeof auth === 'string' ? createHash('sha256').update(auth).digest('hex') : `ip:${req.ip}`;
      },
      allowList: (req) => req.url.startsWith('/health'),
      errorResponseBuilder: (_req, context) => ({
        statusCode: 429,
        message: `more than ${context.max} requests in a minute; retry after ${context.after}`,
      }),
    });
  }
  app.getHttpAdapter().getInstance().addHook('onSend', async (request, reply) => {
    void reply.header('x-correlation-id', request.id);
  });
  if (config.corsOrigins.length > 0) app.enableCors({ origin: [...config.corsOrigins] });
  app.setGlobalPrefix('api', { exclude: ['health', 'health/ready', '/', 'dashboard/:file'] }); // '/', 'dashboard/:file': DashboardController
  app.useGlobalPipes(requestValidationPipe());
  app.enableShutdownHooks();
  return { app, keys };
}

function resolveKeys(config: RegistryConfig): CreatedApp['keys'] {
  if (config.apiKeys) return { source: 'configured', keys: config.apiKeys };
  if (config.eventStoreUrl || config.mongodbUrl) {
    throw new ConfigError('UCCN_API_KEYS', 'set (or UCCN_API_KEYS_FILE) when running on EventStoreDB or MongoDB; keys are generated only in the embedded mode', undefined);
  }
  const { keys, file, generated } = loadOrGenerateKeys(config.dataDir);
  return { source: generated ? 'generated' : 'generated-earlier', file, keys };
}
