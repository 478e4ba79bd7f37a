/** Who sends a command and how: everything that ends up in the events' metadata. */
export interface CommandContext {
  /** the API key's name */
  readonly actor: string;
  readonly role: string;
  /** ties together every event caused by one request */
  readonly correlationId: string;
  /** the request (or the event) that caused these events; defaults to the correlation id */
  readonly causationId?: string;
  readonly idempotencyKey?: string;
  /** a digest of the request an idempotency key was sent with: the same key with another body is refused */
  readonly requestHash?: string;
  /** `If-Match`: the stream revision the client saw; a moved stream answers 412, never a retry */
  readonly expectedRevision?: number;
}

/** What a command answers: `201 { id, revision, position }` with `ETag: "<revision>"`. */
export interface CommandResult {
  /** the aggregate's id (cityId, meetingId, …) */
  readonly id: string;
  /** the stream's revision after the command */
  readonly revision: number;
  /** global position of the last event written (or of the stream's last event when none was) */
  readonly position: number;
  /** true when an idempotent retry found the first attempt's events and appended nothing */
  readonly replayed: boolean;
}
