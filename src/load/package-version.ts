import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The installed version of a package, as `from` (this program by default) finds it: read from its
 * package.json, which not every package lists among its exports (Vega's, fontkit's). Part of the
 * version of every cache whose content the package decides.
 */
export function packageVersion(name: string, from: NodeJS.Require = require): string {
  for (const dir of from.resolve.paths(name) ?? []) {
    const file = join(dir, name, 'package.json');
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  }
  throw new Error(`${name}: package.json niet gevonden`);
}
