import { dirname, resolve } from 'node:path';
import { statSync } from 'node:fs';
import { z } from './zod-nl.ts';
import { InputError, problem } from './input-error.ts';
import { locate, readYamlFile } from './yaml-file.ts';

/** A date that exists on the calendar: 2018-02-30 and 2018-13-45 are refused. */
const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'verwacht een datum als JJJJ-MM-DD')
  .refine(isCalendarDate, 'deze datum bestaat niet (controleer maand en dag; JJJJ-MM-DD)');

export function isCalendarDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Limits far above any real edition (2018: 9 products, 3 segments), so a mistake cannot exhaust memory. */
export const EDITION_LIMITS = { maxProducts: 200, maxSegments: 50 };

const Segment = z
  .object({
    key: z.string().min(1),
    /** Value of the segment column in the export. */
    code: z.union([z.string(), z.number()]).transform(String),
    label: z.string(),
    description: z.string(),
  })
  .strict();

const Product = z
  .object({
    key: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string().min(1),
    /** Answer code of this product in the product question of the export. */
    code: z.number().int(),
    invited: z.number().int().nonnegative(),
    segments: z.array(Segment).max(EDITION_LIMITS.maxSegments).default([]),
  })
  .strict();

export const EditionSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    title: z.string(),
    subtitle: z.string(),
    organisation: z.string(),
    author: z.string(),
    /** Publication date: also the PDF's creation date, so builds are reproducible. */
    published: IsoDate,
    fieldwork: z.object({ from: IsoDate, to: IsoDate }).strict(),
    previous_edition: z.number().int().nullable().default(null),
    questionnaire: z.string().default('questionnaire.yaml'),
    data: z
      .object({
        file: z.string(),
        response_id_column: z.string().default('ResponseId'),
        finished_column: z.string().default('Finished'),
        product_column: z.string(),
        segment_column: z.string().optional(),
      })
      .strict(),
    invited: z.number().int().positive(),
    min_group_size: z.number().int().min(1).default(10),
    rounding: z
      .object({ chart_decimals: z.number().int().min(0).max(3).default(1), text_decimals: z.number().int().min(0).max(3).default(0) })
      .strict()
      .default({ chart_decimals: 1, text_decimals: 0 }),
    /**
     * When the report calls a difference a difference (product against Logius, this year against
     * last year): it must be statistically significant (95 %) AND at least this many points.
     */
    comparison: z
      .object({ min_difference: z.number().min(0).max(100).default(5) })
      .strict()
      .default({ min_difference: 5 }),
    products: z.array(Product).min(1).max(EDITION_LIMITS.maxProducts),
  })
  .strict();

export type Product = z.infer<typeof Product>;
export type Segment = z.infer<typeof Segment>;

export interface Edition extends z.infer<typeof EditionSchema> {
  /** Folder holding edition.yaml; relative paths in the edition resolve against it. */
  dir: string;
  file: string;
  dataPath: string;
  questionnairePath: string;
}

/** Loads `edition.yaml`: products, segments, invited counts, rounding and where the data is. */
export function loadEdition(path: string, dataSource?: { read(dataPath: string): unknown }): Edition {
  const { data, parsed } = readYamlFile(path, EditionSchema);
  const problems = [];
  const at = (...p: (string | number)[]) => ({ file: parsed.file, ...locate(parsed, p) });
  const seen = new Map<string, string>();
  for (const [i, p] of data.products.entries()) {
    for (const id of [`key:${p.key}`, `name:${p.name}`, `code:${p.code}`]) {
      if (seen.has(id)) problems.push(problem(at('products', i), `product '${p.name}' heeft dezelfde ${id.split(':')[0]} als '${seen.get(id)}'.`));
      seen.set(id, p.name);
    }
    if (p.segments.length && !data.data.segment_column) {
      problems.push(problem(at('products', i, 'segments'), `product '${p.name}' heeft segmenten, maar 'data.segment_column' ontbreekt.`));
    }
  }
  if (data.previous_edition !== null && data.previous_edition >= data.year) {
    problems.push(
      problem(
        at('previous_edition'),
        data.previous_edition === data.year
          ? `de vorige editie (${data.previous_edition}) is deze editie zelf.`
          : `de vorige editie (${data.previous_edition}) ligt na deze editie (${data.year}).`,
        `Noem een eerder jaar dan ${data.year}, of laat previous_edition leeg (null).`,
      ),
    );
  }
  if (data.fieldwork.from > data.fieldwork.to) {
    problems.push(problem(at('fieldwork', 'to'), `het veldwerk eindigt (${data.fieldwork.to}) voordat het begint (${data.fieldwork.from}).`, 'Verwissel of corrigeer de datums.'));
  }
  const sumInvited = data.products.reduce((s, p) => s + p.invited, 0);
  if (sumInvited !== data.invited) {
    problems.push(problem(at('invited'), `het totaal aantal uitgenodigden (${data.invited}) is niet de som van de producten (${sumInvited}).`, 'Pas het totaal of de aantallen per product aan.'));
  }
  const dir = dirname(resolve(path));
  const dataPath = resolve(dir, data.data.file);
  const dataProblem = dataSource?.read(dataPath) ? null : dataFileProblem(dataPath);
  if (dataProblem) problems.push(problem(at('data', 'file'), `het databestand '${data.data.file}' ${dataProblem}`, 'Geef het pad van de Qualtrics-export (CSV) op ten opzichte van edition.yaml.'));
  if (problems.length) throw new InputError(problems);
  return { ...data, dir, file: parsed.file, dataPath, questionnairePath: resolve(dir, data.questionnaire) };
}

/** Why the data file cannot be the export, or null: it must exist and be a regular file (not /dev/zero or a FIFO). */
function dataFileProblem(path: string): string | null {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 'bestaat niet.';
  }
  if (stat.isDirectory()) return 'is een map, geen bestand.';
  if (!stat.isFile()) return 'is geen gewoon bestand (maar bijvoorbeeld een apparaat of pipe) en wordt niet gelezen.';
  return null;
}
