import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { writeFileAtomic } from '../output/atomic-write.ts';
import { generatedFiles } from './schema-reference.ts';

/** `npm run docs`: writes the JSON Schema files and the field tables of the reference. */
export function main(): number {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  for (const [path, text] of generatedFiles(root)) {
    writeFileAtomic(join(root, path), text);
    process.stdout.write(`${path}\n`);
  }
  return 0;
}
