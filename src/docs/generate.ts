import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { writeFileAtomic } from '../output/atomic-write.ts';
import { generatedFiles } from './schema-reference.ts';
import { helperReferenceFiles } from './helper-reference.ts';

/** `npm run docs`: writes the JSON Schema files, the field tables of the reference and the helper table of the guide. */
export function main(): number {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  for (const [path, text] of [...generatedFiles(root), ...helperReferenceFiles(root)]) {
    writeFileAtomic(join(root, path), text);
    process.stdout.write(`${path}\n`);
  }
  return 0;
}
