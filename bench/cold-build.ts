import { build } from '../src/build.ts';

const processStart = performance.timeOrigin;

/** One cold build in a fresh process; prints a JSON line for bench/main.ts. */
export async function main([edition, outDir]: string[]): Promise<number> {
  const t0 = performance.now();
  const r = await build({ editionFile: edition!, outDir: outDir! });
  const t1 = performance.now();
  console.log(JSON.stringify({
    totalSeconds: (Date.now() - processStart) / 1000,
    buildSeconds: (t1 - t0) / 1000,
    pages: r.pages,
    charts: r.charts,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  }));
  return 0;
}
