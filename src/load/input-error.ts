/**
 * Errors in the user's input (YAML, CSV, templates) as values with a location. They are created
 * where the input is read and printed once, by the CLI, as plain Dutch sentences — never as a
 * stack trace.
 */
export interface InputLocation {
  file: string;
  /** 1-based line (YAML, templates) or data row (CSV: the line number in the file). */
  line?: number;
  /** 1-based column; for CSV the column number, with its name in `columnName`. */
  column?: number;
  columnName?: string;
}

export interface InputProblem extends InputLocation {
  severity: 'error' | 'warning';
  message: string;
  /** What the user can do about it. */
  hint?: string;
}

export class InputError extends Error {
  readonly problems: InputProblem[];

  constructor(problems: InputProblem[] | InputProblem) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.map(formatProblem).join('\n'));
    this.name = 'InputError';
    this.problems = list;
  }
}

export function problem(
  location: InputLocation,
  message: string,
  hint?: string,
  severity: InputProblem['severity'] = 'error',
): InputProblem {
  return { ...location, severity, message, ...(hint ? { hint } : {}) };
}

/** "content/2018/edition.yaml:12:5: fout: ... Oplossing: ..." — one line per problem, editor-clickable. */
export function formatProblem(p: InputProblem): string {
  let where = p.file;
  if (p.line !== undefined) where += `:${p.line}`;
  if (p.column !== undefined) where += `:${p.column}`;
  const col = p.columnName ? ` (kolom ${p.columnName})` : '';
  const kind = p.severity === 'error' ? 'fout' : 'waarschuwing';
  return `${where}: ${kind}${col}: ${p.message}${p.hint ? ` ${p.hint}` : ''}`;
}
