import { visitBlocks } from '../../src/model/visit-blocks.ts';
import type { FigureMember, ParagraphBlock, ReportModel, TableBlock } from '../../src/model/report-types.ts';

/** Every block of the model in reading order, with the members of figures in place of the figures. */
export function flatBlocks(model: ReportModel): (FigureMember | ParagraphBlock | TableBlock)[] {
  const out: (FigureMember | ParagraphBlock | TableBlock)[] = [];
  visitBlocks(model, (b) => {
    if (b.type !== 'figure') out.push(b);
  });
  return out;
}
