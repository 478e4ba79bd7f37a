import { createHash, randomUUID } from 'node:crypto';
import type { CommandBus } from '@nestjs/cqrs';
import { DomainError } from '@uccn/domain';
import { RegistryCommand, type PayloadFor, type RegistryCommandType } from '../commands/registry-command.js';
import { IdempotencyKeyReused } from '../shared/application-errors.js';
import { canonicalJson } from '../shared/canonical-json.js';
import type { CommandContext } from '../shared/command-context.js';
import { planNetworkHistory, type AppliedAssumption, type HistoryPlan, type HistoryStep } from './history-plan.js';
import type { NetworkHistory } from './network-history.js';

export type StepOutcome =
  /** events were appended */
  | { readonly kind: 'appended'; readonly position: number }
  /** an earlier import recorded the row with other values: a correction to the row's values was appended (DESIGN §6) */
  | { readonly kind: 'corrected'; readonly position: number; readonly correction: string }
  /** an earlier import by the same actor already recorded it: its idempotency key matched, nothing appended */
  | { readonly kind: 'replayed'; readonly position: number }
  /** the log already holds it from elsewhere (another actor's import, the API): a conflict, nothing appended */
  | { readonly kind: 'already-on-record'; readonly reason: string }
  /** the domain refused the row */
  | { readonly kind: 'refused'; readonly code: string; readonly reason: string }
  /** not sent, because the step it needs was refused */
  | { readonly kind: 'skipped'; readonly reason: string };

export interface ImportProgress {
  readonly done: number;
  readonly total: number;
  readonly step: HistoryStep;
  readonly outcome: StepOutcome;
}

export interface ImportOptions {
  /** who the events say recorded them; the role must be allowed to send the commands (`secretariat`) */
  readonly actor: string;
  readonly role?: string;
  /** ties every event of this import together; a fresh UUID by default */
  readonly correlationId?: string;
  readonly onProgress?: (progress: ImportProgress) => void;
}

export interface StepReport {
  readonly row: string;
  readonly command: HistoryStep['kind'];
  readonly outcome: StepOutcome;
}

export interface ImportSummary {
  readonly cities: number;
  readonly conferences: number;
  /** commands sent (or skipped) */
  readonly commands: number;
  readonly appended: number;
  /** rows an earlier import recorded with other values, amended by a correction */
  readonly corrected: number;
  /** the steps amended by a correction */
  readonly amended: readonly StepReport[];
  readonly replayed: number;
  readonly alreadyOnRecord: number;
  /** refused and skipped steps, with their reasons */
  readonly refused: readonly StepReport[];
  readonly assumptions: readonly AppliedAssumption[];
  /** the highest log position written or found by this import (0 when none) */
  readonly lastPosition: number;
  readonly elapsedMs: number;
}

/**
 * Imports the real history through the CommandBus — the API's own handlers and deciders — one
 * command at a time in the plan's order. Each command carries its step's idempotency key and a
 * digest of its payload, so a second import by the same actor appends nothing. A row whose values
 * changed since this actor imported it (a day the sources now give) is amended by a correction,
 * never recorded twice. A refused row is reported and the import goes on; a store that fails stops
 * it (the next run resumes where it stopped).
 */
export function importNetworkHistory(commandBus: CommandBus, history: NetworkHistory, options: ImportOptions): Promise<ImportSummary> {
  return importHistoryPlan(commandBus, planNetworkHistory(history), { cities: history.cities.length, conferences: history.conferences.length }, options);
}

/** Sends a plan's steps in order (`importNetworkHistory` with the plan made; a test may send another version's plan). */
export async function importHistoryPlan(
  commandBus: CommandBus,
  plan: HistoryPlan,
  rows: Pick<ImportSummary, 'cities' | 'conferences'>,
  options: ImportOptions,
): Promise<ImportSummary> {
  const started = performance.now();
  const correlationId = options.correlationId ?? randomUUID();
  const failed = new Set<string>();
  const reports: StepReport[] = [];
  let lastPosition = 0;

  for (const [index, step] of plan.steps.entries()) {
    const outcome: StepOutcome =
      step.after !== undefined && failed.has(step.after)
        ? { kind: 'skipped', reason: 'the command it follows was refused' }
        : await send(commandBus, step, { actor: options.actor, role: options.role ?? 'secretariat', correlationId, idempotencyKey: step.key, requestHash: digest(step.payload) });
    if (outcome.kind === 'refused' || outcome.kind === 'skipped') failed.add(step.key);
    if (outcome.kind === 'appended' || outcome.kind === 'corrected' || outcome.kind === 'replayed') lastPosition = Math.max(lastPosition, outcome.position);
    reports.push({ row: step.row, command: step.kind, outcome });
    options.onProgress?.({ done: index + 1, total: plan.steps.length, step, outcome });
  }

  const count = (kind: StepOutcome['kind']) => reports.filter((r) => r.outcome.kind === kind).length;
  return {
    ...rows,
    commands: plan.steps.length,
    appended: count('appended'),
    corrected: count('corrected'),
    amended: reports.filter((r) => r.outcome.kind === 'corrected'),
    replayed: count('replayed'),
    alreadyOnRecord: count('already-on-record'),
    refused: reports.filter((r) => r.outcome.kind === 'refused' || r.outcome.kind === 'skipped'),
    assumptions: plan.assumptions,
    lastPosition,
    elapsedMs: Math.round(performance.now() - started),
  };
}

async function send(commandBus: CommandBus, step: HistoryStep, context: CommandContext): Promise<StepOutcome> {
  try {
    const result = await commandBus.execute(commandOf(step.kind, step.payload, context));
    return result.replayed ? { kind: 'replayed', position: result.position } : { kind: 'appended', position: result.position };
  } catch (error) {
    if (error instanceof IdempotencyKeyReused) {
      // an earlier import by this actor recorded the row with the values it read then
      if (step.amend) return amend(commandBus, step.amend, context);
      return { kind: 'refused', code: 'RowChangedSinceImported', reason: 'this row was imported earlier with other values; the log keeps the first import' };
    }
    return outcomeOfRefusal(error);
  }
}

/**
 * The log is never rewritten (DESIGN §6): what an earlier import recorded is amended by a
 * correction to the row's values as the sources now give them, under a key of its own, so the
 * next import replays it and appends nothing.
 */
async function amend(commandBus: CommandBus, correction: NonNullable<HistoryStep['amend']>, context: CommandContext): Promise<StepOutcome> {
  try {
    const result = await commandBus.execute(commandOf(correction.kind, correction.payload, { ...context, idempotencyKey: correction.key, requestHash: digest(correction.payload) }));
    return result.replayed ? { kind: 'replayed', position: result.position } : { kind: 'corrected', position: result.position, correction: correction.kind };
  } catch (error) {
    return outcomeOfRefusal(error);
  }
}

/** A domain refusal is reported and the import goes on; anything else (the store failing) stops it. */
function outcomeOfRefusal(error: unknown): StepOutcome {
  if (error instanceof DomainError) {
    return error.kind === 'conflict' ? { kind: 'already-on-record', reason: error.message } : { kind: 'refused', code: error.code, reason: error.message };
  }
  if (error instanceof IdempotencyKeyReused) {
    return { kind: 'refused', code: 'RowChangedSinceImported', reason: 'this row was imported earlier with other values; the log keeps the first import' };
  }
  throw error;
}

function commandOf<Kind extends RegistryCommandType>(kind: Kind, payload: PayloadFor<Kind>, context: CommandContext): RegistryCommand {
  return new RegistryCommand(kind, payload, context);
}

const digest = (payload: unknown) => createHash('sha256').update(canonicalJson(payload)).digest('hex');
