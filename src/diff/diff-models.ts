import { diffArrays, diffWords } from 'diff';
import { differenceTest, finitePopulationCorrection } from '../analyse/uncertainty.ts';
import type { Chapter, ChartBlock, ListBlock, Part, ReportModel, Section } from '../model/report-types.ts';
import { blocksOfType, walkModel, type BlockPlace } from '../model/visit-blocks.ts';
import { BUILT_IN_CHART_KINDS, type ChartKinds } from '../model/chart-kinds/registry.ts';
import {
  REPORT_DIFF_SCHEMA,
  type ChangeCounts,
  type DiffSide,
  type DiffSummary,
  type FigureChange,
  type FigureDelta,
  type FigureSide,
  type Location,
  type ReportDiff,
  type StructureChange,
  type StructureLevel,
  type WordPart,
  type WordingChange,
} from './diff-types.ts';

export type * from './diff-types.ts';

export interface DiffOptions {
  /**
   * Highlighted are shifts that are statistically significant AND at least this many percentage
   * points (the second rule, so a significant shift of half a point in a large group stays quiet).
   */
  threshold: number;
  /** How the two sides are called in the output; default: their edition years. */
  labels?: { a: string; b: string };
  /** Where the two models came from, for the heading. */
  sources?: { a: string; b: string };
  /** The chart kinds the models were built with; the built-in ones by default. */
  chartKinds?: ChartKinds;
}

const ORGANISATION = 'organisation';
const ALL = 'all';
const EPS = 1e-9;
/** Shown in grouped renames where each product's own name stood. */
const PRODUCT_PLACEHOLDER = '[product]';

/**
 * Compares two report models: structure (parts, chapters, sections, products, questions),
 * figures (question × scope × segment) and wording (narrative paragraphs and reasons lists).
 * Pure: no files, no clock. Things that exist on one side only are reported once, at the highest
 * level that explains them — an added product is one change, not also its chapters, questions,
 * figures and paragraphs.
 */
export function diffModels(a: ReportModel, b: ReportModel, opts: DiffOptions): ReportDiff {
  const kinds = opts.chartKinds ?? BUILT_IN_CHART_KINDS;
  const A = indexModel(a, kinds);
  const B = indexModel(b, kinds);
  const structure = new StructureDiff(A, B);
  const changes = structure.run();
  const figures = diffFigures(A, B, structure, opts.threshold);
  const wording = diffWording(A, B);
  return {
    schema: REPORT_DIFF_SCHEMA,
    a: side(a, opts.labels?.a ?? String(a.edition.year), opts.sources?.a ?? null),
    b: side(b, opts.labels?.b ?? String(b.edition.year), opts.sources?.b ?? null),
    threshold: opts.threshold,
    summary: summarise(changes, figures, wording),
    structure: changes,
    figures,
    wording,
    notes: [],
  };
}

function side(model: ReportModel, label: string, source: string | null): DiffSide {
  const respondents = blocksOfType(model, 'chart').find((b) => b.chart === 'respondents')?.n ?? null;
  return { label, source, year: model.edition.year, title: model.edition.title, respondents };
}

// Index -----------------------------------------------------------------------------------------

interface TextUnit {
  container: string;
  /** Units of one snippet in one container: container + snippet id prefix (or list key). */
  group: string;
  id: string;
  kind: 'paragraph' | 'list';
  text: string;
  source: { file: string; key: string };
}

interface Shown {
  side: Extract<FigureSide, { state: 'shown' }>;
  /** All answer percentages, to notice a change within positive/neutral/negative. */
  percentages: Record<string, number>;
}

interface Indexed {
  model: ReportModel;
  org: string;
  productName: Map<string, string>;
  productKey: Map<string, string>;
  /** product key → chapter ids, in order. */
  productChapters: Map<string, string[]>;
  parts: Map<string, Part>;
  chapters: Map<string, { chapter: Chapter; location: Location; productKey: string | null }>;
  sections: Map<string, { section: Section; chapterId: string; location: Location }>;
  /** container id → location; containers in reading order. */
  containers: Map<string, Location>;
  /** question → scope key → printed wording (null if not printed on this side). */
  questions: Map<string, Map<string, string | null>>;
  shown: Map<string, Shown>;
  /** Figure key → whether the group was left out to protect a smaller one. */
  suppressed: Map<string, boolean>;
  /** figure key → reading order. */
  order: Map<string, number>;
  segmentLabel: Map<string, string>;
  scopeSegments: Map<string, Set<string>>;
  texts: TextUnit[];
}

const figureKey = (question: string, scope: string, segment: string) => `${question}|${scope}|${segment}`;

function indexModel(model: ReportModel, kinds: ChartKinds): Indexed {
  const ix: Indexed = {
    model,
    org: model.edition.organisation,
    productName: new Map(),
    productKey: new Map(),
    productChapters: new Map(),
    parts: new Map(),
    chapters: new Map(),
    sections: new Map(),
    containers: new Map(),
    questions: new Map(),
    shown: new Map(),
    suppressed: new Map(),
    order: new Map(),
    segmentLabel: new Map(),
    scopeSegments: new Map(),
    texts: [],
  };
  // Products first: scopes are printed names, figures are keyed by product key so a renamed
  // product keeps its figures.
  walkModel(model, {
    chapter(c) {
      if (c.productKey === null || c.product === null) return;
      ix.productName.set(c.productKey, c.product);
      ix.productKey.set(c.product, c.productKey);
      ix.productChapters.set(c.productKey, [...(ix.productChapters.get(c.productKey) ?? []), c.id]);
    },
  });
  const scopeKey = (scope: string) => (scope === ORGANISATION ? ORGANISATION : (ix.productKey.get(scope) ?? scope));

  const addQuestion = (question: string, scope: string, text: string | null) => {
    let scopes = ix.questions.get(question);
    if (!scopes) ix.questions.set(question, (scopes = new Map()));
    const sk = scopeKey(scope);
    if (text !== null || !scopes.has(sk)) scopes.set(sk, text === null ? (scopes.get(sk) ?? null) : text);
  };
  const addSegment = (scope: string, segment: string, label: string | null) => {
    const sk = scopeKey(scope);
    if (segment !== ALL) {
      let set = ix.scopeSegments.get(sk);
      if (!set) ix.scopeSegments.set(sk, (set = new Set()));
      set.add(segment);
    }
    if (label !== null) ix.segmentLabel.set(`${sk}|${segment}`, label);
  };
  const touch = (key: string) => {
    if (!ix.order.has(key)) ix.order.set(key, ix.order.size);
  };

  const chartBlock = (b: ChartBlock) => {
    const kind = kinds.get(b.chart);
    if (kind.rowLabel === 'product') return;
    for (const r of b.rows) {
      const key = figureKey(r.question, scopeKey(r.scope), r.segment);
      touch(key);
      const printed = kind.rowLabel === 'scope' ? b.caption : kind.rowLabel === 'statement' ? r.label : null;
      addQuestion(r.question, r.scope, printed);
      addSegment(r.scope, r.segment, kind.rowLabel === 'segment' && r.segment !== ALL ? r.label : null);
      if (ix.shown.has(key)) continue; // the same group in several charts (value summary, likert, segments)
      const multiselect = r.positive === null && r.yes === null;
      ix.shown.set(key, {
        side: {
          state: 'shown',
          n: r.n,
          positive: r.positive,
          neutral: r.neutral,
          negative: r.negative,
          yes: r.yes,
          answers: multiselect ? { ...r.percentages } : {},
          samplingFraction: r.samplingFraction ?? 0,
        },
        percentages: r.percentages,
      });
    }
  };

  const containerOf = ({ part, chapter, section }: BlockPlace) =>
    section ? `section:${section.id}` : chapter ? `chapter:${chapter.id}` : part ? `part:${part.id}` : 'colofon';
  const partRef = (part: Part) => ({ id: part.id, label: part.label, title: part.title });
  const chapterRef = (c: Chapter) => ({ id: c.id, number: c.number, title: c.title });

  ix.containers.set('colofon', { part: null, chapter: null, section: null, label: 'Colofon' });
  walkModel(model, {
    part(part) {
      ix.parts.set(part.id, part);
      // Registered even when empty, so text added to an empty part intro is compared, not skipped.
      ix.containers.set(`part:${part.id}`, { part: partRef(part), chapter: null, section: null, label: partTitle(part) });
    },
    chapter(c, part) {
      const location: Location = { part: partRef(part), chapter: chapterRef(c), section: null, label: c.heading };
      ix.chapters.set(c.id, { chapter: c, location, productKey: c.productKey });
      ix.containers.set(`chapter:${c.id}`, location);
    },
    section(s, c, part) {
      const location: Location = { part: partRef(part), chapter: chapterRef(c), section: { id: s.id, number: s.number, title: s.title }, label: `${c.heading} › ${s.heading}` };
      ix.sections.set(s.id, { section: s, chapterId: c.id, location });
      ix.containers.set(`section:${s.id}`, location);
    },
    block(b, place) {
      const container = containerOf(place);
      const scope = place.section?.scope ?? place.chapter?.product ?? ORGANISATION;
      if (b.type === 'paragraph') {
        ix.texts.push({ container, group: `${container}|${b.source.key}`, id: b.id, kind: 'paragraph', text: b.text, source: b.source });
      } else if (b.type === 'list') {
        // Lists of suppressed statements come from the report templates, not from narrative text.
        if (b.source.key.startsWith('sentences.')) return;
        ix.texts.push({ container, group: `${container}|${b.source.key}`, id: b.id, kind: 'list', text: listText(b.lead, b.items), source: b.source });
      } else if (b.type === 'chart') {
        chartBlock(b);
      } else if (b.type === 'caption') {
        addQuestion(b.question, scope, b.text);
      } else if (b.type === 'note' && b.suppressed) {
        const s = b.suppressed;
        // A run of several suppressed statements has the list of their wordings in its figure.
        const list = place.figure?.blocks.find((m): m is ListBlock => m.type === 'list' && m.source.key.startsWith('sentences.'));
        const wordings = list && list.items.length === s.questions.length ? list.items : null;
        s.questions.forEach((q, qi) => {
          addQuestion(q, s.scope, wordings?.[qi] ?? null);
          for (const seg of s.segments) {
            const key = figureKey(q, scopeKey(s.scope), seg);
            touch(key);
            ix.suppressed.set(key, s.reason === 'complementary');
            addSegment(s.scope, seg, null);
          }
        });
      }
    },
  });
  return ix;
}

/** "Deel I Organisatie", or the part's id for a part without a title. */
function partTitle(p: Part): string {
  return [p.label, p.title].filter((x) => x).join(' ') || p.id;
}

/** "hoofdstuk 3 (Alfa)" */
function chapterWhere(c: Chapter): string {
  const name = c.number === null ? c.title : `hoofdstuk ${c.number}`;
  return c.product ? `${name} (${c.product})` : name;
}

function listText(lead: string | null, items: string[]): string {
  return [lead, ...items.map((i) => `• ${i}`)].filter((x) => x !== null).join(' ');
}

// Structure -------------------------------------------------------------------------------------

class StructureDiff {
  /** Product keys that exist on one side only: everything in them is explained by that change. */
  readonly oneSidedProducts = new Set<string>();
  /** question → scope keys that exist on one side only (explained by a question change). */
  readonly oneSidedQuestionScopes = new Set<string>();

  constructor(
    private readonly A: Indexed,
    private readonly B: Indexed,
  ) {}

  run(): StructureChange[] {
    return [...this.parts(), ...this.products(), ...this.chapters(), ...this.sections(), ...this.questions()];
  }

  private parts(): StructureChange[] {
    const out: StructureChange[] = [];
    for (const [id, pa] of this.A.parts) {
      const pb = this.B.parts.get(id);
      if (!pb) out.push(change('part', 'removed', id, partTitle(pa), null, [], null));
      else if (partTitle(pa) !== partTitle(pb)) out.push(change('part', 'renamed', id, partTitle(pb), partTitle(pa), [], null));
    }
    for (const [id, pb] of this.B.parts) if (!this.A.parts.has(id)) out.push(change('part', 'added', id, partTitle(pb), null, [], null));
    return out;
  }

  private products(): StructureChange[] {
    const out: StructureChange[] = [];
    const chapters = (ix: Indexed, key: string) => {
      const list = (ix.productChapters.get(key) ?? []).map((id) => ix.chapters.get(id)!.chapter);
      const labels = list.map((c) => c.heading);
      return labels.length ? `${labels.length === 1 ? 'hoofdstuk' : 'hoofdstukken'} ${labels.join('; ')}` : null;
    };
    for (const [key, name] of this.A.productName) {
      const nb = this.B.productName.get(key);
      if (nb === undefined) {
        this.oneSidedProducts.add(key);
        out.push(change('product', 'removed', key, name, null, [], chapters(this.A, key)));
      } else if (nb !== name) out.push(change('product', 'renamed', key, nb, name, [], null));
    }
    for (const [key, name] of this.B.productName) {
      if (this.A.productName.has(key)) continue;
      this.oneSidedProducts.add(key);
      out.push(change('product', 'added', key, name, null, [], chapters(this.B, key)));
    }
    return out;
  }

  private productOf(ix: Indexed, chapterId: string): string | null {
    return ix.chapters.get(chapterId)?.productKey ?? null;
  }

  private chapters(): StructureChange[] {
    const out: StructureChange[] = [];
    const renames: Rename[] = [];
    const skip = (ix: Indexed, id: string) => {
      const p = this.productOf(ix, id);
      return p !== null && this.oneSidedProducts.has(p);
    };
    const detail = (ix: Indexed, id: string) => {
      const c = ix.chapters.get(id)!.chapter;
      const paragraphs = ix.texts.filter((t) => t.container === `chapter:${id}` || c.sections.some((s) => t.container === `section:${s.id}`)).length;
      return `${c.sections.length} ${c.sections.length === 1 ? 'sectie' : 'secties'}, ${paragraphs} ${paragraphs === 1 ? 'tekstblok' : 'tekstblokken'}`;
    };
    for (const [id, ca] of this.A.chapters) {
      if (skip(this.A, id)) continue;
      const cb = this.B.chapters.get(id);
      if (!cb) out.push(change('chapter', 'removed', id, ca.chapter.heading, null, [ca.location.part?.title ?? ''].filter((x) => x), detail(this.A, id)));
      else renames.push({ id, where: chapterWhere(cb.chapter), before: normalise(ca.chapter.title, ca.chapter.product), after: normalise(cb.chapter.title, cb.chapter.product), beforeText: ca.chapter.title, afterText: cb.chapter.title });
    }
    for (const [id, cb] of this.B.chapters) {
      if (skip(this.B, id) || this.A.chapters.has(id)) continue;
      out.push(change('chapter', 'added', id, cb.chapter.heading, null, [cb.location.part?.title ?? ''].filter((x) => x), detail(this.B, id)));
    }
    return [...out, ...groupRenames('chapter', renames)];
  }

  private sections(): StructureChange[] {
    const renames: Rename[] = [];
    // One entry per title: a group dropped from the questionnaire is one change, not one per scope.
    const oneSided = new Map<string, { change: 'added' | 'removed'; ids: string[]; labels: string[]; where: string[]; texts: number }>();
    // Sections of an added or removed chapter (or product) come with it.
    const skip = (ix: Indexed, chapterId: string) => {
      if (!this.A.chapters.has(chapterId) || !this.B.chapters.has(chapterId)) return true;
      const p = this.productOf(ix, chapterId);
      return p !== null && this.oneSidedProducts.has(p);
    };
    const note = (kind: 'added' | 'removed', ix: Indexed, id: string) => {
      const s = ix.sections.get(id)!;
      const key = `${kind}\u0000${s.section.title}`;
      let entry = oneSided.get(key);
      if (!entry) oneSided.set(key, (entry = { change: kind, ids: [], labels: [], where: [], texts: 0 }));
      entry.ids.push(id);
      entry.labels.push(s.section.heading);
      entry.where.push(this.B.chapters.get(s.chapterId)?.location.label ?? ix.chapters.get(s.chapterId)!.location.label);
      entry.texts += ix.texts.filter((t) => t.container === `section:${id}`).length;
    };
    for (const [id, sa] of this.A.sections) {
      if (skip(this.A, sa.chapterId)) continue;
      const sb = this.B.sections.get(id);
      const chapter = this.A.chapters.get(sa.chapterId)!.chapter;
      if (!sb) note('removed', this.A, id);
      else {
        const cb = this.B.chapters.get(sb.chapterId)!.chapter;
        renames.push({ id, where: `${sb.section.number ?? sb.section.title} in ${cb.heading}`, before: normalise(sa.section.title, chapter.product), after: normalise(sb.section.title, cb.product), beforeText: sa.section.title, afterText: sb.section.title });
      }
    }
    for (const [id, sb] of this.B.sections) {
      if (skip(this.B, sb.chapterId) || this.A.sections.has(id)) continue;
      note('added', this.B, id);
    }
    const out = [...oneSided.entries()].map(([key, e]) => {
      const title = e.labels.length === 1 ? e.labels[0]! : key.split('\u0000')[1]!;
      return change('section', e.change, e.ids[0]!, title, null, e.where, `${e.texts} ${e.texts === 1 ? 'tekstblok' : 'tekstblokken'}`);
    });
    return [...out, ...groupRenames('section', renames)];
  }

  private questions(): StructureChange[] {
    const out: StructureChange[] = [];
    const renames: Rename[] = [];
    const scopeName = (scope: string) => (scope === ORGANISATION ? this.B.org : (this.B.productName.get(scope) ?? this.A.productName.get(scope) ?? scope));
    const wording = (ix: Indexed, q: string, scopes: string[]) => scopes.map((s) => ix.questions.get(q)?.get(s)).find((t) => t) ?? q;
    const keys = [...new Set([...this.A.questions.keys(), ...this.B.questions.keys()])];
    for (const q of keys) {
      const sa = this.A.questions.get(q) ?? new Map<string, string | null>();
      const sb = this.B.questions.get(q) ?? new Map<string, string | null>();
      const live = (s: string) => !this.oneSidedProducts.has(s);
      const onlyA = [...sa.keys()].filter((s) => live(s) && !sb.has(s));
      const onlyB = [...sb.keys()].filter((s) => live(s) && !sa.has(s));
      for (const s of [...onlyA, ...onlyB]) this.oneSidedQuestionScopes.add(`${q}|${s}`);
      if (onlyA.length) out.push(change('question', 'removed', q, wording(this.A, q, onlyA), null, onlyA.map(scopeName), null));
      if (onlyB.length) out.push(change('question', 'added', q, wording(this.B, q, onlyB), null, onlyB.map(scopeName), null));
      for (const [s, ta] of sa) {
        const tb = sb.get(s);
        if (!live(s) || ta === null || tb === null || tb === undefined) continue;
        const na = this.A.productName.get(s) ?? null;
        const nb = this.B.productName.get(s) ?? null;
        renames.push({ id: q, where: scopeName(s), before: normalise(ta, na), after: normalise(tb, nb), beforeText: ta, afterText: tb });
      }
    }
    return [...out, ...groupRenames('question', renames)];
  }
}

function change(level: StructureLevel, kind: StructureChange['change'], id: string, title: string, before: string | null, where: string[], detail: string | null): StructureChange {
  return { level, change: kind, id, title, before, where, detail };
}

interface Rename {
  id: string;
  where: string;
  /** Titles with the product's own name replaced by a placeholder, so one template change is one rename. */
  before: string;
  after: string;
  beforeText: string;
  afterText: string;
}

function normalise(text: string, product: string | null): string {
  return product ? text.split(product).join(PRODUCT_PLACEHOLDER) : text;
}

/** Renames with the same old and new wording (up to the product name) become one change. */
function groupRenames(level: StructureLevel, renames: Rename[]): StructureChange[] {
  const groups = new Map<string, Rename[]>();
  for (const r of renames) {
    if (r.before === r.after) continue;
    // Questions are grouped per question; chapters and sections per (templated) title change.
    const groupKey = `${level === 'question' ? r.id : ''}\u0000${r.before}\u0000${r.after}`;
    groups.set(groupKey, [...(groups.get(groupKey) ?? []), r]);
  }
  return [...groups.values()].map((rs) => {
    const first = rs[0]!;
    const single = rs.length === 1 || rs.every((r) => r.beforeText === first.beforeText && r.afterText === first.afterText);
    return change(level, 'renamed', first.id, single ? first.afterText : first.after, single ? first.beforeText : first.before, rs.map((r) => r.where), null);
  });
}

// Figures ---------------------------------------------------------------------------------------

function stateOf(ix: Indexed, key: string, question: string, scope: string, segment: string): FigureSide {
  const shown = ix.shown.get(key);
  if (shown) return shown.side;
  if (ix.suppressed.has(key)) return ix.suppressed.get(key) ? { state: 'suppressed', protects: true } : { state: 'suppressed' };
  // A segment is left out without a note when the whole group or every segment is too small:
  // if the question is reported for the scope and the scope has this segment, it was suppressed.
  if (segment !== ALL && ix.questions.get(question)?.has(scope) && ix.scopeSegments.get(scope)?.has(segment)) return { state: 'suppressed' };
  return { state: 'absent' };
}

type ShownSide = Extract<FigureSide, { state: 'shown' }>;

/** Whether a share moved by more than chance: the two sides as independent samples. */
function significantShift(x: ShownSide, y: ShownSide, va: number, vb: number): boolean {
  const sample = (side: ShownSide, share: number) => ({ k: Math.round((share * side.n) / 100), n: side.n, fpc: finitePopulationCorrection(side.n, side.samplingFraction) });
  if (x.n <= 0 || y.n <= 0) return false;
  return differenceTest(sample(y, vb), sample(x, va)).significant;
}

function measures(x: ShownSide, y: ShownSide): FigureDelta[] {
  const delta = (measure: string, va: number | null, vb: number | null): FigureDelta => ({
    measure,
    a: va,
    b: vb,
    delta: va === null || vb === null ? null : vb - va,
    significant: va === null || vb === null ? null : significantShift(x, y, va, vb),
  });
  if (x.positive !== null || y.positive !== null) {
    return [delta('positive', x.positive, y.positive), delta('neutral', x.neutral, y.neutral), delta('negative', x.negative, y.negative)];
  }
  if (x.yes !== null || y.yes !== null) return [delta('yes', x.yes, y.yes)];
  const labels = [...new Set([...Object.keys(y.answers), ...Object.keys(x.answers)])];
  return labels.map((l) => delta(l, x.answers[l] ?? null, y.answers[l] ?? null));
}

function samePercentages(x: Record<string, number>, y: Record<string, number>): boolean {
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  for (const k of keys) if (Math.abs((x[k] ?? 0) - (y[k] ?? 0)) > EPS) return false;
  return true;
}

function diffFigures(A: Indexed, B: Indexed, structure: StructureDiff, threshold: number): FigureChange[] {
  const keys = new Set([...B.order.keys(), ...A.order.keys()]);
  const out: (FigureChange & { order: number })[] = [];
  for (const key of keys) {
    const [question, scope, segment] = key.split('|') as [string, string, string];
    if (structure.oneSidedProducts.has(scope) || structure.oneSidedQuestionScopes.has(`${question}|${scope}`)) continue;
    const sa = stateOf(A, key, question, scope, segment);
    const sb = stateOf(B, key, question, scope, segment);
    let kind: FigureChange['kind'];
    let deltas: FigureDelta[] = [];
    let nDelta: number | null = null;
    let size = 0;
    if (sa.state === 'shown' && sb.state === 'shown') {
      deltas = measures(sa, sb);
      nDelta = sb.n - sa.n;
      const moved = deltas.some((d) => d.a !== d.b && (d.delta === null || Math.abs(d.delta) > EPS));
      if (!moved && nDelta === 0 && samePercentages(A.shown.get(key)!.percentages, B.shown.get(key)!.percentages)) continue;
      kind = 'changed';
      size = Math.max(0, ...deltas.map((d) => Math.abs(d.delta ?? 0)));
    } else if (sa.state === sb.state) continue;
    else if (sa.state === 'absent') kind = 'added';
    else if (sb.state === 'absent') kind = 'removed';
    else kind = sb.state === 'suppressed' ? 'now-suppressed' : 'no-longer-suppressed';
    const name = (ix: Indexed) => (scope === ORGANISATION ? ix.org : ix.productName.get(scope));
    const text = B.questions.get(question)?.get(scope) ?? A.questions.get(question)?.get(scope) ?? B.questions.get(question)?.get(ORGANISATION) ?? A.questions.get(question)?.get(ORGANISATION) ?? question;
    out.push({
      key,
      question,
      text,
      scope: name(B) ?? name(A) ?? scope,
      segment,
      segmentLabel: segment === ALL ? 'Totaal' : (B.segmentLabel.get(`${scope}|${segment}`) ?? A.segmentLabel.get(`${scope}|${segment}`) ?? segment),
      kind,
      a: sa,
      b: sb,
      deltas,
      nDelta,
      size,
      highlight: kind === 'changed' && deltas.some((d) => d.significant === true && Math.abs(d.delta ?? 0) >= threshold - EPS),
      order: B.order.get(key) ?? B.order.size + (A.order.get(key) ?? 0),
    });
  }
  const rank: Record<FigureChange['kind'], number> = { changed: 0, 'now-suppressed': 1, 'no-longer-suppressed': 1, added: 2, removed: 3 };
  out.sort((x, y) => rank[x.kind] - rank[y.kind] || y.size - x.size || x.order - y.order);
  return out.map(({ order: _order, ...f }) => f);
}

// Wording ---------------------------------------------------------------------------------------

const NUMERIC = /^[\s\d.,%+\-−–]+$/;
/** Dutch word boundaries: "25,0" and "2.700" stay one word, so a changed number reads as one edit. */
const WORDS = new Intl.Segmenter('nl', { granularity: 'word' });

function wordParts(before: string | null, after: string | null): WordPart[] {
  if (before === null) return [{ op: 'insert', text: after ?? '' }];
  if (after === null) return [{ op: 'delete', text: before }];
  return diffWords(before, after, { intlSegmenter: WORDS }).map((c) => ({ op: c.added ? 'insert' : c.removed ? 'delete' : 'same', text: c.value }));
}

function wordingChange(unitA: TextUnit | null, unitB: TextUnit | null, location: Location): WordingChange | null {
  const before = unitA?.text ?? null;
  const after = unitB?.text ?? null;
  if (before === after) return null;
  const unit = (unitB ?? unitA)!;
  const parts = wordParts(before, after);
  const edits = parts.filter((p) => p.op !== 'same');
  return {
    id: unit.id,
    kind: unit.kind,
    change: before === null ? 'added' : after === null ? 'removed' : 'changed',
    location,
    source: unit.source,
    before,
    after,
    parts,
    figuresOnly: before !== null && after !== null && edits.length > 0 && edits.every((p) => NUMERIC.test(p.text)),
  };
}

/** Pairs the units of one snippet: by position when the counts agree, else around the unchanged ones. */
function pairUnits(xs: TextUnit[], ys: TextUnit[]): [TextUnit | null, TextUnit | null][] {
  if (xs.length === ys.length) return xs.map((x, i) => [x, ys[i]!]);
  const pairs: [TextUnit | null, TextUnit | null][] = [];
  let i = 0;
  let j = 0;
  let removed: TextUnit[] = [];
  const flush = (added: TextUnit[]) => {
    const n = Math.max(removed.length, added.length);
    for (let k = 0; k < n; k++) pairs.push([removed[k] ?? null, added[k] ?? null]);
    removed = [];
  };
  for (const c of diffArrays(xs.map((x) => x.text), ys.map((y) => y.text))) {
    if (c.removed) {
      removed.push(...xs.slice(i, i + c.count));
      i += c.count;
    } else if (c.added) {
      flush(ys.slice(j, j + c.count));
      j += c.count;
    } else {
      flush([]);
      for (let k = 0; k < c.count; k++) pairs.push([xs[i + k]!, ys[j + k]!]);
      i += c.count;
      j += c.count;
    }
  }
  flush([]);
  return pairs;
}

function diffWording(A: Indexed, B: Indexed): WordingChange[] {
  const out: WordingChange[] = [];
  const byContainer = (ix: Indexed) => {
    const m = new Map<string, Map<string, TextUnit[]>>();
    for (const t of ix.texts) {
      let groups = m.get(t.container);
      if (!groups) m.set(t.container, (groups = new Map()));
      groups.set(t.group, [...(groups.get(t.group) ?? []), t]);
    }
    return m;
  };
  const ta = byContainer(A);
  const tb = byContainer(B);
  // Only containers on both sides: text in an added or removed chapter or section is part of that structure change.
  for (const [container, location] of B.containers) {
    if (!A.containers.has(container)) continue;
    const ga = ta.get(container) ?? new Map<string, TextUnit[]>();
    const gb = tb.get(container) ?? new Map<string, TextUnit[]>();
    const order = diffArrays([...ga.keys()], [...gb.keys()]).flatMap((c) => c.value);
    for (const group of order) {
      for (const [x, y] of pairUnits(ga.get(group) ?? [], gb.get(group) ?? [])) {
        const w = wordingChange(x, y, location);
        if (w) out.push(w);
      }
    }
  }
  return out;
}

// Summary ---------------------------------------------------------------------------------------

function summarise(structure: StructureChange[], figures: FigureChange[], wording: WordingChange[]): DiffSummary {
  const counts = (): ChangeCounts => ({ added: 0, removed: 0, renamed: 0 });
  const s: DiffSummary['structure'] = { part: counts(), product: counts(), chapter: counts(), section: counts(), question: counts() };
  for (const c of structure) s[c.level][c.change]++;
  const changed = figures.filter((f) => f.kind === 'changed');
  return {
    structure: s,
    figures: {
      changed: changed.length,
      aboveThreshold: changed.filter((f) => f.highlight).length,
      suppression: figures.filter((f) => f.kind === 'now-suppressed' || f.kind === 'no-longer-suppressed').length,
      added: figures.filter((f) => f.kind === 'added').length,
      removed: figures.filter((f) => f.kind === 'removed').length,
    },
    wording: {
      changed: wording.filter((w) => w.change === 'changed').length,
      figuresOnly: wording.filter((w) => w.figuresOnly).length,
      added: wording.filter((w) => w.change === 'added').length,
      removed: wording.filter((w) => w.change === 'removed').length,
    },
    total: structure.length + figures.length + wording.length,
    largest: figures.flatMap((f, i) => (f.kind === 'changed' && f.size > EPS ? [i] : [])).slice(0, 5),
  };
}
