import 'reflect-metadata';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { randomUUID } from 'node:crypto';
import type { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Clock } from '@uccn/application';
import { ConfigError, type ApiKey, type RegistryConfig } from '@uccn/config';
import { logLevelOf, registryConfigModule } from '@uccn/runtime';
import { AppModule } from './app.module.js';
import { BODY_LIMIT_BYTES } from './http/body-limit.js';
import { clientErrorHandler, frameworkErrors, MAX_PARAM_LENGTH } from './http/framework-refusals.js';
import { useJsonBodiesOnly } from './http/json-body.js';
import { setUpOpenApi } from './http/openapi.js';
import { requestValidationPipe } from './http/validation.js';
import { ApiKeyRing, loadOrGenerateKeys } from './http/api-keys.js';

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

export interface CreatedApp {
  readonly app: NestFastifyApplication;
  /** the configuration the app runs with: the one given, or the environment's, validated */
  readonly config: RegistryConfig;
  /** where the keys came from: configured, or generated now / earlier into the data directory */
  readonly keys: { readonly source: 'configured' | 'generated' | 'generated-earlier'; readonly file?: string; readonly keys: readonly ApiKey[] };
}

export interface CreateAppOptions {
  readonly clock?: Clock;
  /** `false`: silent; levels: the most verbose one given; absent: `UCCN_LOG_LEVEL` */
  readonly logger?: LogLevel[] | false;
  /** where the JSON log lines go instead of stdout (tests read them) */
  readonly logDestination?: DestinationStream;
}

/** Builds the API (Fastify: about twice Express's throughput on this machine for a validated route). */
export async function createApp(given?: RegistryConfig, options: CreateAppOptions = {}): Promise<CreatedApp> {
  // without a given configuration, @nestjs/config validates the environment: a wrong value stops here
  const { module: configModule, config } = await registryConfigModule(given);
  const keys = resolveKeys(config);
  const keyRing = new ApiKeyRing(keys.keys);
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    // refusals made before Nest sees the request, as problem+json too (framework-refusals.ts)
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors,
    clientErrorHandler,
    requestIdHeader: false,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const sent = req.headers['x-correlation-id'];
      return typeof sent === 'string' && CORRELATION_ID.test(sent) ? sent : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({
      configModule,
      observability: { logLevel: logLevelOf(config, options.logger), ...(options.logDestination ? { logDestination: options.logDestination } : {}) },
      config,
      keys: keyRing,
      ...(options.clock ? { clock: options.clock } : {}),
    }),
    adapter,
    // bodyParser: false, so that Nest registers no form parser: useJsonBodiesOnly owns the parsers
    { bufferLogs: true, abortOnError: false, bodyParser: false },
  );
  app.useLogger(app.get(Logger));
  useJsonBodiesOnly(app);
  await app.register(helmet, { contentSecurityPolicy: false });
  if (config.rateLimitPerMinute > 0) {
    await app.register(rateLimit, {
      max: config.rateLimitPerMinute,
      timeWindow: 60_000,
      // per authenticated key, read as the guard reads it (keyed by the raw header, `Bearer<n spaces>key`
      // reset the budget); requests without a valid key share their address's budget
      keyGenerator: (req) => {
        const principal = keyRing.authenticate(req.headers.authorization);
        return principal ? `key:${principal.role}:${principal.name}` : `ip:${req.ip}`;
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
  app.setGlobalPrefix('api', { exclude: ['health', 'health/ready', 'metrics', '/', 'audit', 'dashboard/:file'] }); // '/', 'audit', 'dashboard/:file': DashboardController
  setUpOpenApi(app);
  app.useGlobalPipes(requestValidationPipe());
  app.enableShutdownHooks();
  return { app, config, keys };
}

function resolveKeys(config: RegistryConfig): CreatedApp['keys'] {
  if (config.apiKeys) return { source: 'configured', keys: config.apiKeys };
  if (config.eventStoreUrl || config.mongodbUrl) {
    throw new ConfigError('UCCN_API_KEYS', 'set (or UCCN_API_KEYS_FILE) when running on EventStoreDB or MongoDB; keys are generated only in the embedded mode', undefined);
  }
  const { keys, file, generated } = loadOrGenerateKeys(config.dataDir);
  return { source: generated ? 'generated' : 'generated-earlier', file, keys };
}
