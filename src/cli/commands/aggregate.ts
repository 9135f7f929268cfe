import { loadSurvey } from '../../load/survey.ts';
import { aggregateSurvey } from '../../analyse/aggregate.ts';
import { writeFileAtomic } from '../../output/atomic-write.ts';
import { formatPercent } from '../../analyse/dutch-number.ts';
import { describeExclusions } from '../../load/response-filter.ts';
import type { Aggregates } from '../../analyse/aggregate-types.ts';

export interface AggregateOptions {
  editionFile: string;
  out?: string;
  statisticsOut?: string;
}

/** `eindrapport aggregate`: the JSON array of aggregates, to a file or stdout. */
export function aggregateCommand(opts: AggregateOptions, print: (s: string) => void): void {
  const aggregates = aggregateSurvey(loadSurvey(opts.editionFile));
  const json = `${JSON.stringify(aggregates.records, null, 2)}\n`;
  if (opts.statisticsOut) writeFileAtomic(opts.statisticsOut, `${JSON.stringify(aggregates.statistics, null, 2)}\n`);
  if (!opts.out) {
    print(json);
    return;
  }
  writeFileAtomic(opts.out, json);
  print(summary(aggregates, opts.out));
}

function summary(a: Aggregates, out: string): string {
  const s = a.statistics;
  const suppressed = a.records.filter((r) => r.suppressed).length;
  return [
    `${a.records.length} aggregaten geschreven naar ${out} (${suppressed} onder de minimale groepsgrootte).`,
    `Ontvangen ${s.received} rijen; ${s.excluded.length ? `niet meegeteld: ${describeExclusions(s.excluded)}` : 'alle rijen tellen mee'}.`,
    `Uitgenodigd ${s.invited}, gerespondeerd ${s.responded} (${formatPercent(s.responseRate, 1)}), volledig ${s.complete}.`,
    ...s.perProduct.map((p) => `  ${p.product}: ${p.responded} respondenten (${formatPercent(p.share, 1)} van alle respondenten)`),
  ].join('\n');
}
