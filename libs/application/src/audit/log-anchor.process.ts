import { messageOf, type DomainEvent } from '@uccn/domain';
import { LogFollower, WrongExpectedRevision, type EventStore, type RecordedEvent } from '@uccn/event-store';
import type { Clock } from '../shared/clock.js';
import { envelope } from '../shared/event-envelope.js';
import { streamTip } from '../shared/load-stream.js';
import { anchorsIn, EMPTY_LOG_HASH, LOG_ANCHORED, LOG_ANCHORS_STREAM, rollLogHash, type LogAnchor } from './log-anchor.js';

/** The process's name: the actor of the anchors it appends. */
export const LOG_ANCHOR_PROCESS = 'log-anchor-process';

export interface LogAnchorOptions {
  /** anchor once this many events (anchors not counted) are not yet covered; default 1,000 */
  readonly everyEvents?: number;
  /** and at the latest this long after the first uncovered event arrived; default 60 s */
  readonly maxDelayMs?: number;
  readonly batchSize?: number;
  readonly log?: (message: string) => void;
}

/**
 * Appends the log's anchors (see log-anchor.ts). It follows the log from the newest anchor,
 * rolling the digest event by event, so a restart costs one read of the anchors stream and of the
 * events after the newest anchor. Two processes anchoring at once are harmless: the anchors
 * stream is appended at an expected revision, and the loser re-reads and goes on.
 */
export class LogAnchorProcess {
  private readonly following = new LogFollower({
    resume: async () => {
      await this.loadNewestAnchor();
      return this.rolled.position;
    },
    subscribe: (after) => this.deps.events.subscribeToAll({ after, batchSize: this.options.batchSize ?? 500 }),
    handle: (batch) => this.roll(batch),
    onRetry: (error, retryInMs) => this.options.log?.(`log anchor process: ${messageOf(error)}; starting again in ${retryInMs} ms`),
  });
  private timer: NodeJS.Timeout | null = null;
  /** the digest of the log up to `position` */
  private rolled = { position: 0, events: 0, logHash: EMPTY_LOG_HASH };
  /** events rolled since the newest anchor, anchors not counted */
  private uncovered = 0;
  private anchors = { revision: -1, lastHash: null as string | null };
  /** anchoring is serialised: the timer and the subscription may both ask for it */
  private anchoring: Promise<void> = Promise.resolve();
  private readonly everyEvents: number;
  private readonly maxDelayMs: number;

  constructor(
    private readonly deps: { readonly events: EventStore; readonly clock: Clock },
    private readonly options: LogAnchorOptions = {},
  ) {
    this.everyEvents = options.everyEvents ?? 1_000;
    this.maxDelayMs = options.maxDelayMs ?? 60_000;
  }

  start(): void {
    this.following.start();
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    await this.following.stop();
    await this.anchoring;
  }

  /** Resolves once the digest has rolled up to `position` (or the process has stopped). */
  async waitForPosition(position: number): Promise<void> {
    await this.following.until(() => this.rolled.position >= position);
  }

  /** Anchors now whatever is not yet covered (also what the timer does). */
  anchorNow(): Promise<void> {
    this.anchoring = this.anchoring.then(() => this.appendAnchor()).catch((error: unknown) => {
      this.options.log?.(`log anchor: ${messageOf(error)}; trying again later`);
    });
    return this.anchoring;
  }

  private async roll(batch: readonly RecordedEvent[]): Promise<void> {
    for (const event of batch) {
      this.rolled = { position: event.position, events: this.rolled.events + 1, logHash: rollLogHash(this.rolled.logHash, event) };
      if (event.type !== LOG_ANCHORED) this.uncovered += 1;
    }
    if (this.uncovered >= this.everyEvents) await this.anchorNow();
    else if (this.uncovered > 0 && !this.timer) this.timer = setTimeout(() => void this.anchorNow(), this.maxDelayMs);
  }

  private async loadNewestAnchor(): Promise<void> {
    const stream = await this.deps.events.readStream(LOG_ANCHORS_STREAM);
    const newest: LogAnchor | undefined = anchorsIn(stream).at(-1);
    const { revision, lastHash } = streamTip(stream);
    this.anchors = { revision, lastHash };
    this.rolled = newest ? { position: newest.upToPosition, events: newest.events, logHash: newest.logHash } : { position: 0, events: 0, logHash: EMPTY_LOG_HASH };
    this.uncovered = 0;
  }

  private async appendAnchor(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.uncovered === 0) return;
    const anchor: LogAnchor = { upToPosition: this.rolled.position, events: this.rolled.events, logHash: this.rolled.logHash };
    // events rolled while the append is under way stay uncovered
    const covered = this.uncovered;
    const event = { type: LOG_ANCHORED, data: { ...anchor } } as unknown as DomainEvent;
    const context = { actor: LOG_ANCHOR_PROCESS, role: 'system', correlationId: `anchor:${anchor.upToPosition}` };
    const stream = { streamId: LOG_ANCHORS_STREAM, revision: this.anchors.revision, lastHash: this.anchors.lastHash };
    const [proposed] = envelope([event], context, stream, this.deps.clock.now());
    try {
      const expected = this.anchors.revision < 0 ? 'no-stream' : this.anchors.revision;
      await this.deps.events.append(LOG_ANCHORS_STREAM, [proposed!], expected);
      this.anchors = { revision: this.anchors.revision + 1, lastHash: proposed!.metadata['hash'] as string };
      this.uncovered -= covered;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision)) throw error;
      // another process anchored meanwhile: take its revision; the next anchor covers ours
      const { revision, lastHash } = streamTip(await this.deps.events.readStream(LOG_ANCHORS_STREAM));
      this.anchors = { revision, lastHash };
    }
  }
}
