import { STATUS_NAMES, type ResponseRules } from './edition.ts';
import { problem, type InputLocation, type InputProblem } from './input-error.ts';
import type { QualtricsExport } from './qualtrics/export.ts';
import { ProblemTally } from './problem-tally.ts';
import { quoteCell } from './cell-excerpt.ts';

/**
 * Which rows of an export are responses: the edition's `responses:` rules applied row by row.
 * Every row left out is counted under the first rule that excludes it, so the counts add up.
 */

export type ExclusionReason = 'response-id' | 'status' | 'period' | 'unfinished' | 'progress';

export interface Exclusion {
  reason: ExclusionReason;
  /** For reason 'status': the Status in its text form, e.g. "Survey Preview". */
  status?: string;
  count: number;
}

export interface ResponseSelection {
  /** Data rows in the export. */
  received: number;
  /** Indexes (into exp.rows) of the rows that count, in file order. */
  kept: number[];
  /** 1 when the kept row's respondent finished the questionnaire. */
  finished: Uint8Array;
  excluded: Exclusion[];
  /** Errors (a value that cannot be read) and warnings (a rule that did nothing it could). */
  problems: InputProblem[];
}

export interface ResponseColumns {
  responseId: string;
  status: string;
  finished: string;
  progress: string;
  date: string;
}

/** Where in edition.yaml a rule is written, for messages about it. */
export type RuleLocation = (...path: (string | number)[]) => InputLocation;

const TRUE = new Set(['1', '1.0', '1,0', 'true', 'waar', 'ja', 'yes']);
const FALSE = new Set(['0', '0.0', '0,0', 'false', 'onwaar', 'nee', 'no']);
const FINISHED_FORMS = '1 of 0 (ook 1.0/0.0), true/false, WAAR/ONWAAR of Ja/Nee';

/** Finished as Qualtrics and a Dutch Excel write it; null when it is none of those. */
export function parseFinished(cell: string): 0 | 1 | null {
  const v = cell.trim().toLowerCase();
  if (TRUE.has(v)) return 1;
  if (FALSE.has(v)) return 0;
  return null;
}

/** Progress in percent: "85", "85.5", "85,5", "85%"; null when it is not a number from 0 to 100. */
export function parseProgress(cell: string): number | null {
  const m = /^(\d{1,3})(?:[.,](\d+))?\s*%?$/.exec(cell.trim());
  if (!m) return null;
  const n = Number(`${m[1]}.${m[2] ?? '0'}`);
  return n <= 100 ? n : null;
}

/**
 * A response date as YYYY-MM-DD: ISO ("2019-08-05 09:01:54", "2019-08-05T…") or day first with
 * dashes as a Dutch Excel writes it ("5-8-2019 09:01"). With slashes the order is only known when
 * one part is above 12 ("31/10/2019", "10/31/2019"); "5/8/2019" is ambiguous: null.
 */
export function parseResponseDate(cell: string): string | null {
  const v = cell.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[ T])/.exec(v);
  const dashed = /^(\d{1,2})[-.](\d{1,2})[-.](\d{4})(?:$|\s)/.exec(v);
  const slashed = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:$|\s)/.exec(v);
  let ymd: [string, string, string] | null = null;
  if (iso) ymd = [iso[1]!, iso[2]!, iso[3]!];
  else if (dashed) ymd = [dashed[3]!, dashed[2]!, dashed[1]!];
  else if (slashed) {
    const [a, b] = [Number(slashed[1]), Number(slashed[2])];
    if (a > 12 && b <= 12) ymd = [slashed[3]!, slashed[2]!, slashed[1]!];
    else if (b > 12 && a <= 12) ymd = [slashed[3]!, slashed[1]!, slashed[2]!];
  }
  if (!ymd) return null;
  const [y, m, d] = ymd;
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** The text form of a Status cell ("1" → "Survey Preview"); other text is returned as written. */
export function statusName(cell: string): string {
  const v = cell.trim();
  return STATUS_NAMES[v] ?? STATUS_NAMES[v.replace(/\.0$/, '')] ?? v;
}

const KNOWN_STATUS = new Set(Object.values(STATUS_NAMES).map((s) => s.toLowerCase()));

export function selectResponses(exp: QualtricsExport, rules: ResponseRules, columns: ResponseColumns, ruleAt: RuleLocation): ResponseSelection {
  const problems: InputProblem[] = [];
  const tally = new ProblemTally();
  const index = new Map<string, number>();
  exp.columns.forEach((c, i) => index.set(c.name, i));
  const cellAt = (r: number, col: number): InputLocation => ({
    file: exp.file,
    line: exp.rowLines[r],
    column: (exp.columns[col]?.index ?? col) + 1,
    columnName: exp.columns[col]?.name,
  });
  const column = (name: string, needed: boolean, at: InputLocation, why: string): number => {
    const i = index.get(name);
    if (i === undefined && needed) problems.push(problem(at, `de kolom '${name}' ontbreekt in de export (${exp.file}), maar is nodig ${why}.`, 'Exporteer opnieuw met deze kolom, of pas de kolomnaam onder data: of de regel onder responses: aan.'));
    return i ?? -1;
  };
  const idCol = index.get(columns.responseId) ?? -1;
  const statusCol = index.get(columns.status) ?? -1;
  if (statusCol < 0 && rules.exclude_status.length) {
    problems.push(
      problem(
        { file: exp.file, line: 1 },
        `de export heeft geen kolom '${columns.status}': test- en voorbeeldrijen (Survey Preview, Survey Test) zijn niet te herkennen en tellen mee.`,
        "Exporteer opnieuw met de metagegevens (Status), geef de kolom op als data.status_column, of zet 'exclude_status: []' onder responses: als de export zeker geen testrijen bevat.",
        'warning',
      ),
    );
  }
  const finishedCol = column(columns.finished, true, ruleAt('data', 'finished_column'), 'voor het aantal volledig ingevulde vragenlijsten');
  const progressCol = column(columns.progress, rules.min_progress !== null, ruleAt('responses', 'min_progress'), 'voor responses.min_progress');
  const dateCol = column(columns.date, rules.recorded_between !== null, ruleAt('responses', 'recorded_between'), 'voor responses.recorded_between');

  const excludedStatus = new Set(rules.exclude_status.map((s) => statusName(s).toLowerCase()));
  const dropIds = new Set(rules.drop_response_ids);
  const seenDropIds = new Set<string>();
  const counts = new Map<string, Exclusion>();
  const exclude = (reason: ExclusionReason, status?: string) => {
    const key = `${reason}\u0000${status ?? ''}`;
    const e = counts.get(key);
    if (e) e.count++;
    else counts.set(key, { reason, ...(status !== undefined ? { status } : {}), count: 1 });
  };
  const unknownStatus = new Map<string, number>();
  const kept: number[] = [];
  const finished: number[] = [];
  const period = rules.recorded_between;

  for (let r = 0; r < exp.rows.length; r++) {
    const row = exp.rows[r]!;
    const id = idCol >= 0 ? (row[idCol] ?? '').trim() : '';
    if (dropIds.has(id)) {
      seenDropIds.add(id);
      exclude('response-id');
      continue;
    }
    if (statusCol >= 0) {
      const status = statusName(row[statusCol] ?? '');
      if (excludedStatus.has(status.toLowerCase())) {
        exclude('status', status);
        continue;
      }
      if (status !== '' && !KNOWN_STATUS.has(status.toLowerCase())) unknownStatus.set(status, (unknownStatus.get(status) ?? 0) + 1);
    }
    if (period && dateCol >= 0) {
      const cell = row[dateCol] ?? '';
      const date = parseResponseDate(cell);
      if (date === null) {
        tally.add(`date`, problem(cellAt(r, dateCol), `${quoteCell(cell)} is geen datum.`, 'Verwacht een datum als 2019-08-05 (of 5-8-2019), eventueel met tijd; met schuine strepen is 5/8/2019 dubbelzinnig (dag of maand eerst).'));
        continue;
      }
      if (date < period.from || date > period.to) {
        exclude('period');
        continue;
      }
    }
    let fin: 0 | 1 = 0;
    if (finishedCol >= 0) {
      const cell = row[finishedCol] ?? '';
      const parsed = parseFinished(cell);
      if (parsed === null) {
        tally.add('finished', problem(cellAt(r, finishedCol), `${quoteCell(cell)} is geen waarde voor Finished.`, `Verwacht ${FINISHED_FORMS}.`));
        continue;
      }
      fin = parsed;
    }
    if (rules.finished_only && !fin) {
      exclude('unfinished');
      continue;
    }
    if (progressCol >= 0) {
      // Read wherever the export has it, so a value that is no percentage is refused, not ignored.
      const cell = row[progressCol] ?? '';
      const progress = parseProgress(cell);
      if (progress === null) {
        tally.add('progress', problem(cellAt(r, progressCol), `${quoteCell(cell)} is geen voortgang in procenten.`, 'Verwacht een getal van 0 tot en met 100.'));
        continue;
      }
      if (rules.min_progress !== null && progress < rules.min_progress) {
        exclude('progress');
        continue;
      }
    }
    kept.push(r);
    finished.push(fin);
  }
  problems.push(...tally.problems());
  for (const [status, n] of unknownStatus) {
    problems.push(
      problem(
        { file: exp.file, line: 1, columnName: columns.status },
        `${n} ${n === 1 ? 'rij heeft' : 'rijen hebben'} de onbekende Status ${quoteCell(status)}; ze tellen mee.`,
        'Zet de waarde onder responses.exclude_status als deze rijen niet mogen meetellen.',
        'warning',
      ),
    );
  }
  for (const id of dropIds) {
    if (!seenDropIds.has(id)) {
      problems.push(problem(ruleAt('responses', 'drop_response_ids'), `ResponseId '${id}' staat in drop_response_ids, maar komt niet voor in de export.`, 'Controleer de ResponseId (hoofdlettergevoelig).', 'warning'));
    }
  }
  const order: ExclusionReason[] = ['status', 'response-id', 'period', 'unfinished', 'progress'];
  const excluded = [...counts.values()].sort((a, b) => order.indexOf(a.reason) - order.indexOf(b.reason) || (a.status ?? '').localeCompare(b.status ?? ''));
  return { received: exp.rows.length, kept, finished: Uint8Array.from(finished), excluded, problems };
}

const STATUS_WORDS: Record<string, string> = {
  'Survey Preview': 'voorbeeldweergave (Survey Preview)',
  'Survey Test': 'testantwoord (Survey Test)',
  Spam: 'spam',
  'Offline Survey Preview': 'voorbeeldweergave offline (Offline Survey Preview)',
};

/** "testantwoord (Survey Test)", in the report's words: one phrase per reason. */
export function describeExclusion(e: Exclusion): string {
  switch (e.reason) {
    case 'status':
      return STATUS_WORDS[e.status ?? ''] ?? `Status ${e.status}`;
    case 'response-id':
      return 'uitgesloten ResponseId';
    case 'period':
      return 'buiten de veldwerkperiode';
    case 'unfinished':
      return 'niet afgemaakt';
    case 'progress':
      return 'te weinig ingevuld';
  }
}

/** "2 × Status Survey Preview, 1 × niet afgemaakt". */
export function describeExclusions(list: Exclusion[]): string {
  return list.map((e) => `${e.count} × ${describeExclusion(e)}`).join(', ');
}
