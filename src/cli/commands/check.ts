import { dirname, relative } from 'node:path';
import { formatNumber } from '../../analyse/dutch-number.ts';
import { checkEdition, type CheckResult } from '../../check/check-edition.ts';
import { formatProblem } from '../../load/input-error.ts';
import { displayPath } from '../../load/yaml-file.ts';

/** "2 fouten en 1 waarschuwing", "geen fouten of waarschuwingen". */
export function countProblems(r: Pick<CheckResult, 'errors' | 'warnings'>): string {
  const errors = r.errors === 1 ? '1 fout' : `${r.errors} fouten`;
  const warnings = r.warnings === 1 ? '1 waarschuwing' : `${r.warnings} waarschuwingen`;
  if (!r.errors && !r.warnings) return 'geen fouten of waarschuwingen';
  if (!r.warnings) return errors;
  if (!r.errors) return warnings;
  return `${errors} en ${warnings}`;
}

/**
 * `eindrapport check`: prints every problem (one line each: file:line:column, fout/waarschuwing,
 * what is wrong, what to do) and a summary. Exit code 1 when there is an error; warnings alone: 0.
 */
export function checkCommand(editionFile: string, print: (s: string) => void): number {
  const started = performance.now();
  const result = checkEdition(editionFile);
  for (const p of result.problems) print(formatProblem(p));
  const seconds = (performance.now() - started) / 1000;
  const where = displayPath(dirname(editionFile)) || relative(process.cwd(), dirname(editionFile)) || '.';
  const summary = countProblems(result);
  print(`${summary.charAt(0).toUpperCase()}${summary.slice(1)} in ${where} (${formatNumber(seconds, 2)} s).`);
  if (result.errors) print('Pas de genoemde regels aan en controleer opnieuw; uitleg per melding staat in docs/tekst-schrijven.md.');
  return result.errors > 0 ? 1 : 0;
}
