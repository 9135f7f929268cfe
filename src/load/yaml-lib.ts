import { createRequire } from 'node:module';

type Yaml = typeof import('yaml');

const require = createRequire(import.meta.url);
let lib: Yaml | undefined;

/**
 * The yaml library, loaded when the first file is parsed: a build whose inputs all come from the
 * cache on disk (input-memo.ts) parses no YAML and does not load it.
 */
export function yamlLib(): Yaml {
  return (lib ??= require('yaml') as Yaml);
}
