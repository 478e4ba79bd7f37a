import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { loadConfig } from '@uccn/config';
import { reportStartFailure, storesOf } from '@uccn/runtime';
import { ProjectorModule } from './projector.module.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(ProjectorModule.forRoot(config), { bufferLogs: true });
  // JSON lines at UCCN_LOG_LEVEL, like the API's
  app.useLogger(app.get(PinoLogger));
  app.enableShutdownHooks();
  await app.init();
  new Logger('UCCN Projector').log(`running projections: ${storesOf(config)}`);
}

main().catch(reportStartFailure);
