import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { CLOCK, PersonalData, systemClock, type Clock } from '@uccn/application';
import { REGISTRY_CONFIG, type RegistryConfig } from '@uccn/config';
import { EVENT_STORE, type EventStore } from '@uccn/event-store';
import { ReadModels } from '@uccn/projections';
import { READ_STORE, type ReadStore } from '@uccn/read-store';
import { MeteredEventStore } from './observability/metered-event-store.js';
import { RegistryMetrics } from './observability/metrics.js';
import { ProjectionsService } from './projections.service.js';
import { loadOrGenerateSubjectSecret, openKeyStore } from './personal-data.js';
import { openEventStore, openReadStore } from './stores.js';

export interface InfrastructureOptions {
  readonly config: RegistryConfig;
  readonly clock?: Clock;
}

/** The stores, the clock, the projections and the door to personal data: opened once, closed last. */
@Global()
@Module({})
export class InfrastructureModule implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly reads: ReadStore,
    private readonly personalData: PersonalData,
  ) {}

  static forRoot({ config, clock }: InfrastructureOptions): DynamicModule {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: REGISTRY_CONFIG, useValue: config },
        { provide: CLOCK, useValue: clock ?? systemClock },
        {
          provide: EVENT_STORE,
          // metered where the API serves metrics; the projector has none
          useFactory: async (metrics?: RegistryMetrics) => {
            const store = await openEventStore(config);
            return metrics ? new MeteredEventStore(store, metrics) : store;
          },
          inject: [{ token: RegistryMetrics, optional: true }],
        },
        { provide: READ_STORE, useFactory: () => openReadStore(config) },
        { provide: ReadModels, useFactory: (store: ReadStore) => new ReadModels(store), inject: [READ_STORE] },
        ProjectionsService,
        {
          provide: PersonalData,
          // the key store and the subject secret are opened by the first command or answer that names a person
          useFactory: () => new PersonalData({ openKeyStore: () => openKeyStore(config), loadSecret: () => loadOrGenerateSubjectSecret(config) }),
        },
      ],
      exports: [REGISTRY_CONFIG, CLOCK, EVENT_STORE, READ_STORE, ReadModels, ProjectionsService, PersonalData],
    };
  }

  /** After every module is destroyed (the runner stopped): flush and close the stores. */
  async onApplicationShutdown(): Promise<void> {
    await this.events.close();
    await this.personalData.close();
    await this.reads.close();
  }
}
