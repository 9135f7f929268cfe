/**
 * The diff of two report models: what a reviewer needs to compare this year's report with last
 * year's, or one draft with the next — structure, figures and wording, never page layout.
 * Plain data, so the Markdown and the PDF are both functions of it (src/diff/markdown.ts, pdf.ts).
 */
export const REPORT_DIFF_SCHEMA = 'eindrapport/report-diff@1';

export interface ReportDiff {
  schema: typeof REPORT_DIFF_SCHEMA;
  /** The older side (left) and the newer side (right). */
  a: DiffSide;
  b: DiffSide;
  /** Significant shifts of this many points or more are highlighted (the second rule). */
  threshold: number;
  summary: DiffSummary;
  structure: StructureChange[];
  /** Changed figures by size (largest first), then groups that became (or stopped being) suppressed, then new and dropped groups. */
  figures: FigureChange[];
  /** Changed, added and removed narrative text, in reading order. */
  wording: WordingChange[];
  /** Remarks about the inputs (e.g. a data file taken from the working tree), printed with the diff. */
  notes: string[];
}

export interface DiffSide {
  /** What the reviewer typed: "2018", "HEAD~3", "werkmap", "eindrapport-2018.json". */
  label: string;
  /** Where the model came from: "content/2018/edition.yaml in revisie HEAD~3 (a1b2c3d)"; null if not told. */
  source: string | null;
  year: number;
  title: string;
  /** Respondents in the report (the respondents chart), null when the model has none. */
  respondents: number | null;
}

// Summary ---------------------------------------------------------------------------------------

export interface ChangeCounts {
  added: number;
  removed: number;
  renamed: number;
}

export interface DiffSummary {
  structure: Record<StructureLevel, ChangeCounts>;
  figures: {
    /** Groups shown on both sides whose numbers changed. */
    changed: number;
    /** Of those, highlighted: a significant shift of `threshold` points or more. */
    aboveThreshold: number;
    /** Groups shown on one side and suppressed (too few respondents) on the other. */
    suppression: number;
    /** Groups that only exist on one side, beyond what the structure changes explain. */
    added: number;
    removed: number;
  };
  wording: {
    changed: number;
    /** Of the changed paragraphs, those where only numbers differ. */
    figuresOnly: number;
    added: number;
    removed: number;
  };
  /** Total number of entries in structure, figures and wording. */
  total: number;
  /** The largest shifts (indices into `figures`), at most five. */
  largest: number[];
}

// Structure -------------------------------------------------------------------------------------

export type StructureLevel = 'part' | 'chapter' | 'section' | 'product' | 'question';

export interface StructureChange {
  level: StructureLevel;
  change: 'added' | 'removed' | 'renamed';
  /** Stable id: chapter/section/part id, product key or question key. */
  id: string;
  /** Title, product name or question wording on the side where it exists (for renames: the new one). */
  title: string;
  /** Renames: the old title or wording. */
  before: string | null;
  /**
   * Where it happens: chapter and section labels ("3 Hoe we werken rond Alfa › 3.1 Betrouwbaar"), or for
   * questions and grouped renames the scopes ("Logius", "Alfa").
   */
  where: string[];
  /** Extra facts: the chapters of an added product, the paragraphs of a removed section. */
  detail: string | null;
}

// Figures ---------------------------------------------------------------------------------------

/** One side of a group: its numbers, or only that it was suppressed (never its numbers), or absent. */
export type FigureSide =
  | {
      state: 'shown';
      n: number;
      positive: number | null;
      neutral: number | null;
      negative: number | null;
      yes: number | null;
      /** Multiselect answers (percent of n), by label. Empty for likert and yes/no. */
      answers: Record<string, number>;
      /** Respondents / invited of the group's scope (finite population correction); 0: unknown. */
      samplingFraction: number;
    }
  /** `protects`: large enough, but left out so that a smaller group cannot be derived (never any figure). */
  | { state: 'suppressed'; protects?: true }
  | { state: 'absent' };

export type FigureChangeKind = 'changed' | 'now-suppressed' | 'no-longer-suppressed' | 'added' | 'removed';

export interface FigureDelta {
  /** 'positive', 'neutral', 'negative', 'yes' or a multiselect answer label. */
  measure: string;
  a: number | null;
  b: number | null;
  /** b − a in percentage points; null when either side lacks the measure. */
  delta: number | null;
  /**
   * The shift is statistically significant (95 %, two independent samples with their finite
   * population corrections: analyse/uncertainty.ts); null when either side lacks the measure.
   */
  significant: boolean | null;
}

export interface FigureChange {
  /** question|scope|segment, with the scope as product key ('organisation' for Logius). */
  key: string;
  question: string;
  /** The statement as printed (newest side). */
  text: string;
  /** Scope as printed: the organisation's or product's name. */
  scope: string;
  segment: string;
  /** "Totaal" for all respondents, else the segment label ("A-categorie"). */
  segmentLabel: string;
  kind: FigureChangeKind;
  a: FigureSide;
  b: FigureSide;
  /** Measures in reading order; empty unless both sides are shown. */
  deltas: FigureDelta[];
  /** b.n − a.n, null unless both sides are shown. */
  nDelta: number | null;
  /** Largest absolute shift in points; 0 for suppression, added and removed. */
  size: number;
  /** Some measure shifted significantly AND by at least `threshold` points. */
  highlight: boolean;
}

// Wording ---------------------------------------------------------------------------------------

export interface Location {
  part: { id: string; label: string | null; title: string | null } | null;
  chapter: { id: string; number: number | null; title: string } | null;
  section: { id: string; number: string | null; title: string } | null;
  /** "3 Hoe we werken rond Alfa › 3.1 Betrouwbaar", "Colofon", "Deel II Resultaten per product/dienst". */
  label: string;
}

export interface WordPart {
  op: 'same' | 'insert' | 'delete';
  text: string;
}

export interface WordingChange {
  /** Paragraph id (`alfa-betrouwbaar-p1`) or, for a reasons list, `<container>/lijst:<key>`. */
  id: string;
  kind: 'paragraph' | 'list';
  change: 'changed' | 'added' | 'removed';
  location: Location;
  /** The snippet it came from, file relative to the edition ("narrative/product.yaml"). */
  source: { file: string; key: string };
  before: string | null;
  after: string | null;
  /** Word-level diff of before → after (jsdiff `diffWords`). */
  parts: WordPart[];
  /** Only numbers differ (an edition diff with new figures, not a text edit). */
  figuresOnly: boolean;
}
