import { dirname, resolve } from 'node:path';
import { z } from './zod-nl.ts';
import { InputError, problem } from './input-error.ts';
import { inputKind } from './input-tree.ts';
import { locate, readYamlFile } from './yaml-file.ts';
import { previousEditionFile as resolvePreviousEdition } from './edition-file.ts';

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

/** An answer of the product question that names no product of the report (e.g. "Anders"). */
const OrganisationOnlyAnswer = z
  .object({
    /** Answer code in the product column of the export. */
    code: z.number().int(),
    /** The answer as the questionnaire words it; the export's choice text is matched against it too. */
    name: z.string().min(1),
  })
  .strict();

/**
 * Respondents whose product answer is one of these count for the organisation as a whole (Deel I,
 * the response table) and in no product chapter. The response table shows them as one row, `label`.
 */
const OrganisationOnly = z
  .object({
    label: z.string().min(1).default('Overig / geen product'),
    answers: z.array(OrganisationOnlyAnswer).max(EDITION_LIMITS.maxProducts).default([]),
  })
  .strict()
  .default({ label: 'Overig / geen product', answers: [] });

/** Qualtrics' Status values: the numeric export writes the code, the choice-text export the name. */
export const STATUS_NAMES: Record<string, string> = {
  '0': 'IP Address',
  '1': 'Survey Preview',
  '2': 'Survey Test',
  '4': 'Imported',
  '8': 'Spam',
  '9': 'Survey Preview Spam',
  '12': 'Imported Spam',
  '16': 'Offline',
  '17': 'Offline Survey Preview',
};

const ResponsesSchema = z
  .object({
    exclude_status: z
      .array(z.string().min(1))
      .default(['Survey Preview', 'Survey Test', 'Spam', 'Offline Survey Preview', 'Survey Preview Spam', 'Imported Spam'])
      .describe(
        "Rijen met deze Status tellen niet mee (tekstvorm; de numerieke codes 1, 2, 8, 17, 9 en 12 horen bij Survey Preview, Survey Test, Spam, Offline Survey Preview, Survey Preview Spam en Imported Spam). Standaard: alle test-, voorbeeld- en spamrijen.",
      ),
    finished_only: z.boolean().default(false).describe('true: alleen wie de vragenlijst afmaakte (Finished) telt mee.'),
    min_progress: z.number().min(0).max(100).nullable().default(null).describe('Minimale voortgang in procenten (Progress); leeg: geen grens.'),
    recorded_between: z
      .object({ from: IsoDate, to: IsoDate })
      .strict()
      .nullable()
      .default(null)
      .describe('Alleen responsen met een datum (data.date_column) in deze periode, grenzen inbegrepen; leeg: geen grens.'),
    drop_response_ids: z.array(z.string().min(1)).default([]).describe('ResponseIds die niet meetellen, bijvoorbeeld een dubbele of teruggetrokken respons.'),
  })
  .strict()
  .default({
    exclude_status: ['Survey Preview', 'Survey Test', 'Spam', 'Offline Survey Preview', 'Survey Preview Spam', 'Imported Spam'],
    finished_only: false,
    min_progress: null,
    recorded_between: null,
    drop_response_ids: [],
  })
  .describe('Welke rijen van de export als respons meetellen. Elke uitgesloten rij wordt per reden geteld en in het rapport vermeld.');

export type ResponseRules = z.infer<typeof ResponsesSchema>;
export const DEFAULT_RESPONSE_RULES: ResponseRules = ResponsesSchema.parse(undefined);

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
    previous_edition: z
      .union([z.number().int(), z.string().min(1)])
      .nullable()
      .default(null)
      .describe('De editie waarmee dit rapport vergelijkt: een jaar (de map content/<jaar>/ naast deze editie) of een pad naar een edition.yaml of editiemap, ten opzichte van dit bestand. Leeg (null): geen vergelijking.'),
    questionnaire: z.string().default('questionnaire.yaml'),
    data: z
      .object({
        file: z.string(),
        response_id_column: z.string().default('ResponseId'),
        finished_column: z.string().default('Finished'),
        status_column: z.string().default('Status').describe("Kolom met het soort respons (Qualtrics 'Status': IP Address, Survey Preview, …, of de codes 0–17)."),
        progress_column: z.string().default('Progress').describe('Kolom met de voortgang in procenten (Qualtrics Progress).'),
        date_column: z.string().default('RecordedDate').describe('Kolom met de datum van de respons, voor responses.recorded_between.'),
        product_column: z.string(),
        segment_column: z.string().optional(),
      })
      .strict(),
    invited: z.number().int().positive(),
    responses: ResponsesSchema,
    min_group_size: z.number().int().min(1).default(10),
    rounding: z
      .object({
        chart_decimals: z.number().int().min(0).max(3).default(1),
        text_decimals: z.number().int().min(0).max(3).default(0),
        /**
         * Shares a reader adds (a bar's segments, positief/neutraal/negatief in one sentence, the
         * response table's column) are rounded to add up to 100 ('largest-remainder'), or each on
         * its own ('independent'; a note then says where they may not add up).
         */
        shares: z.enum(['largest-remainder', 'independent']).default('largest-remainder'),
      })
      .strict()
      .default({ chart_decimals: 1, text_decimals: 0, shares: 'largest-remainder' }),
    /**
     * When the report calls a difference a difference (product against Logius, this year against
     * last year): it must be statistically significant (95 %) AND at least this many points.
     */
    comparison: z
      .object({ min_difference: z.number().min(0).max(100).default(5) })
      .strict()
      .default({ min_difference: 5 }),
    products: z.array(Product).min(1).max(EDITION_LIMITS.maxProducts),
    organisation_only: OrganisationOnly,
  })
  .strict();

export type Product = z.infer<typeof Product>;
export type Segment = z.infer<typeof Segment>;
export type OrganisationOnlyAnswer = z.infer<typeof OrganisationOnlyAnswer>;

export interface Edition extends z.infer<typeof EditionSchema> {
  /** Folder holding edition.yaml; relative paths in the edition resolve against it. */
  dir: string;
  file: string;
  dataPath: string;
  questionnairePath: string;
  /** Absolute path of the previous edition's file (previous_edition resolved), or null. */
  previousEditionFile: string | null;
}

/**
 * How the report names the organisation as a whole, next to its products: "Logius als geheel".
 * From the edition's `organisation`; the one place that phrase is made.
 */
export function wholeOrganisation(edition: Pick<Edition, 'organisation'>): string {
  return `${edition.organisation} als geheel`;
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
  // An answer is either a product or organisation-only, never both: which it is decides every product figure.
  for (const [i, a] of data.organisation_only.answers.entries()) {
    for (const id of [`code:${a.code}`, `name:${a.name}`]) {
      const [field] = id.split(':');
      const word = field === 'name' ? 'naam' : 'code';
      const other = seen.get(id);
      if (other !== undefined) {
        const isProduct = data.products.some((p) => p.name === other);
        problems.push(
          problem(
            at('organisation_only', 'answers', i, field!),
            isProduct
              ? `antwoord '${a.name}' van de productvraag staat onder organisation_only, maar heeft dezelfde ${word} als product '${other}'.`
              : `antwoord '${a.name}' staat met dezelfde ${word} als '${other}' twee keer onder organisation_only.`,
            isProduct
              ? 'Een antwoord telt óf voor een product (products) óf alleen voor de organisatie als geheel (organisation_only), niet allebei: haal het uit een van beide lijsten of geef de juiste code.'
              : 'Noem elk antwoord één keer.',
          ),
        );
      }
      seen.set(id, a.name);
    }
  }
  if (data.products.some((p) => p.name === data.organisation_only.label)) {
    problems.push(problem(at('organisation_only', 'label'), `de naam '${data.organisation_only.label}' van de groep zonder product is ook de naam van een product.`, 'Kies een naam die geen product is, bijvoorbeeld "Overig / geen product".'));
  }
  if (typeof data.previous_edition === 'number' && data.previous_edition >= data.year) {
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
  // A misspelt Status would silently let the test rows count.
  const statuses = Object.values(STATUS_NAMES);
  data.responses.exclude_status.forEach((st, i) => {
    const known = statuses.find((x) => x.toLowerCase() === st.trim().toLowerCase()) ?? STATUS_NAMES[st.trim()];
    if (!known) problems.push(problem(at('responses', 'exclude_status', i), `'${st}' is geen Status van Qualtrics.`, `Kies uit: ${statuses.join(', ')}.`));
  });
  const sumInvited = data.products.reduce((s, p) => s + p.invited, 0);
  if (sumInvited !== data.invited) {
    problems.push(problem(at('invited'), `het totaal aantal uitgenodigden (${data.invited}) is niet de som van de producten (${sumInvited}).`, 'Pas het totaal of de aantallen per product aan.'));
  }
  const dir = dirname(resolve(path));
  const dataPath = resolve(dir, data.data.file);
  const dataProblem = dataSource?.read(dataPath) ? null : dataFileProblem(dataPath);
  if (dataProblem) problems.push(problem(at('data', 'file'), `het databestand '${data.data.file}' ${dataProblem}`, 'Geef het pad van de Qualtrics-export (CSV) op ten opzichte van edition.yaml.'));
  let previousEditionFile: string | null = null;
  if (data.previous_edition !== null) {
    try {
      previousEditionFile = resolvePreviousEdition(data.previous_edition, path, at('previous_edition'));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      problems.push(...e.problems);
    }
  }
  if (problems.length) throw new InputError(problems);
  return { ...data, dir, file: parsed.file, dataPath, questionnairePath: resolve(dir, data.questionnaire), previousEditionFile };
}

/** Why the data file cannot be the export, or null: it must exist and be a regular file (not /dev/zero or a FIFO). */
function dataFileProblem(path: string): string | null {
  const kind = inputKind(path);
  if (kind === null) return 'bestaat niet.';
  if (kind === 'dir') return 'is een map, geen bestand.';
  if (kind !== 'file') return 'is geen gewoon bestand (maar bijvoorbeeld een apparaat of pipe) en wordt niet gelezen.';
  return null;
}
