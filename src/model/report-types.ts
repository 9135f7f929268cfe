import type { Tone } from '../load/answer-tones.ts';
import type { Suppression } from '../analyse/aggregate-types.ts';
import type { BuiltInChartKind } from './chart-kinds/registry.ts';

/**
 * The report model: the whole report as a tree of plain data (parts → chapters → sections →
 * blocks), in reading order, with every Dutch text already written. The PDF, the JSON file and
 * later the diff are all functions of this tree; none of them reaches back into data or YAML.
 * Documented in docs/report-model.md — keep it stable: other tools read the JSON.
 */
export const REPORT_MODEL_SCHEMA = 'eindrapport/report-model@2';
/** The schema's version number (the number after the @): raised when a field is renamed or removed. */
export const REPORT_MODEL_VERSION = 2;

export interface ReportModel {
  schema: typeof REPORT_MODEL_SCHEMA;
  version: typeof REPORT_MODEL_VERSION;
  edition: EditionInfo;
  cover: Cover;
  /** The colofon / disclaimer page, after the cover. */
  colofon: Block[];
  parts: Part[];
  /** Which rows of the export count as responses (edition.yaml, responses:), and why the others do not. */
  responses: ResponsesInfo;
  /** What disclosure control left out and why; never any figure of a left-out group. */
  disclosure: Disclosure;
}

export interface ResponsesInfo {
  /** Data rows in the export. */
  received: number;
  /** Rows that count as responses. */
  counted: number;
  /** By reason; `count`s add up to received − counted. `description` is the phrase the report prints. */
  excluded: { reason: string; status?: string; count: number; description: string }[];
}

/** Groups left out of the report: below the minimum, or hidden so a small group cannot be derived. */
export interface Disclosure {
  minimumGroupSize: number;
  /** One entry per scope × segment with at least one left-out figure. */
  hidden: {
    scope: string;
    segment: string;
    /** Questions whose figures for this group are left out, by reason. */
    tooFew: string[];
    complementary: string[];
    /** How the group's respondent count is treated: shown, or left out and why. */
    respondents: Suppression | null;
  }[];
}

export interface EditionInfo {
  year: number;
  title: string;
  subtitle: string;
  organisation: string;
  author: string;
  published: string;
  previousEdition: number | null;
  keywords: string[];
  /** What the report is, in one line: the PDF's Subject and the web edition's description (templates/report.yaml, document.subject). */
  subject: string;
}

export interface Cover {
  organisation: string;
  title: string;
  year: number;
  subtitle: string;
  date: string;
}

export type PartKind = 'front-matter' | 'organisation' | 'products' | 'methodology';

export interface Part {
  id: string;
  kind: PartKind;
  /** "Deel I"; null for parts without a divider (front matter, methodology). */
  label: string | null;
  title: string | null;
  /**
   * The key of the narrative text (rapport.yaml) that introduces the part on its own pages
   * ('deel-organisatie', 'deel-producten'); null for parts without one (front matter, methodology).
   */
  textKey: string | null;
  /** Text on the part's own pages before its first chapter (Deel II: the respondents chart). */
  intro: Block[];
  chapters: Chapter[];
  /**
   * Heading level of the part's title (1), for a tagged PDF and HTML: set by the model stage for
   * parts with a title; absent for parts without one.
   */
  headingLevel?: HeadingLevel;
}

/** H1–H3: levels follow the tree, never skipping one (part 1, its chapters 2, their sections 3). */
export type HeadingLevel = 1 | 2 | 3;

/**
 * What a chapter is: the management summary and introduction (front matter), a scope's values or
 * work processes (Deel I for the organisation, Deel II a pair per product), the methodology, or the
 * appendix with the numbers behind the charts.
 */
export type ChapterKind = 'summary' | 'introduction' | 'values' | 'processes' | 'methodology' | 'appendix';

export interface Chapter {
  id: string;
  kind: ChapterKind;
  /** Chapter number; null for unnumbered chapters (management summary, introduction). */
  number: number | null;
  title: string;
  /** The heading as printed: number and title ("3 Waarden van DigiD"), or the title alone. */
  heading: string;
  /** Product name for Deel II chapters. */
  product: string | null;
  /** The product's key in edition.yaml for Deel II chapters (stays when the product is renamed). */
  productKey: string | null;
  /** The key of the narrative text that introduces the chapter (null: none, e.g. the appendix). */
  textKey: string | null;
  /** Whether the chapter appears in the table of contents and the bookmarks. */
  inToc: boolean;
  /** A divider page before the chapter (Deel II: one per product, before its chapter pair). */
  divider: { title: string; lines: string[] } | null;
  intro: Block[];
  sections: Section[];
  /** Heading level of the chapter title: 1 in a part without a title, else 2. */
  headingLevel: HeadingLevel;
}

export interface Section {
  id: string;
  /** "1.2"; null for unnumbered sections. */
  number: string | null;
  title: string;
  /** The heading as printed: number and title ("1.2 Vakkundig"), or the title alone. */
  heading: string;
  /** The organisation value or work process the section reports on, if any. */
  group: string | null;
  scope: string;
  /** The key of the narrative text that fills the section (the group key, or a methodology text). */
  textKey: string | null;
  blocks: Block[];
  /** Heading level of the section title: one below its chapter's. */
  headingLevel: HeadingLevel;
}

/**
 * The blocks of a part, chapter or section, in reading order. Charts and statements never stand
 * alone: they are members of a figure.
 */
export type Block = ParagraphBlock | ListBlock | TableBlock | NoteBlock | FigureBlock;

/** What a figure holds: its statement (when the chart is left out), charts, notes under them, a list. */
export type FigureMember = CaptionBlock | ChartBlock | NoteBlock | ListBlock;

/** Any block, also one inside a figure. */
export type AnyBlock = Block | FigureMember;

/**
 * The structure a block is, in the vocabulary of tagged PDF (ISO 32000 standard structure types);
 * an HTML edition maps it to its element (P → p, L → ul, Table → table, Figure → figure, Div → div).
 */
export type BlockRole = 'P' | 'L' | 'Table' | 'Figure' | 'Div';

/**
 * What is kept together on one page: a chart with the notes right under it and its segments
 * chart; or a statement whose figures are left out with its note, or such a note with the list of
 * its statements. Role Div: a group, its members carry their own roles.
 */
export interface FigureBlock {
  type: 'figure';
  id: string;
  role: 'Div';
  blocks: FigureMember[];
}

/** A number printed in a paragraph, and the aggregate it came from. */
export interface FigureRef {
  question: string;
  scope: string;
  segment: string;
  /** positive, neutral, negative, yes, n, an answer label, or 'change' (points vs. previous edition). */
  measure: string;
  value: number;
}

/**
 * Where a text comes from, for editors: the file relative to the edition's folder
 * ("narrative/rapport.yaml"), or "templates/report.yaml" for eindrapport's own report templates;
 * and the key in that file.
 */
export interface TextSource {
  file: string;
  key: string;
}

export interface ParagraphBlock {
  type: 'paragraph';
  id: string;
  role: 'P';
  text: string;
  figures: FigureRef[];
  /** Which snippet produced it: file and key path, for editors. */
  source: TextSource;
}

/** A statement printed without its chart (its figures are left out); always in a figure with its note. */
export interface CaptionBlock {
  type: 'caption';
  id: string;
  role: 'P';
  text: string;
  question: string;
}

/**
 * A chart kind's name: one of src/model/chart-kinds/registry.ts (the built-in kinds), or an extra
 * kind of the registry the build was given (`chartKinds` in the build options).
 */
export type ChartKind = BuiltInChartKind | (string & {});

/** The numbers of one group on one question, as charts and the diff read them. */
export interface MeasuredResult {
  n: number;
  counts: Record<string, number>;
  percentages: Record<string, number>;
  positive: number | null;
  neutral: number | null;
  negative: number | null;
  yes: number | null;
  /**
   * Estimated fraction of the group's customers that answered (respondents / invited), for the
   * finite population correction when tools test a difference; absent or 0: unknown.
   */
  samplingFraction?: number;
  /**
   * The percentages as printed in the chart (edition's chart decimals, rounded so that a bar's
   * segments add up to 100 unless the edition rounds independently); absent: round each.
   */
  display?: Record<string, number>;
}

/** Last edition's result for the same question, scope and segment (only where comparable). */
export interface PreviousResult extends MeasuredResult {
  year: number;
}

export interface ChartRow extends MeasuredResult {
  label: string;
  question: string;
  scope: string;
  segment: string;
  /** Last edition's result, shown as a second bar labelled with its year. */
  previous?: PreviousResult;
}

export interface ChartBlock {
  type: 'chart';
  id: string;
  /** The chart image; its caption (the statement) is the Figure's Caption. */
  role: 'Figure';
  chart: ChartKind;
  /**
   * Each answer's place in its scale, by label ('negative-2' … 'positive-2', 'neutral', 'other',
   * 'yes', 'no'): colours and legend follow it, so editions that word a scale differently chart alike.
   */
  tones?: Record<string, Tone>;
  /** The chart's question, scope and segment (for comparisons: those of the first row). */
  question: string | null;
  scope: string;
  segment: string;
  n: number;
  counts: Record<string, number>;
  percentages: Record<string, number>;
  /** The statement printed above the chart; the chart and its caption are kept together. */
  caption: string | null;
  rows: ChartRow[];
  /** Short Dutch description of the chart for readers who cannot see it (alt text). */
  description: string;
  /**
   * Id of the table in the appendix "Cijfers bij de grafieken" with this chart's numbers (charts
   * with several rows or answers), and the description of the link to it.
   */
  dataTable?: { id: string; link: string };
}

export interface ListBlock {
  type: 'list';
  id: string;
  role: 'L';
  lead: string | null;
  items: string[];
  source: TextSource;
}

export interface TableBlock {
  type: 'table';
  /** Stable id; tables that other blocks link to (the appendix tables of charts) are `tabel-<chart id>`. */
  id: string;
  role: 'Table';
  caption: string;
  header: string[];
  rows: string[][];
  /** Rows after the total row (e.g. responses that did not count); the total row is the one before them. */
  rowsAfterTotal?: number;
  /** Column alignment: numbers right. */
  align: ('left' | 'right')[];
  /** The last row is a total (printed bold). */
  totalRow: boolean;
  /** The first cell of each row names the row (a row header: TH with scope Row in a tagged PDF). */
  rowHeaders?: boolean;
  /** For a chart's table in the appendix: the chart block it gives the numbers of. */
  chart?: string;
}

export interface NoteBlock {
  type: 'note';
  id: string;
  role: 'P';
  /**
   * too-few-respondents: groups below the minimum group size; protects-small-group: groups large
   * enough but left out so that a small group cannot be worked out by subtraction.
   */
  kind: 'too-few-respondents' | 'protects-small-group' | 'remark';
  text: string;
  /** The questions and segments left out (never their figures), so tools can show them as suppressed. */
  suppressed?: { scope: string; questions: string[]; segments: string[]; reason: Suppression };
}
