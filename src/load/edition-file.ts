import { dirname, join, resolve } from 'node:path';
import { InputError, problem, type InputLocation } from './input-error.ts';
import { inputKind } from './input-tree.ts';

const YEAR = /^\d{4}$/;

/**
 * `--edition 2018` → content/2018/edition.yaml; a path to an edition file (any name ending in
 * .yaml/.yml) or to a folder holding edition.yaml works from anywhere.
 */
export function editionFile(edition: string, contentDir = 'content'): string {
  const found = findEditionFile(edition, YEAR.test(edition) ? contentDir : null);
  if (found) return found;
  const expected = YEAR.test(edition) ? join(contentDir, edition, 'edition.yaml') : edition;
  throw new InputError(
    problem(
      { file: expected },
      `editie '${edition}' niet gevonden.`,
      YEAR.test(edition)
        ? `Verwacht ${expected}; kies een jaar waarvoor een map in ${contentDir}/ bestaat, of geef het pad naar een edition.yaml of editiemap.`
        : 'Geef het pad naar een edition.yaml of naar de map waarin die staat, of een jaar uit content/.',
    ),
  );
}

/**
 * `previous_edition` of an edition: a year (the sibling folder <year>/ beside this edition's
 * folder, as in content/2018 next to content/2019) or a path relative to the edition file.
 * Returns the absolute path of the previous edition file; an InputError at `at` when it is missing.
 */
export function previousEditionFile(spec: number | string, editionPath: string, at: InputLocation): string {
  const dir = dirname(resolve(editionPath));
  const text = String(spec);
  const found = YEAR.test(text) ? findEditionFile(join(dir, '..', text), null) : findEditionFile(resolve(dir, text), null);
  if (!found) {
    throw new InputError(
      problem(
        at,
        `de vorige editie '${text}' bestaat niet (gezocht: ${YEAR.test(text) ? join(dir, '..', text, 'edition.yaml') : resolve(dir, text)}).`,
        'Geef een jaar (een map met dat jaar naast deze editie) of een pad naar de edition.yaml of editiemap, ten opzichte van dit bestand; of laat previous_edition leeg (null).',
      ),
    );
  }
  if (found === resolve(editionPath)) {
    throw new InputError(problem(at, 'previous_edition wijst naar deze editie zelf.', 'Geef de editie van het jaar ervoor, of laat previous_edition leeg (null).'));
  }
  return found;
}

function findEditionFile(spec: string, contentDir: string | null): string | null {
  const candidates = contentDir !== null ? [join(contentDir, spec, 'edition.yaml'), join(spec, 'edition.yaml')] : [spec, join(spec, 'edition.yaml'), join(spec, 'edition.yml')];
  for (const c of candidates) {
    if (/\.ya?ml$/i.test(c) && inputKind(c) === 'file') return resolve(c);
  }
  return null;
}
