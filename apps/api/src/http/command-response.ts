import type { FastifyReply } from 'fastify';
import type { CommandResult } from '@uccn/application';

/** `201 { id, revision, position }` with the stream revision as ETag (DESIGN §3). */
export function commandResponse(reply: FastifyReply, result: CommandResult) {
  void reply.header('etag', `"${result.revision}"`);
  if (result.replayed) void reply.header('idempotent-replayed', 'true');
  return { id: result.id, revision: result.revision, position: result.position };
}
