import { loadSurvey, type Survey } from '../src/load/survey.ts';
import { aggregateSurvey } from '../src/analyse/aggregate.ts';
import type { ResponseData } from '../src/load/responses.ts';

/**
 * Aggregation of 1,000,000 respondents in a fresh process: the 100,000-respondent export is read
 * once and its answers repeated ten times in the importer's columnar form, so what is measured is
 * the analyse stage alone (the goal: ≤ 3 s within 1 GB). Prints a JSON line for bench/main.ts.
 */
export async function main([edition]: string[]): Promise<number> {
  const small = loadSurvey(edition!);
  const survey = repeat(small, 10);
  global.gc?.();
  const rssBefore = process.memoryUsage().rss / 1024 / 1024;
  const t0 = performance.now();
  const aggregates = aggregateSurvey(survey);
  const t1 = performance.now();
  console.log(
    JSON.stringify({
      respondents: survey.responses.count,
      aggregateSeconds: (t1 - t0) / 1000,
      records: aggregates.records.length,
      rssBeforeMB: rssBefore,
      peakRssMB: process.resourceUsage().maxRSS / 1024,
    }),
  );
  return 0;
}

function repeat(survey: Survey, times: number): Survey {
  const r = survey.responses;
  const count = r.count * times;
  const tile = <T extends Int16Array | Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
    const out = make(count);
    for (let i = 0; i < times; i++) out.set(a, i * r.count);
    return out;
  };
  const responses: ResponseData = {
    count,
    received: count,
    excluded: [],
    responseIds: Array.from({ length: count }, (_, i) => `R_${i}`),
    finished: tile(r.finished, (n) => new Uint8Array(n)),
    product: tile(r.product, (n) => new Int16Array(n)),
    segment: tile(r.segment, (n) => new Int16Array(n)),
    answers: new Map([...r.answers].map(([k, a]) => [k, tile(a, (n) => new Int32Array(n))])),
    selections: new Map([...r.selections].map(([k, list]) => [k, list.map((a) => tile(a, (n) => new Uint8Array(n)))])),
  };
  return { ...survey, responses, edition: { ...survey.edition, invited: survey.edition.invited * times, products: survey.edition.products.map((p) => ({ ...p, invited: p.invited * times })) } };
}
