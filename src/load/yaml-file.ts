import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import { InputError, problem, type InputProblem } from './input-error.ts';
import { findOpenItems, openItemProblem, underOpenItem } from './open-items.ts';

/**
 * A path as the user should see it: relative when it lies inside the working directory (the
 * project), else absolute — never "../../tmp/…", which depends on where the command was run.
 */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : resolve(path);
}

export interface ParsedYaml {
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
}

/** Parses YAML text; syntax errors become an InputError with line and column. */
export function parseYaml(text: string, file: string): ParsedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    // Only the first syntax error: the ones after it are usually its echo.
    throw new InputError(
      doc.errors.slice(0, 1).map((e) => {
        const pos = e.linePos?.[0];
        return problem(
          { file, line: pos?.line, column: pos?.col },
          `YAML kan niet worden gelezen: ${describeYamlError(e.code, e.message)}.`,
          'Controleer inspringing, dubbele punten en aanhalingstekens op deze regel of de regel erboven.',
        );
      }),
    );
  }
  return { file, doc, lines };
}

function describeYamlError(code: string, message: string): string {
  const first = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'een sleutel komt twee keer voor';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return `onverwachte inspringing of ontbrekend teken (${first})`;
    default:
      return first;
  }
}

/** The line and column of the node at `path` (or its nearest existing parent). */
export function locate(parsed: ParsedYaml, path: readonly PropertyKey[]): { line?: number; column?: number } {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = parsed.doc.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) {
      const pos = parsed.lines.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    }
  }
  return {};
}

/**
 * Validates a parsed document against a schema; every issue gets the line of the offending node.
 * Open items ("TE DOEN: …", left by `eindrapport init`) are errors of their own, reported instead
 * of the type mismatch they cause.
 */
export function validateYaml<S extends z.ZodType>(parsed: ParsedYaml, schema: S): z.infer<S> {
  const open = findOpenItems(parsed);
  const result = schema.safeParse(parsed.doc.toJS());
  if (result.success && !open.length) return result.data;
  const problems: InputProblem[] = open.map((item) => openItemProblem(parsed.file, item));
  for (const issue of result.error?.issues ?? []) {
    if (underOpenItem(open, issue.path)) continue;
    const where = issue.path.length ? `bij '${issue.path.join('.')}'` : 'in het bestand';
    problems.push(problem({ file: parsed.file, ...locate(parsed, issue.path) }, `${where}: ${issue.message}.`));
  }
  throw new InputError(problems);
}

/** Reads, parses and validates one YAML file. */
export function readYamlFile<S extends z.ZodType>(path: string, schema: S): { data: z.infer<S>; parsed: ParsedYaml } {
  const file = displayPath(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new InputError(problem({ file }, 'het bestand bestaat niet of kan niet worden gelezen.', 'Controleer de bestandsnaam en het pad.'));
  }
  const parsed = parseYaml(text, file);
  return { data: validateYaml(parsed, schema), parsed };
}
