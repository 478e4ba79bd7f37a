import { Inject, Injectable } from '@nestjs/common';
import { HostedProcess } from '../shared/hosted-process.js';
import { REGISTRY_CONFIG, type RegistryConfig } from '@uccn/config';
import { EVENT_STORE, type EventStore } from '@uccn/event-store';
import { CLOCK, type Clock } from '../shared/clock.js';
import { LogAnchorProcess } from './log-anchor.process.js';

/** Hosts the log's anchoring wherever projections run (the API embedded, else apps/projector). */
@Injectable()
export class LogAnchorService extends HostedProcess<LogAnchorProcess> {
  constructor(
    @Inject(REGISTRY_CONFIG) config: RegistryConfig,
    @Inject(EVENT_STORE) events: EventStore,
    @Inject(CLOCK) clock: Clock,
  ) {
    super(config, 'LogAnchors', (log) => new LogAnchorProcess({ events, clock }, { log }));
  }
}
