import { ORGANISATION, type Aggregates } from '../analyse/aggregate-types.ts';
import type { Edition } from '../load/edition.ts';
import type { Questionnaire } from '../load/questionnaire.ts';
import { meanDistribution, tendency } from './narrative/phrasing.ts';
import type { TableBlock } from './report-types.ts';
import { analysableStatements, type StatementSet } from './statements.ts';

export interface PatternLabels {
  caption: string;
  /** Header of the first column (the groups: Logius as a whole, then each product). */
  product: string;
  /** Header of the column about all work processes together. */
  processes: string;
  /** Name of the first row. */
  organisation: string;
  /** Cell of a group without any statement it can show. */
  tooFew: string;
}

/**
 * The management summary's per-product pattern: one row per group (Logius as a whole, then each
 * product in report order), one column per organisation value and one for all work processes
 * together; each cell the tendency of that group's statements ("overwegend positief"), read the
 * way `{{tendens groep="…"}}` reads it: from the mean of the statements' distributions. The first
 * cell of each row is a row header, so the tagged PDF and the web edition get a real table.
 */
export function productPatternTable(edition: Edition, questionnaire: Questionnaire, aggregates: Aggregates, labels: PatternLabels): TableBlock {
  const values = questionnaire.groups.filter((g) => g.type === 'value');
  const columns: StatementSet[] = [...values.map((g) => ({ group: g.key })), { type: 'process' as const }];
  const cell = (set: StatementSet, scope: string) => {
    const list = analysableStatements(aggregates, questionnaire, set, scope);
    return list.length ? tendency(meanDistribution(list.map((a) => ({ positive: a.positive!, neutral: a.neutral!, negative: a.negative! })))) : labels.tooFew;
  };
  const scopes: [string, string][] = [[labels.organisation, ORGANISATION], ...edition.products.map((p): [string, string] => [p.name, p.name])];
  return {
    type: 'table',
    id: 'samenvatting-per-product',
    role: 'Table',
    caption: labels.caption,
    header: [labels.product, ...values.map((g) => g.title), labels.processes],
    rows: scopes.map(([name, scope]) => [name, ...columns.map((set) => cell(set, scope))]),
    align: ['left', ...columns.map(() => 'left' as const)],
    totalRow: false,
    rowHeaders: true,
  };
}
