import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { tap, type Observable } from 'rxjs';
import { type CommandOutcome, RegistryMetrics } from '@uccn/runtime';
import { commandTypeOf } from '../http/command-context.js';
import { toProblem } from '../http/problem-details.filter.js';

/**
 * Every command (a POST past the key guard) is logged once and counted: who (the key's name and
 * role, never the key), which command, what came of it (created, replayed, or refused / failed
 * with the problem it was answered with) and how long it took. A global interceptor, so it wraps
 * the command routes' own (CommandExecution) and sees the answers kept for idempotent retries.
 * The line carries the request id (nestjs-pino binds it to every line logged during a request).
 */
@Injectable()
export class CommandObserver implements NestInterceptor {
  constructor(
    private readonly metrics: RegistryMetrics,
    private readonly reflector: Reflector,
    @InjectPinoLogger('Commands') private readonly logger: PinoLogger,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (request.method !== 'POST' || !request.principal) return next.handle();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const command = commandTypeOf(this.reflector, context) ?? context.getHandler().name; // a POST that is not a command: the projections' rebuild
    const actor = { name: request.principal.name, role: request.principal.role };
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;

    return next.handle().pipe(
      tap({
        next: (body) => {
          const outcome: CommandOutcome = reply.getHeader('idempotent-replayed') === 'true' ? 'replayed' : 'created';
          const took = this.observe(command, outcome, seconds());
          const { id, revision, position } = (body ?? {}) as { id?: unknown; revision?: unknown; position?: unknown };
          this.logger.info({ command, actor, outcome, result: { id, revision, position }, durationMs: took }, `${command} ${outcome}`);
        },
        error: (error: unknown) => {
          const { status, type, detail, code } = toProblem(error);
          const outcome: CommandOutcome = status >= 500 ? 'failed' : 'refused';
          const took = this.observe(command, outcome, seconds());
          const line = { command, actor, outcome, problem: { status, type, ...(code ? { code } : {}), detail }, durationMs: took };
          if (outcome === 'failed') this.logger.error(line, `${command} ${outcome}`);
          else this.logger.info(line, `${command} ${outcome}`);
        },
      }),
    );
  }

  private observe(command: string, outcome: CommandOutcome, seconds: number): number {
    this.metrics.commands.inc({ command, outcome });
    this.metrics.commandDuration.observe({ command }, seconds);
    return Math.round(seconds * 1000 * 10) / 10;
  }
}
