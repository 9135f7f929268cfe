import type { ExportItem } from './export-items.ts';
import { matchText } from './export-items.ts';
import type { PreviousQuestion } from './previous.ts';

/**
 * Which previous question each export item is: the same ImportId and text, else the same
 * (normalised) text under another ImportId (renumbered in Qualtrics), else the same ImportId with
 * other text (reworded: a person decides whether it still means the same). A single column only
 * matches a single-column question, a multi-select only a multi-select.
 */
export type MatchHow = 'import-id-and-text' | 'text' | 'import-id';

export interface Match {
  item: ExportItem;
  previous: PreviousQuestion;
  how: MatchHow;
}

export function matchItems(items: ExportItem[], previous: PreviousQuestion[]): { matches: Match[]; unmatchedItems: ExportItem[]; unmatchedPrevious: PreviousQuestion[] } {
  const free = new Set(previous);
  const found = new Map<ExportItem, Match>();
  const compatible = (item: ExportItem, q: PreviousQuestion) => (item.kind === 'multi') === (q.kind === 'multiselect' && q.options.length > 0 && q.column === null);
  const idOf = (q: PreviousQuestion) => (q.kind === 'multiselect' && q.column === null ? baseId(q.importId) : q.importId);
  const textOf = (item: ExportItem) => matchText(item.kind === 'multi' ? item.question : item.text);
  const prevText = (q: PreviousQuestion) => (q.text === null ? null : matchText(q.kind === 'multiselect' && q.column === null ? questionPart(q.text) : q.text));

  const pass = (how: MatchHow, same: (item: ExportItem, q: PreviousQuestion) => boolean) => {
    for (const item of items) {
      if (found.has(item)) continue;
      const candidates = [...free].filter((q) => compatible(item, q) && same(item, q));
      // Ambiguous (two previous questions with this text): leave it to a person.
      if (candidates.length !== 1) continue;
      const q = candidates[0]!;
      found.set(item, { item, previous: q, how });
      free.delete(q);
    }
  };
  pass('import-id-and-text', (item, q) => item.importId !== null && item.importId === idOf(q) && textOf(item) === prevText(q));
  pass('text', (item, q) => textOf(item) === prevText(q));
  pass('import-id', (item, q) => item.importId !== null && item.importId === idOf(q));
  return {
    matches: items.filter((i) => found.has(i)).map((i) => found.get(i)!),
    unmatchedItems: items.filter((i) => !found.has(i)),
    unmatchedPrevious: previous.filter((q) => free.has(q)),
  };
}

/** "QID15" for an option's ImportId "QID15" (current export) or "QID15-2" (Insights). */
export function baseId(id: string | null): string | null {
  return id === null ? null : (/^(QID\d+)/.exec(id)?.[1] ?? id);
}

/** A multi-select option's header is "question - choice": the question part. */
function questionPart(text: string): string {
  const at = text.lastIndexOf(' - ');
  return at > 0 ? text.slice(0, at) : text;
}
