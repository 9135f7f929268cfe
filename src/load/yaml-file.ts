import { isAbsolute, relative, resolve } from 'node:path';
import type { Document, LineCounter } from 'yaml';
import { yamlLib } from './yaml-lib.ts';
import type { z } from 'zod';
import { InputError, problem, type InputProblem } from './input-error.ts';
import { findOpenItems, openItemProblem, underOpenItem } from './open-items.ts';
import { readInputFile } from './read-input.ts';

/** Limits for every YAML file (edition, questionnaire, narrative, templates): far above real content. */
export const YAML_LIMITS = {
  /** The largest narrative file of 2018 is about 40 kB. */
  maxBytes: 2 * 1024 * 1024,
  /** One text (a paragraph, a question, a title): a long real paragraph is about 1.500 characters. */
  maxStringChars: 20_000,
  /** Aliases (*name) in one file: our content uses none; a few are fine, thousands are an alias bomb. */
  maxAliasCount: 100,
};

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
  const { LineCounter, parseDocument } = yamlLib();
  const lines = new LineCounter();
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    const before = text.slice(0, nul);
    const line = (before.match(/\n/g)?.length ?? 0) + 1;
    throw new InputError(
      problem({ file, line, column: nul - before.lastIndexOf('\n') }, 'het bestand bevat een nul-byte; dit is geen gewone tekst.', 'Verwijder het teken, of sla het bestand opnieuw op als UTF-8-tekst.'),
    );
  }
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
  checkStringLengths(doc, lines, file);
  return { file, doc, lines };
}

function checkStringLengths(doc: Document.Parsed, lines: LineCounter, file: string): void {
  const { isScalar, visit } = yamlLib();
  const problems: InputProblem[] = [];
  visit(doc, {
    Scalar(_key, node) {
      if (!isScalar(node) || typeof node.value !== 'string' || node.value.length <= YAML_LIMITS.maxStringChars) return;
      const pos = node.range ? lines.linePos(node.range[0]) : undefined;
      problems.push(
        problem(
          { file, line: pos?.line, column: pos?.col },
          `deze tekst is te lang: ${node.value.length.toLocaleString('nl-NL')} tekens, de grens is ${YAML_LIMITS.maxStringChars.toLocaleString('nl-NL')}.`,
          'Splits de tekst in alinea\'s of kort hem in; controleer of er niet per ongeluk een heel bestand is geplakt.',
        ),
      );
    },
  });
  if (problems.length) throw new InputError(problems.slice(0, 5));
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
  const { isNode } = yamlLib();
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
  const result = schema.safeParse(toPlain(parsed));
  if (result.success && !open.length) return result.data;
  const problems: InputProblem[] = open.map((item) => openItemProblem(parsed.file, item));
  for (const issue of result.error?.issues ?? []) {
    if (underOpenItem(open, issue.path)) continue;
    const where = issue.path.length ? `bij '${issue.path.join('.')}'` : 'in het bestand';
    problems.push(problem({ file: parsed.file, ...locate(parsed, issue.path) }, `${where}: ${issue.message}.`));
  }
  throw new InputError(problems);
}

/** The document as plain data; an alias bomb (aliases that expand exponentially) is refused. */
export function toPlain(parsed: ParsedYaml): unknown {
  try {
    return parsed.doc.toJS({ maxAliasCount: YAML_LIMITS.maxAliasCount });
  } catch (e) {
    if (!(e instanceof ReferenceError)) throw e;
    const { visit } = yamlLib();
    let first: { line?: number; column?: number } = {};
    visit(parsed.doc, {
      Alias(_key, node) {
        if (node.range) {
          const pos = parsed.lines.linePos(node.range[0]);
          first = { line: pos.line, column: pos.col };
        }
        return visit.BREAK;
      },
    });
    const detail = /Excessive alias count/.test(e.message) ? 'de verwijzingen (*naam) vermenigvuldigen de inhoud tot ver boven wat een editie nodig heeft' : e.message;
    throw new InputError(
      problem({ file: parsed.file, ...first }, `YAML kan niet worden gelezen: ${detail}.`, 'Schrijf de inhoud uit in plaats van met ankers (&naam) en verwijzingen (*naam).'),
    );
  }
}

/** Reads, parses and validates one YAML file. */
export function readYamlFile<S extends z.ZodType>(path: string, schema: S): { data: z.infer<S>; parsed: ParsedYaml } {
  const { text, file } = readYamlText(path);
  return parseYamlText(text, file, schema);
}

/** One YAML file's text, read within the limits, and its name as messages show it. */
export function readYamlText(path: string): { text: string; file: string } {
  const file = displayPath(path);
  return { text: readInputFile(path, file, { maxBytes: YAML_LIMITS.maxBytes, what: 'een YAML-bestand' }).toString('utf8'), file };
}

/** Parses and validates the text of a YAML file (`file`: its name in messages). */
export function parseYamlText<S extends z.ZodType>(text: string, file: string, schema: S): { data: z.infer<S>; parsed: ParsedYaml } {
  const parsed = parseYaml(text, file);
  return { data: validateYaml(parsed, schema), parsed };
}
