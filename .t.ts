import { checkEdition } from './src/check/check-edition.ts';
import { formatProblem } from './src/load/input-error.ts';
export async function main([f]: string[]) {
  const t = performance.now();
  const r = checkEdition(f!);
  console.log(r.problems.map(formatProblem).join('\n'));
  console.log(r.errors, 'errors', r.warnings, 'warnings', (performance.now() - t).toFixed(0), 'ms');
  return 0;
}
