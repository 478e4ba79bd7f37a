import assert from 'node:assert/strict';
import { fold, type Decider } from './decider.js';
import { DomainError, type DomainErrorKind } from './domain-error.js';

/**
 * Given / when / then for deciders: the history as events, one command, then the events it
 * causes or the error it raises. Written with node:assert (not jest's `expect`) so the helper
 * type-checks in the production build and can be used by any test runner.
 *
 *   const given = specFor(cityDecider);
 *   given([designated]).when(changeField).then([fieldChanged]);
 *   given([]).when(changeField).thenThrows('CityNotFound', 'not-found');
 *
 * Events are compared with deep strict equality, so an optional property left `undefined` in an
 * event fails the spec: events are stored as JSON and must not carry undefined keys.
 */
export function specFor<Command, Event, State>(decider: Decider<Command, Event, State>) {
  return (history: readonly Event[]) => {
    const state = fold(decider.evolve, decider.initialState, history);
    return {
      /** the state folded from the history, for assertions on `evolve` */
      state,
      when: (command: Command) => ({
        then(expected: readonly Event[]): void {
          assert.deepStrictEqual(decider.decide(command, state), expected);
        },
        thenNothing(): void {
          assert.deepStrictEqual(decider.decide(command, state), []);
        },
        /** returns the error so a spec can also check its message or field */
        thenThrows(code: string, kind?: DomainErrorKind): DomainError {
          let caught: unknown;
          try {
            const events = decider.decide(command, state);
            assert.fail(`expected ${code}, but the command was accepted with ${JSON.stringify(events)}`);
          } catch (error) {
            caught = error;
          }
          if (!(caught instanceof DomainError)) throw caught;
          assert.equal(caught.code, code, `expected ${code}, got ${caught.code}: ${caught.message}`);
          if (kind !== undefined) assert.equal(caught.kind, kind, `${code} should be ${kind}`);
          return caught;
        },
      }),
    };
  };
}
