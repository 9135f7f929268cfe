import type { ReportTemplates } from '../load/report-templates.ts';
import type { ChartBlock, ReportModel, TableBlock } from './report-types.ts';
import type { ChapterDraft } from './outline.ts';
import type { LooseBlock } from './figures.ts';
import { visitBlocks } from './visit-blocks.ts';
import type { ChartKinds } from './chart-kinds/registry.ts';
import type { ChartKindDefinition } from './chart-kinds/chart-kind.ts';

type Fill = (template: string, vars?: Record<string, string | number>) => string;


/**
 * The appendix "Cijfers bij de grafieken": for every chart with several rows or answers, in
 * reading order, a real table with its numbers; each such chart gets `dataTable` pointing at it.
 * Readers who cannot see a chart (or want the exact numbers) find them here instead of in alt text.
 */
export function chartTablesChapter(model: ReportModel, templates: ReportTemplates['appendix'], decimals: number, fill: Fill, kinds: ChartKinds): ChapterDraft | null {
  const tables: TableBlock[] = [];
  const chapterTitle = fill(templates.chapter);
  // A breakdown chart (segments) is about the statement of the chart before it.
  let statement: string | null = null;
  visitBlocks(model, (b, { part, chapter, section }) => {
    if (b.type !== 'chart' || !part) return;
    const kind = kinds.get(b.chart);
    if (!kind.breaksDownPrevious) statement = b.caption;
    // Charts whose numbers also appear as a visible table (its kind says: more than one row, or several answers).
    if (!kind.needsDataTable(b)) return;
    const where = section ? `${section.heading}${section.number && chapter!.product ? ` (${chapter!.product})` : ''}` : (chapter?.heading ?? part.title);
    const title = kind.breaksDownPrevious && statement ? `${statement} (${b.caption})` : (b.caption ?? '');
    const table = chartTable(b, where ? fill(templates.caption, { plaats: where, titel: title }) : title, templates, decimals, kind);
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

function chartTable(b: ChartBlock, caption: string, t: ReportTemplates['appendix'], decimals: number, kind: ChartKindDefinition): TableBlock {
  return { type: 'table', id: `tabel-${b.id}`, role: 'Table', chart: b.id, caption, totalRow: false, rowHeaders: true, ...kind.appendixTable(b, t, decimals) };
}
