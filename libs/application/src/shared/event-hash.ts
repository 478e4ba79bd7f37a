import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/**
 * The tamper-evidence chain: each event's hash covers its stream, revision, type, data and
 * metadata (minus the hash itself) and the previous event's hash in the same stream. Editing,
 * removing or reordering a stored event breaks the chain from that event on.
 */
export function eventHash(input: {
  readonly streamId: string;
  readonly revision: number;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
}): string {
  const { hash: _hash, ...metadata } = input.metadata;
  return createHash('sha256')
    .update(canonicalJson({ streamId: input.streamId, revision: input.revision, type: input.type, data: input.data, metadata }))
    .digest('hex');
}
