import { InputError, formatProblem } from '../../src/load/input-error.ts';

/** The formatted problems of the InputError that `fn` throws; fails the test when it throws none. */
export function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e.problems.map(formatProblem);
    throw e;
  }
  throw new Error('expected an InputError');
}
