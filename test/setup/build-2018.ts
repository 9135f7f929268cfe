import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build } from '../../src/build.ts';
import { EDITION_2018 } from '../helpers/paths.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    report2018: { pdfPath: string; jsonPath: string; htmlPath: string; pages: number; charts: number };
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'eindrapport-2018-'));
  const r = await build({ editionFile: EDITION_2018, outDir });
  project.provide('report2018', { pdfPath: r.pdfPath, jsonPath: r.jsonPath, htmlPath: r.htmlPath, pages: r.pages, charts: r.charts });
}
