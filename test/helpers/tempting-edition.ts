import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { MINI_EDITION } from './paths.ts';
import type { Structure } from './subtraction.ts';

/**
 * A small generated edition built to tempt disclosure control: product Alfa with segments A, B and
 * C, and products Beta and Gamma, with the given number of respondents in each. Everyone answers
 * "vertrouwen" (answers cycling over the scale) and "aangesloten" (Ja); the questionnaire is the
 * mini edition's.
 */
export interface Sizes {
  A: number;
  B: number;
  C: number;
  beta: number;
  gamma: number;
}

export const TEMPTING_MINIMUM = 10;

export function temptingEdition(sizes: Sizes): { edition: string; structure: Structure } {
  const dir = mkdtempSync(join(tmpdir(), 'eindrapport-onthulling-'));
  const mini = dirname(MINI_EDITION);
  cpSync(join(mini, 'questionnaire.yaml'), join(dir, 'questionnaire.yaml'));
  cpSync(join(mini, 'narrative'), join(dir, 'narrative'), { recursive: true });
  // Texts that hold whatever is suppressed: figures only behind {{#if (voldoende …)}}.
  writeFileSync(join(dir, 'narrative', 'product.yaml'), 'betrouwbaar:\n  - "{{#if (voldoende \\"vertrouwen\\")}}Bij {{product}} is {{positief \\"vertrouwen\\"}} positief.{{/if}}"\n');
  writeFileSync(
    join(dir, 'narrative', 'rapport.yaml'),
    'colofon:\n  - Testrapport {{jaar}}.\nsamenvatting:\n  - "Er reageerden {{respons \\"gerespondeerd\\"}} afnemers."\nonderzoeksverantwoording-vertrouwelijkheid:\n  - Antwoorden worden vertrouwelijk behandeld.\n',
  );
  const alfa = sizes.A + sizes.B + sizes.C;
  const invited = (n: number) => n * 2 + 10;
  writeFileSync(
    join(dir, 'edition.yaml'),
    [
      'year: 2031',
      'title: Testonderzoek 2031',
      'subtitle: Eindrapport',
      'organisation: Logius',
      'author: Logius',
      'published: 2031-12-01',
      'fieldwork: { from: 2031-09-01, to: 2031-10-31 }',
      'data: { file: export.csv, product_column: Q1, segment_column: Cat }',
      `invited: ${invited(alfa) + invited(sizes.beta) + invited(sizes.gamma)}`,
      `min_group_size: ${TEMPTING_MINIMUM}`,
      'products:',
      `  - key: alfa`,
      `    name: Alfa`,
      `    code: 1`,
      `    invited: ${invited(alfa)}`,
      `    segments:`,
      `      - { key: A, code: A, label: A-categorie, description: de grote afnemers }`,
      `      - { key: B, code: B, label: B-categorie, description: de middelgrote afnemers }`,
      `      - { key: C, code: C, label: C-categorie, description: de overige afnemers }`,
      `  - { key: beta, name: Beta, code: 2, invited: ${invited(sizes.beta)} }`,
      `  - { key: gamma, name: Gamma, code: 3, invited: ${invited(sizes.gamma)} }`,
      '',
    ].join('\n'),
  );
  const header = 'StartDate,EndDate,Status,IPAddress,Progress,Finished,ResponseId,RecipientEmail,Q1,Q2,Q3,Q4,Q5_1,Q5_2,Cat,Q6_TEXT';
  const labels = 'Start Date,End Date,Response Type,IP Address,Progress,Finished,Response ID,Recipient Email,Product,Vertrouwen,Aangesloten,Tevreden,Wat kan beter? - Snelheid,Wat kan beter? - Uitleg,Cat,Opmerking';
  const ids = header.split(',').map((c) => `"{""ImportId"": ""${c}""}"`).join(',');
  const rows: string[] = [];
  const add = (product: number, segment: string, count: number) => {
    for (let i = 0; i < count; i++) {
      const r = rows.length;
      rows.push(`2031-09-01 10:00:00,2031-09-01 10:08:00,0,,100,1,R_t${r},,${product},${(r % 5) + 1},1,${((r * 3) % 5) + 1},,,${segment},`);
    }
  };
  add(1, 'A', sizes.A);
  add(1, 'B', sizes.B);
  add(1, 'C', sizes.C);
  add(2, '', sizes.beta);
  add(3, '', sizes.gamma);
  writeFileSync(join(dir, 'export.csv'), [header, labels, ids, ...rows, ''].join('\n'));
  const structure: Structure = {
    minimum: TEMPTING_MINIMUM,
    products: [
      { name: 'Alfa', segments: ['A', 'B', 'C'].map((k) => ({ key: k, label: `${k}-categorie` })) },
      { name: 'Beta', segments: [] },
      { name: 'Gamma', segments: [] },
    ],
  };
  return { edition: join(dir, 'edition.yaml'), structure };
}
