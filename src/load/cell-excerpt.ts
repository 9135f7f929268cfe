/**
 * What an error message may quote of an export cell. Cells of a wrongly mapped column can hold
 * open answers (names, e-mail addresses, complaints): an error message must never carry those out
 * of the process. A value is quoted only when it looks like an answer code or a choice label, and
 * then at most MAX_EXCERPT characters of it.
 */
export const MAX_EXCERPT = 40;

const CODE = /^[-+]?\d+(?:[.,]\d+)*$/;

/** A code ("7", "-99", "1,3") or a short label ("Helemaal eens"): safe to quote. */
export function looksLikeCode(value: string): boolean {
  const v = value.trim();
  if (CODE.test(v)) return true;
  // A choice label is short, one line, and has no contact details in it.
  return v.length <= MAX_EXCERPT && !/[@\n\r]/.test(v) && !/\d{4,}/.test(v) && v.split(/\s+/).length <= 5;
}

/** The cell as an error message may show it: clipped, on one line, quoted; or a description when it could be personal. */
export function quoteCell(value: string): string {
  if (!looksLikeCode(value)) return `(een tekst van ${value.length} tekens, niet getoond)`;
  const flat = value.replace(/\s+/g, ' ');
  return `'${flat.length > MAX_EXCERPT ? `${flat.slice(0, MAX_EXCERPT - 1)}…` : flat}'`;
}

/**
 * Whether the bad cells of one column look like open answers rather than a few wrong codes: then the
 * column is reported once, without any of its values.
 */
export function looksLikeFreeTextColumn(badValues: readonly string[]): boolean {
  const distinct = new Set<string>();
  for (const v of badValues) {
    if (!looksLikeCode(v)) return true;
    if (!CODE.test(v.trim())) distinct.add(v.trim().toLowerCase());
  }
  // Many different words in one answer column: typed text, not a misspelt label.
  return distinct.size > 5;
}
