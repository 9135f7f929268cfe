import { isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';
import { InputError, problem, type InputProblem } from '../input-error.ts';
import { displayPath } from '../yaml-file.ts';
import { readInputFile } from '../read-input.ts';
import type { DropReason, DroppedColumn, ExportColumn, ExportFormat, QualtricsExport, ReadExportOptions } from './export.ts';

type CsvParse = typeof import('csv-parse/sync');
let csv: CsvParse | undefined;

/** csv-parse, loaded when an export is read: a build whose data comes from the cache on disk (input-memo.ts) does without it. */
function csvParse(): CsvParse {
  return (csv ??= createRequire(import.meta.url)('csv-parse/sync') as CsvParse);
}

/**
 * Reads a Qualtrics CSV export (three header rows, or the legacy two-row format) into the importer
 * contract. Personal data and free text are dropped while parsing, so their cells are never kept.
 */

/** Response metadata: always kept, never treated as a question. Lower-case for matching. */
const METADATA = new Set(
  [
    'ResponseId',
    'ResponseSet',
    'Status',
    'Progress',
    'Duration (in seconds)',
    'Finished',
    'StartDate',
    'EndDate',
    'RecordedDate',
    'DistributionChannel',
    'UserLanguage',
  ].map((s) => s.toLowerCase()),
);

/** Personal data, matched case-insensitively on export tag, legacy label and ImportId. */
const PERSONAL_DATA = new Set(
  [
    'IPAddress',
    'RecipientFirstName',
    'RecipientLastName',
    'RecipientEmail',
    // Not in the brief's list, but it is a contact detail just like the e-mail address.
    'RecipientPhoneNumber',
    'Name',
    'EmailAddress',
    'ExternalReference',
    'ExternalDataReference',
    'LocationLatitude',
    'LocationLongitude',
    'LocationAccuracy',
  ].map((s) => s.toLowerCase()),
);

/** Qualtrics appends "_TEXT" (upper case) to text-entry columns; "MCSA_single_text" is a tag someone chose. */
const TEXT_TAG = /_TEXT(?:_|$)/;
/** ImportIds: "QID2_TEXT", "QID2_TEXT_…Topics" (current), "QID18-TEXT", "QID46-1-1-TEXT" (Insights). */
const TEXT_IMPORT_ID = /[_-]TEXT(?:[_-]|$)/;
/** Text iQ enrichment columns, e.g. "Q2 - Topics", "Q2 - Sentiment Polarity". */
const TEXT_IQ_TAG =
  / - (?:Parent Topics|Topics|Topic Sentiment (?:Label|Score)|Sentiment(?: Polarity| Score)?|Actionability|Emotion(?: Intensity)?|Effort(?: Numeric)?|Topic Hierarchy Level \d+)$/i;

const MAX_RAGGED_REPORTED = 10;
const more = (n: number) => `${n} ${n === 1 ? 'rij' : 'rijen'}`;

const BYTE_LF = 0x0a;
const BYTE_CR = 0x0d;
const BYTE_QUOTE = 0x22;
const BYTE_COMMA = 0x2c;
const BYTE_SEMICOLON = 0x3b;
const BYTE_TAB = 0x09;

interface ColumnPlan {
  index: number;
  name: string;
  text: string;
  importId: string | null;
  /** Response metadata: never free text, never counted when detecting the value mode. */
  meta: boolean;
  /** Set when the header alone decides the column goes (personal data, free text, not mapped). */
  drop: DropReason | null;
  /** Named in keepColumns: kept even with text values in a numeric export (e.g. a segment code). */
  wanted: boolean;
}

/** Reads an export from disk. `path` is shown to the user relative to the working directory. */
export function readQualtricsExport(path: string, options: ReadExportOptions = {}): QualtricsExport {
  const file = displayPath(path);
  const data = readInputFile(path, file, { maxBytes: MAX_EXPORT_BYTES, what: 'een Qualtrics-export' });
  return parseQualtricsExport(data, file, options);
}

/** 1 GiB: an export of a million respondents with a hundred questions is about 400 MB. */
export const MAX_EXPORT_BYTES = 1024 * 1024 * 1024;

/** Parses export text; `file` is only used in error messages and the result. */
export function parseQualtricsExport(input: string | Buffer, file: string, options: ReadExportOptions = {}): QualtricsExport {
  let buf: Buffer;
  let bom: boolean;
  if (typeof input === 'string') {
    bom = input.charCodeAt(0) === 0xfeff;
    buf = Buffer.from(bom ? input.slice(1) : input, 'utf8');
    checkNul(buf, file);
  } else {
    checkEncoding(input, file);
    bom = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf;
    buf = bom ? input.subarray(3) : input;
  }
  if (isBlank(buf)) {
    throw new InputError(problem({ file }, 'het bestand is leeg.', 'Exporteer de antwoorden opnieuw uit Qualtrics als CSV.'));
  }
  const delimiter = detectDelimiter(buf);
  return new ExportParser(buf, file, delimiter, bom, options.keepColumns).run();
}

// ---------------------------------------------------------------------------------------------
// Encoding and delimiter

function checkEncoding(buf: Buffer, file: string): void {
  const hint = "Exporteer opnieuw uit Qualtrics als CSV, of sla het bestand in Excel op als 'CSV UTF-8 (door komma's gescheiden)'.";
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
    throw new InputError(problem({ file, line: 1 }, 'het bestand is UTF-16 gecodeerd; verwacht wordt UTF-8.', hint));
  }
  if (buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04) {
    throw new InputError(problem({ file }, 'dit is een Excel-werkmap (of ander zip-bestand), geen CSV-bestand.', hint));
  }
  checkNul(buf, file);
  if (!isUtf8(buf)) {
    throw new InputError(
      problem(
        { file, line: firstInvalidUtf8Line(buf) },
        'het bestand is geen geldige UTF-8-tekst; waarschijnlijk is het in Excel opgeslagen als Windows-tekst (ANSI).',
        hint,
      ),
    );
  }
}

/**
 * NUL bytes are valid UTF-8 but mean UTF-16 without BOM or a binary file near the start, and a
 * damaged file anywhere else; csv-parse would keep them inside a cell. Refused wherever they occur.
 */
function checkNul(buf: Buffer, file: string): void {
  const nul = buf.indexOf(0);
  if (nul < 0) return;
  const line = lineOfOffset(buf, nul);
  throw new InputError(
    problem(
      { file, line },
      nul < 4096 && line === 1 ? 'dit is geen tekstbestand (het bevat nul-bytes, zoals UTF-16 of een binair bestand).' : `regel ${line} bevat een nul-byte; een export bevat alleen tekst.`,
      "Exporteer opnieuw uit Qualtrics als CSV, of sla het bestand in Excel op als 'CSV UTF-8 (door komma's gescheiden)'.",
    ),
  );
}

/** Only on the error path: the 1-based line of a byte offset. */
function lineOfOffset(buf: Buffer, offset: number): number {
  let line = 1;
  for (let i = buf.indexOf(BYTE_LF); i !== -1 && i < offset; i = buf.indexOf(BYTE_LF, i + 1)) line++;
  return line;
}

/** Only on the error path: finds the line of the first invalid byte sequence. */
function firstInvalidUtf8Line(buf: Buffer): number {
  let start = 0;
  for (let line = 1; ; line++) {
    const nl = buf.indexOf(BYTE_LF, start);
    const end = nl === -1 ? buf.length : nl;
    if (!isUtf8(buf.subarray(start, end))) return line;
    if (nl === -1) return line;
    start = nl + 1;
  }
}

function isBlank(buf: Buffer): boolean {
  for (const b of buf) if (b !== 0x20 && b !== BYTE_TAB && b !== BYTE_LF && b !== BYTE_CR) return false;
  return true;
}

/** Counts unquoted commas and semicolons in the first record; Dutch Excel saves with ';'. */
function detectDelimiter(buf: Buffer): ',' | ';' {
  let inQuotes = false;
  let commas = 0;
  let semicolons = 0;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i];
    if (b === BYTE_QUOTE) inQuotes = !inQuotes;
    else if (!inQuotes) {
      if (b === BYTE_LF || b === BYTE_CR) break;
      if (b === BYTE_COMMA) commas++;
      else if (b === BYTE_SEMICOLON) semicolons++;
    }
  }
  return semicolons > commas ? ';' : ',';
}

// ---------------------------------------------------------------------------------------------
// Cells

/**
 * A numeric cell: a number ("2", "-99", "47.11", "1.5E+11") or a list of them ("1,3": a
 * multiple-answer question exported in one column; also "1,5" from a Dutch decimal comma).
 * Hand-written because it runs for every cell of every candidate column.
 */
export function isNumericCell(s: string): boolean {
  const n = s.length;
  let i = 0;
  for (;;) {
    let c = s.charCodeAt(i);
    if (c === 0x2d || c === 0x2b) c = s.charCodeAt(++i); // sign
    const digitsStart = i;
    while (c >= 0x30 && c <= 0x39) c = s.charCodeAt(++i);
    if (i === digitsStart) return false;
    if (c === 0x2e) {
      c = s.charCodeAt(++i);
      const fracStart = i;
      while (c >= 0x30 && c <= 0x39) c = s.charCodeAt(++i);
      if (i === fracStart) return false;
    }
    if (c === 0x45 || c === 0x65) {
      c = s.charCodeAt(++i);
      if (c === 0x2d || c === 0x2b) c = s.charCodeAt(++i);
      const expStart = i;
      while (c >= 0x30 && c <= 0x39) c = s.charCodeAt(++i);
      if (i === expStart) return false;
    }
    if (i === n) return true;
    if (c !== 0x2c) return false;
    i++;
  }
}

/** `{"ImportId":"QID1"}` (current) or `{'ImportId': 'QID12-1'}` (Insights, a Python dict). */
function parseImportId(cell: string): string | null {
  const m = /["']ImportId["']\s*:\s*["']([^"']*)["']/.exec(cell);
  return m ? (m[1] ?? null) : null;
}

// ---------------------------------------------------------------------------------------------
// The parser

class ExportParser {
  private readonly headers: string[][] = [];
  private format: ExportFormat | null = null;
  private headerRows = 3;
  private plans: ColumnPlan[] = [];
  /** Columns whose cells are inspected (numeric or not); never personal data or named free text. */
  private trackIdx: number[] = [];
  /** Columns whose cells are stored: a subset of trackIdx. */
  private storeIdx: number[] = [];
  private numeric: boolean[] = [];
  private hasValue: boolean[] = [];
  private width = 0;
  private headerWidth = 0;
  private trailingColumn = false;

  private readonly rows: string[][] = [];
  private readonly rowLines: number[] = [];
  private readonly ragged: InputProblem[] = [];
  private raggedCount = 0;

  // Line numbers come from byte offsets: csv-parse's own line count is off for CRLF inside cells.
  private readonly newline: number;
  private nextNewline: number;
  private line = 1;
  private recordStart = 0;

  constructor(
    private readonly buf: Buffer,
    private readonly file: string,
    private readonly delimiter: ',' | ';',
    private readonly bom: boolean,
    private readonly keepColumns: ReadonlySet<string> | undefined,
  ) {
    // A file with only CR line ends (old Mac Excel) has no LF to count.
    this.newline = buf.includes(BYTE_LF) ? BYTE_LF : BYTE_CR;
    this.nextNewline = buf.indexOf(this.newline);
  }

  run(): QualtricsExport {
    try {
      csvParse().parse(this.buf, {
        delimiter: this.delimiter,
        record_delimiter: ['\r\n', '\n', '\r'],
        relax_column_count: true,
        on_record: (record: string[], context) => {
          const line = this.lineAt(this.recordStart);
          this.recordStart = context.bytes;
          this.onRecord(record, line);
          return null; // the rows are kept here, projected; csv-parse keeps nothing
        },
      });
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw this.csvError(e);
    }
    if (!this.format) this.notQualtrics(this.headers.length === 0 ? 1 : this.headers.length);
    if (this.ragged.length) {
      if (this.raggedCount > this.ragged.length) {
        this.ragged.push(
          problem({ file: this.file }, `en nog ${more(this.raggedCount - this.ragged.length)} met een afwijkend aantal cellen.`),
        );
      }
      throw new InputError(this.ragged);
    }
    return this.finish();
  }

  /** The 1-based line at byte `offset`: counts line ends incrementally, O(file size) in total. */
  private lineAt(offset: number): number {
    while (this.nextNewline !== -1 && this.nextNewline < offset) {
      this.line++;
      this.nextNewline = this.buf.indexOf(this.newline, this.nextNewline + 1);
    }
    return this.line;
  }

  private onRecord(record: string[], line: number): void {
    if (!this.format) {
      this.onHeaderRecord(record, line);
      return;
    }
    const n = record.length;
    if (record[0] === '' && record.every((c) => c === '')) return; // empty line or Excel's ";;;;" row
    if (n !== this.headerWidth && !(this.trailingColumn && n === this.width)) {
      this.reportRagged(line, n);
      return;
    }
    if (this.trailingColumn && n === this.headerWidth && record[this.width] !== '') {
      this.raggedCount++;
      if (this.ragged.length < MAX_RAGGED_REPORTED) {
        this.ragged.push(
          problem(
            { file: this.file, line, column: this.headerWidth },
            'de rij heeft een waarde in de laatste kolom, maar die kolom heeft geen kopregel.',
            'Verwijder de waarde of exporteer opnieuw uit Qualtrics.',
          ),
        );
      }
      return;
    }
    const track = this.trackIdx;
    const numeric = this.numeric;
    for (let j = 0; j < track.length; j++) {
      const v = record[track[j]!]!;
      if (v === '') continue;
      this.hasValue[j] = true;
      if (numeric[j] && !isNumericCell(v)) numeric[j] = false;
    }
    const store = this.storeIdx;
    const out = new Array<string>(store.length);
    for (let j = 0; j < store.length; j++) out[j] = record[store[j]!]!;
    this.rows.push(out);
    this.rowLines.push(line);
  }

  private reportRagged(line: number, cells: number): void {
    this.raggedCount++;
    if (this.ragged.length >= MAX_RAGGED_REPORTED) return;
    const expected = this.headerWidth;
    const column = Math.min(cells, expected) + 1;
    const name = this.plans[column - 1]?.name;
    this.ragged.push(
      problem(
        { file: this.file, line, column, ...(name ? { columnName: name } : {}) },
        `de rij heeft ${cells} ${cells === 1 ? 'cel' : 'cellen'}, maar de kopregel heeft er ${expected}.`,
        `Waarschijnlijk staat er een scheidingsteken ('${this.delimiter}') of regeleinde in een cel zonder aanhalingstekens, of is de rij met de hand bewerkt. Herstel de rij of exporteer opnieuw uit Qualtrics.`,
      ),
    );
  }

  private onHeaderRecord(record: string[], line: number): void {
    this.headers.push(record);
    const first = this.headers[0]!;
    if (this.headers.length === 1) {
      // Legacy exports number the first columns V1, V2, … in row 1.
      if (first[0]?.trim() === 'V1' && first[1]?.trim() === 'V2') this.headerRows = 2;
      return;
    }
    if (record.length !== first.length) {
      throw new InputError(
        problem(
          { file: this.file, line },
          `kopregel ${this.headers.length} heeft ${record.length} cellen, maar kopregel 1 heeft er ${first.length}.`,
          'Exporteer opnieuw uit Qualtrics; bewerk de kopregels niet met de hand.',
        ),
      );
    }
    if (this.headers.length < this.headerRows) return;
    if (this.headerRows === 3) {
      if (parseImportId(record[0] ?? '') === null) this.notQualtrics(line);
      this.format = 'three-row';
    } else {
      this.format = 'legacy-two-row';
    }
    this.planColumns();
  }

  private notQualtrics(line: number): never {
    const end = this.buf.indexOf(this.newline);
    const firstLine = this.buf.subarray(0, end === -1 ? this.buf.length : end).toString('utf8');
    const looksTsv = firstLine.includes('\t') && !firstLine.includes(this.delimiter);
    throw new InputError(
      problem(
        { file: this.file, line },
        looksTsv
          ? 'dit lijkt een bestand met tabs als scheidingsteken (TSV), geen Qualtrics-CSV-export.'
          : "dit is geen Qualtrics-export: de kopregels ontbreken. Verwacht worden exporttags (regel 1), vraagteksten (regel 2) en ImportId's (regel 3), of het oude formaat met V1, V2, … in regel 1.",
        'Exporteer de antwoorden in Qualtrics via Gegevens en analyse > Exporteren en importeren > Gegevens exporteren > CSV, en verwijder of wijzig geen kopregels.',
      ),
    );
  }

  /** Decides per column, from the header alone, what is dropped, inspected and stored. */
  private planColumns(): void {
    const [tags, texts, ids] = this.headers as [string[], string[], string[] | undefined];
    const legacy = this.format === 'legacy-two-row';
    this.headerWidth = tags.length;
    const last = tags.length - 1;
    // Every line ends with a separator: an unnamed, empty last column.
    this.trailingColumn = last > 0 && tags[last]!.trim() === '' && texts[last]!.trim() === '' && (ids?.[last] ?? '').trim() === '';
    this.width = this.trailingColumn ? last : tags.length;

    const plans: ColumnPlan[] = [];
    for (let i = 0; i < this.width; i++) {
      const tag = tags[i]!;
      const text = texts[i]!;
      const importId = ids ? parseImportId(ids[i]!) : null;
      const name = legacy && /^V\d+$/.test(tag.trim()) && text.trim() !== '' ? text.trim() : tag;
      const personal =
        PERSONAL_DATA.has(tag.trim().toLowerCase()) ||
        PERSONAL_DATA.has(name.trim().toLowerCase()) ||
        (legacy && PERSONAL_DATA.has(text.trim().toLowerCase())) ||
        (importId !== null && PERSONAL_DATA.has(importId.replace(/^Location-/i, '').toLowerCase()));
      const freeText = TEXT_TAG.test(tag) || TEXT_IQ_TAG.test(tag) || (importId !== null && TEXT_IMPORT_ID.test(importId));
      const meta = !personal && METADATA.has(name.trim().toLowerCase());
      const wanted = this.keepColumns?.has(name) ?? false;
      const drop: DropReason | null = personal
        ? 'personal-data'
        : freeText
          ? 'free-text'
          : this.keepColumns && !meta && !wanted
            ? 'not-mapped'
            : null;
      plans.push({ index: i, name, text, importId, meta, drop, wanted });
    }
    this.plans = plans;
    if (this.keepColumns) this.checkKeepColumns();

    for (const p of plans) {
      if (p.drop === 'personal-data' || p.drop === 'free-text') continue;
      this.trackIdx.push(p.index);
      if (p.drop === null) this.storeIdx.push(p.index);
    }
    this.numeric = this.trackIdx.map(() => true);
    this.hasValue = this.trackIdx.map(() => false);
  }

  private checkKeepColumns(): void {
    const problems: InputProblem[] = [];
    const byName = new Map<string, ColumnPlan[]>();
    for (const p of this.plans) {
      const list = byName.get(p.name);
      if (list) list.push(p);
      else byName.set(p.name, [p]);
    }
    for (const wanted of this.keepColumns ?? []) {
      const matches = byName.get(wanted) ?? [];
      const first = matches[0];
      if (!first) {
        const similar = this.plans.find((p) => p.name.trim().toLowerCase() === wanted.trim().toLowerCase());
        problems.push(
          problem(
            { file: this.file, line: 1 },
            `kolom '${wanted}' ontbreekt in de export.`,
            similar
              ? `Bedoelt u '${similar.name}' (kolom ${similar.index + 1})? Kolomnamen zijn hoofdlettergevoelig.`
              : 'Controleer de kolomnaam (de exporttag uit Qualtrics) in de vragenlijst en de editie, of exporteer opnieuw met deze vraag erin.',
          ),
        );
      } else if (matches.length > 1) {
        const second = matches[1]!;
        problems.push(
          problem(
            { file: this.file, line: 1, column: second.index + 1, columnName: wanted },
            `kolom '${wanted}' komt ${matches.length} keer voor in de export (kolommen ${matches.map((m) => m.index + 1).join(', ')}); het is niet duidelijk welke bedoeld is.`,
            'Geef de vragen in Qualtrics unieke exporttags en exporteer opnieuw.',
          ),
        );
      } else if (first.drop === 'personal-data') {
        problems.push(
          problem(
            { file: this.file, line: 1, column: first.index + 1, columnName: wanted },
            `kolom '${wanted}' bevat persoonsgegevens en wordt nooit ingelezen.`,
            'Haal deze kolom uit de vragenlijst of de editie.',
          ),
        );
      } else if (first.drop === 'free-text') {
        problems.push(
          problem(
            { file: this.file, line: 1, column: first.index + 1, columnName: wanted },
            `kolom '${wanted}' is een open tekstveld en wordt niet ingelezen (vrije tekst kan persoonsgegevens bevatten).`,
            'Haal deze kolom uit de vragenlijst of de editie.',
          ),
        );
      }
    }
    if (problems.length) throw new InputError(problems);
  }

  private finish(): QualtricsExport {
    const { plans, trackIdx } = this;
    const values = this.detectValues();
    if (values === 'numeric') {
      // Text in a numeric export that no mapping asked for: an open answer or a text field.
      trackIdx.forEach((idx, j) => {
        const p = plans[idx]!;
        if (!p.meta && !p.wanted && !this.numeric[j]) p.drop = 'free-text';
      });
    }

    const storePos = new Map<number, number>();
    this.storeIdx.forEach((idx, j) => storePos.set(idx, j));
    const keptPositions: number[] = [];
    const columns: ExportColumn[] = [];
    const dropped: DroppedColumn[] = [];
    for (const p of plans) {
      if (p.drop) {
        dropped.push({ name: p.name, text: p.text, importId: p.importId, reason: p.drop });
        continue;
      }
      columns.push({ index: p.index, name: p.name, text: p.text, importId: p.importId });
      keptPositions.push(storePos.get(p.index)!);
    }
    let rows = this.rows;
    if (keptPositions.length !== this.storeIdx.length) {
      // Some stored columns turned out to be free text: rebuild the rows without their cells.
      rows = rows.map((row) => keptPositions.map((k) => row[k]!));
    }
    return {
      file: this.file,
      format: this.format!,
      delimiter: this.delimiter,
      bom: this.bom,
      values,
      columns,
      rows,
      rowLines: this.rowLines,
      dropped,
    };
  }

  /**
   * Numeric exports write Finished/Status as 1/0, choice-text exports as True/"IP Address"; the
   * other columns confirm it. A numeric export can still hold an undetected open question (the
   * legacy sample's Q2) or text embedded data (a segment code), so a minority of text columns does
   * not make it choice text. Without Finished/Status any text column means choice text.
   */
  private detectValues(): QualtricsExport['values'] {
    let metaSignal: 'numeric' | 'choice-text' | null = null;
    let numericCols = 0;
    let textCols = 0;
    this.trackIdx.forEach((idx, j) => {
      const p = this.plans[idx]!;
      if (!this.hasValue[j]) return;
      if (p.meta) {
        const key = p.name.trim().toLowerCase();
        if (key !== 'finished' && key !== 'status') return;
        if (!this.numeric[j]) metaSignal = 'choice-text';
        else metaSignal ??= 'numeric';
      } else {
        if (this.numeric[j]) numericCols++;
        else textCols++;
      }
    });
    // Widened: TypeScript narrows `metaSignal` to null because it is assigned in a callback.
    const signal = metaSignal as 'numeric' | 'choice-text' | null;
    if (signal === 'choice-text') return 'choice-text';
    if (textCols === 0) return 'numeric';
    return signal === 'numeric' && numericCols >= textCols ? 'numeric' : 'choice-text';
  }

  private csvError(e: unknown): InputError {
    const code = (e as { code?: unknown } | null)?.code;
    const col = (e as { column?: unknown } | null)?.column;
    const line = this.lineAt(this.recordStart);
    const column = typeof col === 'number' ? col + 1 : undefined;
    const quoteHint =
      'Een cel met een aanhalingsteken, scheidingsteken of regeleinde moet tussen aanhalingstekens staan, en een aanhalingsteken in de cel moet verdubbeld zijn (""). Exporteer opnieuw uit Qualtrics of herstel de cel.';
    let message: string;
    switch (code) {
      case 'CSV_QUOTE_NOT_CLOSED':
        message = 'een cel begint met een aanhalingsteken dat nergens wordt gesloten (de rest van het bestand wordt als één cel gelezen).';
        break;
      case 'INVALID_OPENING_QUOTE':
        message = 'een aanhalingsteken midden in een cel die niet tussen aanhalingstekens staat.';
        break;
      case 'CSV_INVALID_CLOSING_QUOTE':
      case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
        message = 'na het afsluitende aanhalingsteken van een cel volgt geen scheidingsteken.';
        break;
      default:
        message = `het CSV-bestand kan niet worden gelezen${typeof code === 'string' ? ` (${code})` : ''}.`;
    }
    return new InputError(problem({ file: this.file, line, ...(column !== undefined ? { column } : {}) }, message, quoteHint));
  }
}
