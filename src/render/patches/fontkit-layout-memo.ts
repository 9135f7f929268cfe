/** Written against fontkit's OpenType layout (OTProcessor, OTLayoutEngine, DefaultShaper) of FONTKIT_VERSION. */
export { FONTKIT_VERSION } from './pinned-versions.ts';

/** A feature as fontkit's OTProcessor keeps it after selectScript: the indexes of its lookups. */
type Features = Record<string, { lookupListIndexes: number[] }>;
interface Lookup {
  feature: string;
  index: number;
  lookup: unknown;
}
/** The state selectScript leaves on a processor; with the same arguments it always leaves the same. */
interface ScriptState {
  script: unknown;
  scriptTag: string | null;
  language: unknown;
  languageTag: string | null;
  direction: string | undefined;
  features: Features;
}
/** The parts of fontkit's OTProcessor (the base of its GSUB and GPOS processors) this patch touches. */
interface OTProcessor extends ScriptState {
  selectScript(script?: string | string[] | null, language?: string | null, direction?: string | null): string | null;
  lookupsForFeatures(userFeatures?: string[], exclude?: number[]): Lookup[];
  coverageIndex(coverage: object, glyph?: number | null): number;
  getClassID(glyph: number, classDef: { version: number }): number;
  glyphIterator: { cur: { id: number } };
}
/** fontkit's ShapingPlan: the stages of features to apply, filled in by a shaper. */
interface ShapingPlan {
  font: object;
  script: string | null;
  direction: string;
  stages: unknown[];
  globalFeatures: Record<string, boolean>;
  allFeatures: Record<string, number>;
  assignGlobalFeatures(glyphs: unknown[]): void;
}
/** fontkit's DefaultShaper (Latin, Cyrillic, Greek, …): a class with static methods only. */
interface Shaper {
  plan(plan: ShapingPlan, glyphs: unknown[], features: unknown): void;
  assignFeatures(plan: ShapingPlan, glyphs: unknown[]): void;
}
interface OTLayoutEngine {
  GSUBProcessor: OTProcessor | null;
  GPOSProcessor: OTProcessor | null;
  shaper: Shaper | null;
  setup(glyphRun: object): void;
  cleanup(): void;
}

let patched = false;

/**
 * fontkit shapes every text (each word pdfkit writes, each chart label measured) from scratch:
 * for each call it selects the script in the GSUB and GPOS tables again (rebuilding their feature
 * tables, because no language is given), builds a new shaping plan, collects and sorts the lookups
 * of each stage of that plan, and finds each glyph in the lookups' coverage and class tables by a
 * linear scan. A 2018 build shapes ≈ 4,000 texts this way (≈ 0.4 s with an empty cache).
 *
 * Everything remembered here is a pure function of the font's own tables, which fontkit decodes
 * once and never changes, and of the call's arguments:
 * - selectScript: the state it leaves (script, language, direction and feature table) per
 *   processor and (script, language, direction);
 * - lookupsForFeatures: the sorted lookups per feature table and feature list;
 * - the default shaper's plan (stages, global and all features) per font, script, direction and
 *   requested features; the glyphs still get their features assigned on every call, as fontkit does;
 * - coverageIndex and getClassID (class ranges only): per table and glyph;
 * and each lookup passes by the glyphs none of its subtables can start at (see skipUncovered), as
 * fontkit passes glyphs without the lookup's feature.
 * So glyphs and positions are those of plain fontkit (test/render/patches/fontkit-layout-memo.test.ts
 * compares every word of a report). Depends on fontkit's internals of FONTKIT_VERSION; reached
 * through a font with GSUB or GPOS; idempotent.
 */
export function patchFontkitLayoutMemo(font: object): void {
  if (patched) return;
  const engine = (font as { _layoutEngine?: { engine?: OTLayoutEngine } })._layoutEngine?.engine;
  const processor = engine?.GSUBProcessor ?? engine?.GPOSProcessor;
  const proto = processor && (Object.getPrototypeOf(Object.getPrototypeOf(processor)) as OTProcessor);
  const engineProto = engine && (Object.getPrototypeOf(engine) as OTLayoutEngine);
  if (!engine || !proto || !engineProto || ![proto.selectScript, proto.lookupsForFeatures, proto.coverageIndex, proto.getClassID, engineProto.setup, engineProto.cleanup].every((f) => typeof f === 'function')) {
    throw new Error('fontkit: OTProcessor.selectScript/OTLayoutEngine.setup not found (version changed?)');
  }
  // The default shaper, as fontkit picks it for Latin text.
  engine.setup({ glyphs: [], features: {}, script: 'latn', direction: 'ltr' });
  const defaultShaper = engine.shaper;
  engine.cleanup();
  if (!defaultShaper || Object.getPrototypeOf(defaultShaper) !== Function.prototype || typeof defaultShaper.plan !== 'function' || typeof defaultShaper.assignFeatures !== 'function') {
    throw new Error('fontkit: DefaultShaper.plan not found (version changed?)');
  }
  // A glyph iterator, as the processors make one for each run.
  (font as { layout(text: string): unknown }).layout('a');
  const Iterator = (processor as unknown as { glyphIterator?: object }).glyphIterator?.constructor as (new (glyphs: unknown[]) => GlyphIterator) | undefined;
  const processorProto = (p: OTProcessor | null) => (p ? (Object.getPrototypeOf(p) as Processor) : null);
  const [gsub, gpos] = [processorProto(engine.GSUBProcessor), processorProto(engine.GPOSProcessor)];
  if (!Iterator || typeof Iterator.prototype.reset !== 'function' || typeof Iterator.prototype.next !== 'function' || typeof (proto as unknown as Processor).applyLookups !== 'function' || ![gsub, gpos].every((p) => !p || typeof p.applyLookup === 'function')) {
    throw new Error('fontkit: OTProcessor.applyLookups/GlyphIterator not found (version changed?)');
  }
  patched = true;
  memoSelectScript(proto);
  memoLookups(proto);
  memoPlan(defaultShaper);
  memoTableLookups(proto);
  if (gsub) skipUncovered(gsub, gsubFirstCoverage, Iterator);
  if (gpos) skipUncovered(gpos, gposFirstCoverage, Iterator);
}

function argKey(value: unknown): string {
  if (typeof value === 'string') return `s${value}`;
  if (Array.isArray(value)) return `a${value.join(',')}`;
  return String(value);
}

function memoSelectScript(proto: OTProcessor): void {
  const selectScript = proto.selectScript;
  const states = new WeakMap<OTProcessor, Map<string, ScriptState>>();
  proto.selectScript = function (this: OTProcessor, script, language, direction) {
    let byArgs = states.get(this);
    if (!byArgs) states.set(this, (byArgs = new Map()));
    const key = `${argKey(script)}|${argKey(language)}|${argKey(direction)}`;
    const known = byArgs.get(key);
    if (known) {
      Object.assign(this, known);
      return known.scriptTag;
    }
    // Without a script of its own, selectScript looks the script up; when neither it nor a default
    // script is in the table, it returns leaving the state as it was (cleared here), so no state is kept.
    const before = this.script;
    this.script = null;
    const tag = selectScript.call(this, script, language, direction);
    if (this.script === null) {
      this.script = before;
      return tag;
    }
    const { scriptTag, language: lang, languageTag, features } = this;
    byArgs.set(key, { script: this.script, scriptTag, language: lang, languageTag, direction: this.direction, features });
    return tag;
  };
}

function memoLookups(proto: OTProcessor): void {
  const lookupsForFeatures = proto.lookupsForFeatures;
  const lookups = new WeakMap<Features, Map<string, Lookup[]>>();
  proto.lookupsForFeatures = function (this: OTProcessor, userFeatures = [], exclude) {
    if (exclude) return lookupsForFeatures.call(this, userFeatures, exclude);
    let byFeatures = lookups.get(this.features);
    if (!byFeatures) lookups.set(this.features, (byFeatures = new Map()));
    const key = userFeatures.join(',');
    let known = byFeatures.get(key);
    if (!known) byFeatures.set(key, (known = lookupsForFeatures.call(this, userFeatures)));
    return known;
  };
}

/** A plan as the default shaper leaves it before assigning features to glyphs. */
interface PlanTemplate {
  stages: unknown[];
  globalFeatures: Record<string, boolean>;
  allFeatures: Record<string, number>;
}

function memoPlan(shaper: Shaper): void {
  const plan = shaper.plan;
  const templates = new WeakMap<object, Map<string, PlanTemplate>>();
  shaper.plan = function (this: Shaper, p: ShapingPlan, glyphs: unknown[], features: unknown): void {
    // Only the default shaper itself: the complex shapers (Arabic, Indic, …) add their own state to a plan.
    if (this !== shaper || (features != null && typeof features !== 'object')) return plan.call(this, p, glyphs, features);
    let byFont = templates.get(p.font);
    if (!byFont) templates.set(p.font, (byFont = new Map()));
    const key = `${argKey(p.script)}|${p.direction}|${featuresKey(features)}`;
    const known = byFont.get(key);
    if (!known) {
      plan.call(this, p, glyphs, features);
      byFont.set(key, { stages: p.stages, globalFeatures: p.globalFeatures, allFeatures: p.allFeatures });
      return;
    }
    // What plan does after planning the stages (fontkit's DefaultShaper.plan).
    p.stages = known.stages;
    p.globalFeatures = known.globalFeatures;
    p.allFeatures = known.allFeatures;
    p.assignGlobalFeatures(glyphs);
    this.assignFeatures(p, glyphs);
  };
}

/** The requested features (an array of tags or an object of tags to on/off) as a key. */
function featuresKey(features: unknown): string {
  if (features == null) return '-';
  if (Array.isArray(features)) return `a${features.join(',')}`;
  let key = 'o';
  for (const tag in features as Record<string, unknown>) key += `${tag}:${(features as Record<string, unknown>)[tag] ? 1 : 0},`;
  return key;
}

/** A coverage or class table's answer for every glyph id up to its largest: -1 where the table does not list the glyph. */
const BY_GLYPH = Symbol('by glyph');
type Table = { version: number; [BY_GLYPH]?: Int32Array | null };
type CoverageTable = Table & { glyphs?: number[]; rangeRecords?: { start: number; end: number; startCoverageIndex: number }[] };
type ClassTable = Table & { classRangeRecord?: { start: number; end: number; class: number }[] };

/**
 * Coverage (formats 1 and 2) and class-range tables as arrays by glyph id, made on first use: what
 * fontkit finds by a linear scan (the first match, as its scan does), in one index. Other formats,
 * and glyphs beyond a table's largest id, go to fontkit's own lookup.
 */
function memoTableLookups(proto: OTProcessor): void {
  const coverageIndex = proto.coverageIndex;
  const getClassID = proto.getClassID;
  proto.coverageIndex = function (this: OTProcessor, coverage: CoverageTable, glyph) {
    const id = glyph ?? this.glyphIterator.cur.id;
    let byGlyph = coverage[BY_GLYPH];
    if (byGlyph === undefined) byGlyph = coverage[BY_GLYPH] = coverageByGlyph(coverage);
    const index = byGlyph?.[id];
    return index === undefined ? coverageIndex.call(this, coverage, id) : index;
  };
  proto.getClassID = function (this: OTProcessor, glyph, classDef: ClassTable) {
    // Format 1 is an array lookup already; format 2 scans class ranges.
    if (classDef.version !== 2) return getClassID.call(this, glyph, classDef);
    let byGlyph = classDef[BY_GLYPH];
    if (byGlyph === undefined) byGlyph = classDef[BY_GLYPH] = classByGlyph(classDef);
    const id = byGlyph?.[glyph];
    return id === undefined ? getClassID.call(this, glyph, classDef) : id;
  };
}

function coverageByGlyph(coverage: CoverageTable): Int32Array | null {
  if (coverage.version === 1 && Array.isArray(coverage.glyphs)) {
    const glyphs = coverage.glyphs;
    const byGlyph = new Int32Array(Math.max(-1, ...glyphs) + 1).fill(-1);
    // indexOf: the first position of a glyph listed twice.
    for (let i = glyphs.length - 1; i >= 0; i--) byGlyph[glyphs[i]!] = i;
    return byGlyph;
  }
  if (coverage.version === 2 && Array.isArray(coverage.rangeRecords)) {
    const ranges = coverage.rangeRecords;
    const byGlyph = new Int32Array(Math.max(-1, ...ranges.map((r) => r.end)) + 1).fill(-1);
    // The first range that holds a glyph.
    for (let r = ranges.length - 1; r >= 0; r--) {
      const { start, end, startCoverageIndex } = ranges[r]!;
      for (let g = start; g <= end; g++) byGlyph[g] = startCoverageIndex + g - start;
    }
    return byGlyph;
  }
  return null;
}

function classByGlyph(classDef: ClassTable): Int32Array | null {
  if (!Array.isArray(classDef.classRangeRecord)) return null;
  const ranges = classDef.classRangeRecord;
  // fontkit answers 0 for a glyph in no range.
  const byGlyph = new Int32Array(Math.max(-1, ...ranges.map((r) => r.end)) + 1);
  for (let r = ranges.length - 1; r >= 0; r--) {
    const { start, end } = ranges[r]!;
    byGlyph.fill(ranges[r]!.class, start, end + 1);
  }
  return byGlyph;
}

/** fontkit's GlyphIterator: walks the glyphs of a run, skipping those a lookup's flags ignore. */
interface GlyphIterator {
  index: number;
  cur: { id: number; features: Record<string, unknown> };
  reset(flags?: unknown): void;
  next(): unknown;
}
interface LookupTable {
  lookupType: number;
  flags: unknown;
  subTables: Iterable<SubTable>;
  [FIRST_GLYPHS]?: Uint8Array | null;
}
type SubTable = Record<string, unknown> & { version?: number };
interface Processor {
  glyphs: unknown[];
  positions: unknown;
  glyphIterator: GlyphIterator;
  currentFeature: string | null;
  applyLookup(lookupType: number, table: SubTable): boolean;
  applyLookups(lookups: Lookup[], glyphs: unknown[], positions: unknown): void;
}

/** Per lookup: which glyphs any of its subtables can start at (1), or null where that cannot be told. */
const FIRST_GLYPHS = Symbol('first glyphs');

/**
 * The coverage tables that decide whether a subtable of `lookupType` applies at the current glyph:
 * fontkit's applyLookup of that type returns false, changing nothing, when the current glyph is in
 * none of them. Null for a type or format this cannot tell (fontkit then decides, or throws).
 */
type FirstCoverage = (lookupType: number, table: SubTable) => CoverageTable[] | null;

function contextCoverage(table: SubTable, sequence: 'coverages' | 'inputCoverage'): CoverageTable[] | null {
  if (table.version === 1 || table.version === 2) return [table.coverage as CoverageTable];
  const first = (table[sequence] as CoverageTable[] | undefined)?.[0];
  // Format 3 matches a sequence of coverages from the current glyph; an empty one matches anywhere.
  return table.version === 3 && first ? [first] : null;
}

const gsubFirstCoverage: FirstCoverage = (type, table) => {
  if (type >= 1 && type <= 4) return [table.coverage as CoverageTable];
  if (type === 5) return contextCoverage(table, 'coverages');
  if (type === 6) return contextCoverage(table, 'inputCoverage');
  if (type === 7) return gsubFirstCoverage(table.lookupType as number, table.extension as SubTable);
  return null;
};

const gposFirstCoverage: FirstCoverage = (type, table) => {
  if (type >= 1 && type <= 3) return [table.coverage as CoverageTable];
  if (type === 4 || type === 5) return [table.markCoverage as CoverageTable];
  if (type === 6) return [table.mark1Coverage as CoverageTable];
  if (type === 7) return contextCoverage(table, 'coverages');
  if (type === 8) return contextCoverage(table, 'inputCoverage');
  if (type === 9) return gposFirstCoverage(table.lookupType as number, table.extension as SubTable);
  return null;
};

function firstGlyphs(lookup: LookupTable, firstCoverage: FirstCoverage): Uint8Array | null {
  const byGlyph: Int32Array[] = [];
  for (const table of lookup.subTables) {
    const coverages = firstCoverage(lookup.lookupType, table);
    if (!coverages) return null;
    for (const coverage of coverages) {
      if (!coverage) return null;
      const indexes = (coverage[BY_GLYPH] ??= coverageByGlyph(coverage));
      if (!indexes) return null;
      byGlyph.push(indexes);
    }
  }
  const first = new Uint8Array(Math.max(0, ...byGlyph.map((b) => b.length)));
  for (const indexes of byGlyph) for (let g = 0; g < indexes.length; g++) if (indexes[g]! >= 0) first[g] = 1;
  return first;
}

/**
 * fontkit's applyLookups (OTProcessor), the same walk over the glyphs, except that a glyph none of
 * the lookup's subtables can start at is passed by as fontkit passes a glyph without the feature:
 * for such a glyph every subtable's applyLookup returns false without changing anything.
 */
function skipUncovered(proto: Processor, firstCoverage: FirstCoverage, Iterator: new (glyphs: unknown[]) => GlyphIterator): void {
  proto.applyLookups = function (this: Processor, lookups, glyphs, positions) {
    this.glyphs = glyphs;
    this.positions = positions;
    const it = (this.glyphIterator = new Iterator(glyphs));
    for (const { feature, lookup } of lookups as { feature: string; lookup: LookupTable }[]) {
      this.currentFeature = feature;
      it.reset(lookup.flags);
      let first = lookup[FIRST_GLYPHS];
      if (first === undefined) first = lookup[FIRST_GLYPHS] = firstGlyphs(lookup, firstCoverage);
      while (it.index < glyphs.length) {
        const cur = it.cur;
        if (!(feature in cur.features) || (first !== null && first[cur.id] !== 1)) {
          it.next();
          continue;
        }
        for (const table of lookup.subTables) if (this.applyLookup(lookup.lookupType, table)) break;
        it.next();
      }
    }
  };
}
