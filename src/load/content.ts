import { join, basename } from 'node:path';
import { z } from './zod-nl.ts';
import { locate, parseYamlText, readYamlFile, readYamlText, type ParsedYaml } from './yaml-file.ts';
import { InputError, problem, type InputProblem } from './input-error.ts';
import { inputKind, listInputDir } from './input-tree.ts';
import { memoOnDisk } from './input-memo.ts';

/**
 * Narrative content: YAML files of snippets, each snippet a list of paragraphs written as
 * Handlebars templates. Editors change text here and never touch code.
 *
 *   narrative/rapport.yaml       colofon, samenvatting, introductie, deel intros, onderzoeksverantwoording
 *   narrative/organisatie.yaml   Deel I: chapter intros and one snippet per value / work process
 *   narrative/product.yaml       Deel II, generic for every product (same keys as organisatie.yaml)
 *   narrative/producten/<key>.yaml  a product's own version of any product.yaml snippet
 *   narrative/redenen.yaml       curated reasons lists (never raw open answers)
 */
const Paragraphs = z.array(z.string().min(1)).min(1);
const SnippetFile = z.record(z.string(), Paragraphs);

const ReasonsList = z.object({ inleiding: z.string().min(1), redenen: z.array(z.string().min(1)).min(1) }).strict();
/** scope ('organisatie' or a product key) → question key → list */
const ReasonsFile = z.record(z.string(), z.record(z.string(), ReasonsList));

export interface Snippet {
  file: string;
  key: string;
  paragraphs: string[];
  /** 1-based line of each paragraph, for error messages. */
  lines: number[];
}

export interface ReasonsEntry {
  file: string;
  key: string;
  line: number;
  lead: string;
  items: string[];
}

export interface NarrativeContent {
  report: Map<string, Snippet>;
  organisation: Map<string, Snippet>;
  product: Map<string, Snippet>;
  /** product key → snippet key → snippet */
  productOverrides: Map<string, Map<string, Snippet>>;
  /** 'organisatie' or product key → question key → reasons */
  reasons: Map<string, Map<string, ReasonsEntry>>;
}

function snippetsOf(path: string): Map<string, Snippet> {
  const { text, file } = readYamlText(path);
  const key = `${path}\0${file}`;
  const known = madeSnippets.get(key);
  if (known?.text === text) return new Map(known.snippets);
  const { data, parsed } = parseYamlText(text, file, SnippetFile);
  const snippets = new Map(Object.entries(data).map(([k, paragraphs]) => [k, toSnippet(parsed, k, paragraphs)]));
  if (madeSnippets.size >= SNIPPET_FILES_KEPT) madeSnippets.clear();
  madeSnippets.set(key, { text, snippets });
  return new Map(snippets);
}

/**
 * The snippets of each narrative file as last made in this process, by path and text. `watch`
 * checks after every save, when all narrative files but one are unchanged; parsing them all again
 * cost ≈ 30 ms a rebuild. The file is still read every time (and so recorded as an input); only
 * snippets made without a mistake are kept. Snippets are plain data that nothing changes.
 */
const madeSnippets = new Map<string, { text: string; snippets: Map<string, Snippet> }>();
const SNIPPET_FILES_KEPT = 256;

function toSnippet(parsed: ParsedYaml, key: string, paragraphs: string[]): Snippet {
  return { file: parsed.file, key, paragraphs, lines: paragraphs.map((_, i) => locate(parsed, [key, i]).line ?? 1) };
}

/** Loads every narrative file of an edition; problems in several files are reported together. */
export function loadNarrative(editionDir: string, productKeys: string[]): NarrativeContent {
  // Kept on disk from an earlier run while every file read (and the folder of product files) is the same.
  return memoOnDisk('verhaal', editionDir, productKeys.join('\0'), () => readNarrative(editionDir, productKeys));
}

function readNarrative(editionDir: string, productKeys: string[]): NarrativeContent {
  const dir = join(editionDir, 'narrative');
  const problems: InputProblem[] = [];
  const attempt = <T>(fn: () => T, fallback: T): T => {
    try {
      return fn();
    } catch (e) {
      if (e instanceof InputError) {
        problems.push(...e.problems);
        return fallback;
      }
      throw e;
    }
  };
  const required = (name: string) => attempt(() => snippetsOf(join(dir, name)), new Map<string, Snippet>());
  const report = required('rapport.yaml');
  const organisation = required('organisatie.yaml');
  const product = required('product.yaml');
  const productOverrides = new Map<string, Map<string, Snippet>>();
  const overridesDir = join(dir, 'producten');
  if (inputKind(overridesDir) === 'dir') {
    for (const name of listInputDir(overridesDir).filter((f) => f.endsWith('.yaml')).sort()) {
      const key = basename(name, '.yaml');
      const file = join(overridesDir, name);
      if (!productKeys.includes(key)) {
        problems.push(problem({ file }, `'${key}' is geen product van deze editie.`, `Noem het bestand naar een productsleutel: ${productKeys.join(', ')}.`));
        continue;
      }
      productOverrides.set(key, attempt(() => snippetsOf(file), new Map()));
    }
  }
  const reasons = attempt(() => loadReasons(join(dir, 'redenen.yaml')), new Map());
  if (problems.length) throw new InputError(problems);
  return { report, organisation, product, productOverrides, reasons };
}

function loadReasons(path: string): Map<string, Map<string, ReasonsEntry>> {
  const { data, parsed } = readYamlFile(path, ReasonsFile);
  return new Map(
    Object.entries(data).map(([scope, byQuestion]) => [
      scope,
      new Map(
        Object.entries(byQuestion).map(([q, r]) => [
          q,
          { file: parsed.file, key: `${scope}.${q}`, line: locate(parsed, [scope, q]).line ?? 1, lead: r.inleiding, items: r.redenen },
        ]),
      ),
    ]),
  );
}
