import { loadEdition, type Edition } from './edition.ts';
import { loadQuestionnaire, type Question, type Questionnaire } from './questionnaire.ts';
import { parseQualtricsExport, readQualtricsExport } from './qualtrics/read-export.ts';
import type { QualtricsExport } from './qualtrics/export.ts';
import { InputError, problem, type InputProblem } from './input-error.ts';
import { BLANK, SEEN_UNANSWERED, type ResponseData } from './responses.ts';
import { looksLikeFreeTextColumn, quoteCell } from './cell-excerpt.ts';

/** Everything the analysis needs about one edition: its description, its questions, its answers. */
export interface Survey {
  edition: Edition;
  questionnaire: Questionnaire;
  responses: ResponseData;
}

const MAX_REPORTED_PROBLEMS = 25;

/**
 * An export that is not read from its path on disk but handed over in memory: `diff --rev` reads a
 * revision's export from git, so no copy of it is ever written to disk.
 */
export interface DataSource {
  /** The export's bytes for this data path (absolute), or undefined to read the file itself. */
  read(dataPath: string): { data: Buffer; file: string } | undefined;
}

/** Load stage: edition.yaml → questionnaire → export, validated and stripped of personal data. */
export function loadSurvey(editionFile: string, dataSource?: DataSource): Survey {
  const edition = loadEdition(editionFile, dataSource);
  const questionnaire = loadQuestionnaire(edition.questionnairePath, edition.products.map((p) => p.key));
  const keepColumns = mappedColumns(edition, questionnaire);
  const inMemory = dataSource?.read(edition.dataPath);
  const exp = inMemory ? parseQualtricsExport(inMemory.data, inMemory.file, { keepColumns }) : readQualtricsExport(edition.dataPath, { keepColumns });
  const responses = toResponses(exp, edition, questionnaire);
  checkResponseCounts(edition, responses, exp.file);
  return { edition, questionnaire, responses };
}

/**
 * More responses than invitations cannot be: the export holds another survey's or a test run's
 * rows, or `invited` is wrong. Either way every response rate printed would be wrong.
 */
export function checkResponseCounts(edition: Edition, responses: ResponseData, dataFile: string): void {
  const perProduct = new Array<number>(edition.products.length).fill(0);
  for (let r = 0; r < responses.count; r++) {
    const p = responses.product[r]!;
    if (p >= 0) perProduct[p]!++;
  }
  const problems: InputProblem[] = [];
  const fix = `Controleer of ${dataFile} de export van deze editie is (zonder testrespons of antwoorden van een andere peiling), en de aantallen 'invited' in ${edition.file}.`;
  edition.products.forEach((p, i) => {
    if (perProduct[i]! > p.invited) {
      problems.push(problem({ file: edition.file }, `${p.name} heeft ${perProduct[i]} responsen, maar er zijn maar ${p.invited} organisaties uitgenodigd (products: ${p.key}, invited); de respons zou boven 100% liggen.`, fix));
    }
  });
  if (responses.count > edition.invited) {
    problems.push(problem({ file: edition.file }, `de export heeft ${responses.count} responsen, maar er zijn maar ${edition.invited} organisaties uitgenodigd ('invited'); de respons zou boven 100% liggen.`, fix));
  }
  if (problems.length) throw new InputError(problems);
}

export function mappedColumns(edition: Edition, questionnaire: Questionnaire): Set<string> {
  const cols = new Set<string>([edition.data.response_id_column, edition.data.finished_column, edition.data.product_column]);
  if (edition.data.segment_column) cols.add(edition.data.segment_column);
  for (const q of questionnaire.questions) {
    if (q.column) cols.add(q.column);
    for (const o of q.options ?? []) cols.add(o.column);
  }
  return cols;
}

/** Maps the export's cells to answer codes, reporting every bad cell with its row and column. */
export function toResponses(exp: QualtricsExport, edition: Edition, questionnaire: Questionnaire): ResponseData {
  const problems: InputProblem[] = [];
  const report = (p: InputProblem) => {
    if (problems.length < MAX_REPORTED_PROBLEMS) problems.push(p);
  };
  const colIndex = new Map<string, number>();
  exp.columns.forEach((c, i) => colIndex.set(c.name, i));
  const need = (name: string, what: string): number => {
    const i = colIndex.get(name);
    if (i === undefined) {
      throw new InputError(
        problem({ file: exp.file }, `de kolom '${name}' (${what}) ontbreekt in de export.`, `Controleer de kolomnaam in ${edition.file} of exporteer opnieuw met deze vraag.`),
      );
    }
    return i;
  };
  const cellAt = (row: number, col: number) => ({
    file: exp.file,
    line: exp.rowLines[row],
    column: (exp.columns[col]?.index ?? col) + 1,
    columnName: exp.columns[col]?.name,
  });

  const count = exp.rows.length;
  const idCol = need(edition.data.response_id_column, 'ResponseId');
  const finCol = need(edition.data.finished_column, 'Finished');
  const prodCol = need(edition.data.product_column, 'productvraag');
  const segCol = edition.data.segment_column ? need(edition.data.segment_column, 'segment') : -1;

  const responseIds: string[] = new Array(count);
  const finished = new Uint8Array(count);
  const product = new Int16Array(count).fill(-1);
  const segment = new Int16Array(count).fill(-1);
  const seenIds = new Map<string, number>();
  const productByCode = new Map<string, number>();
  edition.products.forEach((p, i) => {
    productByCode.set(String(p.code), i);
    productByCode.set(p.name.toLowerCase(), i);
  });
  const known = edition.products.map((p) => `${p.code} (${p.name})`).join(', ');

  for (let r = 0; r < count; r++) {
    const row = exp.rows[r]!;
    const id = row[idCol] ?? '';
    if (!id) report(problem(cellAt(r, idCol), 'lege ResponseId.', 'Elke respons heeft een ResponseId nodig; exporteer opnieuw.'));
    const earlier = seenIds.get(id);
    if (earlier !== undefined) {
      report(problem(cellAt(r, idCol), `ResponseId ${quoteCell(id)} komt twee keer voor (ook op regel ${exp.rowLines[earlier]}).`, 'Verwijder de dubbele respons.'));
    }
    seenIds.set(id, r);
    responseIds[r] = id;
    const fin = (row[finCol] ?? '').trim().toLowerCase();
    finished[r] = fin === '1' || fin === 'true' ? 1 : 0;
    const pc = (row[prodCol] ?? '').trim();
    if (pc !== '') {
      const pi = productByCode.get(pc) ?? productByCode.get(pc.toLowerCase());
      if (pi === undefined) {
        report(problem(cellAt(r, prodCol), `product ${quoteCell(pc)} staat niet in de editie.`, `Bekende producten: ${known}. Voeg het product toe aan ${edition.file} of corrigeer de data.`));
      } else {
        product[r] = pi;
        const segs = edition.products[pi]!.segments;
        const sc = segCol >= 0 ? (row[segCol] ?? '').trim() : '';
        if (segs.length && sc !== '') {
          const si = segs.findIndex((s) => s.code === sc);
          if (si < 0) report(problem(cellAt(r, segCol), `onbekend segment ${quoteCell(sc)} voor ${edition.products[pi]!.name}.`, `Verwacht een van: ${segs.map((s) => s.code).join(', ')}.`));
          segment[r] = si;
        }
      }
    }
  }

  const answers = new Map<string, Int32Array>();
  const selections = new Map<string, Uint8Array[]>();
  for (const q of questionnaire.questions) {
    if (q.kind === 'multiselect') selections.set(q.key, readSelections(q, exp, need, cellAt, report));
    else answers.set(q.key, readAnswers(q, exp, need(q.column!, q.key), cellAt, report));
  }
  if (problems.length) throw new InputError(problems);
  return { count, responseIds, finished, product, segment, answers, selections };
}

type CellAt = (row: number, col: number) => { file: string; line?: number; column?: number; columnName?: string };

function readAnswers(q: Question, exp: QualtricsExport, col: number, cellAt: CellAt, report: (p: InputProblem) => void): Int32Array {
  const byCell = new Map<string, number>();
  for (const a of q.answers) {
    byCell.set(String(a.code), a.code);
    byCell.set(a.label.toLowerCase(), a.code);
  }
  byCell.set(String(SEEN_UNANSWERED), SEEN_UNANSWERED);
  const expected = q.answers.map((a) => `${a.code} (${a.label})`).join(', ');
  const out = new Int32Array(exp.rows.length);
  const bad = new BadCells(q, cellAt, report);
  for (let r = 0; r < exp.rows.length; r++) {
    const cell = exp.rows[r]![col] ?? '';
    if (cell === '') {
      out[r] = BLANK;
      continue;
    }
    const code = byCell.get(cell) ?? byCell.get(cell.trim().toLowerCase());
    if (code === undefined) {
      bad.add(r, col, cell, (v) => problem(cellAt(r, col), `onbekend antwoord ${v} op vraag '${q.key}'.`, `Verwacht een van: ${expected}, of leeg.`));
      out[r] = BLANK;
    } else out[r] = code;
  }
  bad.flush();
  return out;
}

/**
 * The bad cells of one question, reported after its columns are read: a few wrong codes each with a
 * clipped excerpt; a column that holds typed text (an open question mapped by mistake) once, without
 * any of its values, so no answer leaves the process in an error message.
 */
class BadCells {
  private readonly cells: { row: number; col: number; value: string; make: (quoted: string) => InputProblem }[] = [];
  private total = 0;

  constructor(
    private readonly q: Question,
    private readonly cellAt: CellAt,
    private readonly report: (p: InputProblem) => void,
  ) {}

  add(row: number, col: number, value: string, make: (quoted: string) => InputProblem): void {
    this.total++;
    if (this.cells.length < 1000) this.cells.push({ row, col, value, make });
  }

  flush(): void {
    if (!this.cells.length) return;
    if (looksLikeFreeTextColumn(this.cells.map((c) => c.value))) {
      const first = this.cells[0]!;
      this.report(
        problem(
          this.cellAt(first.row, first.col),
          `${this.total} ${this.total === 1 ? 'cel' : 'cellen'} bij vraag '${this.q.key}' bevatten tekst die geen antwoord op de schaal is; dit lijkt een open tekstveld. De inhoud wordt niet getoond (open antwoorden kunnen persoonsgegevens bevatten).`,
          'Controleer de kolom van deze vraag in de vragenlijst: koppel de vraag aan de kolom met de antwoordcodes, niet aan een tekstveld.',
        ),
      );
      return;
    }
    for (const c of this.cells) this.report(c.make(quoteCell(c.value)));
  }
}

function readSelections(
  q: Question,
  exp: QualtricsExport,
  need: (name: string, what: string) => number,
  cellAt: CellAt,
  report: (p: InputProblem) => void,
): Uint8Array[] {
  const options = q.options ?? [];
  const out = options.map(() => new Uint8Array(exp.rows.length));
  const bad = new BadCells(q, cellAt, report);
  if (q.column) {
    // One combined cell: "1,3" (codes = option positions, 1-based) or the options' labels.
    const col = need(q.column, q.key);
    for (let r = 0; r < exp.rows.length; r++) {
      const cell = (exp.rows[r]![col] ?? '').trim();
      if (cell === '' || cell === String(SEEN_UNANSWERED)) continue;
      for (const part of cell.split(',').map((s) => s.trim()).filter(Boolean)) {
        let oi = /^\d+$/.test(part) ? Number(part) - 1 : options.findIndex((o) => o.label.toLowerCase() === part.toLowerCase());
        if (oi < 0 || oi >= options.length) {
          bad.add(r, col, part, (v) => problem(cellAt(r, col), `onbekende keuze ${v} bij vraag '${q.key}'.`, `Verwacht 1–${options.length} of: ${options.map((o) => o.label).join(', ')}.`));
          oi = -1;
        }
        if (oi >= 0) out[oi]![r] = 1;
      }
    }
    bad.flush();
    return out;
  }
  options.forEach((o, oi) => {
    const col = need(o.column, `${q.key}: ${o.label}`);
    for (let r = 0; r < exp.rows.length; r++) {
      const cell = (exp.rows[r]![col] ?? '').trim();
      if (cell === '' || cell === '0' || cell === String(SEEN_UNANSWERED)) continue;
      if (cell === '1' || cell.toLowerCase() === o.label.toLowerCase()) out[oi]![r] = 1;
      else bad.add(r, col, cell, (v) => problem(cellAt(r, col), `onverwachte waarde ${v} in keuzekolom '${o.label}' van '${q.key}'.`, 'Verwacht 1 (aangevinkt) of leeg.'));
    }
  });
  bad.flush();
  return out;
}
