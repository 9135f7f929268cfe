import type { AnyBlock, Block, Chapter, FigureBlock, Part, ReportModel, Section } from './report-types.ts';

/** Where a block sits: its part (null: the colofon), chapter, section and figure, when it has them. */
export interface BlockPlace {
  part: Part | null;
  chapter: Chapter | null;
  section: Section | null;
  /** The figure the block is a member of. */
  figure: FigureBlock | null;
}

export interface ModelVisitor {
  part?(part: Part): void;
  chapter?(chapter: Chapter, part: Part): void;
  section?(section: Section, chapter: Chapter, part: Part): void;
  /** Every block in reading order; a figure first, then its members. */
  block?(block: AnyBlock, place: BlockPlace): void;
}

/**
 * The one walk over the report model, in reading order: the colofon, then each part (its intro),
 * its chapters (their intros) and their sections. Containers are visited before their blocks, also
 * when they have none.
 */
export function walkModel(model: ReportModel, visitor: ModelVisitor): void {
  const blocks = (list: Block[], place: Omit<BlockPlace, 'figure'>) => {
    if (!visitor.block) return;
    for (const b of list) {
      visitor.block(b, { ...place, figure: null });
      if (b.type === 'figure') for (const m of b.blocks) visitor.block(m, { ...place, figure: b });
    }
  };
  blocks(model.colofon, { part: null, chapter: null, section: null });
  for (const part of model.parts) {
    visitor.part?.(part);
    blocks(part.intro, { part, chapter: null, section: null });
    for (const chapter of part.chapters) {
      visitor.chapter?.(chapter, part);
      blocks(chapter.intro, { part, chapter, section: null });
      for (const section of chapter.sections) {
        visitor.section?.(section, chapter, part);
        blocks(section.blocks, { part, chapter, section });
      }
    }
  }
}

/** Every block of the model in reading order, figures and their members included. */
export function visitBlocks(model: ReportModel, visit: (block: AnyBlock, place: BlockPlace) => void): void {
  walkModel(model, { block: visit });
}

/** The blocks of one kind, in reading order. */
export function blocksOfType<T extends AnyBlock['type']>(model: ReportModel, type: T): Extract<AnyBlock, { type: T }>[] {
  const out: Extract<AnyBlock, { type: T }>[] = [];
  visitBlocks(model, (b) => {
    if (b.type === type) out.push(b as Extract<AnyBlock, { type: T }>);
  });
  return out;
}
