import { fillText } from '../load/text-template.ts';
import type { ReportTemplates } from '../load/report-templates.ts';

/** How lists and dates are written (templates/report.yaml, `language`). */
export type Wording = ReportTemplates['language'];

/** "A, B en C": the names in the report's list wording; one name as it is, none as an empty text. */
export function listText(items: readonly string[], w: Wording): string {
  if (items.length <= 1) return items[0] ?? '';
  return fillText(w.list, { eerdere: items.slice(0, -1).join(w.list_separator), laatste: items[items.length - 1]! });
}

/** "14 december 2018" (day) or "december 2018" (month), from an ISO date, without time zones. */
export function dateText(iso: string, precision: 'day' | 'month', w: Wording): string {
  const [y, m, d] = iso.split('-').map(Number);
  const maand = w.months[(m ?? 1) - 1]!;
  return precision === 'day' ? fillText(w.date, { dag: d!, maand, jaar: y! }) : fillText(w.month, { maand, jaar: y! });
}
