import { resolve, sep } from 'node:path';

/**
 * Which file of the edition folder a request names, or null when it names anything else: the
 * preview server answers only with files of the edition being previewed. Refused: `..` and `.`
 * segments (also percent-encoded, also encoded twice), backslashes, encoded slashes, NUL, absolute
 * and protocol-relative forms (`//host/…`, `/C:/…`), and anything that would resolve outside.
 */
export function editionFile(root: string, rawUrl: string): string | null {
  if (!rawUrl.startsWith('/') || rawUrl.startsWith('//')) return null;
  const pathPart = rawUrl.split(/[?#]/, 1)[0]!;
  const segments: string[] = [];
  for (const raw of pathPart.split('/').slice(1)) {
    let segment = raw;
    // Decode until stable, so %252e%252e is seen as '..' too.
    for (let i = 0; i < 3; i++) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        return null;
      }
      if (decoded === segment) break;
      segment = decoded;
    }
    if (segment === '.' || segment === '..' || /[\\/\0:]/.test(segment)) return null;
    segments.push(segment);
  }
  const base = resolve(root);
  const file = resolve(base, ...segments);
  return file === base || file.startsWith(base + sep) ? file : null;
}
