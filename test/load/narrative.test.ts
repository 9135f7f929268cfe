import { describe, expect, it } from 'vitest';
import { loadNarrative } from '../../src/load/content.ts';
import { loadEdition } from '../../src/load/edition.ts';
import { MINI_EDITION } from '../helpers/paths.ts';
import { copyEdition } from '../helpers/temp-edition.ts';
import { useTempCacheDir } from '../helpers/temp-cache-dir.ts';

useTempCacheDir('narrative-');

/** Unchanged narrative files are not parsed again within a process (src/load/content.ts): an edited one always is. */
describe('narrative files read again after edits (watch)', () => {
  it('gives the edited text and its lines, and the unchanged files as they were', () => {
    const ed = copyEdition(MINI_EDITION);
    const keys = loadEdition(ed.edition).products.map((p) => p.key);
    const load = () => loadNarrative(ed.dir, keys);
    const first = load();
    const org = 'narrative/organisatie.yaml';
    const paragraph = (n: ReturnType<typeof load>) => n.organisation.get('betrouwbaar')!.paragraphs[0]!;
    expect(paragraph(first)).toContain('Het beeld is');

    // An edit that keeps the file's length.
    ed.edit(org, (t) => t.replace('Het beeld is', 'Het BEELD is'));
    const edited = load();
    expect(paragraph(edited)).toContain('Het BEELD is');
    expect(edited.report).toEqual(first.report);
    expect(edited.product).toEqual(first.product);

    // Lines moved: every snippet of the file has its new line.
    ed.edit(org, (t) => `# opmerking\n\n${t}`);
    const moved = load();
    expect(moved.organisation.get('betrouwbaar')!.lines).toEqual(first.organisation.get('betrouwbaar')!.lines.map((l) => l + 2));

    // And back.
    ed.edit(org, (t) => t.replace('# opmerking\n\n', '').replace('Het BEELD is', 'Het beeld is'));
    expect(load()).toEqual(first);
  });
});
