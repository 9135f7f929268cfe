import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Every page of a PDF as PNG bytes (pdftoppm), in page order. */
export function pageImages(pdf: Buffer | string, dpi = 30): Buffer[] {
  const dir = mkdtempSync(join(tmpdir(), 'pages-'));
  try {
    const file = typeof pdf === 'string' ? pdf : join(dir, 'in.pdf');
    if (typeof pdf !== 'string') writeFileSync(file, pdf);
    execFileSync('pdftoppm', ['-r', String(dpi), '-png', file, join(dir, 'p')]);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .sort()
      .map((f) => readFileSync(join(dir, f)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** 1-based numbers of the pages whose images differ (and of pages only one side has). */
export function differingPages(a: Buffer[], b: Buffer[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (!a[i] || !b[i] || !a[i]!.equals(b[i]!)) out.push(i + 1);
  return out;
}
