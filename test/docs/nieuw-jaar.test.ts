import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.ts';
import { runCli } from '../helpers/run-cli.ts';
import { expectCommandExists, guideBlocks } from './guide-examples.ts';

const markdown = readFileSync(join(ROOT, 'docs/nieuw-jaar.md'), 'utf8');
const blocks = guideBlocks(markdown);
const commands = blocks.filter((b) => b.lang === 'sh').map((b) => b.body.trim());
const FOLDER = 'voorbeeld/2019';

/** The output blocks that follow a command, up to the next command. */
function after(command: string, lang: string): string[][] {
  const start = blocks.findIndex((b) => b.lang === 'sh' && b.body.trim() === command);
  const out: string[][] = [];
  for (const b of blocks.slice(start + 1)) {
    if (b.lang === 'sh') break;
    if (b.lang === lang) out.push(b.body.split('\n').filter((l) => l.trim()));
  }
  return out;
}

describe('docs/nieuw-jaar.md', () => {
  it('uses only commands and options that exist', async () => {
    expect(commands.map((c) => c.split(' ')[2])).toEqual(['init', 'check', 'build', 'diff']);
    for (const line of commands) await expectCommandExists(line);
  });

  it('walks from the 2019 export to a checked edition exactly as the guide shows', async () => {
    const base = mkdtempSync(join(tmpdir(), 'eindrapport-nieuw-jaar-'));
    const shown = (s: string) => s.replaceAll(`${base}/`, '');
    const run = async (command: string) => {
      const args = command.split(/\s+/).slice(2).map((a) => (a === FOLDER ? join(base, FOLDER) : a));
      const r = await runCli(...args);
      return { ...r, lines: shown(r.stdout).split('\n') };
    };

    // Step 1: init prints what the guide shows.
    const init = await run(commands[0]!);
    expect(init.stderr).toBe('');
    for (const block of after(commands[0]!, 'uitvoer')) for (const line of block) expect(init.lines, line).toContain(line);

    // Step 2: every yaml block replaces the lines it names; then nothing is left open.
    const edits = blocks.filter((b) => b.lang === 'yaml');
    expect(edits.length).toBeGreaterThanOrEqual(6);
    for (const b of edits) {
      const [header, ...body] = b.body.split('\n');
      const m = /^# (voorbeeld\/2019\/[\w/.-]+), regel (\d+)$/.exec(header!);
      expect(m, header).not.toBeNull();
      const file = join(base, m![1]!);
      const lines = readFileSync(file, 'utf8').split('\n');
      const at = Number(m![2]) - 1;
      for (let i = 0; i < body.length; i++) expect(lines[at + i], `${header} +${i}`).toContain('TE DOEN');
      lines.splice(at, body.length, ...body);
      writeFileSync(file, lines.join('\n'));
    }

    // Step 3: check no longer reports an open item, and prints what the guide shows.
    const check = await run(commands[1]!);
    expect(check.stdout).not.toContain('nog open');
    for (const block of after(commands[1]!, 'melding')) for (const line of block) expect(check.lines, line).toContain(line);
  });
});
