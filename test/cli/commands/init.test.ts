import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/paths.ts';
import { runCli } from '../../helpers/run-cli.ts';

describe('eindrapport init', () => {
  it('writes the edition and prints a Dutch to-do list with file and line; refuses an existing folder', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'eindrapport-init-cli-')), '2019');
    const args = ['init', '2019', '--from', join(ROOT, 'fixtures/2019/qualtrics-export-2019.csv'), '--previous', '2018', '--out', out];
    const first = await runCli(...args);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`Editie 2019 geschreven in ${out}`);
    expect(first.stdout).toMatch(/Nog te beslissen \(\d+; check en build melden ze tot ze zijn ingevuld\):/);
    expect(first.stdout).toMatch(/edition\.yaml:\d+: TE DOEN: aantal uitgenodigden voor Digipoort\n/);
    expect(first.stdout).toContain('Daarna: npx eindrapport check --edition 2019');

    const again = await runCli(...args);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('fout: deze map bestaat al; init schrijft nooit in een bestaande editie. Kies een andere map met --out, of geef --force');
  });

  it('says what is wrong with a year that is not one', async () => {
    const r = await runCli('init', 'volgend-jaar', '--from', 'x.csv');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("'volgend-jaar' is geen jaartal.");
  });
});
