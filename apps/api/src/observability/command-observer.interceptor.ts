import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { tap, type Observable } from 'rxjs';
import { type CommandOutcome, RegistryMetrics } from '@uccn/runtime';
import { toProblem } from '../http/problem-details.filter.js';

/** `DesignateCityController` → `DesignateCity`: each command route has its own controller. */
export const commandNameOf = (controller: { name: string }): string => controller.name.replace(/Controller$/, '');

/**
 * Every command (a POST past the key guard) is logged once and counted: who (the key's name and
 * role, never the key), which command, what came of it (created, replayed, or refused / failed
 * with the problem it was answered with) and how long it took. Registered before the
 * idempotency interceptor so that it wraps it and sees the answers replayed from its records.
 * The line carries the request id (nestjs-pino binds it to every line logged during a request).
 */
@Injectable()
export class CommandObserver implements NestInterceptor {
  constructor(
    private readonly metrics: RegistryMetrics,
    @InjectPinoLogger('Commands') private readonly logger: PinoLogger,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (request.method !== 'POST' || !request.principal) return next.handle();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const command = commandNameOf(context.getClass());
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
