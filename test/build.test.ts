import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import type { Block, ChartBlock, ReportModel } from '../src/model/report-types.ts';
import { loadSurvey } from '../src/load/survey.ts';
import { aggregateSurvey } from '../src/analyse/aggregate.ts';
import { questionText } from '../src/load/questionnaire.ts';
import { EDITION_2018, ROOT } from './helpers/paths.ts';
import { flattenOutline, readPdf, tableOfContents, type PdfContent } from './helpers/read-pdf.ts';
import { flatBlocks } from './helpers/model-blocks.ts';

const report = inject('report2018');
let pdf: PdfContent;
let model: ReportModel;
let text: string;

interface OutlineSection { title: string | null }
interface OutlineChapter { number: number; title: string; sections: OutlineSection[] }
interface OutlinePart { part: string; title: string | null; entries?: { type: string; title?: string }[]; chapters?: OutlineChapter[] }

/** The reference mixes "In eenvoudig"/"In eenvoud" and "Onze"/"De werkprocessen rond"; we write one form. */
function normalise(title: string): string {
  return title.replace(/^In eenvoudig$/, 'In eenvoud').replace(/^Onze werkprocessen rond /, 'De werkprocessen rond ');
}

/** Headings of the 2018 outline in reading order, as the PDF prints them (with numbers). */
function outlineHeadings(): string[] {
  const outline = parse(readFileSync(`${ROOT}fixtures/2018/reference-outline.yaml`, 'utf8')) as { parts: OutlinePart[] };
  const out: string[] = [];
  for (const part of outline.parts) {
    for (const e of part.entries ?? []) if (e.type === 'section' && e.title) out.push(e.title);
    if (part.title && part.part !== 'Onderzoeksverantwoording') out.push(part.title);
    for (const c of part.chapters ?? []) {
      out.push(`${c.number} ${normalise(c.title)}`);
      for (const s of c.sections) if (s.title) out.push(normalise(s.title));
    }
  }
  return out;
}


beforeAll(async () => {
  pdf = await readPdf(report.pdfPath);
  model = JSON.parse(readFileSync(report.jsonPath, 'utf8')) as ReportModel;
  text = pdf.pages.join(' ').replace(/\s+/g, ' ');
}, 60_000);

describe('the 2018 report', () => {
  it('has every chapter and section title of the 2018 outline, in order', () => {
    // Start after the table of contents: its entries repeat every title.
    const bodyStart = pdf.pages.findIndex((p, i) => i > 2 && !p.startsWith('Inhoudsopgave'));
    let at = pdf.pages.slice(0, bodyStart).join(' ').length;
    for (const heading of outlineHeadings()) {
      const found = text.indexOf(heading, at);
      expect(found, `"${heading}" after position ${at}`).toBeGreaterThan(-1);
      at = found + heading.length;
    }
  });

  it('prints the caption of every statement asked in every scope', () => {
    const { edition, questionnaire } = loadSurvey(EDITION_2018);
    for (const q of questionnaire.questions) {
      const scopes = [
        ...(q.asked.organisation ? [null] : []),
        ...edition.products.filter((p) => q.asked.products === 'all' || (Array.isArray(q.asked.products) && q.asked.products.includes(p.key))).map((p) => p.name),
      ];
      for (const scope of scopes) expect(text, `${q.key} @ ${scope ?? 'organisation'}`).toContain(questionText(q, scope)!);
    }
  });

  it('has bookmarks that mirror the table of contents, page for page', () => {
    const toc = tableOfContents(pdf);
    expect(toc.length).toBeGreaterThan(80);
    expect(flattenOutline(pdf.outline).map((b) => ({ title: b.title, page: b.page }))).toEqual(toc);
  });

  it('points every table-of-contents entry at the page that carries the heading', () => {
    for (const e of tableOfContents(pdf)) expect(pdf.pages[e.page - 1], `${e.title} → p. ${e.page}`).toContain(e.title);
  });

  it('has between 120 and 220 pages', () => {
    expect(pdf.pages.length).toBeGreaterThanOrEqual(120);
    expect(pdf.pages.length).toBeLessThanOrEqual(220);
    expect(report.pages).toBe(pdf.pages.length);
  });

  it('has one chart per non-suppressed question per scope in the JSON model', () => {
    const aggregates = aggregateSurvey(loadSurvey(EDITION_2018));
    const expected = aggregates.records.filter((a) => a.segment === 'all' && !a.suppressed).map((a) => `${a.question}@${a.scope}`).sort();
    const charts = flatBlocks(model).filter((b): b is ChartBlock => b.type === 'chart' && ['likert', 'yesno', 'multiselect'].includes(b.chart));
    expect(charts.map((c) => `${c.question}@${c.scope}`).sort()).toEqual(expected);
    for (const c of charts) {
      const a = aggregates.get(c.question!, c.scope, c.segment)!;
      expect(c.n).toBe(a.n);
      expect(c.counts).toEqual(a.counts);
    }
  });

  it('traces every number in the narrative to an aggregate', () => {
    const aggregates = aggregateSurvey(loadSurvey(EDITION_2018));
    const paragraphs = flatBlocks(model).filter((b) => b.type === 'paragraph');
    expect(paragraphs.length).toBeGreaterThan(50);
    for (const p of paragraphs) {
      for (const f of p.figures) {
        if (f.question === 'respons') continue;
        const a = aggregates.get(f.question, f.scope, f.segment);
        expect(a, `${f.question}@${f.scope}`).toBeDefined();
        expect(a!.suppressed, `${p.id}: ${f.question}@${f.scope}`).toBe(false);
      }
    }
  });

  it('writes the PDF metadata: title, author, language', () => {
    expect(pdf.info).toMatchObject({ Title: 'Logius Tevredenheidsonderzoek 2018 – Eindrapport', Author: 'Logius' });
    expect(pdf.language).toBe('nl-NL');
  });
});
