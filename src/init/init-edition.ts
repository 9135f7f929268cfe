import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError, problem } from '../load/input-error.ts';
import { findOpenItems } from '../load/open-items.ts';
import { readQualtricsExport } from '../load/qualtrics/read-export.ts';
import type { ExportColumn, QualtricsExport } from '../load/qualtrics/export.ts';
import { readQsf } from '../load/qualtrics/read-qsf.ts';
import { displayPath, parseYaml } from '../load/yaml-file.ts';
import { writeFolderAtomic } from '../output/atomic-folder.ts';
import { draftEdition } from './edition-draft.ts';
import { exportItems, matchText } from './export-items.ts';
import { matchItems, type MatchHow } from './match.ts';
import { narrativeDir, readPreviousEdition, type PreviousEdition } from './previous.ts';
import { draftQuestionnaire } from './questionnaire-draft.ts';

/**
 * `eindrapport init`: a new edition folder from a Qualtrics export, the previous edition and
 * optionally the survey definition (.qsf). Everything that can be known is filled in; the rest is
 * an open item ("TE DOEN: …") that check and build report until a person fills it in.
 */
export interface InitOptions {
  year: number;
  exportFile: string;
  qsfFile?: string;
  /** edition.yaml of the previous edition. */
  previousEditionFile?: string;
  outDir: string;
  force?: boolean;
}

export interface OpenItemLine {
  file: string;
  line: number;
  text: string;
}

export interface InitResult {
  outDir: string;
  files: string[];
  /** What init found: question and product counts, in Dutch. */
  summary: string[];
  /** What it did that a person should check (not open items). */
  notes: string[];
  /** Every open item in the written files, with its place. */
  openItems: OpenItemLine[];
}

const NARRATIVE_SKELETON = ['rapport.yaml', 'organisatie.yaml', 'product.yaml', 'redenen.yaml'];

export function initEdition(opts: InitOptions): InitResult {
  const outDir = resolve(opts.outDir);
  const shownOut = displayPath(outDir);
  if (existsSync(outDir) && !opts.force) {
    throw new InputError(
      problem({ file: shownOut }, 'deze map bestaat al; init schrijft nooit in een bestaande editie.', 'Kies een andere map met --out, of geef --force om de map in zijn geheel te vervangen.'),
    );
  }
  const exportFile = resolve(opts.exportFile);
  let exp = readQualtricsExport(exportFile);
  const qsf = opts.qsfFile ? readQsf(opts.qsfFile) : null;
  const previous = opts.previousEditionFile ? readPreviousEdition(opts.previousEditionFile) : null;
  if (previous && previous.edition.year >= opts.year) {
    throw new InputError(problem({ file: previous.edition.file }, `de vorige editie is van ${previous.edition.year}, niet van voor ${opts.year}.`, 'Kies met --previous een eerdere editie.'));
  }

  const productColumn = previous ? findAgain(exp, previous, previous.edition.data.product_column) : null;
  const segmentName = previous?.edition.data.segment_column;
  if (segmentName && !findAgain(exp, previous!, segmentName) && exp.dropped.some((d) => d.name === segmentName && d.reason === 'free-text')) {
    // A segment code (A, B, C) in a numeric export looks like free text to the importer: ask for it by name.
    exp = readQualtricsExport(exportFile, { keepColumns: new Set([...exp.columns.map((c) => c.name), segmentName]) });
  }
  const segmentColumn = segmentName ? findAgain(exp, previous!, segmentName) : null;
  const reserved = new Set([productColumn?.name, segmentColumn?.name].filter((c): c is string => !!c));
  const { items, skipped } = exportItems(exp, qsf, reserved);
  const matched = matchItems(items, previous?.questions ?? []);
  const questionnaire = draftQuestionnaire({ year: opts.year, exp, items, ...matched, previous });
  const editionFile = join(outDir, 'edition.yaml');
  const edition = draftEdition({ year: opts.year, exp, exportFile, editionFile, previous, qsf, productColumn, segmentColumn });

  const files = new Map<string, string | Uint8Array>([
    ['edition.yaml', `${schemaLine(outDir, 'edition')}${edition.text}`],
    ['questionnaire.yaml', `${schemaLine(outDir, 'questionnaire')}${questionnaire.text}`],
  ]);
  if (previous) {
    const dir = narrativeDir(previous);
    for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
      const m = /^producten[\\/](.+)\.yaml$/.exec(name);
      if (m && edition.removedProducts.includes(m[1]!)) continue;
      const path = join(dir, name);
      if (name.endsWith('.yaml')) files.set(join('narrative', name), readFileSync(path));
    }
  } else {
    for (const name of NARRATIVE_SKELETON) {
      files.set(join('narrative', name), `# Teksten voor het rapport ${opts.year}: zie docs/tekst-schrijven.md. eindrapport check noemt elke tekst die nog ontbreekt.\n{}\n`);
    }
  }
  // What we wrote must read back as YAML: a mistake here is ours, not the user's.
  for (const [name, text] of files) if (typeof text === 'string') parseYaml(text, name);
  writeFolderAtomic(outDir, files, opts.force ?? false);

  const openItems: OpenItemLine[] = [];
  for (const name of [...files.keys()].filter((n) => n.endsWith('.yaml'))) {
    const text = files.get(name)!;
    const parsed = parseYaml(typeof text === 'string' ? text : Buffer.from(text).toString('utf8'), displayPath(join(outDir, name)));
    for (const item of findOpenItems(parsed)) openItems.push({ file: parsed.file, line: item.line, text: item.text });
  }

  const how = (h: MatchHow) => matched.matches.filter((m) => m.how === h).length;
  const summary = [
    `Export: ${displayPath(exportFile)} (${exp.rows.length} rijen, ${exp.values === 'numeric' ? 'antwoordcodes' : 'keuzeteksten'}); ${items.length} vragen en stellingen gevonden.`,
    previous
      ? `Vergeleken met de editie ${previous.edition.year}: ${matched.matches.length} herkend (${how('import-id-and-text')} op ImportId en tekst, ${how('text')} op tekst, ${how('import-id')} op ImportId met andere tekst), ${matched.unmatchedItems.length} nieuw, ${matched.unmatchedPrevious.length} niet meer gesteld.`
      : `Geen vorige editie: alle ${items.length} vragen zijn nieuw opgesteld.`,
    ...(qsf ? [`Vragenlijst: ${displayPath(resolve(opts.qsfFile!))} (${qsf.name || 'zonder naam'}, ${qsf.questions.length} vragen).`] : []),
    ...(productColumn ? [`Producten in kolom ${productColumn.name}: ${edition.products.join(', ') || 'geen'}.`] : []),
  ];
  const notes = [...edition.notes, ...questionnaire.notes, ...skipped.map((s) => `Kolom ${s.name} is overgeslagen: ${s.reason}.`)];
  return { outDir, files: [...files.keys()].map((f) => relative(outDir, join(outDir, f))), summary, notes, openItems };
}

/** First line for editors: VS Code's YAML extension validates and completes with this schema (docs/vragenlijst-en-editie.md). */
function schemaLine(outDir: string, name: string): string {
  const schema = fileURLToPath(new URL(`../../docs/schema/${name}.schema.json`, import.meta.url));
  return `# yaml-language-server: $schema=${relative(outDir, schema).replaceAll('\\', '/')}\n`;
}

/** A column of the previous export (product, segment) found again: by ImportId, text, then name. */
function findAgain(exp: QualtricsExport, previous: PreviousEdition, name: string): ExportColumn | null {
  const before = previous.header.get(name);
  const byId = before?.importId ? exp.columns.filter((c) => c.importId === before.importId) : [];
  if (byId.length === 1) return byId[0]!;
  const byText = before ? exp.columns.filter((c) => matchText(c.text) === matchText(before.text)) : [];
  if (byText.length === 1) return byText[0]!;
  return exp.columns.find((c) => c.name === name) ?? null;
}
