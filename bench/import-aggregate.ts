import { loadSurvey } from '../src/load/survey.ts';
import { aggregateSurvey } from '../src/analyse/aggregate.ts';

/** One measurement in a fresh process; prints a JSON line for bench/main.ts. */
export async function main([edition]: string[]): Promise<number> {
  const t0 = performance.now();
  const survey = loadSurvey(edition!);
  const t1 = performance.now();
  const aggregates = aggregateSurvey(survey);
  const t2 = performance.now();
  console.log(JSON.stringify({
    importSeconds: (t1 - t0) / 1000,
    aggregateSeconds: (t2 - t1) / 1000,
    records: aggregates.records.length,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  }));
  return 0;
}
