import type { AppendResult, EventStore, ExpectedRevision, NewEvent, ReadAllOptions, ReadStreamOptions, RecordedEvent, SubscribeOptions, Subscription } from '@uccn/event-store';
import type { RegistryMetrics } from './metrics.js';

/** `city-lyon` → `city`; `network` → `network`: a label with a handful of values, never an id. */
export const streamKindOf = (streamId: string): string => streamId.split('-', 1)[0]!;

/**
 * Counts appends where they happen, whatever store sits behind the port. An idempotent retry of
 * an append (the same event ids again) is counted again: the port does not say it was a no-op,
 * and `handleCommand` answers such retries from the log before appending, so it is rare.
 */
export class MeteredEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly metrics: RegistryMetrics,
  ) {}

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    const result = await this.inner.append(streamId, events, expected);
    this.metrics.eventsAppended.inc({ stream_kind: streamKindOf(streamId) }, events.length);
    return result;
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.inner.readStream(streamId, options);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  headPosition(): Promise<number> {
    return this.inner.headPosition();
  }

  readLast(maxCount: number): Promise<RecordedEvent[]> {
    return this.inner.readLast(maxCount);
  }

  countAfter(after: number, max: number): Promise<number> {
    return this.inner.countAfter(after, max);
  }

  subscribeToAll(options?: SubscribeOptions): Subscription {
    return this.inner.subscribeToAll(options);
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
