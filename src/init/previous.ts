import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadEdition, type Edition } from '../load/edition.ts';
import { loadQuestionnaire } from '../load/questionnaire.ts';
import { readQualtricsExport } from '../load/qualtrics/read-export.ts';
import { parseYaml, type ParsedYaml } from '../load/yaml-file.ts';

/**
 * The edition a new one starts from: its files as YAML documents (comments and all, to copy), and
 * for every question what its export said: ImportId and header text, from the questionnaire's
 * `export:` record or else from the header rows of that edition's own export.
 */
export interface PreviousQuestion {
  /** Position in the questionnaire's `questions` list. */
  index: number;
  key: string;
  kind: string;
  group: string;
  scale: string | null;
  column: string | null;
  importId: string | null;
  /** Header text (row 2) of the column; a multi-select: of its first option. */
  text: string | null;
  organisationText: string | null;
  productText: string | null;
  options: PreviousOption[];
}

export interface PreviousOption {
  index: number;
  key: string;
  label: string;
  column: string;
  importId: string | null;
  text: string | null;
}

export interface PreviousEdition {
  edition: Edition;
  /** Folder of edition.yaml. */
  dir: string;
  editionDoc: ParsedYaml;
  questionnaireDoc: ParsedYaml;
  questions: PreviousQuestion[];
  /** Header of the previous export: column name → ImportId and text. */
  header: Map<string, { importId: string | null; text: string }>;
}

interface RawExport {
  import_id?: string;
  text?: string;
}
interface RawQuestion {
  key: string;
  kind: string;
  group: string;
  scale?: string;
  column?: string;
  export?: RawExport;
  text?: { organisation?: string | null; product?: string | null };
  options?: { key: string; label: string; column: string; export?: RawExport }[];
}

export function readPreviousEdition(editionFile: string): PreviousEdition {
  const edition = loadEdition(editionFile);
  // Validates the questionnaire (a broken previous edition is reported, not copied).
  loadQuestionnaire(edition.questionnairePath);
  const editionDoc = parseYaml(readFileSync(editionFile, 'utf8'), edition.file);
  const questionnaireDoc = parseYaml(readFileSync(edition.questionnairePath, 'utf8'), edition.questionnairePath);
  const exp = readQualtricsExport(edition.dataPath);
  const header = new Map<string, { importId: string | null; text: string }>();
  for (const c of [...exp.columns, ...exp.dropped.map((d) => ({ ...d, importId: null }))]) if (!header.has(c.name)) header.set(c.name, { importId: c.importId, text: c.text });
  const raw = (questionnaireDoc.doc.toJS() as { questions: RawQuestion[] }).questions;
  const questions = raw.map((q, index): PreviousQuestion => {
    const h = q.column ? header.get(q.column) : undefined;
    const options = (q.options ?? []).map((o, oi): PreviousOption => {
      const oh = header.get(o.column);
      return { index: oi, key: o.key, label: o.label, column: o.column, importId: o.export?.import_id ?? oh?.importId ?? null, text: o.export?.text ?? oh?.text ?? null };
    });
    return {
      index,
      key: q.key,
      kind: q.kind,
      group: q.group,
      scale: q.scale ?? null,
      column: q.column ?? null,
      importId: q.export?.import_id ?? h?.importId ?? options[0]?.importId ?? null,
      text: q.export?.text ?? h?.text ?? options[0]?.text ?? null,
      organisationText: q.text?.organisation ?? null,
      productText: q.text?.product ?? null,
      options,
    };
  });
  return { edition, dir: dirname(editionFile), editionDoc, questionnaireDoc, questions, header };
}

export function narrativeDir(previous: PreviousEdition): string {
  return join(previous.dir, 'narrative');
}
