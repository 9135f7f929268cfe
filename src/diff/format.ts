import { formatNumber } from '../analyse/dutch-number.ts';
import type { DiffSide, FigureChange, FigureSide, ReportDiff, StructureChange, StructureLevel, WordPart, WordingChange } from './diff-types.ts';

/** Dutch wording shared by the Markdown and the PDF of a diff. */

const MINUS = '\u2212';

/** Points with a sign and one decimal: "+6,3", "−1,0", "0,0". */
export function formatPoints(delta: number | null): string {
  if (delta === null) return '–';
  const abs = formatNumber(Math.abs(delta), 1);
  if (abs === formatNumber(0, 1)) return abs;
  return `${delta > 0 ? '+' : MINUS}${abs}`;
}

/** Percentage without the sign: "62,5%". */
export function formatPct(value: number | null): string {
  return value === null ? '–' : `${formatNumber(value, 1)}%`;
}

export function formatSignedCount(delta: number): string {
  if (delta === 0) return '0';
  return `${delta > 0 ? '+' : MINUS}${formatNumber(Math.abs(delta))}`;
}

/** "5" or "2,5" */
export function formatThreshold(t: number): string {
  return formatNumber(t, Number.isInteger(t) ? 0 : 1);
}

/**
 * What a highlight means, for legends: a significant shift of at least the threshold. A shift in a
 * small group that chance explains is not highlighted, however large.
 */
export function highlightRule(threshold: number): string {
  return `statistisch significant (95%) én minstens ${formatThreshold(threshold)} procentpunten; een grote verschuiving in een kleine groep die op toeval kan berusten, is niet gemarkeerd`;
}

export const MEASURE_NAMES: Record<string, string> = { positive: 'positief', neutral: 'neutraal', negative: 'negatief', yes: 'ja' };

export function measureName(m: string): string {
  return MEASURE_NAMES[m] ?? m;
}

export function plural(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

export function sideLine(s: DiffSide): string {
  const respondents = s.respondents === null ? '' : `, ${plural(s.respondents, 'respondent', 'respondenten')}`;
  return `${s.title}${respondents}${s.source ? ` — ${s.source}` : ''}`;
}

/** "Alfa · A-categorie", "Logius" (the organisation as a whole: no segment). */
export function groupLabel(f: FigureChange): string {
  return f.segment === 'all' ? f.scope : `${f.scope} · ${f.segmentLabel}`;
}

/** The numbers of one side in a sentence; a suppressed side never shows numbers. */
export function sideText(s: FigureSide): string {
  if (s.state === 'suppressed') return s.protects ? PROTECTS_TEXT : 'te weinig respondenten';
  if (s.state === 'absent') return 'niet in het rapport';
  const n = `N = ${formatNumber(s.n)}`;
  if (s.positive !== null) return `positief ${formatPct(s.positive)}, neutraal ${formatPct(s.neutral)}, negatief ${formatPct(s.negative)}, ${n}`;
  if (s.yes !== null) return `ja ${formatPct(s.yes)}, ${n}`;
  const answers = Object.entries(s.answers).map(([k, v]) => `${k} ${formatPct(v)}`);
  return [...answers, n].join(', ');
}

export function nText(f: FigureChange): string {
  if (f.a.state !== 'shown' || f.b.state !== 'shown') return '–';
  return f.a.n === f.b.n ? formatNumber(f.b.n) : `${formatNumber(f.a.n)} → ${formatNumber(f.b.n)}`;
}

/** Positive, neutral and negative shares and N are the same; only answers within them moved (Eens ↔ Zeer eens). */
export function onlyWithinShares(f: FigureChange): boolean {
  return f.kind === 'changed' && f.nDelta === 0 && f.deltas.length > 0 && f.deltas.every((d) => Math.abs(d.delta ?? 0) < 1e-9);
}

export const WITHIN_SHARES_TEXT = 'zelfde aandelen; antwoorden verschoven binnen positief, neutraal of negatief';

const PROTECTS_TEXT = 'niet getoond (bescherming kleine groep)';

/** The kind of change in words; a group left out to protect a smaller one says so. */
export function figureKindText(f: FigureChange): string {
  if (f.kind === 'now-suppressed' && f.b.state === 'suppressed' && f.b.protects) return `nu ${PROTECTS_TEXT}`;
  if (f.kind === 'no-longer-suppressed' && f.a.state === 'suppressed' && f.a.protects) return `eerder ${PROTECTS_TEXT}`;
  return FIGURE_KIND_TEXT[f.kind];
}

export const FIGURE_KIND_TEXT: Record<FigureChange['kind'], string> = {
  changed: 'gewijzigd',
  'now-suppressed': 'nu te weinig respondenten',
  'no-longer-suppressed': 'eerder te weinig respondenten',
  added: 'nieuw',
  removed: 'vervallen',
};

/** "positief +6,3 (62,5% → 68,8%)" — the largest shift of a changed group. */
export function largestShiftText(f: FigureChange): string {
  const d = [...f.deltas].sort((x, y) => Math.abs(y.delta ?? 0) - Math.abs(x.delta ?? 0))[0];
  if (!d) return '';
  return `${measureName(d.measure)} ${formatPoints(d.delta)} punten (${formatPct(d.a)} → ${formatPct(d.b)})`;
}

export const LEVEL_TEXT: Record<StructureLevel, { one: string; many: string }> = {
  part: { one: 'Deel', many: 'Delen' },
  product: { one: 'Product', many: 'Producten' },
  chapter: { one: 'Hoofdstuk', many: 'Hoofdstukken' },
  section: { one: 'Sectie', many: 'Secties' },
  question: { one: 'Vraag', many: 'Vragen' },
};

export const LEVEL_ORDER: StructureLevel[] = ['product', 'part', 'chapter', 'section', 'question'];

export const STRUCTURE_UNCHANGED = 'geen hoofdstukken, secties, producten of vragen toegevoegd, verwijderd of hernoemd';

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const CHANGE_TEXT: Record<StructureChange['change'], string> = { added: 'toegevoegd', removed: 'verwijderd', renamed: 'hernoemd' };

export const WORDING_CHANGE_TEXT: Record<WordingChange['change'], string> = { changed: 'gewijzigd', added: 'toegevoegd', removed: 'verwijderd' };

/** "„Oud“ → „Nieuw“" style quotes. */
export function quote(s: string): string {
  return `‘${s}’`;
}

/** The summary lines for figures and wording. */
export function figuresSummaryText(d: ReportDiff): string {
  const f = d.summary.figures;
  if (f.changed + f.suppression + f.added + f.removed === 0) return 'geen cijfers gewijzigd.';
  const parts = [
    `${plural(f.changed, 'groep', 'groepen')} gewijzigd, waarvan ${formatNumber(f.aboveThreshold)} met een significante verschuiving van ${formatThreshold(d.threshold)} punten of meer`,
  ];
  if (f.suppression) parts.push(`${plural(f.suppression, 'groep', 'groepen')} met te weinig respondenten aan één kant`);
  if (f.added) parts.push(`${plural(f.added, 'groep', 'groepen')} nieuw`);
  if (f.removed) parts.push(`${plural(f.removed, 'groep', 'groepen')} vervallen`);
  return `${parts.join('; ')}.`;
}

export function wordingSummaryText(d: ReportDiff): string {
  const w = d.summary.wording;
  if (w.changed + w.added + w.removed === 0) return 'geen tekst gewijzigd.';
  const parts = [`${plural(w.changed, 'alinea', "alinea's")} gewijzigd${w.figuresOnly ? `, waarvan ${formatNumber(w.figuresOnly)} alleen in de getallen` : ''}`];
  if (w.added) parts.push(`${plural(w.added, 'alinea', "alinea's")} toegevoegd`);
  if (w.removed) parts.push(`${plural(w.removed, 'alinea', "alinea's")} verwijderd`);
  return `${parts.join('; ')}.`;
}

/**
 * Where the text was edited (not only its numbers): "1 Hoe we werken › 1.1 Betrouwbaar; …". Only for
 * a handful of places — a draft review; in an edition diff nearly every paragraph changes.
 */
export function textEditPlaces(d: ReportDiff, max = 10): string | null {
  const places = [...new Set(d.wording.filter((w) => !w.figuresOnly).map((w) => w.location.label))];
  return places.length && places.length <= max ? `${places.join('; ')}.` : null;
}

/** One line per structure change, without markup. */
export function structureText(c: StructureChange): { head: string; body: string } {
  const head = `${LEVEL_TEXT[c.level].one} ${CHANGE_TEXT[c.change]}`;
  const id = c.level === 'question' ? ` (${c.id})` : '';
  const where = c.where.length ? ` — ${c.level === 'question' ? 'bij ' : ''}${c.where.join('; ')}` : '';
  const detail = c.detail ? ` (${c.detail})` : '';
  if (c.change === 'renamed') return { head, body: `${quote(c.before ?? '')} → ${quote(c.title)}${id}${where}` };
  return { head, body: `${c.level === 'question' ? quote(c.title) : c.title}${id}${detail}${where}` };
}

export function wordingSourceText(w: WordingChange): string {
  return `${w.source.file} › ${w.source.key}`;
}

/** A word diff as shown: the edited sentences, with a gap for each run of unchanged ones. */
export type ShownPart = WordPart | { op: 'gap' };

const SENTENCE_END = /(?<=[.!?]["”’)]?)\s+/;

/**
 * Long paragraphs where a number or a few words changed are shown by their edited sentences only;
 * unchanged sentences in between become one gap ("[…]"). Short paragraphs are shown whole.
 */
export function editedSentences(parts: WordPart[], minSentences = 3): ShownPart[] {
  const sentences: WordPart[][] = [[]];
  for (const p of parts) {
    if (p.op !== 'same') {
      sentences[sentences.length - 1]!.push(p);
      continue;
    }
    // Split unchanged text after each sentence end; the space stays with the sentence before it.
    const pieces: string[] = [];
    let rest = p.text;
    for (let m = SENTENCE_END.exec(rest); m; m = SENTENCE_END.exec(rest)) {
      pieces.push(rest.slice(0, m.index + m[0].length));
      rest = rest.slice(m.index + m[0].length);
    }
    pieces.forEach((piece) => {
      sentences[sentences.length - 1]!.push({ op: 'same', text: piece });
      sentences.push([]);
    });
    if (rest) sentences[sentences.length - 1]!.push({ op: 'same', text: rest });
  }
  const full = sentences.filter((s) => s.length);
  const edited = full.map((s) => s.some((p) => p.op !== 'same'));
  if (full.length < minSentences || edited.every((e) => e)) return parts;
  const out: ShownPart[] = [];
  full.forEach((s, i) => {
    if (edited[i]) out.push(...s);
    else if (out[out.length - 1]?.op !== 'gap') out.push({ op: 'gap' });
  });
  return out;
}
