/**
 * A generated part of a hand-written document: the text between two markers is replaced, the
 * rest is left as written. `npm run docs` writes it; a test fails when it is stale.
 */
export const GENERATED_END = '<!-- einde gegenereerd -->';

export function generatedBegin(source: string): string {
  return `<!-- begin: gegenereerd door npm run docs uit ${source}; niet met de hand bewerken -->`;
}

/** `doc` with the part between `begin` and the end marker replaced by `text`. */
export function spliceGenerated(doc: string, file: string, begin: string, text: string): string {
  const start = doc.indexOf(begin);
  const end = doc.indexOf(GENERATED_END, start);
  if (start < 0 || end < start) throw new Error(`${file} mist de markeringen ${begin} … ${GENERATED_END}`);
  return `${doc.slice(0, start + begin.length)}\n\n${text}\n\n${doc.slice(end)}`;
}
