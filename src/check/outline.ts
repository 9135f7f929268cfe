import { join } from 'node:path';
import { ALL, ORGANISATION, type Aggregates } from '../analyse/aggregate-types.ts';
import type { NarrativeContent, Snippet } from '../load/content.ts';
import { wholeOrganisation, type Edition } from '../load/edition.ts';
import type { Questionnaire } from '../load/questionnaire.ts';
import { problem, type InputProblem } from '../load/input-error.ts';
import { displayPath } from '../load/yaml-file.ts';
import { askedIn } from '../model/narrative/helpers.ts';
import type { RenderedParagraph } from '../model/narrative/render-snippet.ts';
import { suggest } from '../model/narrative/suggest.ts';
import type { ReportModel } from '../model/report-types.ts';
import type { SourceFiles } from './source.ts';

export type NarrativeFile = 'rapport.yaml' | 'organisatie.yaml' | 'product.yaml';

/** A place in the report's outline that shows narrative text, and the snippet that fills it. */
export interface Slot {
  /** "paragraaf 1.2 'Vakkundig'" */
  where: string;
  scope: string;
  key: string;
  file: NarrativeFile;
  /** Optional slots may stay empty without a problem. */
  required: boolean;
}

/** Sections that show computed content (a table) even without text. */
const OPTIONAL_METHODOLOGY = new Set(['onderzoeksverantwoording-nauwkeurigheid']);

/** Every place in the report that takes a snippet, in reading order. */
export function outlineSlots(model: ReportModel): Slot[] {
  const slots: Slot[] = [{ where: 'het colofon', scope: ORGANISATION, key: 'colofon', file: 'rapport.yaml', required: true }];
  const report = (where: string, key: string, required = true) => slots.push({ where, scope: ORGANISATION, key, file: 'rapport.yaml', required });
  for (const part of model.parts) {
    if (part.kind === 'organisation') report(`de inleiding van ${part.label ?? 'Deel I'}`, 'deel-organisatie');
    if (part.kind === 'products') report(`de inleiding van ${part.label ?? 'Deel II'}`, 'deel-producten');
    for (const c of part.chapters) {
      const title = `hoofdstuk${c.number !== null ? ` ${c.number}` : ''} '${c.title}'`;
      if (c.kind === 'summary') {
        report(`de ${c.title.toLowerCase()}`, c.textKey ?? 'samenvatting');
        report(`de ${c.title.toLowerCase()} (per product)`, 'samenvatting-producten', false);
        report(`de ${c.title.toLowerCase()} (wat opvalt, onder de tabel per product)`, 'samenvatting-opvallend', false);
      } else if (c.kind === 'introduction') {
        report(`de ${c.title.toLowerCase()}`, c.textKey ?? 'introductie');
      } else if (c.kind === 'values' || c.kind === 'processes') {
        const scope = c.product ?? ORGANISATION;
        const file: NarrativeFile = c.product ? 'product.yaml' : 'organisatie.yaml';
        if (c.textKey) slots.push({ where: `de inleiding van ${title}`, scope, key: c.textKey, file, required: true });
        for (const s of c.sections) {
          if (s.textKey) slots.push({ where: `paragraaf ${s.number ?? ''} '${s.title}'${c.product ? ` bij ${c.product}` : ''}`.replace('  ', ' '), scope, key: s.textKey, file, required: true });
        }
      } else if (c.kind === 'methodology') {
        if (c.textKey) report(`de inleiding van ${title}`, c.textKey);
        for (const s of c.sections) {
          if (s.textKey) report(`paragraaf ${s.number ?? ''} '${s.title}'`, s.textKey, !OPTIONAL_METHODOLOGY.has(s.textKey));
        }
      }
    }
  }
  return slots;
}

export interface OutlineContext {
  edition: Edition;
  questionnaire: Questionnaire;
  aggregates: Aggregates;
  narrative: NarrativeContent;
  sources: SourceFiles;
  /** Override keys already reported by the model build (not in product.yaml). */
  reportedOverrides: Set<Snippet>;
}

/** Sections without narrative, and snippets that no section uses. */
export function checkOutline(model: ReportModel, rendered: RenderedParagraph[], ctx: OutlineContext): InputProblem[] {
  const out: InputProblem[] = [];
  const slots = outlineSlots(model);
  const filled = new Set(rendered.map((p) => `${p.scope}|${p.snippet.key}`));
  const used = new Set(rendered.map((p) => p.snippet));
  const dir = join(ctx.edition.dir, 'narrative');
  const pathOf = (f: NarrativeFile) => displayPath(join(dir, f));

  // Missing: one problem per snippet key, listing every place that lacks it.
  const missing = new Map<string, Slot[]>();
  for (const s of slots) {
    if (!s.required || filled.has(`${s.scope}|${s.key}`)) continue;
    const k = `${s.file}|${s.key}`;
    missing.set(k, [...(missing.get(k) ?? []), s]);
  }
  for (const list of missing.values()) {
    const { file, key } = list[0]!;
    const path = pathOf(file);
    const entries = ctx.sources.topLevelEntries(path);
    const order = [...new Set(slots.filter((s) => s.file === file).map((s) => s.key))];
    const before = order.slice(0, order.indexOf(key)).reverse().find((k) => entries.some((e) => e.key === k));
    const prev = before ? entries.find((e) => e.key === before) : undefined;
    const line = prev ? prev.endLine + 1 : (entries[0]?.line ?? 1);
    const places = list.map((s) => s.where);
    const shown = places.length <= 3 ? places.join(', ') : `${places.slice(0, 2).join(', ')} en ${places.length - 2} andere`;
    out.push(
      problem(
        { file: path, line },
        `geen tekst voor ${shown}.`,
        `Voeg de tekst '${key}:' toe aan ${file}${prev ? `, na '${prev.key}'` : ', bovenaan'}.`,
      ),
    );
  }

  // Unused: snippets that render nowhere.
  const fileKeys = (f: NarrativeFile) => [...new Set(slots.filter((s) => s.file === f).map((s) => s.key))];
  const missingKeys = (f: NarrativeFile) => [...missing.values()].map((l) => l[0]!).filter((s) => s.file === f).map((s) => s.key);
  const unused = (s: Snippet, f: NarrativeFile, product: string | null) => {
    if (used.has(s) || ctx.reportedOverrides.has(s)) return;
    const line = ctx.sources.topLevelEntries(s.file).find((e) => e.key === s.key)?.line ?? s.lines[0];
    const group = ctx.questionnaire.groups.find((g) => g.key === s.key);
    let hint = suggest(s.key, missingKeys(f)) ?? suggest(s.key, fileKeys(f));
    if (!hint && group) {
      hint =
        f === 'product.yaml' && !product
          ? `Geen enkel product heeft een paragraaf '${group.title}': de vragen in die groep zijn niet aan producten gesteld.`
          : `${product ?? wholeOrganisation(ctx.edition)} heeft geen paragraaf '${group.title}': geen van de vragen in die groep is daar gesteld.`;
    }
    hint ??= `Bruikbare sleutels in ${f}: ${fileKeys(f).join(', ')}.`;
    const what = product ? `de tekst '${s.key}' wordt voor ${product} nergens in het rapport gebruikt.` : `de tekst '${s.key}' wordt nergens in het rapport gebruikt.`;
    out.push(problem({ file: s.file, line }, what, hint));
  };
  for (const s of ctx.narrative.report.values()) unused(s, 'rapport.yaml', null);
  for (const s of ctx.narrative.organisation.values()) unused(s, 'organisatie.yaml', null);
  for (const s of ctx.narrative.product.values()) unused(s, 'product.yaml', null);
  for (const [key, overrides] of ctx.narrative.productOverrides) {
    const name = ctx.edition.products.find((p) => p.key === key)?.name ?? key;
    for (const s of overrides.values()) unused(s, 'product.yaml', name);
  }
  return out;
}

/** redenen.yaml: every scope a product (or 'organisatie'), every question asked there. */
export function checkReasons(ctx: OutlineContext): InputProblem[] {
  const out: InputProblem[] = [];
  const scopes = ['organisatie', ...ctx.edition.products.map((p) => p.key)];
  for (const [scopeKey, byQuestion] of ctx.narrative.reasons) {
    const entries = [...byQuestion.values()];
    const file = entries[0]?.file;
    if (!file) continue;
    const product = ctx.edition.products.find((p) => p.key === scopeKey);
    if (scopeKey !== 'organisatie' && !product) {
      const line = ctx.sources.topLevelEntries(file).find((e) => e.key === scopeKey)?.line ?? entries[0]!.line;
      out.push(problem({ file, line }, `onbekend product '${scopeKey}' in de redenen.`, suggest(scopeKey, scopes) ?? `Kies uit: ${scopes.join(', ')}.`));
      continue;
    }
    const scope = product?.name ?? ORGANISATION;
    const label = product?.name ?? wholeOrganisation(ctx.edition);
    for (const [key, entry] of byQuestion) {
      const at = { file: entry.file, line: entry.line };
      const q = ctx.questionnaire.byKey.get(key);
      if (!q) {
        out.push(problem(at, `in de redenen bij '${scopeKey}': onbekende vraag '${key}'.`, suggest(key, [...ctx.questionnaire.byKey.keys()])));
        continue;
      }
      if (!askedIn(q, product?.key ?? null)) {
        out.push(problem(at, `in de redenen bij '${scopeKey}': vraag '${key}' is niet gesteld voor ${label}.`, 'Zet de redenen bij een product dat deze vraag kreeg.'));
        continue;
      }
      const a = ctx.aggregates.get(key, scope, ALL);
      if (!a || a.suppressed) {
        out.push(
          problem(
            at,
            `in de redenen bij '${scopeKey}': de redenen bij '${key}' worden niet getoond: ${
              a?.suppression === 'complementary'
                ? `de cijfers bij ${label} worden weggelaten om een kleinere groep te beschermen`
                : `te weinig respondenten bij ${label} (minder dan ${ctx.edition.min_group_size})`
            }.`,
            undefined,
            'warning',
          ),
        );
      }
    }
  }
  return out;
}
