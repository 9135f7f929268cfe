/**
 * The contract of the Qualtrics importer: a CSV export read into a table of kept columns, with the
 * personal-data and free-text columns already gone. Nothing downstream ever sees them.
 */
export type ExportFormat = 'three-row' | 'legacy-two-row';

export interface ExportColumn {
  /** 0-based position in the original file (for error messages: column = index + 1). */
  index: number;
  /** Export tag (row 1), e.g. "Q2_1"; for legacy V1..V10 columns the name from row 2 ("ResponseID"). */
  name: string;
  /** Question text (row 2). */
  text: string;
  /** ImportId from row 3 (three-row format only), e.g. "QID2_1"; null otherwise. */
  importId: string | null;
}

export type DropReason = 'personal-data' | 'free-text' | 'not-mapped';

export interface DroppedColumn {
  name: string;
  text: string;
  /** ImportId from row 3, or null (legacy format). */
  importId: string | null;
  reason: DropReason;
}

export interface QualtricsExport {
  /** The path as shown to the user. */
  file: string;
  format: ExportFormat;
  delimiter: ',' | ';';
  bom: boolean;
  /** 'numeric' when answers are codes, 'choice-text' when they are the choices' labels. */
  values: 'numeric' | 'choice-text';
  columns: ExportColumn[];
  /** Data rows, cells of kept columns only, aligned with `columns`; a blank cell is ''. */
  rows: string[][];
  /** 1-based line in the file of each data row, for error messages. */
  rowLines: number[];
  dropped: DroppedColumn[];
}

export interface ReadExportOptions {
  /**
   * When given, only these columns (export tags) and the response metadata are kept; every other
   * column is dropped as 'not-mapped' (or as personal data / free text when it is that).
   */
  keepColumns?: ReadonlySet<string>;
}
