import { formatNumber, formatPercent } from '../analyse/dutch-number.ts';
import type { ReportTemplates } from '../load/report-templates.ts';
import type { ChartBlock, ReportModel, TableBlock } from './report-types.ts';
import type { ChapterDraft } from './outline.ts';
import type { LooseBlock } from './figures.ts';
import { visitBlocks } from './visit-blocks.ts';

type Fill = (template: string, vars?: Record<string, unknown>) => string;

/** Charts whose numbers also appear as a visible table: more than one row, or several answers. */
export function needsDataTable(c: ChartBlock): boolean {
  return c.rows.length > 1 || c.chart === 'multiselect';
}

/**
 * The appendix "Cijfers bij de grafieken": for every chart with several rows or answers, in
 * reading order, a real table with its numbers; each such chart gets `dataTable` pointing at it.
 * Readers who cannot see a chart (or want the exact numbers) find them here instead of in alt text.
 */
export function chartTablesChapter(model: ReportModel, templates: ReportTemplates['appendix'], decimals: number, fill: Fill): ChapterDraft | null {
  const tables: TableBlock[] = [];
  const chapterTitle = fill(templates.chapter);
  // A segments chart is about the statement of the chart before it.
  let statement: string | null = null;
  visitBlocks(model, (b, { part, chapter, section }) => {
    if (b.type !== 'chart' || !part) return;
    if (b.chart !== 'segments') statement = b.caption;
    if (!needsDataTable(b)) return;
    const where = section ? `${section.heading}${section.number && chapter!.product ? ` (${chapter!.product})` : ''}` : (chapter?.heading ?? part.title);
    const title = b.chart === 'segments' && statement ? `${statement} (${b.caption})` : (b.caption ?? '');
    const table = chartTable(b, where ? fill(templates.caption, { plaats: where, titel: title }) : title, templates, decimals);
    b.dataTable = { id: table.id, link: fill(templates.link, { bijlage: chapterTitle }) };
    b.description = `${b.description} ${fill(templates.alt, { bijlage: chapterTitle })}`;
    tables.push(table);
  });
  if (!tables.length) return null;
  const intro: LooseBlock[] = [
    { type: 'paragraph', id: 'cijfers-bij-de-grafieken-intro', role: 'P', text: fill(templates.intro), figures: [], source: { file: 'templates/report.yaml', key: 'appendix.intro' } },
    ...tables,
  ];
  return {
    id: 'cijfers-bij-de-grafieken',
    kind: 'appendix',
    number: null,
    title: chapterTitle,
    product: null,
    productKey: null,
    textKey: null,
    inToc: true,
    divider: null,
    intro,
    sections: [],
  };
}

function chartTable(b: ChartBlock, caption: string, t: ReportTemplates['appendix'], decimals: number): TableBlock {
  const pct = (v: number | null) => (v === null ? '–' : formatPercent(v, decimals));
  const base = { type: 'table' as const, id: `tabel-${b.id}`, role: 'Table' as const, chart: b.id, caption, totalRow: false, rowHeaders: true };
  if (b.chart === 'multiselect') {
    const r = b.rows[0]!;
    return {
      ...base,
      header: t.multiselect_header,
      align: ['left', 'right', 'right'],
      rows: [...Object.entries(r.percentages).map(([answer, p]) => [answer, formatNumber(r.counts[answer] ?? 0), pct(p)]), [t.multiselect_n, formatNumber(r.n), '']],
    };
  }
  if (b.chart === 'respondents') {
    return {
      ...base,
      header: t.respondents_header,
      align: ['left', 'right', 'right'],
      rows: b.rows.map((r) => [r.label, formatNumber(r.counts.respondenten ?? 0), pct(r.display?.respondenten ?? r.percentages.respondenten ?? null)]),
    };
  }
  const rows: string[][] = [];
  for (const r of b.rows) {
    rows.push([r.label, pct(r.positive), pct(r.neutral), pct(r.negative), formatNumber(r.n)]);
    if (r.previous) rows.push([`${r.label} (${r.previous.year})`, pct(r.previous.positive), pct(r.previous.neutral), pct(r.previous.negative), formatNumber(r.previous.n)]);
  }
  return { ...base, header: b.chart === 'value-summary' ? t.summary_header : t.likert_header, align: ['left', 'right', 'right', 'right', 'right'], rows };
}
