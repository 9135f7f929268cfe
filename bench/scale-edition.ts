import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { parseDocument } from 'yaml';

/**
 * An edition with `products` products, made from the 2018 edition in `dir` (a temporary folder):
 * product k is a copy of 2018 product ((k − 1) mod 8) + 1 — its respondents (new response ids,
 * product code k), its invited count and segments — so every product brings the same kind of
 * work (chapters, charts, text) and the build time per product can be compared across sizes.
 * Returns the new edition.yaml.
 */
export function scaleEdition(source: string, dir: string, products: number): string {
  const sourceDir = dirname(resolve(source));
  cpSync(sourceDir, dir, { recursive: true });
  const editionFile = join(dir, 'edition.yaml');
  const doc = parseDocument(readFileSync(editionFile, 'utf8'));
  const edition = doc.toJS() as {
    data: { file: string; product_column: string; response_id_column: string };
    products: { key: string; name: string; code: number | string; invited: number }[];
  };
  const base = edition.products;
  const made = Array.from({ length: products }, (_, i) => {
    const b = base[i % base.length]!;
    const round = Math.floor(i / base.length);
    const product = round === 0 ? { ...b } : { ...b, key: `${b.key}-${round + 1}`, name: `${b.name} ${round + 1}`, code: 100 * (round + 1) + Number(b.code) };
    return { product, baseCode: String(b.code) };
  });
  // The export: three header rows, then respondents; each copied product gets its base's rows.
  const csvFile = resolve(sourceDir, edition.data.file);
  const text = readFileSync(csvFile, 'utf8');
  const rows = parseCsv(text.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
  const header = rows[0]!;
  const productCol = header.indexOf(edition.data.product_column);
  const idCol = header.indexOf(edition.data.response_id_column);
  if (productCol < 0 || idCol < 0) throw new Error(`${csvFile}: product or response id column missing`);
  const out = rows.slice(0, 3);
  const body = rows.slice(3);
  for (const { product: p, baseCode } of made) {
    for (const r of body) {
      if (r[productCol] !== baseCode) continue;
      const copy = [...r];
      copy[productCol] = String(p.code);
      if (String(p.code) !== baseCode) copy[idCol] = `${r[idCol]}_${p.code}`;
      out.push(copy);
    }
  }
  writeFileSync(join(dir, 'export.csv'), `\uFEFF${stringifyCsv(out, { record_delimiter: '\r\n', quoted_match: /[\r\n]/ })}`);
  doc.setIn(['data', 'file'], 'export.csv');
  doc.set('products', made.map((m) => m.product));
  doc.set('invited', made.reduce((sum, m) => sum + m.product.invited, 0));
  writeFileSync(editionFile, doc.toString());
  return editionFile;
}

/** `node bin/run-ts.js bench/scale-edition.ts <edition.yaml> <dir> <products>`: prints the edition file. */
export async function main([source, dir, products]: string[]): Promise<number> {
  console.log(scaleEdition(source!, dir!, Number(products)));
  return 0;
}
