import { loadSurvey } from '../../load/survey.ts';
import { aggregateSurvey } from '../../analyse/aggregate.ts';
import { writeFileAtomic } from '../../output/atomic-write.ts';
import { formatPercent } from '../../analyse/dutch-number.ts';
import { describeExclusions } from '../../load/response-filter.ts';
import type { Aggregate, Aggregates, ResponseStatistics } from '../../analyse/aggregate-types.ts';

export interface AggregateOptions {
  editionFile: string;
  out?: string;
  statisticsOut?: string;
  /** Internal use only: also write the figures of groups that the report leaves out. */
  includeSuppressed?: boolean;
}

/**
 * `eindrapport aggregate`: the JSON array of aggregates, to a file or stdout. Groups the report
 * leaves out (too few respondents, or hidden so a small group cannot be derived) appear only as
 * "left out, and why" — their counts only with `includeSuppressed`, for internal use.
 */
export function aggregateCommand(opts: AggregateOptions, print: (s: string) => void, warn: (s: string) => void = print): void {
  const aggregates = aggregateSurvey(loadSurvey(opts.editionFile));
  const full = opts.includeSuppressed === true;
  const records = full ? aggregates.records : aggregates.records.map(publishedRecord);
  const json = `${JSON.stringify(records, null, 2)}\n`;
  const statistics = full ? aggregates.statistics : publishedStatistics(aggregates.statistics);
  if (opts.statisticsOut) writeFileAtomic(opts.statisticsOut, `${JSON.stringify(statistics, null, 2)}\n`);
  if (!opts.out) {
    print(json);
    warn(notice(aggregates, full));
    return;
  }
  writeFileAtomic(opts.out, json);
  print(summary(aggregates, statistics, opts.out));
  warn(notice(aggregates, full));
}

/** A left-out group: which one and why, no figure. */
export type PublishedRecord = Aggregate | Pick<Aggregate, 'question' | 'kind' | 'scope' | 'segment' | 'suppressed' | 'suppression'>;

export function publishedRecord(a: Aggregate): PublishedRecord {
  if (!a.suppressed) return a;
  return { question: a.question, kind: a.kind, scope: a.scope, segment: a.segment, suppressed: true, suppression: a.suppression };
}

/** Respondent counts as the report prints them: left-out products and segments without numbers. */
export function publishedStatistics(s: ResponseStatistics): unknown {
  return {
    ...s,
    perProduct: s.perProduct.map((p) => ({
      ...(p.suppression ? { product: p.product, invited: p.invited, suppression: p.suppression } : p),
      segments: p.segments.map((x) => (x.suppression ? { segment: x.segment, suppression: x.suppression } : x)),
    })),
    organisationOnly: s.organisationOnly.suppression ? { label: s.organisationOnly.label, suppression: s.organisationOnly.suppression } : s.organisationOnly,
  };
}

function notice(a: Aggregates, full: boolean): string {
  const tooFew = a.records.filter((r) => r.suppression === 'too-few').length;
  const complementary = a.records.filter((r) => r.suppression === 'complementary').length;
  const left = `${tooFew} aggregaten onder de minimale groepsgrootte en ${complementary} ter bescherming daarvan (anders af te leiden door aftrekken)`;
  return full
    ? `Let op: alleen voor intern gebruik. De uitvoer bevat ook de aantallen van ${left}; die mogen niet worden gepubliceerd.`
    : `${left}: alleen vermeld als weggelaten, zonder aantallen (--include-suppressed schrijft ze wel, alleen voor intern gebruik).`;
}

/** Those who named no product, as the response table prints them (nothing when there are none). */
function othersLine(o: ResponseStatistics['organisationOnly']): string[] {
  if (o.responded === 0) return [];
  if (o.suppression) return [`  ${o.label}: aantal respondenten weggelaten (${o.suppression === 'too-few' ? 'te weinig' : 'ter bescherming'})`];
  return [`  ${o.label}: ${o.responded} respondenten (${formatPercent(o.share, 1)} van alle respondenten; alleen voor de organisatie als geheel)`];
}

function summary(a: Aggregates, s: ResponseStatistics | unknown, out: string): string {
  const stats = a.statistics;
  return [
    `${a.records.length} aggregaten geschreven naar ${out}.`,
    `Ontvangen ${stats.received} rijen; ${stats.excluded.length ? `niet meegeteld: ${describeExclusions(stats.excluded)}` : 'alle rijen tellen mee'}.`,
    `Uitgenodigd ${stats.invited}, gerespondeerd ${stats.responded} (${formatPercent(stats.responseRate, 1)}), volledig ${stats.complete}.`,
    ...(s as ResponseStatistics).perProduct.map((p) =>
      p.suppression
        ? `  ${p.product}: aantal respondenten weggelaten (${p.suppression === 'too-few' ? 'te weinig' : 'ter bescherming'})`
        : `  ${p.product}: ${p.responded} respondenten (${formatPercent(p.share, 1)} van alle respondenten)`,
    ),
    ...othersLine((s as ResponseStatistics).organisationOnly),
  ].join('\n');
}
