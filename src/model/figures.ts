import type { ChartKinds } from './chart-kinds/registry.ts';
import type { Block, CaptionBlock, ChartBlock, FigureBlock, FigureMember, ListBlock, NoteBlock, ParagraphBlock, TableBlock } from './report-types.ts';

/** A block as the builder writes it, before charts and statements are gathered into figures. */
export type LooseBlock = ParagraphBlock | ListBlock | TableBlock | NoteBlock | CaptionBlock | ChartBlock;

/**
 * Whether `next` belongs with the block before it on one page: a statement with its note, a note
 * with the list of its statements, a chart with the note right under it, a chart with the
 * breakdown chart (segments) right after it.
 */
function keptWith(prev: LooseBlock, next: LooseBlock, kinds: ChartKinds): boolean {
  return (
    (prev.type === 'caption' && (next.type === 'chart' || next.type === 'note')) ||
    (prev.type === 'note' && next.type === 'list') ||
    (prev.type === 'chart' && next.type === 'chart' && kinds.get(next.chart).breaksDownPrevious) ||
    (prev.type === 'chart' && next.type === 'note')
  );
}

const isMember = (b: LooseBlock): b is FigureMember => b.type === 'caption' || b.type === 'chart' || b.type === 'note' || b.type === 'list';

/**
 * Gathers blocks into figures, the units a page keeps together: every chart and every statement
 * is in one, with what is kept with it; a note with its list forms one too. Other blocks stay as
 * they are. The figure's id is its first member's with "-figuur".
 */
export function withFigures(blocks: LooseBlock[], kinds: ChartKinds): Block[] {
  const units: LooseBlock[][] = [];
  for (const b of blocks) {
    const last = units[units.length - 1];
    if (last && keptWith(last[last.length - 1]!, b, kinds)) last.push(b);
    else units.push([b]);
  }
  return units.map((unit): Block => {
    const [first] = unit as [LooseBlock];
    const single = unit.length === 1 && first.type !== 'chart' && first.type !== 'caption';
    if (single) return first as Block;
    return figure(unit.map((b) => {
      if (!isMember(b)) throw new Error(`block ${b.id} (${b.type}) cannot be part of a figure`);
      return b;
    }));
  });
}

function figure(members: FigureMember[]): FigureBlock {
  return { type: 'figure', id: `${members[0]!.id}-figuur`, role: 'Div', blocks: members };
}
