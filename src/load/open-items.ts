import type { Node } from 'yaml';
import { yamlLib } from './yaml-lib.ts';
import { problem, type InputProblem } from './input-error.ts';
import type { ParsedYaml } from './yaml-file.ts';

/**
 * Open items: what `eindrapport init` could not know and left for a person to decide. Any YAML
 * scalar value that begins with "TE DOEN" is one (e.g. `invited: "TE DOEN: aantal uitgenodigden
 * voor Digipoort"`); `check` and `build` report each as an error at its line until it is filled in.
 */
export const OPEN_ITEM = /^\s*TE DOEN\b/;

export interface OpenItem {
  path: (string | number)[];
  text: string;
  line: number;
  column: number;
}

/** Every open item in a document, in file order. */
export function findOpenItems(parsed: ParsedYaml): OpenItem[] {
  const { isMap, isScalar, isSeq } = yamlLib();
  const out: OpenItem[] = [];
  const visit = (node: unknown, path: (string | number)[]) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        visit(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item, [...path, i]));
    } else if (isScalar(node) && typeof node.value === 'string' && OPEN_ITEM.test(node.value)) {
      const pos = parsed.lines.linePos((node as Node).range?.[0] ?? 0);
      out.push({ path, text: node.value.trim().replace(/\s+/g, ' '), line: pos.line, column: pos.col });
    }
  };
  visit(parsed.doc.contents, []);
  return out;
}

export function openItemProblem(file: string, item: OpenItem): InputProblem {
  return problem(
    { file, line: item.line, column: item.column },
    `nog open: ${item.text}`,
    'Vul hier de juiste waarde in en haal de woorden "TE DOEN" weg (eindrapport init liet dit open).',
  );
}

/** Whether a validation issue at `path` lies at or under an open item (so it is not reported twice). */
export function underOpenItem(items: readonly OpenItem[], path: readonly PropertyKey[]): boolean {
  return items.some((item) => item.path.length <= path.length && item.path.every((p, i) => String(p) === String(path[i])));
}
