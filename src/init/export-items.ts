import type { ExportColumn, QualtricsExport } from '../load/qualtrics/export.ts';
import { isMultiAnswer, plainText, type QsfQuestion, type QsfSurvey } from '../load/qualtrics/read-qsf.ts';

/**
 * The export's questions as a questionnaire sees them: a single column (a question, or one
 * statement of a matrix) or a multi-select question with one column per choice. Built from the
 * ImportIds (header row 3), the .qsf where given, otherwise from the values seen.
 */
export interface ExportItem {
  kind: 'single' | 'multi';
  /** Question id, e.g. "QID9" for column QID9_5; null when the export has no ImportIds. */
  qid: string | null;
  /** The ImportId to record: the column's own for a single column, the question's for a multi-select. */
  importId: string | null;
  columns: ExportColumn[];
  /** Header text (row 2) of the first column. */
  text: string;
  /** The question: header text before the statement or choice. */
  question: string;
  /** Matrix statement or (multi) per column the choice, as in the header after the question. */
  parts: string[];
  /** Distinct non-empty values per column, in the order first seen. */
  values: string[][];
  qsf: QsfQuestion | null;
}

export interface SkippedColumn {
  name: string;
  text: string;
  reason: string;
}

/** Qualtrics' response metadata and contact fields, by export tag or ImportId (lower case). */
const METADATA = /^(startdate|enddate|status|ipaddress|progress|duration \(in seconds\)|duration|finished|recordeddate|responseid|_recordid|responseset|responsesetid|recipient\w*|externalreference|externaldatareference|location\w*|distributionchannel|userlanguage|name|emailaddress|panel-\w+|q_\w+)$/i;

const QID = /^(QID\d+)(?:[-_](.*))?$/;

export function exportItems(exp: QualtricsExport, qsf: QsfSurvey | null, reserved: ReadonlySet<string>): { items: ExportItem[]; skipped: SkippedColumn[] } {
  const valuesOf = distinctValues(exp);
  const skipped: SkippedColumn[] = [];
  const groups = new Map<string, { qid: string | null; q: QsfQuestion | null; columns: ExportColumn[] }>();
  for (const c of exp.columns) {
    if (reserved.has(c.name)) continue;
    const m = c.importId ? QID.exec(c.importId) : null;
    let qid = m?.[1] ?? null;
    let q = qid ? (qsf?.byId.get(qid) ?? null) : null;
    if (!qid) {
      q = c.importId === null ? questionByTag(qsf, c.name) : null;
      qid = q?.id ?? null;
      if (!q && (c.importId !== null || !/^Q\d+(?:_|$)/.test(c.name))) {
        if (!METADATA.test(c.name) && !METADATA.test(c.importId ?? '')) skipped.push({ name: c.name, text: c.text, reason: 'geen vraag (ingebedde gegevens of metadata)' });
        continue;
      }
    }
    const key = qid ?? c.name.replace(/_.*$/, '');
    const g = groups.get(key) ?? { qid, q, columns: [] };
    g.columns.push(c);
    groups.set(key, g);
  }
  for (const d of exp.dropped) if (d.reason === 'free-text' && !METADATA.test(d.name)) skipped.push({ name: d.name, text: d.text, reason: 'open tekst (wordt nooit ingelezen)' });

  const items: ExportItem[] = [];
  for (const g of groups.values()) {
    const question = g.q?.text ?? commonQuestion(g.columns.map((c) => c.text));
    const make = (kind: ExportItem['kind'], columns: ExportColumn[]): ExportItem => ({
      kind,
      qid: g.qid,
      importId: kind === 'multi' ? (g.qid ?? null) : (columns[0]!.importId ?? null),
      columns,
      text: columns[0]!.text,
      question: g.columns.length > 1 || kind === 'multi' ? question : columns[0]!.text,
      parts: g.columns.length > 1 || kind === 'multi' ? columns.map((c) => statementOf(c.text, question)) : [],
      values: columns.map((c) => valuesOf.get(c.name) ?? []),
      qsf: g.q,
    });
    if (g.q) {
      const type = g.q.type;
      if (g.q.inTrash) {
        for (const c of g.columns) skipped.push({ name: c.name, text: c.text, reason: `vraag ${g.q.id} staat in de prullenbak van de vragenlijst` });
        continue;
      }
      if (type !== 'MC' && type !== 'Matrix') {
        for (const c of g.columns) skipped.push({ name: c.name, text: c.text, reason: `vraagsoort ${type} (${g.q.selector}) kan het rapport niet tonen` });
        continue;
      }
      if (type === 'Matrix' && (g.q.selector === 'TE' || g.q.selector === 'CS' || g.q.selector === 'RO')) {
        for (const c of g.columns) skipped.push({ name: c.name, text: c.text, reason: `matrixsoort ${g.q.selector} kan het rapport niet tonen` });
        continue;
      }
      if (isMultiAnswer(g.q)) {
        if (type === 'MC') items.push(make('multi', g.columns));
        else for (const row of matrixRows(g.columns)) items.push(make('multi', row));
      } else {
        for (const c of g.columns) items.push(make('single', [c]));
      }
      continue;
    }
    // Without a .qsf: one ImportId on several columns (current export) or columns holding only
    // "1" or only their own choice text are the choices of one multi-select question.
    const sameId = g.columns.length > 1 && g.columns.every((c) => c.importId !== null && c.importId === g.columns[0]!.importId);
    // Checked is 1; Qualtrics writes -99 (seen, not checked) or 0 in some exports.
    const values = g.columns.map((c) => valuesOf.get(c.name) ?? []);
    const checkboxes =
      g.columns.length > 1 &&
      (exp.values === 'numeric'
        ? values.some((v) => v.includes('1')) && values.every((v) => v.every((x) => x === '1' || x === '0' || x === '-99'))
        : values.every((v) => v.filter((x) => x !== '-99').length <= 1));
    if (sameId || checkboxes) items.push(make('multi', g.columns));
    else for (const c of g.columns) items.push(make('single', [c]));
  }
  return { items, skipped };
}

/** A matrix with several answers per statement: one multi-select per statement (QID5-1-1, QID5-1-2 → row 1). */
function matrixRows(columns: ExportColumn[]): ExportColumn[][] {
  const rows = new Map<string, ExportColumn[]>();
  for (const c of columns) {
    const rest = QID.exec(c.importId ?? '')?.[2] ?? c.name;
    const row = rest.split(/[-_]/)[0] ?? rest;
    rows.set(row, [...(rows.get(row) ?? []), c]);
  }
  return [...rows.values()];
}

function questionByTag(qsf: QsfSurvey | null, name: string): QsfQuestion | null {
  if (!qsf) return null;
  let best: QsfQuestion | null = null;
  for (const q of qsf.questions) {
    if (name === q.exportTag || name.startsWith(`${q.exportTag}_`)) {
      if (!best || q.exportTag.length > best.exportTag.length) best = q;
    }
  }
  return best;
}

/** The question part of the headers of a matrix or multi-select: up to the last " - " (or "-") they share. */
function commonQuestion(texts: string[]): string {
  const first = texts[0] ?? '';
  if (texts.length === 1) {
    const at = first.lastIndexOf(' - ');
    return at > 0 ? first.slice(0, at) : first;
  }
  let n = 0;
  while (texts.every((t) => t[n] !== undefined && t[n] === first[n])) n++;
  const prefix = first.slice(0, n);
  const at = Math.max(prefix.lastIndexOf(' - '), prefix.lastIndexOf('-'));
  return (at > 0 ? prefix.slice(0, at) : prefix).trim();
}

/** The statement or choice in a header: what follows the question and its " - " separator. */
export function statementOf(text: string, question: string): string {
  const plain = plainText(text);
  const q = plainText(question);
  if (q && plain.startsWith(q)) return plain.slice(q.length).replace(/^\s*-\s*/, '').trim() || plain;
  const at = plain.lastIndexOf(' - ');
  return at > 0 ? plain.slice(at + 3).trim() : plain;
}

function distinctValues(exp: QualtricsExport): Map<string, string[]> {
  const out = new Map<string, string[]>();
  exp.columns.forEach((c, j) => {
    const seen = new Set<string>();
    for (const row of exp.rows) {
      const v = row[j] ?? '';
      if (v !== '') seen.add(v);
    }
    out.set(c.name, [...seen]);
  });
  return out;
}

/** For matching: no HTML, piped text as "{}", case, whitespace and end punctuation ignored. */
export function matchText(s: string): string {
  return plainText(s)
    .replace(/\$\{[^}]*\}/g, '{}')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s.?!:;,]+$/, '')
    .trim();
}

/** Piped text (${q://QID1/ChoiceGroup/SelectedChoices}) as the questionnaire writes it: {product}. */
export function withProductPlaceholder(s: string): string {
  return s.replace(/\$\{q:\/\/[^}]*\}/g, '{product}');
}
