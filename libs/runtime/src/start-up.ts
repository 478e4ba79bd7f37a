import { ConfigError, type ApiKey } from '@uccn/config';

/**
 * A failure in one line: a configuration error says what to set; anything else is a bug and
 * shows its stack, after `prefix`.
 */
export function failureLine(error: unknown, prefix = 'Start failed: '): string {
  if (error instanceof ConfigError) return `Configuration error: ${error.message}`;
  return `${prefix}${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}

/** Why apps/api or apps/projector could not start, on stderr; the process exits 1. */
export function reportStartFailure(error: unknown): never {
  process.stderr.write(`${failureLine(error)}\n`);
  process.exit(1);
}

/** The keys as printed to their owner, one a line: `  analyst      uccn_…`. */
export function keyLines(keys: readonly ApiKey[]): string[] {
  return keys.map((k) => `  ${k.role.padEnd(12)} ${k.key}`);
}
