import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { completeEdition } from '../check/complete-edition.ts';
import { ROOT } from '../helpers/paths.ts';

async function waitFor(what: string, ok: () => boolean, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('eindrapport preview on the command line', () => {
  it('says where the page is, serves it on 127.0.0.1 until stopped', { timeout: 90_000 }, async () => {
    const ed = completeEdition();
    const child = spawn(process.execPath, [join(ROOT, 'bin/eindrapport.js'), 'preview', '--edition', ed.dir, '--out-dir', join(ed.dir, 'uitvoer'), '--port', '0'], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    try {
      await waitFor('the address', () => /Voorbeeld: http:\/\/127\.0\.0\.1:\d+\//.test(stdout));
      expect(stdout).toMatch(/Webeditie bijgewerkt in \d+,\d+ s \(hele pagina\): .*uitvoer\/eindrapport-2030\/index\.html\./);
      const url = /Voorbeeld: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)![1]!;
      const page = await (await fetch(url)).text();
      expect(page).toContain('<html lang="nl" data-preview-version="1">');
      expect(page).toContain('Bij Alfa is 60% positief.');
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(stdout).toContain('Gestopt.');
    expect(stderr).toBe('');
  });

  it('refuses a port that is not a number, in Dutch', async () => {
    const ed = completeEdition();
    const child = spawn(process.execPath, [join(ROOT, 'bin/eindrapport.js'), 'preview', '--edition', ed.dir, '--port', 'tachtig'], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    expect(code).toBe(1);
    expect(stderr).toContain("--port: fout: 'tachtig' is geen poortnummer. Geef een getal van 1 tot 65535, of 0 voor een vrije poort.");
  });
});
