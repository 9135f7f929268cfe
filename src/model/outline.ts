import { withFigures, type LooseBlock } from './figures.ts';
import type { ChartKinds } from './chart-kinds/registry.ts';
import type { Chapter, HeadingLevel, Part, Section } from './report-types.ts';

/** A section as the builder writes it: blocks not yet in figures, no heading yet. */
export type SectionDraft = Omit<Section, 'heading' | 'headingLevel' | 'blocks'> & { blocks: LooseBlock[] };
export type ChapterDraft = Omit<Chapter, 'heading' | 'headingLevel' | 'intro' | 'sections'> & { intro: LooseBlock[]; sections: SectionDraft[] };
export type PartDraft = Omit<Part, 'headingLevel' | 'intro' | 'chapters'> & { intro: LooseBlock[]; chapters: ChapterDraft[] };

/** The heading as printed, everywhere (PDF, HTML, table of contents, diff, appendix): "1.2 Vakkundig". */
export function headingText(number: number | string | null, title: string): string {
  return number === null ? title : `${number} ${title}`;
}

/**
 * A part with its headings and figures: its title is level 1, a chapter one below its part's title
 * (or 1 in a part without one), a section one below its chapter, so levels never skip; each
 * heading's text is made here and nowhere else; charts and statements are gathered into figures.
 */
export function finishPart(draft: PartDraft, kinds: ChartKinds): Part {
  const { intro, chapters, ...rest } = draft;
  const titled = draft.title !== null;
  return {
    ...rest,
    ...(titled ? { headingLevel: 1 as const } : {}),
    intro: withFigures(intro, kinds),
    chapters: chapters.map((c) => finishChapter(c, titled, kinds)),
  };
}

/** A chapter of a part with (`partTitled`) or without a title, finished as in {@link finishPart}. */
export function finishChapter(draft: ChapterDraft, partTitled: boolean, kinds: ChartKinds): Chapter {
  const { intro, sections, ...rest } = draft;
  const level: HeadingLevel = partTitled ? 2 : 1;
  return {
    ...rest,
    heading: headingText(draft.number, draft.title),
    headingLevel: level,
    intro: withFigures(intro, kinds),
    sections: sections.map((s) => ({ ...s, heading: headingText(s.number, s.title), headingLevel: (level + 1) as HeadingLevel, blocks: withFigures(s.blocks, kinds) })),
  };
}
