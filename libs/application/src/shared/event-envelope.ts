import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import { SCHEMA_VERSIONS, isRegistryEventType, type DomainEvent, type EventMetadata } from '@uccn/domain';
import type { NewEvent } from '@uccn/event-store';
import type { CommandContext } from './command-context.js';
import { eventHash } from './event-hash.js';

/** Namespace of the name-based event ids derived from idempotency keys. */
const EVENT_ID_NAMESPACE = '6f1c1d57-4a3e-4c55-9c1f-5b0e2a6d9c41';

/**
 * The id of the `index`-th event of a command. With an idempotency key it is a name-based UUID
 * of actor + key + stream + index, so every retry of the same request proposes the same ids and the
 * store (EventStoreDB's duplicate check, or ours) recognises it.
 */
export function eventIdFor(context: CommandContext, streamId: string, index: number): string {
  if (!context.idempotencyKey) return randomUUID();
  return uuidv5(`${context.actor}\n${context.idempotencyKey}\n${streamId}\n${index}`, EVENT_ID_NAMESPACE);
}

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
