import { diffCommand } from '../src/cli/commands/diff.ts';
import { InputError, formatProblem } from '../src/load/input-error.ts';

const processStart = performance.timeOrigin;

/**
 * One `eindrapport diff <a> <b>` in a fresh process (both models built, diffed, Markdown and PDF
 * written); prints a JSON line for bench/main.ts.
 */
export async function main([a, b, out]: string[]): Promise<number> {
  const t0 = performance.now();
  let r: Awaited<ReturnType<typeof diffCommand>>;
  try {
    r = await diffCommand({ a, b, revs: [], out, format: 'pdf', threshold: 5 }, () => {}, () => {});
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    for (const p of e.problems) process.stderr.write(`${formatProblem(p)}\n`);
    return 1;
  }
  const t1 = performance.now();
  console.log(
    JSON.stringify({
      totalSeconds: (Date.now() - processStart) / 1000,
      diffCommandSeconds: (t1 - t0) / 1000,
      modelsSeconds: r.seconds.models,
      diffSeconds: r.seconds.diff,
      pdfSeconds: r.seconds.pdf,
      changes: r.diff.summary.total,
      peakRssMB: process.resourceUsage().maxRSS / 1024,
    }),
  );
  return 0;
}
