import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, parseDocument } from 'yaml';
import { expect } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';
import { buildModel } from '../../src/build.ts';
import { checkEdition } from '../../src/check/check-edition.ts';
import { formatProblem } from '../../src/load/input-error.ts';
import type { Block, ParagraphBlock } from '../../src/model/report-types.ts';
import { completeEdition } from '../check/complete-edition.ts';

export const GUIDE = fileURLToPath(new URL('../../docs/tekst-schrijven.md', import.meta.url));

/**
 * An example in docs/tekst-schrijven.md: a ```yaml block whose first line names the file (and for
 * product texts the product), followed by a ```tekst block (the paragraphs as the report prints
 * them) or a ```melding block (lines that `eindrapport check` prints).
 *
 *   # organisatie.yaml                  the text of Logius as a whole
 *   # product.yaml (Alfa)               a product text, as shown for Alfa
 *   # rapport.yaml, zonder: colofon     …with these keys removed from the file
 *   # organisatie.yaml, vorige editie 2029   …in an edition that compares with 2029
 *   # organisatie.yaml, overgenomen uit 2029 …that compares with 2029, whose file has the same text
 */
export interface GuideExample {
  /** 1-based line of the yaml block in the guide, for test names. */
  line: number;
  file: string;
  product: string | null;
  without: string[];
  /** Header ends in ", vorige editie 2029": the edition compares with a 2029 edition. */
  previous: boolean;
  /** Header ends in ", overgenomen uit 2029": the 2029 edition has the same text (carried over). */
  carried: boolean;
  yaml: string;
  expect: { kind: 'tekst' | 'melding'; lines: string[] };
}

const HEADER = /^# ((?:producten\/)?[\w-]+\.yaml)(?: \(([^)]+)\))?(?:, zonder: ([^,]+(?:, [^,]+)*?))?(, vorige editie 2029|, overgenomen uit 2029)?$/;

export function guideBlocks(markdown: string): { lang: string; body: string; line: number }[] {
  const blocks: { lang: string; body: string; line: number }[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]!); i++) body.push(lines[i]!);
    blocks.push({ lang: open[1]!, body: body.join('\n'), line: start + 1 });
  }
  return blocks;
}

export function guideExamples(markdown = readFileSync(GUIDE, 'utf8')): GuideExample[] {
  const blocks = guideBlocks(markdown);
  const out: GuideExample[] = [];
  blocks.forEach((b, i) => {
    if (b.lang !== 'yaml') return;
    const header = HEADER.exec(b.body.split('\n')[0] ?? '');
    if (!header) throw new Error(`docs/tekst-schrijven.md:${b.line}: a yaml example must start with "# <bestand>.yaml"`);
    const next = blocks[i + 1];
    if (!next || (next.lang !== 'tekst' && next.lang !== 'melding')) {
      throw new Error(`docs/tekst-schrijven.md:${b.line}: a yaml example must be followed by a tekst or melding block`);
    }
    out.push({
      line: b.line,
      file: header[1]!,
      product: header[2] ?? null,
      without: header[3] ? header[3].split(',').map((s) => s.trim()) : [],
      previous: header[4] !== undefined,
      carried: header[4] === ', overgenomen uit 2029',
      yaml: b.body,
      expect: { kind: next.lang as 'tekst' | 'melding', lines: next.body.split('\n').filter((l) => l.trim() !== '') },
    });
  });
  return out;
}

/**
 * Puts the example at the top of its file in a complete copy of the mini edition (so its line
 * numbers are the file's), keeps the file's other texts, and returns what the report prints or
 * what `check` says.
 */
export function runExample(ex: GuideExample): string[] {
  const ed = completeEdition({ previous: ex.previous });
  const name = `narrative/${ex.file}`;
  let exampleKeys: string[] = [];
  const parsed = parseDocument(ex.yaml);
  if (!parsed.errors.length && isMap(parsed.contents)) exampleKeys = parsed.contents.items.map((p) => (isScalar(p.key) ? String(p.key.value) : ''));
  const putExample = (path: string) => {
    const original = parseDocument(existsSync(path) ? readFileSync(path, 'utf8') : '');
    const hasEntries = isMap(original.contents);
    if (hasEntries) for (const k of [...exampleKeys, ...ex.without]) original.delete(k);
    const rest = hasEntries && isMap(original.contents) && original.contents.items.length ? String(original) : '';
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${ex.yaml}\n${rest}`);
  };
  putExample(ed.path(name));
  if (ex.carried) putExample(join(ed.dir, '..', '2029', name));

  if (ex.expect.kind === 'melding') {
    const narrativeDir = ed.path('narrative');
    return checkEdition(ed.edition).problems.map((p) => formatProblem({ ...p, file: relative(narrativeDir, p.file.startsWith('/') ? p.file : `${process.cwd()}/${p.file}`) }));
  }
  const { model } = buildModel(ed.edition);
  const key = exampleKeys[0];
  const found: string[] = [];
  const visit = (blocks: Block[], product: string | null) => {
    for (const b of blocks) {
      if (b.type !== 'paragraph') continue;
      const p = b as ParagraphBlock;
      if (p.source.key === key && p.source.file.endsWith(ex.file) && (ex.product === null || product === ex.product)) found.push(p.text);
    }
  };
  visit(model.colofon, null);
  for (const part of model.parts) {
    visit(part.intro, null);
    for (const c of part.chapters) {
      visit(c.intro, c.product);
      for (const s of c.sections) visit(s.blocks, c.product);
    }
  }
  return found;
}

/** A command line from a guide ("npx eindrapport check --edition 2018"): the command and each option exist. */
export async function expectCommandExists(line: string): Promise<void> {
  const [npx, bin, command, ...rest] = line.split(/\s+/);
  expect([npx, bin]).toEqual(['npx', 'eindrapport']);
  const { stdout: help } = await runCli(command!, '--help');
  expect(help, line).toContain(`Usage: eindrapport ${command}`);
  for (const opt of rest.filter((r) => r.startsWith('--'))) expect(help, line).toContain(opt);
}
