import { join } from 'node:path';
import { formatNumber } from '../../analyse/dutch-number.ts';
import { InputError, problem } from '../../load/input-error.ts';
import { writeFileAtomic } from '../../output/atomic-write.ts';
import { diffModels } from '../../diff/diff-models.ts';
import type { ReportDiff } from '../../diff/diff-types.ts';
import { diffMarkdown } from '../../diff/markdown.ts';
import { diffPdf } from '../../diff/pdf.ts';
import { resolveDiffInputs } from '../../diff/resolve-input.ts';
import { formatThreshold, plural } from '../../diff/format.ts';
import { loadDiffTemplates } from '../../load/diff-templates.ts';

export interface DiffCommandOptions {
  a?: string;
  b?: string;
  revs: string[];
  edition?: string;
  out?: string;
  /** 'pdf' (default): write the PDF; 'md': also print the Markdown on stdout. */
  format: string;
  /** Points; a string as typed ("5", "2,5") or a number. */
  threshold: string | number;
  contentDir?: string;
  outDir?: string;
}

export interface DiffCommandResult {
  diff: ReportDiff;
  pdfPath: string;
  markdown: string;
  seconds: { models: number; diff: number; pdf: number };
}

/**
 * `eindrapport diff`: resolves both sides to report models, diffs them and writes the PDF
 * (atomically). With --format md the Markdown goes to stdout and the other messages to stderr, so
 * the output can be piped.
 */
export async function diffCommand(opts: DiffCommandOptions, print: (s: string) => void, note: (s: string) => void = (s) => process.stderr.write(`${s}\n`)): Promise<DiffCommandResult> {
  const format = opts.format.toLowerCase();
  if (format !== 'pdf' && format !== 'md') {
    throw new InputError(problem({ file: '--format' }, `onbekend formaat '${opts.format}'.`, 'Kies pdf of md.'));
  }
  const threshold = parseThreshold(opts.threshold);
  // The words of the diff (templates/diff.yaml): a mistake there stops before any work, with its line.
  const templates = loadDiffTemplates();
  const t0 = performance.now();
  const { a, b } = resolveDiffInputs({ a: opts.a, b: opts.b, revs: opts.revs, edition: opts.edition, contentDir: opts.contentDir });
  const t1 = performance.now();
  const diff = diffModels(a.model, b.model, { threshold, labels: { a: a.label, b: b.label }, sources: { a: a.source, b: b.source } });
  diff.notes.push(...a.notes, ...b.notes);
  const markdown = diffMarkdown(diff, templates);
  const t2 = performance.now();
  const epoch = process.env.SOURCE_DATE_EPOCH ? Number(process.env.SOURCE_DATE_EPOCH) : undefined;
  const pdf = await diffPdf(diff, { creationDate: epoch !== undefined ? new Date(epoch * 1000) : undefined, templates });
  const pdfPath = opts.out ?? join(opts.outDir ?? 'output', `diff-${slug(a.label)}-${slug(b.label)}.pdf`);
  writeFileAtomic(pdfPath, pdf);
  const t3 = performance.now();

  for (const n of diff.notes) note(`Let op: ${n}`);
  const s = diff.summary;
  const structure = Object.values(s.structure).reduce((n, c) => n + c.added + c.removed + c.renamed, 0);
  const figures = s.figures.changed + s.figures.suppression + s.figures.added + s.figures.removed;
  const words = s.wording.changed + s.wording.added + s.wording.removed;
  const lines = [
    `Verschillen ${a.label} → ${b.label}: ${plural(structure, 'wijziging', 'wijzigingen')} in de structuur, ${plural(figures, 'groep', 'groepen')} met andere cijfers (${formatNumber(s.figures.aboveThreshold)} significant en ${formatThreshold(threshold)} punten of meer), ${plural(words, 'alinea', "alinea's")} met andere tekst.`,
    `  PDF: ${pdfPath} (${formatNumber((t3 - t0) / 1000, 1)} s)`,
  ];
  if (format === 'md') {
    print(markdown);
    for (const l of lines) note(l);
  } else {
    for (const l of lines) print(l);
  }
  return { diff, pdfPath, markdown, seconds: { models: (t1 - t0) / 1000, diff: (t2 - t1) / 1000, pdf: (t3 - t2) / 1000 } };
}

export function parseThreshold(value: string | number): number {
  const n = typeof value === 'number' ? value : Number(value.trim().replace(',', '.'));
  if (!Number.isFinite(n) || n < 0 || (typeof value === 'string' && value.trim() === '')) {
    throw new InputError(problem({ file: '--threshold' }, `'${value}' is geen geldige drempel.`, 'Geef een aantal procentpunten van 0 of meer, bijvoorbeeld 5 of 2,5.'));
  }
  return n;
}

/** Safe in a file name: "HEAD~3" → "HEAD-3". */
function slug(label: string): string {
  return label.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'rapport';
}
