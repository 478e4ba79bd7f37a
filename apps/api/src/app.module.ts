import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AdminModule } from './admin/admin.module.js';
import { InfrastructureModule, type InfrastructureOptions, RegistryProcessesModule } from '@uccn/runtime';
import { AnalyticsModule } from './analytics/analytics.module.js';
import { AuditModule } from './audit/audit.module.js';
import { DashboardController } from './dashboard/dashboard.controller.js';
import { HealthModule } from './health/health.module.js';
import { ApiKeyGuard } from './http/api-key.guard.js';
import { ProblemDetailsFilter } from './http/problem-details.filter.js';
import { API_KEY_RING, type ApiKeyRing } from './http/api-keys.js';
import { CommandObserver } from './observability/command-observer.interceptor.js';
import { ObservabilityModule, type ObservabilityOptions } from './observability/observability.module.js';

export interface AppOptions extends InfrastructureOptions {
  /** the global ConfigModule holding the validated configuration (see @uccn/runtime's registry-config.module.ts) */
  readonly configModule: DynamicModule;
  readonly observability: ObservabilityOptions;
  /** the keys the guard accepts (configured, or generated in embedded mode) */
  readonly keys: ApiKeyRing;
}

@Module({})
export class AppModule {
  static forRoot({ configModule, observability, keys, ...options }: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        configModule,
        ObservabilityModule.forRoot(observability),
        CqrsModule.forRoot(),
        InfrastructureModule.forRoot(options),
        // the designation process and the log's anchors (they run only where projections run)
        RegistryProcessesModule,
        // the secretariat's commands (POST /api/admin/**)
        AdminModule,
        // auditors' and analysts' reads (GET /api/audit/**, /api/analytics/**)
        AuditModule,
        AnalyticsModule,
        HealthModule,
      ],
      controllers: [DashboardController],
      providers: [
        { provide: API_KEY_RING, useValue: keys },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        // around every command route, so it also sees the answers kept for idempotent retries
        { provide: APP_INTERCEPTOR, useClass: CommandObserver },
      ],
    };
  }
}
