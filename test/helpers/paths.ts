import { fileURLToPath } from 'node:url';

/** Paths tests share: the repository root and the tiny test edition. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const MINI_EDITION = fileURLToPath(new URL('../fixtures/mini/edition.yaml', import.meta.url));
export const EDITION_2018 = fileURLToPath(new URL('../../content/2018/edition.yaml', import.meta.url));
