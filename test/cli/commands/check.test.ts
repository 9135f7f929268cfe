import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/run-cli.ts';
import { completeEdition } from '../../check/complete-edition.ts';

const run = runCli;

describe('eindrapport check', () => {
  it('exits 0 and says so when the content is correct', async () => {
    const ed = completeEdition();
    const r = await run('check', '--edition', ed.dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Geen fouten of waarschuwingen in .*eindrapport-check-\w+ \(\d+,\d\d s\)\.\n$/);
  });

  it('prints each problem with file, line and column, and exits 1 on an error', async () => {
    const ed = completeEdition();
    ed.edit('narrative/organisatie.yaml', (t) => t.replace('(N = {{n "vertrouwen"}})', '(N = {{n "vertrouwn"}})'));
    const r = await run('check', '-e', ed.edition);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(`${ed.path('narrative/organisatie.yaml')}:8:15: fout: in tekst 'betrouwbaar': onbekende vraag 'vertrouwn'. Bedoelt u 'vertrouwen'?`);
    expect(lines[1]).toMatch(/^1 fout in /);
    expect(r.stderr).toBe('');
  });

  it('exits 0 when there are only warnings', async () => {
    const ed = completeEdition();
    ed.edit('narrative/organisatie.yaml', (t) => t.replace('{{circa "vertrouwen" "positief"}} is positief', '63% is positief'));
    const r = await run('check', '--edition', ed.dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(":7:31: waarschuwing: in tekst 'betrouwbaar': '63%' is met de hand getypt");
    expect(r.stdout).toMatch(/\n1 waarschuwing in /);
  });

  it('reports a YAML syntax error as a plain sentence', async () => {
    const ed = completeEdition();
    ed.edit('narrative/rapport.yaml', (t) => t.replace('colofon:', 'colofon\n  - kapot: [x'));
    const r = await run('check', '--edition', ed.dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/narrative\/rapport\.yaml:\d+:\d+: fout: YAML kan niet worden gelezen: /);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
  });

  it('explains itself in Dutch', async () => {
    const r = await run('check', '--help');
    expect(r.stdout).toContain('Controleert alle inhoud van een editie zonder de PDF te maken');
    expect(r.stdout).toContain('-e, --edition <jaar>');
  });

  it('names an edition that does not exist', async () => {
    const r = await run('check', '--edition', '1999');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("editie '1999' niet gevonden.");
  });
});
