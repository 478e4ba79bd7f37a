import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller.js';
import { ProjectionsHealthIndicator } from './projections.health.js';
import { StoresHealthIndicator } from './store.health.js';

@Module({
  // terminus logs a failed check itself, through the application's (JSON) logger
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json' })],
  controllers: [HealthController],
  providers: [StoresHealthIndicator, ProjectionsHealthIndicator],
})
export class HealthModule {}
