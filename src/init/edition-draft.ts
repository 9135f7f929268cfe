import { dirname, relative } from 'node:path';
import { Document, isSeq, type YAMLMap } from 'yaml';
import type { ExportColumn, QualtricsExport } from '../load/qualtrics/export.ts';
import type { QsfSurvey } from '../load/qualtrics/read-qsf.ts';
import { matchText } from './export-items.ts';
import { renewHeaderComment } from './header-comment.ts';
import { KeyRing } from './keys.ts';
import type { PreviousEdition } from './previous.ts';

/** The organisation a first edition is drafted for (edition.yaml `organisation`); later editions copy theirs. */
export const DEFAULT_ORGANISATION = 'Logius';

/**
 * The new edition.yaml: the previous one with this year, the new export, the product and segment
 * columns found again in the export, and the products the export holds; invited counts and the
 * publication date are left open. Without a previous edition: a skeleton with open items.
 */
export interface EditionDraft {
  text: string;
  notes: string[];
  /** Products that were in the previous edition and are not in the export (their texts are not copied). */
  removedProducts: string[];
  /** Summary: the products found, as "DigiD (1)". */
  products: string[];
}

interface Input {
  year: number;
  exp: QualtricsExport;
  exportFile: string;
  editionFile: string;
  previous: PreviousEdition | null;
  qsf: QsfSurvey | null;
  productColumn: ExportColumn | null;
  segmentColumn: ExportColumn | null;
}

const todo = (s: string) => `TE DOEN: ${s}`;

export function draftEdition(input: Input): EditionDraft {
  const { year, exp, previous } = input;
  const notes: string[] = [];
  const dataFile = relative(dirname(input.editionFile), input.exportFile).replaceAll('\\', '/');
  const fieldwork = fieldworkOf(exp);
  if (fieldwork) notes.push(`Veldwerk ${fieldwork.from} tot en met ${fieldwork.to} is afgeleid uit de eerste en laatste respons in de export; controleer 'fieldwork' in edition.yaml.`);
  const period = fieldwork ?? { from: todo('eerste dag van het veldwerk (JJJJ-MM-DD)'), to: todo('laatste dag van het veldwerk (JJJJ-MM-DD)') };
  const values = input.productColumn ? distinct(exp, input.productColumn.name) : [];

  if (!previous) {
    const doc = new Document({
      year,
      title: todo('titel van het rapport'),
      subtitle: 'Eindrapport',
      organisation: DEFAULT_ORGANISATION,
      author: DEFAULT_ORGANISATION,
      published: todo('publicatiedatum (JJJJ-MM-DD)'),
      fieldwork: period,
      previous_edition: null,
      questionnaire: 'questionnaire.yaml',
      data: { file: dataFile, product_column: todo(`de kolom met het product waarover de respondent antwoordt (kolommen: ${questionColumns(exp).join(', ')})`) },
      invited: todo('totaal aantal uitgenodigden (de som van de producten)'),
      min_group_size: 10,
      products: todo('de producten: key, name, code (antwoordcode in de productkolom) en invited'),
    });
    doc.commentBefore = ` Editie ${year}, opgesteld door eindrapport init uit ${dataFile}. Vul elk "TE DOEN" in; zie docs/vragenlijst-en-editie.md.`;
    return { text: doc.toString({ lineWidth: 0 }), notes, removedProducts: [], products: [] };
  }

  const before = previous.edition;
  const doc = previous.editionDoc.doc.clone();
  renewHeaderComment(doc, before.year, year, `Editie ${year}, opgesteld door eindrapport init uit ${dataFile} en de editie ${before.year}. Vul elk "TE DOEN" in.`);
  doc.set('year', year);
  for (const field of ['title', 'subtitle']) {
    const v = doc.get(field);
    if (typeof v === 'string') doc.set(field, v.replaceAll(String(before.year), String(year)));
  }
  doc.set('published', todo('publicatiedatum (JJJJ-MM-DD)'));
  doc.set('fieldwork', doc.createNode(period, { flow: true }));
  const sibling = dirname(dirname(input.editionFile)) === dirname(previous.dir);
  doc.set('previous_edition', sibling ? before.year : relative(dirname(input.editionFile), previous.edition.file).replaceAll('\\', '/'));
  doc.setIn(['data', 'file'], dataFile);
  doc.setIn(['data', 'product_column'], input.productColumn?.name ?? todo(`de kolom met het product; in ${before.year} was dat '${before.data.product_column}', die is in deze export niet gevonden`));
  if (before.data.segment_column) {
    doc.setIn(['data', 'segment_column'], input.segmentColumn?.name ?? todo(`de kolom met de segmenten; in ${before.year} was dat '${before.data.segment_column}', die is in deze export niet gevonden`));
  }
  doc.set('invited', todo('totaal aantal uitgenodigden (de som van de producten)'));

  // Products: those in the export, in the previous edition's order, new ones after them.
  const productsNode = doc.get('products', true);
  const previousNodes = isSeq(productsNode) ? (productsNode.items as YAMLMap[]) : [];
  const byValue = (v: string) =>
    before.products.findIndex((p) => (exp.values === 'numeric' || /^-?\d+$/.test(v) ? String(p.code) === v : matchText(p.name) === matchText(v)));
  const found = new Set<number>();
  const extra: unknown[] = [];
  const ring = new KeyRing(before.products.map((p) => p.key));
  const summary: string[] = [];
  const choiceName = (code: string) => {
    const qid = /^(QID\d+)/.exec(input.productColumn?.importId ?? '')?.[1];
    const q = qid ? input.qsf?.byId.get(qid) : undefined;
    return q?.choices.find((c) => String(c.code ?? c.id) === code)?.text ?? null;
  };
  // Answers that were organisation-only last year stay so (organisation_only is copied with the edition).
  const organisationOnly = (v: string) =>
    before.organisation_only.answers.some((a) => (exp.values === 'numeric' || /^-?\d+$/.test(v) ? String(a.code) === v : matchText(a.name) === matchText(v)));
  for (const v of values) {
    if (organisationOnly(v)) continue;
    const i = byValue(v);
    if (i >= 0) {
      found.add(i);
      continue;
    }
    const numeric = /^-?\d+$/.test(v);
    const name = numeric ? choiceName(v) : v;
    const key = name ? ring.take(name, `product-${v}`) : `product-${v}`;
    extra.push({
      key,
      name: name ?? todo(`naam van het product met code ${v}`),
      code: numeric ? Number(v) : todo(`antwoordcode van '${v}' (uit de vragenlijst in Qualtrics)`),
      invited: todo(`aantal uitgenodigden voor ${name ?? `product ${v}`}`),
    });
    notes.push(`Nieuw product in de export: ${name ?? `code ${v}`}${name ? ` (code ${v})` : ''}, toegevoegd als '${key}'. Schrijf zijn eigen teksten in narrative/producten/${key}.yaml als de algemene teksten niet passen, en controleer de naam.`);
    summary.push(`${name ?? '?'} (${v}, nieuw)`);
  }
  const kept: unknown[] = [];
  const keptNames: string[] = [];
  const removed: string[] = [];
  before.products.forEach((p, i) => {
    const node = previousNodes[i];
    if (!found.has(i) || !node) {
      removed.push(p.key);
      notes.push(`Product ${p.name} (code ${p.code}) komt in de export niet voor en is weggelaten; zijn eigen teksten (narrative/producten/${p.key}.yaml) zijn niet overgenomen.`);
      return;
    }
    const copy = node.clone() as YAMLMap;
    copy.set('invited', todo(`aantal uitgenodigden voor ${p.name}`));
    kept.push(copy);
    keptNames.push(`${p.name} (${p.code})`);
    if (p.segments.length && input.segmentColumn) {
      const seen = distinct(exp, input.segmentColumn.name);
      const known = new Set(p.segments.map((s) => s.code));
      const unknown = seen.filter((s) => !known.has(s));
      if (unknown.length) notes.push(`De segmentkolom ${input.segmentColumn.name} bevat waarden die bij ${p.name} geen segment zijn: ${unknown.join(', ')}; voeg ze toe aan 'segments' of controleer de export.`);
    }
  });
  if (isSeq(productsNode)) productsNode.items = [...kept, ...extra.map((e) => doc.createNode(e, { flow: true }))] as typeof productsNode.items;
  if (!values.length) notes.push('De productkolom is niet gevonden of leeg: vul de producten in edition.yaml zelf in.');
  return { text: doc.toString({ lineWidth: 0 }), notes, removedProducts: removed, products: [...keptNames, ...summary] };
}

/** Distinct non-empty values of a column, numeric ones in numeric order. */
export function distinct(exp: QualtricsExport, name: string): string[] {
  const j = exp.columns.findIndex((c) => c.name === name);
  if (j < 0) return [];
  const seen = new Set<string>();
  for (const row of exp.rows) if (row[j]) seen.add(row[j]!);
  return [...seen].sort((a, b) => (/^-?\d+$/.test(a) && /^-?\d+$/.test(b) ? Number(a) - Number(b) : a.localeCompare(b, 'nl')));
}

/** First and last day with a response, from StartDate and EndDate/RecordedDate (JJJJ-MM-DD …). */
function fieldworkOf(exp: QualtricsExport): { from: string; to: string } | null {
  const days = (name: string) => {
    const j = exp.columns.findIndex((c) => c.name.toLowerCase() === name);
    if (j < 0) return [];
    return exp.rows.map((r) => /^(\d{4}-\d{2}-\d{2})/.exec(r[j] ?? '')?.[1]).filter((d): d is string => !!d);
  };
  const starts = days('startdate');
  const ends = [...days('enddate'), ...days('recordeddate')];
  if (!starts.length || !ends.length) return null;
  return { from: starts.reduce((a, b) => (a < b ? a : b)), to: ends.reduce((a, b) => (a > b ? a : b)) };
}

function questionColumns(exp: QualtricsExport): string[] {
  return exp.columns.filter((c) => c.importId === null || /^QID/.test(c.importId)).map((c) => c.name).slice(0, 12);
}
