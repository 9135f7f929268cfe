import { loadEdition, type Edition } from './edition.ts';
import { loadQuestionnaire, type Question, type Questionnaire } from './questionnaire.ts';
import { parseQualtricsExport, readQualtricsExport } from './qualtrics/read-export.ts';
import type { QualtricsExport } from './qualtrics/export.ts';
import { InputError, problem, type InputProblem } from './input-error.ts';
import { locate, parseYaml, YAML_LIMITS, type ParsedYaml } from './yaml-file.ts';
import { readInputFile } from './read-input.ts';
import { selectResponses, type RuleLocation } from './response-filter.ts';
import { ProblemTally } from './problem-tally.ts';
import { verifyMapping } from './verify-mapping.ts';
import { normalise } from './normalise.ts';
import { BLANK, SEEN_UNANSWERED, type ResponseData } from './responses.ts';
import { looksLikeFreeTextColumn, quoteCell } from './cell-excerpt.ts';

/** Everything the analysis needs about one edition: its description, its questions, its answers. */
export interface Survey {
  edition: Edition;
  questionnaire: Questionnaire;
  responses: ResponseData;
  /** What the load stage noticed but did not stop for (check and build print them). */
  warnings: InputProblem[];
}

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
  const { responses, warnings } = toResponses(exp, edition, questionnaire);
  checkResponseCounts(edition, responses, exp.file);
  return { edition, questionnaire, responses, warnings };
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
  const d = edition.data;
  const cols = new Set<string>([d.response_id_column, d.finished_column, d.product_column]);
  if (d.segment_column) cols.add(d.segment_column);
  // Status, Progress and RecordedDate are metadata, always kept; other names only when a rule needs them.
  if (d.status_column !== 'Status' && edition.responses.exclude_status.length) cols.add(d.status_column);
  if (d.progress_column !== 'Progress' && edition.responses.min_progress !== null) cols.add(d.progress_column);
  if (d.date_column !== 'RecordedDate' && edition.responses.recorded_between !== null) cols.add(d.date_column);
  for (const q of questionnaire.questions) {
    if (q.column) cols.add(q.column);
    for (const o of q.options ?? []) cols.add(o.column);
  }
  return cols;
}

/** Where a rule of edition.yaml is written (its line), for messages about that rule. */
function ruleLocator(edition: Edition): RuleLocation {
  let parsed: ParsedYaml | null = null;
  return (...path) => {
    try {
      parsed ??= parseYaml(readInputFile(edition.file, edition.file, { maxBytes: YAML_LIMITS.maxBytes, what: 'een YAML-bestand' }).toString('utf8'), edition.file);
      return { file: edition.file, ...locate(parsed, path) };
    } catch {
      return { file: edition.file };
    }
  };
}

/** Maps the export's cells to answer codes, reporting every bad cell with its row and column. */
export function toResponses(exp: QualtricsExport, edition: Edition, questionnaire: Questionnaire): { responses: ResponseData; warnings: InputProblem[] } {
  const d = edition.data;
  const selection = selectResponses(
    exp,
    edition.responses,
    { responseId: d.response_id_column, status: d.status_column, finished: d.finished_column, progress: d.progress_column, date: d.date_column },
    ruleLocator(edition),
  );
  const problems: InputProblem[] = selection.problems.filter((p) => p.severity === 'error');
  const warnings: InputProblem[] = selection.problems.filter((p) => p.severity === 'warning');
  const tally = new ProblemTally();
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
  // A column that holds another question is reported together with what reading it finds.
  problems.push(...verifyMapping(exp, questionnaire));

  const rows = selection.kept.map((r) => exp.rows[r]!);
  const rowLines = selection.kept.map((r) => exp.rowLines[r]!);
  const kept: QualtricsExport = { ...exp, rows, rowLines };
  const count = rows.length;
  const idCol = need(d.response_id_column, 'ResponseId');
  const prodCol = need(d.product_column, 'productvraag');
  const segCol = d.segment_column ? need(d.segment_column, 'segment') : -1;
  const keptCellAt = (row: number, col: number) => cellAt(selection.kept[row]!, col);

  const responseIds: string[] = new Array(count);
  const product = new Int16Array(count).fill(-1);
  const segment = new Int16Array(count).fill(-1);
  const seenIds = new Map<string, number>();
  const productByCode = new Map<string, number>();
  edition.products.forEach((p, i) => {
    productByCode.set(String(p.code), i);
    productByCode.set(normalise(p.name), i);
  });
  // Answers that name no product of the report: the respondent counts for the organisation only.
  const organisationOnly = new Set<string>();
  for (const a of edition.organisation_only.answers) {
    organisationOnly.add(String(a.code));
    organisationOnly.add(normalise(a.name));
  }
  const known = edition.products.map((p) => `${p.code} (${p.name})`).join(', ');
  const knownOther = edition.organisation_only.answers.map((a) => `${a.code} (${a.name})`).join(', ');
  let unanswered = 0;
  let firstUnanswered = -1;

  for (let r = 0; r < count; r++) {
    const row = rows[r]!;
    const id = row[idCol] ?? '';
    if (!id) tally.add('id-empty', problem(keptCellAt(r, idCol), 'lege ResponseId.', 'Elke respons heeft een ResponseId nodig; exporteer opnieuw.'));
    const earlier = seenIds.get(id);
    if (earlier !== undefined) {
      tally.add('id-twice', problem(keptCellAt(r, idCol), `ResponseId ${quoteCell(id)} komt twee keer voor (ook op regel ${rowLines[earlier]}).`, 'Verwijder de dubbele respons of zet één ervan onder responses.drop_response_ids.'));
    }
    seenIds.set(id, r);
    responseIds[r] = id;
    const pc = (row[prodCol] ?? '').trim();
    if (pc === '') {
      unanswered++;
      if (firstUnanswered < 0) firstUnanswered = r;
    } else if (!organisationOnly.has(pc) && !organisationOnly.has(normalise(pc))) {
      const pi = productByCode.get(pc) ?? productByCode.get(normalise(pc));
      if (pi === undefined) {
        tally.add(
          `product:${pc}`,
          problem(
            keptCellAt(r, prodCol),
            `product ${quoteCell(pc)} staat niet in de editie.`,
            `Bekende producten: ${known}${knownOther ? `; alleen voor de organisatie: ${knownOther}` : ''}. Voeg het antwoord toe aan ${edition.file} — onder products als het een product met een eigen hoofdstuk is, onder organisation_only.answers als het alleen voor de organisatie als geheel telt — of corrigeer de data.`,
          ),
        );
      } else {
        product[r] = pi;
        const segs = edition.products[pi]!.segments;
        const sc = segCol >= 0 ? (row[segCol] ?? '').trim() : '';
        if (segs.length && sc !== '') {
          const si = segs.findIndex((s) => s.code === sc);
          if (si < 0) tally.add(`segment:${pi}`, problem(keptCellAt(r, segCol), `onbekend segment ${quoteCell(sc)} voor ${edition.products[pi]!.name}.`, `Verwacht een van: ${segs.map((s) => s.code).join(', ')}.`));
          segment[r] = si;
        }
      }
    }
  }

  if (unanswered > 0) {
    // Not a guess at a product: they count for the organisation only, and the reader is told.
    warnings.push(
      problem(
        keptCellAt(firstUnanswered, prodCol),
        `${unanswered === 1 ? '1 respondent beantwoordde' : `${unanswered} respondenten beantwoordden`} de productvraag niet (lege cel; de eerste op deze regel); zij tellen alleen voor ${edition.organisation} als geheel, in de rij '${edition.organisation_only.label}' van de responstabel.`,
        `Controleer de export (is de productvraag verplicht?), of zet deze rijen onder responses.drop_response_ids als ze niet mogen meetellen.`,
        'warning',
      ),
    );
  }

  const answers = new Map<string, Int32Array>();
  const selections = new Map<string, Uint8Array[]>();
  const ctx: ReadContext = { exp: kept, questionnaire, need, cellAt: keptCellAt, tally };
  for (const q of questionnaire.questions) {
    if (q.kind === 'multiselect') selections.set(q.key, readSelections(q, ctx));
    else answers.set(q.key, readAnswers(q, ctx, need(q.column!, q.key)));
  }
  if (problems.length || tally.size) throw new InputError([...problems, ...tally.problems(), ...warnings]);
  const responses: ResponseData = {
    count,
    received: selection.received,
    excluded: selection.excluded,
    responseIds,
    finished: selection.finished,
    product,
    segment,
    answers,
    selections,
  };
  return { responses, warnings };
}

interface ReadContext {
  exp: QualtricsExport;
  questionnaire: Questionnaire;
  need: (name: string, what: string) => number;
  cellAt: CellAt;
  tally: ProblemTally;
}

type CellAt = (row: number, col: number) => { file: string; line?: number; column?: number; columnName?: string };

/** "fixtures/x.csv:5:19": where in the export a mapped cell is (its column name is in the problem). */
function exportPlace(at: ReturnType<CellAt>): string {
  return `${at.file}:${at.line}:${at.column}`;
}

/** A mapping problem is reported at the questionnaire.yaml line to change; the export's place is in the message. */
function mappingProblem(ctx: ReadContext, line: number | undefined, at: ReturnType<CellAt>, message: string, hint: string) {
  return problem({ file: ctx.questionnaire.file, ...(line !== undefined ? { line } : {}), columnName: at.columnName }, `${exportPlace(at)}: ${message}`, hint);
}

function readAnswers(q: Question, ctx: ReadContext, col: number): Int32Array {
  const { exp, cellAt } = ctx;
  const byCell = new Map<string, number>();
  for (const a of q.answers) {
    byCell.set(String(a.code), a.code);
    for (const text of [a.label, ...a.export_texts]) byCell.set(normalise(text), a.code);
  }
  byCell.set(String(SEEN_UNANSWERED), SEEN_UNANSWERED);
  const expected = q.answers.map((a) => `${a.code} (${a.label})`).join(', ');
  const scaleLine = q.scale ? ctx.questionnaire.scaleLines[q.scale]?.line : undefined;
  const out = new Int32Array(exp.rows.length);
  const bad = new BadCells(q, ctx, q.source.columnLine);
  for (let r = 0; r < exp.rows.length; r++) {
    const cell = exp.rows[r]![col] ?? '';
    if (cell === '') {
      out[r] = BLANK;
      continue;
    }
    const code = byCell.get(cell) ?? byCell.get(normalise(cell)) ?? byCell.get(cell.trim().replace(/\.0$/, ''));
    if (code === undefined) {
      bad.add(`answer:${q.key}`, r, col, cell, (at, v) =>
        mappingProblem(
          ctx,
          q.source.columnLine,
          at,
          `onbekend antwoord ${v} op vraag '${q.key}'.`,
          `Verwacht ${expected} of leeg; een andere tekst voor een van deze antwoorden hoort onder export_texts in schaal '${q.scale ?? ''}'${scaleLine ? ` (regel ${scaleLine})` : ''}.`,
        ),
      );
      out[r] = BLANK;
    } else out[r] = code;
  }
  bad.flush();
  return out;
}

/**
 * The bad cells of one question, reported after its columns are read: wrong codes with a clipped
 * excerpt, summarised per kind ("… en nog 312 keer"); a column that holds typed text (an open
 * question mapped by mistake) once, without any of its values, so no answer leaves the process.
 */
class BadCells {
  private readonly cells: { kind: string; row: number; col: number; value: string; make: (at: ReturnType<CellAt>, quoted: string) => InputProblem }[] = [];
  private total = 0;

  constructor(
    private readonly q: Question,
    private readonly ctx: ReadContext,
    private readonly line: number | undefined,
  ) {}

  add(kind: string, row: number, col: number, value: string, make: (at: ReturnType<CellAt>, quoted: string) => InputProblem): void {
    this.total++;
    if (this.cells.length < 1000) this.cells.push({ kind, row, col, value, make });
    else this.ctx.tally.add(kind, make(this.ctx.cellAt(row, col), quoteCell(value)));
  }

  flush(): void {
    if (!this.cells.length) return;
    const { ctx } = this;
    if (looksLikeFreeTextColumn(this.cells.map((c) => c.value))) {
      const first = this.cells[0]!;
      ctx.tally.add(
        `free-text:${this.q.key}`,
        mappingProblem(
          ctx,
          this.line,
          ctx.cellAt(first.row, first.col),
          `${this.total} ${this.total === 1 ? 'cel' : 'cellen'} bij vraag '${this.q.key}' bevatten tekst die geen antwoord op de schaal is; dit lijkt een open tekstveld. De inhoud wordt niet getoond (open antwoorden kunnen persoonsgegevens bevatten).`,
          'Controleer de kolom van deze vraag in de vragenlijst: koppel de vraag aan de kolom met de antwoordcodes, niet aan een tekstveld.',
        ),
      );
      return;
    }
    for (const c of this.cells) ctx.tally.add(c.kind, c.make(ctx.cellAt(c.row, c.col), quoteCell(c.value)));
  }
}

function readSelections(q: Question, ctx: ReadContext): Uint8Array[] {
  const { exp, need } = ctx;
  const options = q.options ?? [];
  const out = options.map(() => new Uint8Array(exp.rows.length));
  const texts = options.map((o) => new Set([o.label, ...o.export_texts].map(normalise)));
  const bad = new BadCells(q, ctx, q.source.columnLine);
  if (q.column) {
    // One combined cell: "1,3" (codes = option positions, 1-based) or the options' labels.
    const col = need(q.column, q.key);
    for (let r = 0; r < exp.rows.length; r++) {
      const cell = (exp.rows[r]![col] ?? '').trim();
      if (cell === '' || cell === String(SEEN_UNANSWERED)) continue;
      for (const part of cell.split(',').map((s) => s.trim()).filter(Boolean)) {
        const oi = /^\d+$/.test(part) ? Number(part) - 1 : texts.findIndex((t) => t.has(normalise(part)));
        if (oi < 0 || oi >= options.length) {
          bad.add(`choice:${q.key}`, r, col, part, (at, v) =>
            mappingProblem(ctx, q.source.columnLine, at, `onbekende keuze ${v} bij vraag '${q.key}'.`, `Verwacht 1–${options.length} of: ${options.map((o) => o.label).join(', ')}; zet een andere keuzetekst onder export_texts van de bedoelde optie.`),
          );
        } else out[oi]![r] = 1;
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
      if (cell === '1' || texts[oi]!.has(normalise(cell))) out[oi]![r] = 1;
      else {
        bad.add(`choice:${q.key}:${o.key}`, r, col, cell, (at, v) =>
          mappingProblem(
            ctx,
            q.source.options[oi]?.line,
            at,
            `onverwachte waarde ${v} in keuzekolom '${o.label}' van '${q.key}'.`,
            `Verwacht 1 of '${o.label}' (aangevinkt) of leeg; staat er een andere keuzetekst, zet die dan onder export_texts van deze optie, of controleer of de kolom bij deze optie hoort.`,
          ),
        );
      }
    }
  });
  bad.flush();
  return out;
}
