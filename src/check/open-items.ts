import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InputProblem } from '../load/input-error.ts';
import { findOpenItems, openItemProblem } from '../load/open-items.ts';
import { displayPath, parseYaml, type ParsedYaml } from '../load/yaml-file.ts';

/** Open items in every YAML file of an edition folder (edition, questionnaire, narrative), as problems. */
export function openItemsInFolder(dir: string): InputProblem[] {
  const out: InputProblem[] = [];
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml')).sort();
  for (const name of files) {
    const path = join(dir, name);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      continue; // the loader reports unreadable files
    }
    if (!text.includes('TE DOEN')) continue;
    let parsed: ParsedYaml;
    try {
      parsed = parseYaml(text, displayPath(path));
    } catch {
      continue; // syntax errors are reported by the loader
    }
    out.push(...findOpenItems(parsed).map((item) => openItemProblem(parsed.file, item)));
  }
  return out;
}
