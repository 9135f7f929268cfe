import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Imports point down the pipeline only: load → analyse → model → render → build. The tools on top
 * (check, diff, watch, cli, …) may use everything below them and each other, but nothing imports
 * cli/ from outside it, and no stage imports a tool or a later stage (type-only imports included).
 */
const SRC = fileURLToPath(new URL('../src/', import.meta.url));

/** Rank of each top-level folder or file of src/: an import may go to the same rank or lower. */
const RANK: Record<string, number> = {
  load: 0,
  analyse: 1,
  model: 2,
  'report-model.ts': 2,
  render: 3,
  output: 3,
  'build.ts': 4,
};
/** Consumers at the top. A new top-level folder must be placed here or in RANK. */
const TOOLS = new Set(['check', 'diff', 'watch', 'cli', 'preview', 'init', 'docs']);
const TOP = 5;

function rank(unit: string): number | undefined {
  return RANK[unit] ?? (TOOLS.has(unit) ? TOP : undefined);
}

/** Relative module specifiers of static imports, re-exports, side-effect and dynamic imports. */
function importSpecifiers(text: string): string[] {
  const re = /(?:^|[\s;}])(?:import|export)\s(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
  return [...text.matchAll(re)].map((m) => (m[1] ?? m[2])!);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The top-level unit of src/ a path lies in ('load', 'build.ts', …), or undefined outside src/. */
function unitOf(path: string): string | undefined {
  const rel = relative(SRC, path);
  if (rel.startsWith('..')) return undefined;
  return rel.split(sep)[0];
}

/** "from → to" for each import that points back up the pipeline or into cli/ from outside. */
function backImports(edges: { from: string; to: string }[]): string[] {
  const bad: string[] = [];
  for (const { from, to } of edges) {
    const a = unitOf(from);
    const b = unitOf(to);
    if (a === undefined || b === undefined || a === b) continue;
    const ra = rank(a);
    const rb = rank(b);
    const show = `${relative(SRC, from)} → ${relative(SRC, to)}`;
    if (ra === undefined || rb === undefined) bad.push(`${show} (onbekende plaats in de pijplijn: zet de map in RANK of TOOLS)`);
    else if (b === 'cli') bad.push(`${show} (niets buiten cli/ importeert cli/)`);
    else if (rb > ra) bad.push(`${show} (wijst terug de pijplijn in)`);
  }
  return bad;
}

function edgesOf(files: string[]): { from: string; to: string }[] {
  return files.flatMap((from) =>
    importSpecifiers(readFileSync(from, 'utf8'))
      .filter((s) => s.startsWith('.'))
      .map((s) => ({ from, to: resolve(dirname(from), s) })),
  );
}

describe('import direction in src/', () => {
  it('every import points down the pipeline (load ← analyse ← model ← render ← build ← tools)', () => {
    const edges = edgesOf(sourceFiles(SRC));
    expect(edges.length).toBeGreaterThan(300);
    expect(backImports(edges)).toEqual([]);
  });

  it('finds static, type-only, multi-line, re-export, side-effect and dynamic imports', () => {
    const text = [
      "import { a } from './a.ts';",
      "import type { B } from '../b.ts';",
      'import {\n  c,\n  d,\n} from "./c.ts";',
      "export { e } from './e.ts';",
      "import './side.ts';",
      "const m = await import('./lazy.ts');",
      "const s = 'from here'; // not an import",
    ].join('\n');
    expect(importSpecifiers(text)).toEqual(['./a.ts', '../b.ts', './c.ts', './e.ts', './side.ts', './lazy.ts']);
  });

  it('flags an import back up the pipeline, into cli/, or from an unplaced folder', () => {
    const at = (p: string) => join(SRC, p);
    expect(
      backImports([
        { from: at('load/survey.ts'), to: at('analyse/aggregate.ts') },
        { from: at('report-model.ts'), to: at('render/pdf/document.ts') },
        { from: at('model/build-model.ts'), to: at('watch/survey-cache.ts') },
        { from: at('diff/resolve-input.ts'), to: at('cli/editions.ts') },
        { from: at('somewhere/new.ts'), to: at('load/survey.ts') },
        { from: at('check/check-edition.ts'), to: at('report-model.ts') },
        { from: at('watch/rebuilder.ts'), to: at('check/check-edition.ts') },
        { from: at('render/json.ts'), to: at('model/report-types.ts') },
      ]),
    ).toEqual([
      'load/survey.ts → analyse/aggregate.ts (wijst terug de pijplijn in)',
      'report-model.ts → render/pdf/document.ts (wijst terug de pijplijn in)',
      'model/build-model.ts → watch/survey-cache.ts (wijst terug de pijplijn in)',
      'diff/resolve-input.ts → cli/editions.ts (niets buiten cli/ importeert cli/)',
      'somewhere/new.ts → load/survey.ts (onbekende plaats in de pijplijn: zet de map in RANK of TOOLS)',
    ]);
  });
});
