import { SCHEMA_VERSIONS, isRegistryEventType, type DomainEvent, type EventMetadata } from '@uccn/domain';
import type { NewEvent } from '@uccn/event-store';
import type { CommandContext } from './command-context.js';
import { eventIdFor } from '../idempotency/idempotency.js';
import { eventHash } from './event-hash.js';

/** Wraps the decider's events with ids, metadata (DESIGN §2) and the stream's hash chain. */
export function envelope(
  events: readonly DomainEvent[],
  context: CommandContext,
  stream: { readonly streamId: string; readonly revision: number; readonly lastHash: string | null },
  recordedAt: Date,
): NewEvent[] {
  let previousHash = stream.lastHash;
  return events.map((event, index) => {
    const eventId = eventIdFor(context, stream.streamId, index);
    const metadata: EventMetadata = {
      eventId,
      actor: context.actor,
      role: context.role,
      correlationId: context.correlationId,
      causationId: context.causationId ?? context.correlationId,
      ...(context.idempotencyKey ? { idempotencyKey: context.idempotencyKey } : {}),
      ...(context.idempotencyKey && context.requestHash ? { requestHash: context.requestHash } : {}),
      recordedAt: recordedAt.toISOString(),
      schemaVersion: isRegistryEventType(event.type) ? SCHEMA_VERSIONS[event.type] : 1,
      previousHash,
    };
    const data = event.data as Record<string, unknown>;
    const hash = eventHash({ streamId: stream.streamId, revision: stream.revision + 1 + index, type: event.type, data, metadata: { ...metadata } });
    previousHash = hash;
    return { id: eventId, type: event.type, data, metadata: { ...metadata, hash } };
  });
}
