import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { DesignateCityHandler, GetCityHandler, ListCitiesHandler, ListEventsHandler } from '@uccn/application';
import { DesignateCityController } from './admin/cities/designate-city.controller.js';
import { CitiesController } from './analytics/cities/cities.controller.js';
import { EventsController } from './audit/events/events.controller.js';
import { HealthController } from './health/health.controller.js';
import { ApiKeyGuard } from './http/api-key.guard.js';
import { IdempotencyInterceptor } from './http/idempotency.interceptor.js';
import { ProblemDetailsFilter } from './http/problem-details.filter.js';
import { InfrastructureModule, type InfrastructureOptions } from './infrastructure/infrastructure.module.js';

const commandHandlers = [DesignateCityHandler];
const queryHandlers = [ListCitiesHandler, GetCityHandler, ListEventsHandler];

@Module({})
export class AppModule {
  static forRoot(options: InfrastructureOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot(), InfrastructureModule.forRoot(options)],
      controllers: [HealthController, DesignateCityController, CitiesController, EventsController],
      providers: [
        ...commandHandlers,
        ...queryHandlers,
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}
