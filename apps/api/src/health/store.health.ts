import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, type EventStore } from '@uccn/event-store';
import { READ_STORE, type ReadStore } from '@uccn/read-store';

/** A store that does not answer within this is down for readiness. */
export const PING_TIMEOUT_MS = 3_000;

/** Both stores pinged. The probe is public: a failure is named by its kind, never by its message (paths, hosts). */
@Injectable()
export class StoresHealthIndicator {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly reads: ReadStore,
    private readonly health: HealthIndicatorService,
  ) {}

  eventStore() {
    return this.ping('eventStore', () => this.events.ping());
  }

  readStore() {
    return this.ping('readStore', () => this.reads.ping());
  }

  private ping<Key extends string>(key: Key, ping: () => Promise<void>) {
    return this.health
      .check(key)
      .attempt(async () => {
        try {
          await ping();
        } catch (error) {
          throw new Error(`does not answer (${error instanceof Error ? error.name : 'error'})`);
        }
      })
      .withTimeout(PING_TIMEOUT_MS);
  }
}
