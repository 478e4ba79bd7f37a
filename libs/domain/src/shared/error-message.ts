/**
 * What an error says, for a log line or a stored status: its message, or the value itself as text
 * when something other than an error was thrown. Anything with a string `message` counts as an
 * error: one made by a native module (better-sqlite3) or in another realm (a Jest test context)
 * fails `instanceof Error`.
 */
export function messageOf(error: unknown): string {
  const message = (error as { readonly message?: unknown } | null | undefined)?.message;
  return typeof message === 'string' ? message : String(error);
}
