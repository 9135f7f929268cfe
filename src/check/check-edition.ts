import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Aggregates } from '../analyse/aggregate-types.ts';
import { REPORT_TEMPLATES } from '../report-model.ts';
import { loadNarrative, type NarrativeContent, type Snippet } from '../load/content.ts';
import { EditionSchema, loadEdition, type Edition } from '../load/edition.ts';
import { displayPath, readYamlFile } from '../load/yaml-file.ts';
import { themeProblems } from '../model/chart-kinds/theme-colours.ts';
import { THEME_FILE, loadChartTheme } from '../load/chart-theme.ts';
import { InputError, formatProblem, problem, type InputProblem } from '../load/input-error.ts';
import { loadQuestionnaire, type Questionnaire } from '../load/questionnaire.ts';
import { openItemsInFolder } from './open-items.ts';
import { checkStaleText } from './stale-text.ts';
import { loadReportTemplates, type ReportTemplates } from '../load/report-templates.ts';
import { buildReportModel, type ModelInput } from '../model/build-model.ts';
import type { RenderedParagraph } from '../model/narrative/render-snippet.ts';
import type { ReportModel } from '../model/report-types.ts';
import type { ChartKinds } from '../model/chart-kinds/registry.ts';
import { loadPreviousEdition, loadSurveyCached, type SurveyCache } from '../analyse/survey-cache.ts';
import { checkHandTyped } from './hand-typed.ts';
import { surveyWarnings } from '../analyse/survey-warnings.ts';
import { checkOutline, checkReasons } from './outline.ts';
import { checkSnippetSyntax, type SnippetHome } from './snippet-syntax.ts';
import { SourceFiles, allSnippets } from './source.ts';
import { suggest } from '../model/narrative/suggest.ts';

/** templates/report.yaml, as build uses it (not imported from build.ts: that loads the renderer). */

/** Variables a snippet can use when no snippet rendered to tell us (the model build passes these). */
const DEFAULT_VARIABLES = ['product', 'organisatie', 'minimum', 'periode', 'decimalen', 'minimaal_verschil'];

export interface CheckOptions {
  /** Reuse survey and aggregates between checks and builds (watch mode). */
  cache?: SurveyCache;
  templatesFile?: string;
  /** The chart theme (templates/charts/theme.json); tests point it elsewhere. */
  themeFile?: string;
  /** The chart kinds to build with, as `build` is given them; the built-in ones by default. */
  chartKinds?: ChartKinds;
}

export interface CheckResult {
  /** Errors and warnings, by file and line. */
  problems: InputProblem[];
  errors: number;
  warnings: number;
  /** The report model, when the content was complete enough to build it. */
  model: ReportModel | null;
  /** templates/report.yaml as check read it (null when it has mistakes): what a build renders the model with. */
  templates: ReportTemplates | null;
}

/**
 * `eindrapport check`: every problem in an edition's content, without drawing charts or writing
 * the PDF. It runs the same loaders and the same model build as `build` (with every snippet
 * its mistakes returned as values, so every one is reported), and adds what only a
 * check can see: text behind a false {{#if}}, sections without text, unused snippets, and
 * numbers and words typed by hand that the data contradict.
 */
export function checkEdition(editionFile: string, options: CheckOptions = {}): CheckResult {
  const problems: InputProblem[] = [];
  const collect = <T>(fn: () => T): T | null => {
    try {
      return fn();
    } catch (e) {
      if (e instanceof InputError) {
        problems.push(...e.problems);
        return null;
      }
      throw e;
    }
  };

  const loaded = collect(() => loadSurveyCached(editionFile, options.cache));
  if (loaded) problems.push(...surveyWarnings(loaded.survey, loaded.aggregates));
  const edition: Edition | null = loaded?.survey.edition ?? quietly(() => loadEdition(editionFile)) ?? quietly(() => editionWithoutData(editionFile));
  const questionnaire: Questionnaire | null = loaded?.survey.questionnaire ?? (edition ? quietly(() => loadQuestionnaire(edition.questionnairePath, edition.products.map((p) => p.key))) : null);
  const editionDir = edition?.dir ?? dirname(resolve(editionFile));
  const productKeys = edition?.products.map((p) => p.key) ?? overrideFileKeys(editionDir);
  const narrative = collect(() => loadNarrative(editionDir, productKeys));
  const templates = collect(() => loadReportTemplates(options.templatesFile ?? REPORT_TEMPLATES));
  const themeFile = options.themeFile ?? THEME_FILE;
  const theme = collect(() => loadChartTheme(themeFile));
  if (theme && questionnaire) problems.push(...themeProblems(theme, questionnaire, displayPath(themeFile), options.chartKinds));
  const sources = new SourceFiles(narrative ?? undefined);

  let rendered: RenderedParagraph[] = [];
  let model: ReportModel | null = null;
  const reportedOverrides = new Set<Snippet>();
  const previous = loaded ? collect(() => loadPreviousEdition(loaded.survey, options.cache)) : null;
  if (loaded && narrative && templates) {
    const input = { ...loaded.survey, aggregates: loaded.aggregates, narrative, templates, ...(previous ? { previous } : {}), ...(options.chartKinds ? { chartKinds: options.chartKinds } : {}) };
    const built = modelBuild(input);
    // The build reports product texts that can never be shown; they are not also "unused".
    for (const overrides of narrative.productOverrides.values()) for (const s of overrides.values()) if (!narrative.product.has(s.key)) reportedOverrides.add(s);
    problems.push(...built.problems);
    rendered = built.rendered;
    model = built.model;
  }
  if (edition && questionnaire && narrative) {
    // First in the list: for a mistake both see, the syntax check's wording wins (see tidy).
    const variables = rendered.length ? [...new Set(rendered.flatMap((p) => p.variables))] : DEFAULT_VARIABLES;
    const ctx = { edition, questionnaire, variables, sources };
    const syntax: InputProblem[] = [];
    for (const [home, snippets] of snippetHomes(narrative, edition)) {
      for (const s of snippets) syntax.push(...checkSnippetSyntax(s, home, ctx));
    }
    problems.unshift(...syntax);
  }
  if (loaded && narrative && model) {
    const ctx = { edition: loaded.survey.edition, questionnaire: loaded.survey.questionnaire, aggregates: loaded.aggregates, narrative, sources, reportedOverrides };
    problems.push(...checkOutline(model, rendered, ctx));
    problems.push(...checkReasons(ctx));
    problems.push(...checkHandTyped(rendered, { ...ctx, aggregates: loaded.aggregates as Aggregates }));
  }

  if (edition && narrative) {
    problems.push(...checkStaleText({ narrative, sources, year: edition.year, previous: previousNarrative(edition, previous?.year ?? null) }));
  }
  // Every "TE DOEN" left by `eindrapport init`, also in files a failed loader never reached.
  problems.push(...openItemsInFolder(editionDir));

  const list = tidy(problems.map((p) => withSuggestion(refineLine(p, narrative, sources), edition, narrative)));
  const errors = list.filter((p) => p.severity === 'error').length;
  return { problems: list, errors, warnings: list.length - errors, model, templates };
}

function quietly<T>(fn: () => T): T | null {
  try {
    return fn();
  } catch (e) {
    if (e instanceof InputError) return null; // reported by the loader that failed first
    throw e;
  }
}

/**
 * edition.yaml as far as the narrative needs it (products, segments, where the questionnaire is),
 * when the full load fails on something else, such as a missing data file.
 */
function editionWithoutData(editionFile: string): Edition {
  const { data, parsed } = readYamlFile(editionFile, EditionSchema);
  const dir = dirname(resolve(editionFile));
  return { ...data, dir, file: parsed.file, dataPath: resolve(dir, data.data.file), questionnairePath: resolve(dir, data.questionnaire), previousEditionFile: null };
}

/** The previous edition's year and narrative, to see which paragraphs were carried over unchanged. */
function previousNarrative(edition: Edition, year: number | null): { year: number; narrative: NarrativeContent | null } | null {
  if (year === null || !edition.previousEditionFile) return null;
  const dir = dirname(edition.previousEditionFile);
  return { year, narrative: quietly(() => loadNarrative(dir, overrideFileKeys(dir))) };
}

/** When the edition cannot be read, take the product keys from the override files themselves. */
function overrideFileKeys(editionDir: string): string[] {
  const dir = join(editionDir, 'narrative', 'producten');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => basename(f, '.yaml')) : [];
}

/** The real model build, once: the model, every rendered paragraph, every mistake. */
function modelBuild(input: ModelInput): { model: ReportModel | null; rendered: RenderedParagraph[]; problems: InputProblem[] } {
  try {
    const { model, paragraphs, problems } = buildReportModel(input);
    return { model, rendered: paragraphs, problems };
  } catch (e) {
    if (e instanceof InputError) return { model: null, rendered: [], problems: e.problems };
    return { model: null, rendered: [], problems: [internalProblem(e)] };
  }
}

function internalProblem(e: unknown): InputProblem {
  const message = e instanceof Error ? (e.message.split('\n')[0] ?? e.message) : String(e);
  return problem({ file: 'templates/report.yaml' }, `het rapport kan niet worden opgebouwd: ${message}.`, 'Controleer de {{ }}-namen in templates/report.yaml; meld het anders als fout in eindrapport.');
}

function snippetHomes(n: NarrativeContent, edition: Edition): [SnippetHome, Snippet[]][] {
  const homes: [SnippetHome, Snippet[]][] = [
    [{ kind: 'organisation' }, [...n.report.values(), ...n.organisation.values()]],
    [{ kind: 'products' }, [...n.product.values()]],
  ];
  for (const [key, overrides] of n.productOverrides) {
    const product = edition.products.find((p) => p.key === key);
    if (product) homes.push([{ kind: 'override', product }, [...overrides.values()]]);
  }
  return homes;
}

/**
 * A problem the model build found in a paragraph points at the paragraph's first line; move it to
 * the line (and column) of the name it is about, e.g. 'vertrouwn' in "onbekende vraag 'vertrouwn'".
 */
function refineLine(p: InputProblem, narrative: NarrativeContent | null, sources: SourceFiles): InputProblem {
  if (!narrative || p.line === undefined || p.column !== undefined) return p;
  const m = /^in tekst '([^']+)': (?:[^']*'([^']+)')?/.exec(p.message);
  if (!m) return p;
  const snippet = allSnippets(narrative).find((s) => s.file === p.file && s.key === m[1] && s.lines.includes(p.line!));
  if (!snippet) return p;
  const index = snippet.lines.indexOf(p.line);
  if (!m[2]) return { ...p, line: sources.firstTextLine(snippet, index) };
  const at = sources.find(snippet, index, m[2]);
  return { ...p, line: at.line, ...(at.column !== undefined ? { column: at.column } : {}) };
}

/** "Bedoelt u …?" and other advice for mistakes the loader and the model build report without it. */
function withSuggestion(p: InputProblem, edition: Edition | null, narrative: NarrativeContent | null): InputProblem {
  if (/(^|[\\/])narrative[\\/]/.test(p.file) && /verwacht string, ontving object/.test(p.message) && !p.hint) {
    return {
      ...p,
      hint: "Een alinea met een dubbele punt en een spatie (': ') erin leest YAML als een sleutel. Zet '>-' achter het streepje en de tekst op de regels eronder, of zet de alinea tussen aanhalingstekens.",
    };
  }
  const product = /^'([^']+)' is geen product van deze editie/.exec(p.message);
  if (product && edition) {
    const hint = suggest(product[1]!, edition.products.map((x) => x.key));
    return hint ? { ...p, hint: `${hint} ${p.hint ?? ''}`.trim() } : p;
  }
  const override = /^'([^']+)' is geen tekst van product\.yaml/.exec(p.message);
  if (override && narrative) {
    const hint = suggest(override[1]!, [...narrative.product.keys()]);
    return hint ? { ...p, hint: `${hint} ${p.hint ?? ''}`.trim() } : p;
  }
  return p;
}

/** One message per mistake (the build and the syntax check often both see it), sorted by place. */
function tidy(problems: InputProblem[]): InputProblem[] {
  const seen = new Set<string>();
  const byName = new Set<string>();
  const out: InputProblem[] = [];
  // The syntax check's wording first: it knows helper from variable and sees every branch.
  const nameOf = (p: InputProblem) => /^in tekst '[^']+': (?:onbekende? \w+|geen paragraaf voor) '([^']+)'/.exec(p.message)?.[1];
  for (const p of problems) {
    const key = formatProblem(p);
    if (seen.has(key)) continue;
    const name = nameOf(p);
    const nameKey = name ? `${p.file}:${p.line}:${name}` : null;
    if (nameKey && byName.has(nameKey)) continue;
    seen.add(key);
    if (nameKey) byName.add(nameKey);
    out.push(p);
  }
  return out.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
