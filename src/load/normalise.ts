/** How names, answers and header texts compare with the export: case and whitespace do not count. */
export function normalise(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}
