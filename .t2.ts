import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
export async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'ck-'));
  cpSync('test/fixtures/mini', dir, { recursive: true });
  cpSync('test/check/fixtures/compleet', dir, { recursive: true });
  console.log(dir);
  return 0;
}
