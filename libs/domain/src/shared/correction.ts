import { definedOnly } from './decider.js';
import { invalid, type DomainError } from './domain-error.js';

/*
 * Corrections (DESIGN §6) name only the facts they change: the same rules for every record that
 * may be corrected, so they live here once.
 */

/** A correction names at least one fact (400); `facts` lists those it may name. */
export function requireFactsNamed<Facts extends object>(proposed: Partial<Facts>, facts: string): Partial<Facts> {
  if (Object.keys(proposed).length === 0) throw invalid('NothingToCorrect', `a correction names at least one fact to correct: ${facts}`);
  return proposed;
}

/**
 * Of the facts a correction names, those that differ from the record: as recorded (`before`, a
 * fact never recorded left out) and as corrected (`after`). Values compare as JSON, so a list named
 * again unchanged is no change. A correction that changes nothing is a conflict: `nothingChanged`.
 */
export function changedFacts<Facts extends object>(
  recorded: Partial<Facts>,
  proposed: Partial<Facts>,
  nothingChanged: () => DomainError,
): { before: Partial<Facts>; after: Partial<Facts> } {
  const changed = (Object.keys(proposed) as (keyof Facts)[]).filter((key) => !sameValue(proposed[key], recorded[key]));
  if (changed.length === 0) throw nothingChanged();
  return {
    before: definedOnly(Object.fromEntries(changed.map((key) => [key, recorded[key]])) as Partial<Facts>),
    after: Object.fromEntries(changed.map((key) => [key, proposed[key]])) as Partial<Facts>,
  };
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
