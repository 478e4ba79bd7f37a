import {
  applyDecorators,
  HttpCode,
  Inject,
  Injectable,
  Post,
  SetMetadata,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { defer, mergeAll, mergeMap, of, type Observable } from 'rxjs';
import {
  CLOCK,
  KeptAnswers,
  PersonalData,
  RegistryCommand,
  type Clock,
  type CommandContext,
  type KeptAnswer,
  type KeyedContext,
  type PayloadFor,
  type RegistryCommandType,
} from '@uccn/application';
import { COMMAND_TYPE, commandContextOf } from '../http/command-context.js';
import { ApiCommand, type ApiCommandOptions } from '../http/openapi.decorators.js';

/*
 * The NestJS glue of every command, written once. A route is a method that names its command and
 * builds the payload from the path and the body:
 *
 *   @CommandRoute('SubmitReport', ':cityId/reports', { summary: … })
 *   submitReport(@Param() { cityId }: CityParams, @Body() body: SubmitReportRequest) {
 *     return command('SubmitReport', { ...body, cityId });
 *   }
 *
 * The compiler checks the payload against the command's (PayloadFor); `CommandExecution` sends it
 * through the CommandBus with the request's context and answers `201 { id, revision, position }`.
 */

/** A command a route asks for, to be sent by `CommandExecution`. */
export interface CommandCall<Type extends RegistryCommandType = RegistryCommandType> {
  readonly type: Type;
  readonly payload: PayloadFor<Type>;
}

export const command = <Type extends RegistryCommandType>(type: Type, payload: PayloadFor<Type>): CommandCall<Type> => ({ type, payload });

/**
 * Sends what a command route returns and answers `201 { id, revision, position }` with the
 * stream's revision as `ETag`. With an `Idempotency-Key`, a kept answer is given again instead
 * (the layers of idempotency: idempotency.ts in @uccn/application).
 */
@Injectable()
export class CommandExecution implements NestInterceptor {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly keptAnswers: KeptAnswers,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly personalData: PersonalData,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler<CommandCall>): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return defer(async () => {
      // the context first: a bad Idempotency-Key or If-Match is a 400 before anything is decided
      const commandContext = commandContextOf(request, (text) => this.personalData.digest(text));
      const keyed = isKeyed(commandContext) ? commandContext : null;
      const kept = keyed ? await this.keptAnswers.lookup(keyed, this.clock.now()) : null;
      if (kept) return of(this.answer(reply, kept, true));
      return next.handle().pipe(
        mergeMap(async ({ type, payload }) => {
          const result = await this.commandBus.execute(new RegistryCommand(type, plainOf(payload), commandContext));
          const answer = { status: reply.statusCode, body: { id: result.id, revision: result.revision, position: result.position }, etag: `"${result.revision}"` };
          if (keyed) await this.keptAnswers.keep(keyed, answer, this.clock.now());
          return this.answer(reply, answer, result.replayed);
        }),
      );
    }).pipe(mergeAll());
  }

  private answer(reply: FastifyReply, { status, body, etag }: KeptAnswer, replayed: boolean): unknown {
    void reply.status(status);
    if (etag) void reply.header('etag', etag);
    if (replayed) void reply.header('idempotent-replayed', 'true');
    return body;
  }
}

const isKeyed = (context: CommandContext): context is KeyedContext => context.idempotencyKey !== undefined && context.requestHash !== undefined;

/** A command route: `POST` answering `201`, its OpenAPI operation, and the command it sends. */
export const CommandRoute = (type: RegistryCommandType, path: string, docs: ApiCommandOptions) =>
  applyDecorators(Post(path), HttpCode(201), ApiCommand({ ...docs, operationId: type }), SetMetadata(COMMAND_TYPE, type), UseInterceptors(CommandExecution));

/**
 * The payload as plain data: the validated request is a class instance whose optional fields the
 * client left out are present as `undefined`; the events must hold only what was sent.
 */
function plainOf<T>(value: T): T {
  if (Array.isArray(value)) return value.map(plainOf) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, plainOf(v)]),
  ) as T;
}

type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T];

/**
 * `true` when a request DTO declares exactly the fields of its command's payload, less those not
 * in the body (taken from the path, or never sent over HTTP), with the same optionality and types
 * the payload accepts; otherwise a type that says what differs.
 */
export type RequestMatches<Request, Type extends RegistryCommandType, NotInBody extends keyof PayloadFor<Type> = never> = Matches<
  Request,
  Omit<PayloadFor<Type>, NotInBody>
>;

type Matches<Request, Payload> = [Exclude<keyof Request, keyof Payload>] extends [never]
  ? [Exclude<keyof Payload, keyof Request>] extends [never]
    ? [OptionalKeys<Request>] extends [OptionalKeys<Payload>]
      ? [OptionalKeys<Payload>] extends [OptionalKeys<Request>]
        ? Request extends Payload
          ? true
          : { typesDiffer: { [K in keyof Request & keyof Payload]: Request[K] extends Payload[K] ? never : K }[keyof Request & keyof Payload] }
        : { optionalInPayloadOnly: Exclude<OptionalKeys<Payload>, OptionalKeys<Request>> }
      : { optionalInRequestOnly: Exclude<OptionalKeys<Request>, OptionalKeys<Payload>> }
    : { missingFromRequest: Exclude<keyof Payload, keyof Request> }
  : { notInPayload: Exclude<keyof Request, keyof Payload> };

/** Compiles only when every check is `true`: a request DTO that drifts from its command does not compile. */
export const requestsMatch = <_Checks extends readonly true[]>(): void => undefined;
