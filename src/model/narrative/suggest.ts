import { distance } from 'fastest-levenshtein';

/** "Bedoelt u 'afspraken-nakomen'?" for the nearest known name, when one is close enough. */
export function suggest(wrong: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = distance(wrong.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  if (best === undefined || bestDistance > Math.max(2, Math.floor(wrong.length / 3))) return undefined;
  return `Bedoelt u '${best}'?`;
}
