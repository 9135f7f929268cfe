import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startWatch } from '../../../src/watch/watcher.ts';
import type { RebuildOutcome } from '../../../src/watch/rebuilder.ts';
import { completeEdition } from '../../check/complete-edition.ts';
import { readPdf } from '../../helpers/read-pdf.ts';
import { waitFor } from '../../helpers/wait-for.ts';
import { spawnCli } from '../../helpers/spawn-cli.ts';

const pdfText = async (path: string) => (await readPdf(path)).pages.join(' ').replace(/\s+/g, ' ');

describe('eindrapport watch', () => {
  it('rebuilds the PDF with the new text after a snippet is edited, and keeps the last good PDF on an error', { timeout: 90_000 }, async () => {
    const ed = completeEdition();
    const outDir = join(ed.dir, 'uitvoer');
    const printed: string[] = [];
    const outcomes: RebuildOutcome[] = [];
    const w = startWatch({ editionFile: ed.edition, outDir, print: (s) => printed.push(s), onRebuild: (o) => outcomes.push(o), debounceMs: 50 });
    try {
      await w.ready;
      expect(outcomes).toHaveLength(1);
      const first = outcomes[0]!;
      expect(first.ok).toBe(true);
      const pdf = first.ok ? first.result.pdfPath : '';
      expect(await pdfText(pdf)).toContain('Bij Alfa is 60% positief.');
      const survey = w.rebuilder.cache.survey;

      // 1. edit one snippet: the PDF is rebuilt with the new text; data and aggregates are reused
      ed.edit('narrative/product.yaml', (t) => t.replace('Bij {{product}} is {{positief "vertrouwen"}} positief.', 'Nieuw geschreven, bij {{product}} vertrouwt {{positief "vertrouwen"}} Logius.'));
      const second = await waitFor('a rebuild', () => outcomes[1]);
      expect(second.ok).toBe(true);
      expect(second.changed.map((p) => p.replace(ed.dir, ''))).toEqual(['/narrative/product.yaml']);
      const text = await pdfText(pdf);
      expect(text).toContain('Nieuw geschreven, bij Alfa vertrouwt 60% Logius.');
      expect(text).toContain('Nieuw geschreven, bij Beta vertrouwt 67% Logius.');
      expect(w.rebuilder.cache.survey).toBe(survey);
      expect(printed.join('\n')).toMatch(/Gewijzigd: .*narrative\/product\.yaml\nPDF bijgewerkt in \d+,\d s: .*uitvoer\/eindrapport-2030\.pdf \(\d+ pagina's\)\./);

      // 2. an error: the same message as check, and the PDF stays as it was
      const good = readFileSync(pdf);
      ed.edit('narrative/product.yaml', (t) => t.replace('{{positief "vertrouwen"}} Logius', '{{positief "vertrouwn"}} Logius'));
      const third = await waitFor('a failed rebuild', () => outcomes[2]);
      expect(third.ok).toBe(false);
      expect(readFileSync(pdf).equals(good)).toBe(true);
      const log = printed.join('\n');
      expect(log).toContain(`${ed.path('narrative/product.yaml')}:6:61: fout: in tekst 'betrouwbaar': onbekende vraag 'vertrouwn'. Bedoelt u 'vertrouwen'?`);
      expect(log).toMatch(/1 fout; de PDF is niet bijgewerkt, de laatste goede PDF blijft staan: .*eindrapport-2030\.pdf\./);

      // 3. fixed, and the data changed too: rebuilt, data read again
      ed.edit('narrative/product.yaml', (t) => t.replace('"vertrouwn"', '"vertrouwen"'));
      ed.edit('export.csv', (t) => t.replace('R_test00,persoon0@example.org,1,5,', 'R_test00,persoon0@example.org,1,1,'));
      const fourth = await waitFor('a rebuild after the fix', () => outcomes.find((o, i) => i >= 3 && o.ok));
      expect(fourth.ok).toBe(true);
      expect(w.rebuilder.cache.survey).not.toBe(survey);
      expect(await pdfText(pdf)).toContain('Nieuw geschreven, bij Alfa vertrouwt 40% Logius.');
    } finally {
      await w.close();
    }
  });

  it('runs from the command line until it is stopped', { timeout: 90_000 }, async () => {
    const ed = completeEdition();
    const outDir = join(ed.dir, 'uitvoer');
    const cli = spawnCli(['watch', '--edition', ed.dir, '--out-dir', outDir], { ...process.env, SOURCE_DATE_EPOCH: '1900000000' });
    try {
      await waitFor('the first build', () => (/Ik let op wijzigingen in: /.test(cli.stdout) ? true : undefined), 60_000);
      expect(cli.stdout).toMatch(/PDF bijgewerkt in \d+,\d s: .*eindrapport-2030\.pdf/);
      ed.edit('narrative/organisatie.yaml', (t) => t.replace('Hoe {{organisatie}} werkt.', 'Vanuit de watch gewijzigd.'));
      await waitFor('the rebuild', () => ((cli.stdout.match(/PDF bijgewerkt/g) ?? []).length >= 2 ? true : undefined), 60_000);
      expect(cli.stdout).toMatch(/Gewijzigd: .*narrative\/organisatie\.yaml/);
      expect(await pdfText(join(outDir, 'eindrapport-2030.pdf'))).toContain('Vanuit de watch gewijzigd.');
    } finally {
      cli.child.kill('SIGINT');
    }
    expect(await cli.exited).toBe(0);
    expect(cli.stdout).toContain('Gestopt.');
    expect(cli.stderr).toBe('');
  });
});
