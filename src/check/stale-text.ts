import type { NarrativeContent, Snippet } from '../load/content.ts';
import { problem, type InputProblem } from '../load/input-error.ts';
import { allSnippets, maskMustaches, occurrencesBefore, type SourceFiles } from './source.ts';

/**
 * Text that goes stale in the next edition: a year typed by hand ("Vergeleken met 2018") where
 * {{jaar}} or {{vorig_jaar}} would follow the edition, and a paragraph carried over unchanged from
 * the previous edition that still speaks of something new, names a year or a paragraph number
 * ("tot en met paragraaf 2.6"). Warnings: the text may be right, a person has to look.
 */
export interface StaleTextContext {
  narrative: NarrativeContent;
  sources: SourceFiles;
  year: number;
  /** The previous edition: its year and, when it could be read, its narrative. */
  previous: { year: number; narrative: NarrativeContent | null } | null;
}

/** A year from 1950 to 2099 standing on its own: not part of a number, a decimal or a percentage. */
const YEAR = /(?<![\d.,])(19[5-9]\d|20\d\d)(?![\d%]|[.,]\d)/g;
/** "Nieuw is dit jaar …", "nieuw in deze editie", "de nieuwe stelling": not "geen nieuwe respondenten". */
const NEW = /\bnieuw\b|\bnieuwe\s+(?:stellingen?|vragen?|producten?|diensten?|onderdelen?|hoofdstukken?|paragrafen?)\b|\bvoor het eerst\b/gi;
const SECTION_NUMBER = /\b(?:paragra(?:af|fen)|hoofdstuk(?:ken)?)\s+\d+(?:\.\d+)*(?:\s+(?:tot en met|t\/m|en|tot)\s+\d+(?:\.\d+)*)?/gi;

interface Hit {
  at: number;
  text: string;
  /** How the warning names it. */
  what: string;
}

export function checkStaleText(ctx: StaleTextContext): InputProblem[] {
  const out: InputProblem[] = [];
  const carried = ctx.previous?.narrative ? previousParagraphs(ctx.previous.narrative) : null;
  for (const snippet of allSnippets(ctx.narrative)) {
    snippet.paragraphs.forEach((source, index) => {
      const { masked } = maskMustaches(source);
      const years: Hit[] = [...masked.matchAll(YEAR)].map((m) => ({ at: m.index, text: m[0], what: `het jaar ${m[0]}` }));
      const unchanged = carried?.get(placeOf(snippet))?.has(normalise(source)) ?? false;
      if (unchanged) {
        const hits = [
          ...[...masked.matchAll(NEW)].map((m) => ({ at: m.index, text: m[0], what: `'${m[0]}'` })),
          ...years,
          ...[...masked.matchAll(SECTION_NUMBER)].map((m) => ({ at: m.index, text: m[0], what: `'${m[0]}'` })),
        ].sort((a, b) => a.at - b.at);
        if (hits.length) {
          out.push(
            warning(ctx, snippet, index, source, hits[0]!, `deze alinea is ongewijzigd overgenomen uit de editie ${ctx.previous!.year} en noemt ${list(hits.map((h) => h.what))}.`,
              `Controleer of dit in ${ctx.year} nog klopt en pas de zin aan. Schrijf jaren als {{jaar}} of {{vorig_jaar}} en verwijzingen als {{paragraaf "…"}}, dan blijven ze vanzelf juist.`),
          );
          return;
        }
      }
      for (const y of years) out.push(warning(ctx, snippet, index, source, y, `het jaartal ${y.text} staat er als vaste tekst.`, yearHint(Number(y.text), ctx)));
    });
  }
  return out;
}

function yearHint(year: number, ctx: StaleTextContext): string {
  if (year === ctx.year) return 'Schrijf {{jaar}} (het jaar van deze editie): dan klopt de zin ook in een volgende editie.';
  if (ctx.previous && year === ctx.previous.year) return 'Schrijf {{vorig_jaar}} (het jaar van de vorige editie): dan klopt de zin ook in een volgende editie.';
  return `Gaat het om dit jaar of de vorige editie, schrijf dan {{jaar}} of {{vorig_jaar}}; blijft het jaartal in elke editie hetzelfde, schrijf dan {{jaartal ${year}}}.`;
}

function warning(ctx: StaleTextContext, snippet: Snippet, index: number, source: string, hit: Hit, message: string, hint: string): InputProblem {
  const at = ctx.sources.find(snippet, index, hit.text, occurrencesBefore(source, hit.text, hit.at));
  return problem({ file: snippet.file, ...at }, `in tekst '${snippet.key}': ${message}`, hint, 'warning');
}

function list(items: string[]): string {
  const unique = [...new Set(items)];
  return unique.length === 1 ? unique[0]! : `${unique.slice(0, -1).join(', ')} en ${unique.at(-1)!}`;
}

/** Where a snippet lives, the same in every edition: "organisatie.yaml|betrouwbaar". */
function placeOf(s: Snippet): string {
  const file = s.file.replaceAll('\\', '/');
  const rel = file.slice(file.lastIndexOf('narrative/') + 'narrative/'.length);
  return `${rel}|${s.key}`;
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function previousParagraphs(n: NarrativeContent): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const s of allSnippets(n)) out.set(placeOf(s), new Set(s.paragraphs.map(normalise)));
  return out;
}
