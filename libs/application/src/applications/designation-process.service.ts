import { Inject, Injectable } from '@nestjs/common';
import { HostedProcess } from '../shared/hosted-process.js';
import { REGISTRY_CONFIG, type RegistryConfig } from '@uccn/config';
import { EVENT_STORE, type EventStore } from '@uccn/event-store';
import { READ_STORE, type ReadStore } from '@uccn/read-store';
import { CLOCK, type Clock } from '../shared/clock.js';
import { DesignationProcess } from './designation-process.js';

/**
 * Hosts the designation process wherever projections run: in the API in the embedded mode, in
 * `apps/projector` in the split deployment (both import RegistryProcessesModule). Two hosts at once would
 * still designate each city once (same event ids, idempotent replay), only with wasted work.
 */
@Injectable()
export class DesignationProcessService extends HostedProcess<DesignationProcess> {
  constructor(
    @Inject(REGISTRY_CONFIG) config: RegistryConfig,
    @Inject(EVENT_STORE) events: EventStore,
    @Inject(READ_STORE) reads: ReadStore,
    @Inject(CLOCK) clock: Clock,
  ) {
    super(config, 'DesignationProcess', (log) => new DesignationProcess({ events, reads, clock }, { log }));
  }
}
