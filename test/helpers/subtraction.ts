import type { Block, ChartBlock, ReportModel } from '../../src/model/report-types.ts';
import { flatBlocks } from './model-blocks.ts';

/** What an outsider knows of an edition's structure: products and their segments, by name/label. */
export interface Structure {
  minimum: number;
  products: { name: string; segments: { key: string; label: string }[] }[];
}

/** A group whose figures an outsider can work out from the published report although it is small. */
export interface Derived {
  question: string;
  /** e.g. "DigiD A" or "DigiD A+B" or "Logius − products". */
  group: string;
  n: number;
  counts: Record<string, number>;
}


interface Cell {
  n: number;
  counts: Record<string, number>;
}

/**
 * Plays the attacker on a report model read from its JSON: for every published total (Logius as a
 * whole, a product) subtracts the published parts (products, segments — where a product is not
 * published but all its segments are, their sum) and reports every remainder that holds between 1
 * and minimum − 1 answers: a group too small to publish, worked out by subtraction.
 */
export function derivableSmallGroups(model: ReportModel, structure: Structure): Derived[] {
  const cells = new Map<string, Map<string, Cell>>();
  const put = (question: string, scope: string, segment: string, cell: Cell) => {
    const m = cells.get(question) ?? new Map<string, Cell>();
    m.set(`${scope}|${segment}`, cell);
    cells.set(question, m);
  };
  for (const b of flatBlocks(model)) {
    if (b.type === 'chart' && b.chart !== 'respondents') {
      for (const r of (b as ChartBlock).rows) put(r.question, r.scope, r.segment, { n: r.n, counts: r.counts });
    }
    if (b.type === 'paragraph') {
      for (const f of b.figures) {
        if (f.measure === 'n' && !cells.get(f.question)?.has(`${f.scope}|${f.segment}`)) put(f.question, f.scope, f.segment, { n: f.value, counts: {} });
      }
    }
  }
  const out: Derived[] = [];
  const subtract = (question: string, group: string, total: Cell, parts: Cell[]) => {
    const n = total.n - parts.reduce((s, p) => s + p.n, 0);
    if (n <= 0 || n >= structure.minimum) return;
    const counts: Record<string, number> = {};
    for (const [label, c] of Object.entries(total.counts)) counts[label] = c - parts.reduce((s, p) => s + (p.counts[label] ?? 0), 0);
    out.push({ question, group, n, counts });
  };
  for (const [question, m] of cells) {
    const productKnown: (Cell | undefined)[] = [];
    for (const p of structure.products) {
      const total = m.get(`${p.name}|all`);
      const segs = p.segments.map((s) => m.get(`${p.name}|${s.key}`));
      const shown = segs.filter((c): c is Cell => c !== undefined);
      if (total && p.segments.length) {
        const missing = p.segments.filter((_, i) => !segs[i]).map((s) => s.key);
        subtract(question, `${p.name} ${missing.join('+')}`, total, shown);
      }
      // A product not shown whose segments are all shown is known as their sum.
      const sum = shown.length && shown.length === p.segments.length ? { n: shown.reduce((s, c) => s + c.n, 0), counts: sumCounts(shown) } : undefined;
      productKnown.push(total ?? sum);
    }
    const org = m.get('organisation|all');
    if (org) subtract(question, `organisatie − producten (${structure.products.filter((_, i) => !productKnown[i]).map((p) => p.name).join('+')})`, org, productKnown.filter((c): c is Cell => c !== undefined));
  }
  return out;
}

function sumCounts(cells: Cell[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of cells) for (const [k, v] of Object.entries(c.counts)) out[k] = (out[k] ?? 0) + v;
  return out;
}

/**
 * The same for respondent counts: the divider page of each product ("281 respondenten …, waarvan
 * 215 in de C-categorie, …") and the respondents chart against the total number of respondents.
 */
export function derivableSmallRespondentCounts(model: ReportModel, structure: Structure): string[] {
  const out: string[] = [];
  const small = (n: number) => n > 0 && n < structure.minimum;
  for (const c of model.parts.flatMap((p) => p.chapters)) {
    if (!c.divider) continue;
    const text = c.divider.lines.join(' ');
    const total = /^([\d.]+) respondenten/.exec(text);
    const product = structure.products.find((p) => p.name === c.divider!.title);
    if (!total || !product?.segments.length) continue;
    const singles = [...text.matchAll(/([\d.]+) in de ([^,]+?)(?=,|$)/g)].filter((m) => !m[2]!.endsWith('samen'));
    for (const m of singles) if (small(num(m[1]!))) out.push(`${product.name}: ${m[0]}`);
    const rest = num(total[1]!) - singles.reduce((s, m) => s + num(m[1]!), 0);
    if (small(rest)) out.push(`${product.name}: ${rest} in de niet genoemde segmenten`);
  }
  for (const b of flatBlocks(model)) {
    if (b.type !== 'chart' || b.chart !== 'respondents') continue;
    const singles = b.rows.filter((r) => !r.label.endsWith(' samen')).map((r) => r.counts.respondenten ?? 0);
    for (const v of singles) if (small(v)) out.push(`respondentengrafiek: ${v}`);
    const rest = b.n - singles.reduce((s, v) => s + v, 0);
    if (small(rest)) out.push(`respondentengrafiek: ${rest} bij de niet genoemde producten`);
  }
  return out;
}

function num(s: string): number {
  return Number(s.replace(/\./g, ''));
}
