import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError, problem } from '../load/input-error.ts';

/** `--edition 2018` → content/2018/edition.yaml; a path to an edition.yaml or its folder also works. */
export function editionFile(edition: string, contentDir = 'content'): string {
  const candidates = /^\d{4}$/.test(edition)
    ? [join(contentDir, edition, 'edition.yaml')]
    : [edition, join(edition, 'edition.yaml')];
  for (const c of candidates) {
    if (existsSync(c) && c.endsWith('.yaml')) return resolve(c);
  }
  throw new InputError(
    problem({ file: candidates[0]! }, `editie '${edition}' niet gevonden.`, `Verwacht ${candidates[0]}; kies een jaar waarvoor een map in ${contentDir}/ bestaat.`),
  );
}
