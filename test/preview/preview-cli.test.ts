import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { completeEdition } from '../check/complete-edition.ts';
import { spawnCli } from '../helpers/spawn-cli.ts';

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
    const cli = spawnCli(['preview', '--edition', ed.dir, '--out-dir', join(ed.dir, 'uitvoer'), '--port', '0']);
    try {
      await waitFor('the address', () => /Voorbeeld: http:\/\/127\.0\.0\.1:\d+\//.test(cli.stdout));
      expect(cli.stdout).toMatch(/Webeditie bijgewerkt in \d+,\d+ s \(hele pagina\): .*uitvoer\/eindrapport-2030\/index\.html\./);
      const url = /Voorbeeld: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(cli.stdout)![1]!;
      const page = await (await fetch(url)).text();
      expect(page).toContain('<html lang="nl" data-preview-version="1">');
      expect(page).toContain('Bij Alfa is 60% positief.');
    } finally {
      cli.child.kill('SIGINT');
    }
    expect(await cli.exited).toBe(0);
    expect(cli.stdout).toContain('Gestopt.');
    expect(cli.stderr).toBe('');
  });

  it('refuses a port that is not a number, in Dutch', async () => {
    const ed = completeEdition();
    const cli = spawnCli(['preview', '--edition', ed.dir, '--port', 'tachtig']);
    const code = await cli.exited;
    expect(code).toBe(1);
    expect(cli.stderr).toContain("--port: fout: 'tachtig' is geen poortnummer. Geef een getal van 1 tot 65535, of 0 voor een vrije poort.");
  });
});
