import type { ImportSummary, StepOutcome } from '@uccn/application';

const EXAMPLES = 3;

/** The end-of-import summary: counts, every refused row with its reason, and every assumption applied. */
export function importReport(summary: ImportSummary): string {
  const lines = [
    `Imported the network's history (${summary.cities} cities, ${summary.conferences} conferences) in ${(summary.elapsedMs / 1000).toFixed(1)} s:`,
    `  ${summary.commands} commands: ${summary.appended} appended, ${summary.corrected} amended by a correction, ${summary.replayed} already imported (same idempotency key), ` +
      `${summary.alreadyOnRecord} already on record, ${summary.refused.length} refused`,
    `  the log's last position touched: ${summary.lastPosition}`,
  ];
  if (summary.amended.length > 0) {
    lines.push('', 'Amended (an earlier import recorded these rows with other values; a correction records what the sources give):');
    for (const r of summary.amended) lines.push(`  ${r.row} — ${reasonOf(r.outcome)}`);
  }
  if (summary.refused.length > 0) {
    lines.push('', 'Refused (nothing appended for these):');
    for (const r of summary.refused) lines.push(`  ${r.row} — ${r.command}: ${reasonOf(r.outcome)}`);
  }
  lines.push('', 'Assumptions (what SOURCES.md leaves open, recorded this way):');
  for (const a of summary.assumptions) {
    const examples = a.rows.slice(0, EXAMPLES).map((row) => row.replace(/^\S+:\d+ /, '')).join(', ');
    lines.push(`  - ${a.text}`, `    applied to ${a.rows.length} row${a.rows.length === 1 ? '' : 's'}: ${examples}${a.rows.length > EXAMPLES ? ', …' : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

function reasonOf(outcome: StepOutcome): string {
  switch (outcome.kind) {
    case 'refused':
      return `${outcome.reason} (${outcome.code})`;
    case 'skipped':
      return `not sent: ${outcome.reason}`;
    case 'already-on-record':
      return outcome.reason;
    case 'corrected':
      return `${outcome.correction} at position ${outcome.position}`;
    case 'appended':
    case 'replayed':
      return outcome.kind;
    default:
      return outcome satisfies never;
  }
}
