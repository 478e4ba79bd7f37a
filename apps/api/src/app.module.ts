import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { InfrastructureModule, type InfrastructureOptions, RegistryProcessesModule } from '@uccn/runtime';
import { ApplicationsAdminModule } from './admin/applications/applications-admin.module.js';
import { CitiesAdminModule } from './admin/cities/cities-admin.module.js';
import { FieldsAdminModule } from './admin/fields/fields-admin.module.js';
import { MeetingsAdminModule } from './admin/meetings/meetings-admin.module.js';
import { PartnershipsAdminModule } from './admin/partnerships/partnerships-admin.module.js';
import { AnalyticsModule } from './analytics/analytics.module.js';
import { AuditModule } from './audit/audit.module.js';
import { DashboardController } from './dashboard/dashboard.controller.js';
import { HealthModule } from './health/health.module.js';
import { ApiKeyGuard } from './http/api-key.guard.js';
import { IdempotencyInterceptor } from './http/idempotency.interceptor.js';
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
        // the secretariat's commands (POST /api/admin/**), one module per stream kind
        FieldsAdminModule,
        CitiesAdminModule,
        MeetingsAdminModule,
        ApplicationsAdminModule,
        PartnershipsAdminModule,
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
        // outermost first: the command observer sees what the idempotency interceptor answers
        { provide: APP_INTERCEPTOR, useClass: CommandObserver },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}
