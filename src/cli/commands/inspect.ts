import type { DropReason, DroppedColumn, ExportColumn, QualtricsExport } from '../../load/qualtrics/export.ts';
import { readQualtricsExport } from '../../load/qualtrics/read-export.ts';
import { DEFAULT_RESPONSE_RULES, loadEdition, type ResponseRules } from '../../load/edition.ts';
import { describeExclusions, selectResponses, type ResponseColumns } from '../../load/response-filter.ts';
import { formatProblem } from '../../load/input-error.ts';

/**
 * `eindrapport inspect <file.csv>`: what the importer makes of an export, so a user can check a new
 * export (format, respondents, question columns, what was left out) before building a report.
 */

const MAX_TEXT = 80;
/** Free text found by its values, not its name: an open answer, or text embedded data such as a segment. */
const TEXT_VALUES = 'bevat tekst';
const MAX_NAME_WIDTH = 28;

/** Metadata columns are listed on one line; only the question columns get a line each. */
const METADATA = new Set(
  ['ResponseId', 'ResponseSet', 'Status', 'Progress', 'Duration (in seconds)', 'Finished', 'StartDate', 'EndDate', 'RecordedDate', 'DistributionChannel', 'UserLanguage'].map(
    (s) => s.toLowerCase(),
  ),
);

/** Which rows count, and by which rules: the edition's, or the defaults when no edition is given. */
export interface InspectRules {
  rules: ResponseRules;
  columns: ResponseColumns;
  /** "de standaardregels" or "content/2019/edition.yaml". */
  source: string;
}

const DEFAULT_RULES: InspectRules = {
  rules: DEFAULT_RESPONSE_RULES,
  columns: { responseId: 'ResponseId', status: 'Status', finished: 'Finished', progress: 'Progress', date: 'RecordedDate' },
  source: 'de standaardregels',
};

/** Reads the export (InputError on bad input, printed by the CLI) and describes it. */
export function inspectCommand(file: string, editionPath?: string): string {
  let rules = DEFAULT_RULES;
  if (editionPath) {
    const e = loadEdition(editionPath);
    const d = e.data;
    rules = { rules: e.responses, columns: { responseId: d.response_id_column, status: d.status_column, finished: d.finished_column, progress: d.progress_column, date: d.date_column }, source: e.file };
  }
  return inspectExport(readQualtricsExport(file), rules);
}

/** The report text for an export that has already been read. */
export function inspectExport(exp: QualtricsExport, rules: InspectRules = DEFAULT_RULES): string {
  const selection = selectResponses(exp, rules.rules, rules.columns, () => ({ file: rules.source }));
  const out: string[] = [];
  const meta = exp.columns.filter((c) => METADATA.has(c.name.trim().toLowerCase()));
  const questions = exp.columns.filter((c) => !METADATA.has(c.name.trim().toLowerCase()));

  out.push(`Qualtrics-export: ${exp.file}`);
  const facts: [string, string][] = [
    ['Formaat', exp.format === 'three-row' ? 'drie kopregels (exporttag, vraagtekst, ImportId)' : 'oud formaat met twee kopregels (V1…V10 en exporttags, dan vraagteksten)'],
    ['Scheidingsteken', exp.delimiter === ';' ? 'puntkomma (;)' : 'komma (,)'],
    ['BOM', exp.bom ? 'ja (UTF-8 met byte order mark)' : 'nee'],
    ['Waarden', exp.values === 'numeric' ? 'numeriek (antwoordcodes)' : 'keuzetekst (de antwoorden als tekst)'],
    ['Respondenten', formatCount(exp.rows.length)],
    [
      'Meegeteld',
      `${formatCount(selection.kept.length)} volgens ${rules.source}${selection.excluded.length ? `; niet meegeteld: ${describeExclusions(selection.excluded)}` : ''}`,
    ],
  ];
  const labelWidth = Math.max(...facts.map(([label]) => label.length)) + 1;
  for (const [label, value] of facts) out.push(`  ${`${label}:`.padEnd(labelWidth)} ${value}`);

  for (const p of selection.problems) out.push(`  Let op: ${formatProblem(p)}`);

  out.push('');
  out.push(`Metagegevens (${meta.length}): ${meta.length ? meta.map((c) => c.name).join(', ') : 'geen'}`);

  out.push('');
  out.push(`Vraagkolommen (${questions.length})${questions.length ? ':' : ': geen'}`);
  // Not push(...lines): an export can have 100.000+ columns, more than a call takes arguments.
  for (const line of columnLines(questions, countNames(exp.columns))) out.push(line);

  const groups: [DropReason, string][] = [
    ['personal-data', 'Weggelaten: persoonsgegevens'],
    ['free-text', 'Weggelaten: vrije tekst'],
    ['not-mapped', 'Weggelaten: niet gekoppeld aan de vragenlijst'],
  ];
  for (const [reason, title] of groups) {
    const list = exp.dropped.filter((d) => d.reason === reason);
    if (reason === 'not-mapped' && list.length === 0) continue; // only when a mapping was given
    out.push('');
    out.push(`${title} (${list.length})${list.length ? ':' : ': geen'}`);
    for (const line of droppedLines(list)) out.push(line);
    if (reason === 'free-text' && list.some((d) => freeTextKind(d.name) === TEXT_VALUES)) {
      out.push(`  Kolommen met '(${TEXT_VALUES})' worden wel ingelezen als de editie of vragenlijst ze koppelt (bijvoorbeeld een segmentkolom).`);
    }
  }
  return `${out.join('\n')}\n`;
}

function columnLines(columns: ExportColumn[], nameCounts: Map<string, number>): string[] {
  const width = nameWidth(columns.map((c) => c.name));
  const numberWidth = String(maxOf(columns.map((c) => c.index + 1))).length;
  return columns.map((c) => {
    // Duplicate export tags are told apart by their position in the file.
    const repeated = (nameCounts.get(c.name) ?? 0) > 1 ? ' [naam komt vaker voor]' : '';
    const number = `kolom ${String(c.index + 1).padStart(numberWidth)}`;
    return `  ${number}  ${c.name.padEnd(width)}  ${shorten(c.text)}${repeated}`.trimEnd();
  });
}

function droppedLines(list: DroppedColumn[]): string[] {
  const width = nameWidth(list.map((d) => d.name));
  return list.map((d) => {
    const why = d.reason === 'free-text' ? ` (${freeTextKind(d.name)})` : '';
    return `  ${d.name.padEnd(width)}  ${shorten(d.text)}${why}`.trimEnd();
  });
}

/** Why a column counts as free text; the export contract keeps only the name, so it is inferred from it. */
function freeTextKind(name: string): string {
  if (/_TEXT(?:_|$)/.test(name)) return 'tekstveld';
  if (/ - \S/.test(name)) return 'Text iQ';
  return TEXT_VALUES;
}

function nameWidth(names: string[]): number {
  return Math.min(MAX_NAME_WIDTH, maxOf(names.map((n) => n.length)));
}

/** The largest number, 0 for none; without spreading (Math.max(...xs) overflows the stack for 100.000+ columns). */
function maxOf(xs: number[]): number {
  let max = 0;
  for (const x of xs) if (x > max) max = x;
  return max;
}

function countNames(columns: ExportColumn[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of columns) counts.set(c.name, (counts.get(c.name) ?? 0) + 1);
  return counts;
}

/** One line of at most MAX_TEXT characters: whitespace (also no-break spaces and newlines) collapsed. */
export function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= MAX_TEXT ? flat : `${flat.slice(0, MAX_TEXT - 1).trimEnd()}…`;
}

/** 100000 → "100.000" (Dutch thousands separator), without depending on the ICU data Node ships. */
function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
