import { build } from '../src/build.ts';

const processStart = performance.timeOrigin;

/** One cold build in a fresh process; prints a JSON line for bench/main.ts. */
export async function main([edition, outDir]: string[]): Promise<number> {
  const t0 = performance.now();
  // The PDF stage: from 'pdf' (layout, tagging, serialising) to 'schrijven'.
  const marks: Partial<Record<string, number>> = {};
  const progress = { stage: (s: string) => (marks[s] = performance.now()), chart: () => {} };
  const r = await build({ editionFile: edition!, outDir: outDir!, progress });
  const t1 = performance.now();
  console.log(JSON.stringify({
    totalSeconds: (Date.now() - processStart) / 1000,
    buildSeconds: (t1 - t0) / 1000,
    pdfSeconds: (marks.schrijven! - marks.pdf!) / 1000,
    pdfKB: r.bytes / 1000,
    pages: r.pages,
    charts: r.charts,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  }));
  return 0;
}
