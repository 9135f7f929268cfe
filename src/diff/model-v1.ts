import { InputError, problem } from '../load/input-error.ts';
import { finishPart, type ChapterDraft, type PartDraft, type SectionDraft } from '../model/outline.ts';
import { withFigures, type LooseBlock } from '../model/figures.ts';
import { REPORT_MODEL_SCHEMA, REPORT_MODEL_VERSION, type ChapterKind, type ReportModel } from '../model/report-types.ts';
import { BUILT_IN_CHART_KINDS } from '../model/chart-kinds/registry.ts';

/** The schema of report models written before figures, block ids and chapter kinds (docs/report-model.md). */
export const REPORT_MODEL_SCHEMA_V1 = 'eindrapport/report-model@1';

/* The fields of @1 that changed; everything else is as in @2. */
type V1Block = { type: string; id?: string; source?: { file: string; key: string } } & Record<string, unknown>;
interface V1Section { id: string; number: string | null; title: string; group: string | null; scope: string; blocks: V1Block[] }
interface V1Chapter { id: string; number: number | null; title: string; product: string | null; topic: string; inToc: boolean; divider: ChapterDraft['divider']; intro: V1Block[]; sections: V1Section[] }
interface V1Part { id: string; kind: PartDraft['kind']; label: string | null; title: string | null; intro: V1Block[]; chapters: V1Chapter[] }

const ROLES: Record<string, string> = { paragraph: 'P', caption: 'P', note: 'P', list: 'L', table: 'Table', chart: 'Figure' };
const KINDS = new Set<string>(['summary', 'introduction', 'values', 'processes', 'methodology', 'appendix']);
/** In @1 a product chapter's id is its product key and this ending: the only place the key was written. */
const PRODUCT_CHAPTER_ENDING: Partial<Record<ChapterKind, string>> = { values: '-waarden', processes: '-werkprocessen' };
/** The narrative text that introduces a part, by its kind (as @2 names it in `textKey`). */
const PART_TEXT: Partial<Record<PartDraft['kind'], string>> = { organisation: 'deel-organisatie', products: 'deel-producten' };
const CHAPTER_TEXT: Partial<Record<ChapterKind, string>> = {
  summary: 'samenvatting', introduction: 'introductie', values: 'hoofdstuk-waarden', processes: 'hoofdstuk-werkprocessen', methodology: 'onderzoeksverantwoording',
};

/**
 * A report model @1 (from an earlier build) as @2, so `diff` can compare it with a new build:
 * chapters get their kind, product key, headings and levels; blocks an id and role; charts and
 * statements are gathered into figures by the same rule the PDF of that time used; narrative files
 * are named relative to the edition. What @1 does not say is left empty (a methodology section's
 * text key). Throws an InputError naming what to do when the file cannot be read as @1.
 */
export function upgradeModelV1(data: Record<string, unknown>, file: string): ReportModel {
  const cannot = (why: string) =>
    new InputError(
      problem(
        { file },
        `dit rapportmodel heeft het oude schema '${REPORT_MODEL_SCHEMA_V1}' en kan niet worden omgezet: ${why}.`,
        `Maak het model van die editie opnieuw met de huidige eindrapport (eindrapport build --edition <jaar>), of vergelijk de edities zelf: eindrapport diff <jaar> <jaar> of eindrapport diff --rev <revisie>.`,
      ),
    );
  const parts = data.parts as V1Part[];
  const blocks = (list: V1Block[], container: string): LooseBlock[] =>
    list.map((b, i) => {
      const role = ROLES[b.type];
      if (!role) throw cannot(`een blok in '${container}' heeft het onbekende type '${b.type}'`);
      const source = b.source ? { source: { ...b.source, file: editionRelative(b.source.file) } } : {};
      return { ...b, id: b.id ?? `${container}-${b.type}-${i + 1}`, role, ...source } as unknown as LooseBlock;
    });
  const chapter = (c: V1Chapter): ChapterDraft => {
    if (!KINDS.has(c.topic)) throw cannot(`hoofdstuk '${c.id}' heeft het onbekende onderwerp '${c.topic}'`);
    const kind = c.topic as ChapterKind;
    let productKey: string | null = null;
    if (c.product !== null) {
      const ending = PRODUCT_CHAPTER_ENDING[kind];
      if (!ending || !c.id.endsWith(ending)) throw cannot(`uit hoofdstuk '${c.id}' blijkt de productsleutel van ${c.product} niet`);
      productKey = c.id.slice(0, -ending.length);
    }
    const sections = c.sections.map((s): SectionDraft => ({
      id: s.id, number: s.number, title: s.title, group: s.group, scope: s.scope, textKey: s.group, blocks: blocks(s.blocks, s.id),
    }));
    return {
      id: c.id, kind, number: c.number, title: c.title, product: c.product, productKey, textKey: CHAPTER_TEXT[kind] ?? null,
      inToc: c.inToc, divider: c.divider, intro: blocks(c.intro, c.id), sections,
    };
  };
  if (!Array.isArray(parts)) throw cannot('parts ontbreekt');
  const upgraded = parts.map((p) => finishPart({ id: p.id, kind: p.kind, label: p.label, title: p.title, textKey: PART_TEXT[p.kind] ?? null, intro: blocks(p.intro, p.id), chapters: p.chapters.map(chapter) }, BUILT_IN_CHART_KINDS));
  const colofon = blocks((data.colofon as V1Block[]) ?? [], 'colofon');
  return {
    ...(data as unknown as ReportModel),
    schema: REPORT_MODEL_SCHEMA,
    version: REPORT_MODEL_VERSION,
    // @1 had no subject line; the diff does not read it.
    edition: { ...(data.edition as ReportModel['edition']), subject: '' },
    colofon: withFigures(colofon, BUILT_IN_CHART_KINDS),
    parts: upgraded,
  };
}

/** @1 named narrative files relative to where the build ran ("content/2018/narrative/rapport.yaml"). */
function editionRelative(file: string): string {
  const posix = file.split('\\').join('/');
  const at = posix.lastIndexOf('narrative/');
  return at >= 0 ? posix.slice(at) : posix;
}
