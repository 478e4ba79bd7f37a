/**
 * Translations between EventStoreDB's client types and the port's: expected revisions, recorded
 * events, positions and errors. Kept apart from the adapter so the adapter reads as the protocol.
 */
import {
  ANY,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  CancelledError,
  DeadlineExceededError,
  NO_STREAM,
  type Position,
  type ResolvedEvent,
  STREAM_EXISTS,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { messageOf } from '@uccn/domain';
import {
  EventStoreUnavailable,
  type ExpectedRevision,
  InvalidPosition,
  type RecordedEvent,
  WrongExpectedRevision,
} from '../event-store.port.js';

export function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no-stream':
      return NO_STREAM;
    case 'stream-exists':
      return STREAM_EXISTS;
    default:
      return BigInt(expected);
  }
}

/** Positions on $all are (commit, prepare) pairs; the port exposes the commit position alone. */
export function toEsdbPosition(position: number): Position {
  return { commit: BigInt(position), prepare: BigInt(position) };
}

export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/** The position a resolved event occupies in $all, whichever field this server version fills. */
export function positionOf(resolved: ResolvedEvent | AllStreamResolvedEvent): Position | undefined {
  const recorded = resolved.event;
  if (recorded?.position) return recorded.position;
  if (resolved.commitPosition !== undefined) {
    return { commit: resolved.commitPosition, prepare: resolved.commitPosition };
  }
  return undefined;
}

/**
 * EventStoreDB's own bookkeeping ($-prefixed event types and streams: epochs, settings, stream
 * metadata, scavenges) shares $all with our events; the port's log holds only ours.
 */
export function isSystemEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): boolean {
  const recorded = resolved.event;
  if (!recorded) return true;
  return recorded.type.startsWith('$') || recorded.streamId.startsWith('$');
}

export function toRecordedEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent {
  const recorded = resolved.event;
  if (!recorded) throw new Error('a resolved event without its event (an unresolved link) has no place in the port');
  const position = positionOf(resolved);
  return {
    id: recorded.id,
    streamId: recorded.streamId,
    revision: Number(recorded.revision),
    position: position ? Number(position.commit) : 0,
    type: recorded.type,
    data: asObject(recorded.data),
    metadata: asObject(recorded.metadata),
  };
}

// The client answers `undefined` metadata for an empty payload, and binary data for non-JSON
// events written by other tools; the port promises objects.
function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array)
    ? (value as Record<string, unknown>)
    : {};
}

const UNAVAILABLE_GRPC_CODES = new Set([
  1, // CANCELLED: the channel was torn down under the call
  4, // DEADLINE_EXCEEDED
  14, // UNAVAILABLE: connection refused, reset, DNS failure
]);
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'EPIPE']);

/**
 * Connectivity failures come back as the client's typed errors, or — on the paths that skip its
 * conversion (e.g. the server-features probe made before the first append) — as raw gRPC
 * ServiceErrors that carry only a numeric status code.
 */
export function isUnavailableError(error: unknown): boolean {
  if (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof CancelledError
  ) {
    return true;
  }
  if (error === null || typeof error !== 'object') return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'number') return UNAVAILABLE_GRPC_CODES.has(code);
  if (typeof code === 'string') return UNAVAILABLE_NODE_CODES.has(code);
  return false;
}

/** gRPC's INVALID_ARGUMENT, which the server answers a read of $all from a position that is not an event's own. */
const GRPC_INVALID_ARGUMENT = 3;

/**
 * The server's answer to a read of $all from a position that holds no event: a status
 * INVALID_ARGUMENT, "Trying to read from an invalid position." (KurrentDB's
 * `RpcExceptions.InvalidPositionException`), which the client passes on as an `UnknownError`
 * carrying the status code.
 */
export function isInvalidPositionError(error: unknown): boolean {
  if (error === null || typeof error !== 'object') return false;
  const { code, message, details } = error as { code?: unknown; message?: unknown; details?: unknown };
  return code === GRPC_INVALID_ARGUMENT && /invalid position/i.test(`${String(message ?? '')} ${String(details ?? '')}`);
}

/** Rethrows a client error as the port's error, when the port has a name for it. */
export function toPortError(error: unknown, context: { streamId: string; expected: ExpectedRevision } | { readFrom: number | undefined } | string): Error {
  if (error instanceof WrongExpectedVersionError && typeof context === 'object' && 'streamId' in context) {
    const actual = error.actualVersion === NO_STREAM ? -1 : Number(error.actualVersion);
    return new WrongExpectedRevision(context.streamId, context.expected, actual);
  }
  if (error instanceof EventStoreUnavailable || error instanceof WrongExpectedRevision || error instanceof InvalidPosition) return error;
  if (typeof context === 'object' && 'readFrom' in context && isInvalidPositionError(error)) {
    return new InvalidPosition(context.readFrom, { cause: error });
  }
  if (isUnavailableError(error)) {
    const what = typeof context === 'string' ? context : 'readFrom' in context ? 'read of $all' : `append to ${context.streamId}`;
    return new EventStoreUnavailable(`EventStoreDB unavailable during ${what}: ${messageOf(error)}`, { cause: error });
  }
  return error instanceof Error ? error : new Error(String(error));
}
