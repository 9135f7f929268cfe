import { diffCommand } from '../src/cli/commands/diff.ts';

const processStart = performance.timeOrigin;

/**
 * One `eindrapport diff <a> <b>` in a fresh process (both models built, diffed, Markdown and PDF
 * written); prints a JSON line for bench/main.ts.
 */
export async function main([a, b, out]: string[]): Promise<number> {
  const t0 = performance.now();
  const r = await diffCommand({ a, b, revs: [], out, format: 'pdf', threshold: 5 }, () => {}, () => {});
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
