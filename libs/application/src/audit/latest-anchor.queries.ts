import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { anchorsIn, LOG_ANCHORS_STREAM, type LogAnchor } from './log-anchor.js';
import { EVENT_STORE, type EventStore } from '@uccn/event-store';

/** An anchor as the log holds it: its digest, and the event that recorded it (where and when). */
export interface RecordedLogAnchor extends LogAnchor {
  /** the position of the `LogAnchored` event itself */
  readonly position: number;
  /** when the registry appended it */
  readonly recordedAt: string;
}

export interface LatestLogAnchor {
  /** null until the registry has anchored anything (the first anchor comes after 1,000 events or a minute) */
  readonly anchor: RecordedLogAnchor | null;
}

export class LatestAnchorQuery extends Query<LatestLogAnchor> {}

/** Anchors read back from the end of their stream before one well-formed is found. */
const LOOK_BACK = 16;

/**
 * The newest anchor of the log, straight from the event store: the last events of the anchors
 * stream, read backwards (anchors are appended in the order of the positions they cover, so the
 * newest is the last well-formed one). `verify` names the same anchor once it has walked the log;
 * this answers at once, and says when the anchor was written.
 */
@QueryHandler(LatestAnchorQuery)
export class LatestAnchorHandler implements IQueryHandler<LatestAnchorQuery, LatestLogAnchor> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(): Promise<LatestLogAnchor> {
    const last = await this.store.readStream(LOG_ANCHORS_STREAM, { direction: 'backwards', maxCount: LOOK_BACK });
    const recorded = last
      .map((event) => ({ event, anchor: anchorsIn([event])[0] }))
      .filter((a): a is { event: (typeof last)[number]; anchor: LogAnchor } => a.anchor !== undefined)
      .sort((a, b) => b.anchor.upToPosition - a.anchor.upToPosition)[0];
    if (!recorded) return { anchor: null };
    const { upToPosition, events, logHash } = recorded.anchor;
    return { anchor: { upToPosition, events, logHash, position: recorded.event.position, recordedAt: String(recorded.event.metadata['recordedAt'] ?? '') } };
  }
}
