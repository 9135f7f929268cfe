import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffModels } from '../../src/diff/diff-models.ts';
import { modelFromEdition, readModelFile, resolveDiffInputs, resolveInput } from '../../src/diff/resolve-input.ts';
import { buildModel } from '../../src/build.ts';
import { MINI_EDITION } from '../helpers/paths.ts';
import { InputError } from '../../src/load/input-error.ts';
import { modelJson } from '../../src/render/json.ts';
import { miniVariant } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'diff-input-'));

function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).problems.map((p) => p.message).join('\n');
  }
  throw new Error('no error');
}

describe('modelFromEdition', () => {
  it('builds the same model as buildModel', () => {
    expect(modelFromEdition(MINI_EDITION)).toEqual(buildModel(MINI_EDITION).model);
  });
});

describe('resolveInput', () => {
  it('reads a report model written by build, which diffs like the edition it came from', () => {
    const mini = miniVariant();
    const file = join(dir, 'eindrapport-2030.json');
    writeFileSync(file, modelJson(mini.model));
    const fromJson = readModelFile(file);
    expect(fromJson.label).toBe('eindrapport-2030');
    const fromEdition = resolveInput(mini.dir);
    expect(diffModels(fromJson.model, fromEdition.model, { threshold: 5 }).summary.total).toBe(0);
  });

  it('refuses a JSON file that is not a report model, in Dutch', () => {
    const other = join(dir, 'ander.json');
    writeFileSync(other, JSON.stringify({ schema: 'eindrapport/aggregates@1' }));
    expect(messageOf(() => resolveInput(other))).toBe("dit is geen rapportmodel: het schema is 'eindrapport/aggregates@1', verwacht 'eindrapport/report-model@2'.");
    const none = join(dir, 'leeg.json');
    writeFileSync(none, '[]');
    expect(messageOf(() => resolveInput(none))).toContain('er staat geen schema in');
    const broken = join(dir, 'kapot.json');
    writeFileSync(broken, '{"schema": ');
    expect(messageOf(() => resolveInput(broken))).toMatch(/^dit is geen geldig JSON-bestand/);
    expect(messageOf(() => resolveInput(join(dir, 'weg.json')))).toBe('het rapportmodel bestaat niet.');
  });

  it('names an unknown edition', () => {
    expect(messageOf(() => resolveInput('1999', join(dir, 'content')))).toBe("editie '1999' niet gevonden.");
    expect(messageOf(() => resolveInput('geen-editie'))).toBe("'geen-editie' is geen editie, edition.yaml of rapportmodel (.json).");
  });
});

describe('resolveDiffInputs', () => {
  it('needs two sides, or revisions of one edition', () => {
    expect(messageOf(() => resolveDiffInputs({ a: '2018', revs: [] }))).toBe('geef twee rapporten om te vergelijken.');
    expect(messageOf(() => resolveDiffInputs({ revs: ['a', 'b', 'c'] }))).toContain('hoogstens twee keer');
    expect(messageOf(() => resolveDiffInputs({ a: '2018', b: '2019', revs: ['HEAD'] }))).toContain('met --rev vergelijkt diff revisies van één editie');
  });
});

describe('report models @1 from earlier builds', () => {
  const V1 = new URL('../fixtures/models/mini-report-model@1.json', import.meta.url).pathname;

  it('reads them as @2: same structure and figures as a new build of the same edition, with a note', () => {
    const old = readModelFile(V1);
    expect(old.model).toMatchObject({ schema: 'eindrapport/report-model@2', version: 2 });
    expect(old.notes.join(' ')).toContain("het oude schema 'eindrapport/report-model@1'");
    const now = buildModel(MINI_EDITION).model;
    const chapters = (m: typeof now) => m.parts.flatMap((p) => p.chapters.map((c) => `${c.kind}:${c.productKey}:${c.heading}:${c.headingLevel}`));
    expect(chapters(old.model)).toEqual(chapters(now));
    const d = diffModels(old.model, now, { threshold: 5 });
    expect(d.structure).toEqual([]);
    expect(d.figures).toEqual([]);
    // Narrative files were named from where that build ran; now from the edition.
    const files = JSON.stringify(old.model).match(/"file":"[^"]+"/g) ?? [];
    expect(files.every((f) => f === '"file":"templates/report.yaml"' || f.startsWith('"file":"narrative/'))).toBe(true);
  });

  it('says in Dutch what to do when an @1 file cannot be read as @2', () => {
    const data = JSON.parse(readFileSync(V1, 'utf8'));
    data.parts[2].chapters[0].id = 'hoofdstuk-3';
    const file = join(dir, 'oud.json');
    writeFileSync(file, JSON.stringify(data));
    const message = messageOf(() => readModelFile(file));
    expect(message).toBe("dit rapportmodel heeft het oude schema 'eindrapport/report-model@1' en kan niet worden omgezet: uit hoofdstuk 'hoofdstuk-3' blijkt de productsleutel van Alfa niet.");
    try {
      readModelFile(file);
    } catch (e) {
      expect((e as InputError).problems[0]!.hint).toContain('eindrapport build --edition <jaar>');
    }
  });
});
