import { formatNumber } from '../analyse/dutch-number.ts';
import type { DiffTemplates } from '../load/diff-templates.ts';
import { fillText } from '../load/text-template.ts';
import type { DiffSide, FigureChange, FigureSide, ReportDiff, StructureChange, StructureLevel, WordPart, WordingChange } from './diff-types.ts';

/** Numbers and wording shared by the Markdown and the PDF of a diff; the words come from templates/diff.yaml. */

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

export function plural(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/** "Alfa · A-categorie", "Logius" (the organisation as a whole: no segment). */
export function groupLabel(f: FigureChange): string {
  return f.segment === 'all' ? f.scope : `${f.scope} · ${f.segmentLabel}`;
}

export function nText(f: FigureChange): string {
  if (f.a.state !== 'shown' || f.b.state !== 'shown') return '–';
  return f.a.n === f.b.n ? formatNumber(f.b.n) : `${formatNumber(f.a.n)} → ${formatNumber(f.b.n)}`;
}

/** Positive, neutral and negative shares and N are the same; only answers within them moved (Eens ↔ Zeer eens). */
export function onlyWithinShares(f: FigureChange): boolean {
  return f.kind === 'changed' && f.nDelta === 0 && f.deltas.length > 0 && f.deltas.every((d) => Math.abs(d.delta ?? 0) < 1e-9);
}

export const LEVEL_ORDER: StructureLevel[] = ['product', 'part', 'chapter', 'section', 'question'];

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "„Oud“ → „Nieuw“" style quotes. */
export function quote(s: string): string {
  return `‘${s}’`;
}

/**
 * Where the text was edited (not only its numbers): "1 Hoe we werken › 1.1 Betrouwbaar; …". Only for
 * a handful of places — a draft review; in an edition diff nearly every paragraph changes.
 */
export function textEditPlaces(d: ReportDiff, max = 10): string | null {
  const places = [...new Set(d.wording.filter((w) => !w.figuresOnly).map((w) => w.location.label))];
  return places.length && places.length <= max ? `${places.join('; ')}.` : null;
}

export function wordingSourceText(w: WordingChange): string {
  return `${w.source.file} › ${w.source.key}`;
}

type StructureKey = keyof DiffTemplates['structure'];
const LEVEL_KEYS: Record<StructureLevel, { one: StructureKey; many: StructureKey }> = {
  part: { one: 'part', many: 'parts' },
  product: { one: 'product', many: 'products' },
  chapter: { one: 'chapter', many: 'chapters' },
  section: { one: 'section', many: 'sections' },
  question: { one: 'question', many: 'questions' },
};
const CHANGE_KEYS: Record<StructureChange['change'], StructureKey> = { added: 'was_added', removed: 'was_removed', renamed: 'was_renamed' };
const WORDING_CHANGE_KEYS: Record<WordingChange['change'], keyof DiffTemplates['wording']> = { changed: 'was_changed', added: 'was_added', removed: 'was_removed' };
const FIGURE_KIND_KEYS: Record<FigureChange['kind'], keyof DiffTemplates['figures']> = {
  changed: 'kind_changed',
  'now-suppressed': 'kind_now_suppressed',
  'no-longer-suppressed': 'kind_no_longer_suppressed',
  added: 'kind_added',
  removed: 'kind_removed',
};
const MEASURE_KEYS: Record<string, keyof DiffTemplates['figures']> = { positive: 'measure_positive', neutral: 'measure_neutral', negative: 'measure_negative', yes: 'measure_yes' };

/**
 * The Dutch wording shared by the Markdown and the PDF of a diff, from templates/diff.yaml
 * (communications staff edit it there; src/load/diff-templates.ts checks it).
 */
export class DiffWords {
  constructor(readonly t: DiffTemplates) {}

  /** A text of templates/diff.yaml, filled. */
  say(template: string, values: Record<string, string | number> = {}): string {
    return fillText(template, values);
  }

  /**
   * What a highlight means, for legends: a significant shift of at least the threshold. A shift in a
   * small group that chance explains is not highlighted, however large.
   */
  highlightRule(threshold: number): string {
    return fillText(this.t.summary.highlight_rule, { drempel: formatThreshold(threshold) });
  }

  /** "positief"; an answer of a multiselect question is its own name. */
  measureName(m: string): string {
    const key = MEASURE_KEYS[m];
    return key ? fillText(this.t.figures[key]) : m;
  }

  /** "Eindrapport 2018, 484 respondenten — content/2018/edition.yaml" */
  sideLine(s: DiffSide): string {
    const t = this.t.sides;
    const respondents = s.respondents === null ? '' : `, ${fillText(s.respondents === 1 ? t.respondents_one : t.respondents_many, { n: formatNumber(s.respondents) })}`;
    return `${s.title}${respondents}${s.source ? ` — ${s.source}` : ''}`;
  }

  /** The numbers of one side in a sentence; a suppressed side never shows numbers. */
  sideText(s: FigureSide): string {
    const f = this.t.figures;
    if (s.state === 'suppressed') return fillText(s.protects ? f.side_protected : f.side_too_few);
    if (s.state === 'absent') return fillText(f.side_absent);
    const n = fillText(f.side_n, { n: formatNumber(s.n) });
    if (s.positive !== null) return fillText(f.side_shares, { positief: formatPct(s.positive), neutraal: formatPct(s.neutral), negatief: formatPct(s.negative), n });
    if (s.yes !== null) return fillText(f.side_yes, { ja: formatPct(s.yes), n });
    const answers = Object.entries(s.answers).map(([k, v]) => `${k} ${formatPct(v)}`);
    return [...answers, n].join(', ');
  }

  /** The kind of change in words; a group left out to protect a smaller one says so. */
  figureKindText(f: FigureChange): string {
    const t = this.t.figures;
    if (f.kind === 'now-suppressed' && f.b.state === 'suppressed' && f.b.protects) return fillText(t.kind_now_protected);
    if (f.kind === 'no-longer-suppressed' && f.a.state === 'suppressed' && f.a.protects) return fillText(t.kind_no_longer_protected);
    return fillText(t[FIGURE_KIND_KEYS[f.kind]]);
  }

  /** "positief +6,3 punten (62,5% → 68,8%)" — the largest shift of a changed group. */
  largestShiftText(f: FigureChange): string {
    const d = [...f.deltas].sort((x, y) => Math.abs(y.delta ?? 0) - Math.abs(x.delta ?? 0))[0];
    if (!d) return '';
    return fillText(this.t.summary.shift, { maat: this.measureName(d.measure), punten: formatPoints(d.delta), a: formatPct(d.a), b: formatPct(d.b) });
  }

  /** A level of the structure: "Hoofdstuk", or "Hoofdstukken" (`many`). */
  level(level: StructureLevel, many = false): string {
    const keys = LEVEL_KEYS[level];
    return fillText(this.t.structure[many ? keys.many : keys.one]);
  }

  /** No chapter, section, product or question added, removed or renamed (lower case). */
  structureUnchanged(): string {
    return fillText(this.t.structure.unchanged);
  }

  withinShares(): string {
    return fillText(this.t.figures.within_shares);
  }

  /** The summary line for figures. */
  figuresSummaryText(d: ReportDiff): string {
    const f = d.summary.figures;
    const t = this.t.figures;
    if (f.changed + f.suppression + f.added + f.removed === 0) return fillText(t.none);
    const groups = (n: number) => fillText(n === 1 ? t.groups_one : t.groups_many, { n: formatNumber(n) });
    const parts = [fillText(t.summary_changed, { groepen: groups(f.changed), aantal: formatNumber(f.aboveThreshold), drempel: formatThreshold(d.threshold) })];
    if (f.suppression) parts.push(fillText(t.summary_suppression, { groepen: groups(f.suppression) }));
    if (f.added) parts.push(fillText(t.summary_added, { groepen: groups(f.added) }));
    if (f.removed) parts.push(fillText(t.summary_removed, { groepen: groups(f.removed) }));
    return `${parts.join('; ')}.`;
  }

  /** The summary line for wording. */
  wordingSummaryText(d: ReportDiff): string {
    const w = d.summary.wording;
    const t = this.t.wording;
    if (w.changed + w.added + w.removed === 0) return fillText(t.none);
    const paragraphs = (n: number) => fillText(n === 1 ? t.paragraphs_one : t.paragraphs_many, { n: formatNumber(n) });
    const parts = [
      w.figuresOnly
        ? fillText(t.summary_changed_figures_only, { alineas: paragraphs(w.changed), aantal: formatNumber(w.figuresOnly) })
        : fillText(t.summary_changed, { alineas: paragraphs(w.changed) }),
    ];
    if (w.added) parts.push(fillText(t.summary_added, { alineas: paragraphs(w.added) }));
    if (w.removed) parts.push(fillText(t.summary_removed, { alineas: paragraphs(w.removed) }));
    return `${parts.join('; ')}.`;
  }

  /** One line per structure change, without markup. */
  structureText(c: StructureChange): { head: string; body: string } {
    const head = fillText(this.t.structure.change, { niveau: this.level(c.level), wijziging: fillText(this.t.structure[CHANGE_KEYS[c.change]]) });
    const id = c.level === 'question' ? ` (${c.id})` : '';
    const places = c.where.join('; ');
    const where = c.where.length ? ` — ${c.level === 'question' ? fillText(this.t.structure.question_at, { plaatsen: places }) : places}` : '';
    const detail = c.detail ? ` (${c.detail})` : '';
    if (c.change === 'renamed') return { head, body: `${quote(c.before ?? '')} → ${quote(c.title)}${id}${where}` };
    return { head, body: `${c.level === 'question' ? quote(c.title) : c.title}${id}${detail}${where}` };
  }

  /** "Alinea gewijzigd (alleen getallen)": what happened to one paragraph or list. */
  wordingEntry(w: WordingChange): string {
    const t = this.t.wording;
    const values = { wat: fillText(w.kind === 'list' ? t.list : t.paragraph), wijziging: fillText(t[WORDING_CHANGE_KEYS[w.change]]) };
    return fillText(w.figuresOnly ? t.entry_figures_only : t.entry, values);
  }
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
