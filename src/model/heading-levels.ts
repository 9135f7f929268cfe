import type { HeadingLevel, Part } from './report-types.ts';

/**
 * Heading levels from the tree, so no reader has to infer them from styles: a part's title is
 * level 1, a chapter one below its part's title (or 1 in a part without one), a section one below
 * its chapter. Levels never skip.
 */
export function assignHeadingLevels(parts: Part[]): void {
  for (const part of parts) {
    const titled = part.title !== null;
    if (titled) part.headingLevel = 1;
    else delete part.headingLevel;
    const chapterLevel: HeadingLevel = titled ? 2 : 1;
    for (const chapter of part.chapters) {
      chapter.headingLevel = chapterLevel;
      for (const section of chapter.sections) section.headingLevel = (chapterLevel + 1) as HeadingLevel;
    }
  }
}
