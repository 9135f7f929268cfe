import type { QuestionKind } from '../../load/questionnaire.ts';
import type { ReportTemplates } from '../../load/report-templates.ts';
import type { ChartBlock, ChartRow, MeasuredResult, TableBlock } from '../report-types.ts';

/**
 * One kind of chart, everything the pipeline needs to know about it in one place: which questions
 * get it, how it is described for readers who cannot see it, what stays on its page, the table of
 * its numbers, and its layout — what the renderer draws, built from the model's rows. The kinds
 * are listed in ./registry.ts; a new kind is one entry there plus its module here.
 */
export interface ChartKindDefinition {
  /** The question kinds whose chart this is (a question's own chart); [] for charts built otherwise. */
  readonly questionKinds: readonly QuestionKind[];
  /**
   * What a row's label names: the group (organisation or product; the statement is the caption),
   * the statement (the caption names the value), a product's category, or a product (respondents).
   */
  readonly rowLabel: 'scope' | 'statement' | 'segment' | 'product';
  /** Rows show last edition's result where the question is comparable. */
  readonly showsPrevious: boolean;
  /**
   * A breakdown of the chart right before it (the categories of a product): kept on one page with
   * it, and its table in the appendix is named after that chart's statement.
   */
  readonly breaksDownPrevious: boolean;
  /**
   * Which printed shares are meant to add up to 100 — each bar's ('per-bar'), or the bars together
   * ('across-bars', the parts of one whole) — so a note says so when rounding makes them not.
   */
  readonly sharesAddUp: 'per-bar' | 'across-bars' | false;
  /**
   * Its bars are coloured per answer, by the answer's place in its scale (the theme's
   * colours.scale, other and yesNo), so every substantive answer of its questions needs a colour
   * there; false for bars in one theme colour. `check` and `build` test the theme on this.
   */
  readonly answerColours: boolean;
  /**
   * The alternative text (Dutch, one or two sentences: kind of chart, shares, N; not the caption),
   * in the words of templates/report.yaml (`alt_text`).
   */
  describe(rows: ChartRow[], decimals: number, words: AltTextWords): string;
  /** Whether its numbers get a table in the appendix "Cijfers bij de grafieken". */
  needsDataTable(block: ChartBlock): boolean;
  /** That table: its header (from templates/report.yaml), alignment and rows. */
  appendixTable(block: ChartBlock, templates: ReportTemplates['appendix'], decimals: number): Pick<TableBlock, 'header' | 'align' | 'rows'>;
  /** The table under the chart in the web edition: every number of the chart, with N. */
  webTable(block: ChartBlock, words: ChartTableWords, decimals: number, year: number): WebTable;
  /** What the renderer draws, from the block's rows. */
  layout(block: ChartBlock, decimals: number): ChartLayout;
}

/** The sentences of the alternative texts (templates/report.yaml, alt_text). */
export type AltTextWords = ReportTemplates['alt_text'];

/** The words of a chart's web table (templates/html/labels.yaml). */
export interface ChartTableWords {
  rowHeader: string;
  answerHeader: string;
  percentageHeader: string;
  countHeader: string;
  respondentsHeader: string;
  shareHeader: string;
  nHeader: string;
  allRespondents: string;
  /** "{label} ({jaar})" */
  previousRow: string;
}

export interface WebTable {
  head: string[];
  rows: { header: string; cells: string[] }[];
}

/** The numbers of one bar: shares per answer in scale order, and as printed (`display`). */
export interface BarResult {
  n: number;
  counts: Record<string, number>;
  percentages: Record<string, number>;
  display: Record<string, number>;
}

/** One row of stacked bars: a label ("" for none), this year's bar and last year's under it. */
export interface StackedRow {
  label: string;
  result: BarResult;
  previous?: BarResult;
}

/** A plain bar: its length and the text printed after it. */
export interface PlainBar {
  label: string;
  value: number;
  text: string;
}

/**
 * The two forms the renderer can draw: 100% stacked bars (answers in scale colours, N at the
 * right; labels in a column that fits them or of fixed width), or plain bars in one theme colour
 * with a text after each bar and an optional note under the chart. The renderer words the note
 * (templates/charts/labels.yaml): `multiple-answers` says N and that the shares do not add up.
 */
export type ChartLayout =
  | { form: 'stacked-bars'; labels: 'fit' | 'fixed'; rows: StackedRow[] }
  | { form: 'plain-bars'; colour: 'multiselect' | 'respondents'; bars: PlainBar[]; note?: { kind: 'multiple-answers'; n: number }; scaleMax?: number };

export type { MeasuredResult };
