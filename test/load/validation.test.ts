import { execFileSync } from 'node:child_process';
import { rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEdition } from '../../src/check/check-edition.ts';
import { InputError, formatProblem } from '../../src/load/input-error.ts';
import { loadSurvey } from '../../src/load/survey.ts';
import { MINI_EDITION } from '../helpers/paths.ts';
import { copyEdition } from '../helpers/temp-edition.ts';
import { completeEdition } from '../check/complete-edition.ts';
import { editCell } from '../helpers/mini-export.ts';

/** The problems a load reports, formatted as the CLI prints them; fails when it loads without error. */
function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e.problems.map((p) => formatProblem({ ...p, file: withoutTempDir(p.file) }));
    throw e;
  }
  throw new Error('expected an InputError');
}

/** 'narrative/organisatie.yaml' for '/tmp/eindrapport-test-x/narrative/organisatie.yaml'. */
function withoutTempDir(file: string): string {
  return file.replace(/^.*eindrapport-(?:test|check)-[^/]+\//, '');
}

/** The mini edition with one file edited; returns what loading it reports. */
function loadWith(file: string, edit: (text: string) => string): string[] {
  const t = copyEdition(MINI_EDITION);
  try {
    t.edit(file, edit);
    return problemsOf(() => loadSurvey(t.edition));
  } finally {
    rmSync(t.dir, { recursive: true, force: true });
  }
}

/** The same edit through `check`: the same validator, so the same message (errors only). */
function checkWith(file: string, edit: (text: string) => string): string[] {
  const ed = completeEdition();
  try {
    ed.edit(file, edit);
    return checkEdition(ed.edition)
      .problems.filter((p) => p.severity === 'error')
      .map((p) => formatProblem({ ...p, file: withoutTempDir(p.file) }));
  } finally {
    rmSync(ed.dir, { recursive: true, force: true });
  }
}

describe('questionnaire validation (check and build alike)', () => {
  it('refuses two answers with the same label in one scale', () => {
    const edit = (t: string) => t.replace('{ code: 5, label: Zeer eens,', '{ code: 5, label: Eens,');
    const [p] = loadWith('questionnaire.yaml', edit);
    expect(p).toMatch(/questionnaire\.yaml:\d+:\d+: fout: schaal 'eens-oneens' heeft twee antwoorden met het label 'Eens' \(ook antwoord 4\)\. Geef elk antwoord/);
    expect(checkWith('questionnaire.yaml', edit)).toContain(p);
  });

  it('refuses two answers with the same code in one scale', () => {
    const [p] = loadWith('questionnaire.yaml', (t) => t.replace('{ code: 2, label: Nee,', '{ code: 1, label: Nee,'));
    expect(p).toMatch(/questionnaire\.yaml:\d+:\d+: fout: schaal 'ja-nee' heeft twee antwoorden met code 1/);
  });

  it('refuses an unknown product key in asked.products, at its line', () => {
    const edit = (t: string) => t.replace('asked: { organisation: true, products: none }', 'asked: { organisation: true, products: [alfa, gamma] }');
    const [p] = loadWith('questionnaire.yaml', edit);
    expect(p).toMatch(/questionnaire\.yaml:\d+:\d+: fout: 'gamma' in asked\.products van 'verbetering' is geen product van deze editie\. Kies uit: alfa, beta\./);
    expect(checkWith('questionnaire.yaml', edit)).toContain(p);
  });

  it('refuses a filter on a multi-select question', () => {
    const [p] = loadWith('questionnaire.yaml', (t) => t.replace('filter: { question: aangesloten, answers: [Ja] }', 'filter: { question: verbetering, answers: [Snelheid] }'));
    expect(p).toMatch(/fout: 'tevreden-aansluiting' filtert op meerkeuzevraag 'verbetering'/);
  });

  it('refuses routing in a cycle instead of overflowing the stack', () => {
    const edit = (t: string) =>
      t.replace(/(key: aangesloten\n(?:.*\n)*?    column: Q3\n)/, '$1    filter: { question: tevreden-aansluiting, answers: [Eens] }\n');
    const problems = loadWith('questionnaire.yaml', edit);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/questionnaire\.yaml:\d+:\d+: fout: de routering loopt in een kring: 'aangesloten' → 'tevreden-aansluiting' → 'aangesloten'\./);
    const checked = checkWith('questionnaire.yaml', edit).join('\n');
    expect(checked).toContain('de routering loopt in een kring');
    expect(checked).not.toMatch(/Interne fout|call stack/);
  });

  it('refuses a question that filters on itself', () => {
    const [p] = loadWith('questionnaire.yaml', (t) => t.replace('filter: { question: aangesloten, answers: [Ja] }', 'filter: { question: tevreden-aansluiting, answers: [Eens] }'));
    expect(p).toMatch(/fout: 'tevreden-aansluiting' filtert op zichzelf/);
  });
});

describe('edition validation', () => {
  it.each([
    ['2030-02-30', 'published'],
    ['2030-13-45', 'published'],
  ])('refuses the date %s that does not exist', (date) => {
    const edit = (t: string) => t.replace('published: 2030-12-01', `published: ${date}`);
    const [p] = loadWith('edition.yaml', edit);
    expect(p).toMatch(/^edition\.yaml:7:12: fout: bij 'published': deze datum bestaat niet/);
    expect(checkWith('edition.yaml', edit).join('\n')).toContain("bij 'published': deze datum bestaat niet");
  });

  it('refuses a fieldwork date that does not exist and fieldwork that ends before it starts', () => {
    expect(loadWith('edition.yaml', (t) => t.replace('to: 2030-10-31', 'to: 2030-11-31'))[0]).toMatch(/bij 'fieldwork\.to': deze datum bestaat niet/);
    expect(loadWith('edition.yaml', (t) => t.replace('to: 2030-10-31', 'to: 2030-08-31'))[0]).toMatch(/het veldwerk eindigt \(2030-08-31\) voordat het begint/);
  });

  it.each([
    [2030, 'is deze editie zelf'],
    [2031, 'ligt na deze editie (2030)'],
  ])('refuses previous_edition %i', (year, why) => {
    const edit = (t: string) => t.replace('invited: 40', `invited: 40\nprevious_edition: ${year}`);
    const [p] = loadWith('edition.yaml', edit);
    expect(p).toContain(`fout: de vorige editie (${year}) ${why}`);
    expect(p).toMatch(/^[^:]*edition\.yaml:\d+:\d+:/);
    expect(checkWith('edition.yaml', edit).join('\n')).toContain(why);
  });

  it('refuses 10,000 products quickly, at the check', () => {
    const products = Array.from({ length: 10_000 }, (_, i) => `  - { key: p${i}, name: P${i}, code: ${i + 10}, invited: 1 }`).join('\n');
    const [p] = loadWith('edition.yaml', (t) => `${t}${products}\n`);
    expect(p).toMatch(/edition\.yaml:\d+:\d+: fout: bij 'products': .*200/);
  });
});

describe('YAML limits', () => {
  it('refuses an alias bomb with a located error', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [from, to] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f'], ['f', 'g']]) bomb.push(`${to}: &${to} [${Array(9).fill(`*${from}`).join(',')}]`);
    const problems = loadWith('edition.yaml', (t) => `${t}\nbom:\n  ${bomb.join('\n  ')}\n`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/edition\.yaml:\d+:\d+: fout: YAML kan niet worden gelezen: de verwijzingen \(\*naam\) vermenigvuldigen/);
  });

  it('refuses a NUL byte in a YAML file at its line', () => {
    const [p] = loadWith('questionnaire.yaml', (t) => t.replace('Ik vertrouw Logius.', 'Ik vertrouw\0 Logius.'));
    expect(p).toMatch(/questionnaire\.yaml:\d+:\d+: fout: het bestand bevat een nul-byte/);
  });

  it('refuses a 100,000-character paragraph at its line, and a YAML file over the size limit', () => {
    const long = 'x'.repeat(100_000);
    expect(checkWith('narrative/organisatie.yaml', (t) => `${t}\nlang:\n  - ${long}\n`).join('\n')).toMatch(/organisatie\.yaml:\d+:\d+: fout: deze tekst is te lang: 100\.000 tekens, de grens is 20\.000\./);
    const huge = Array.from({ length: 30_000 }, (_, i) => `k${i}:\n  - ${'y'.repeat(80)}`).join('\n');
    expect(checkWith('narrative/organisatie.yaml', (t) => `${t}\n${huge}\n`).join('\n')).toMatch(/^narrative\/organisatie\.yaml: fout: het bestand is te groot: [\d,]+ MB, de grens voor een YAML-bestand is 2,0 MB\./);
  });
});

describe('data file', () => {
  it('refuses a device such as /dev/zero instead of reading forever', () => {
    const [p] = loadWith('edition.yaml', (t) => t.replace('file: export.csv', 'file: /dev/zero'));
    expect(p).toMatch(/edition\.yaml:\d+:\d+: fout: het databestand '\/dev\/zero' is geen gewoon bestand/);
  });

  it('refuses a FIFO and a symlink to a device', () => {
    const t = copyEdition(MINI_EDITION);
    try {
      execFileSync('mkfifo', [join(t.dir, 'fifo.csv')]);
      symlinkSync('/dev/zero', join(t.dir, 'zero.csv'));
      t.edit('edition.yaml', (s) => s.replace('file: export.csv', 'file: fifo.csv'));
      expect(problemsOf(() => loadSurvey(t.edition))[0]).toMatch(/het databestand 'fifo\.csv' is geen gewoon bestand/);
      t.edit('edition.yaml', (s) => s.replace('file: fifo.csv', 'file: zero.csv'));
      expect(problemsOf(() => loadSurvey(t.edition))[0]).toMatch(/het databestand 'zero\.csv' is geen gewoon bestand/);
    } finally {
      rmSync(t.dir, { recursive: true, force: true });
    }
  });
});

describe('export cells in error messages', () => {
  it('refuses a NUL byte anywhere in the export, with its line', () => {
    const [p] = loadWith('export.csv', (t) => `${t.replace('Geheime opmerking 9', 'Geheime\0opmerking 9')}`);
    expect(p).toMatch(/^export\.csv:13: fout: regel 13 bevat een nul-byte/);
  });

  it('quotes at most a short excerpt of a huge cell', () => {
    const problems = loadWith('export.csv', (t) => editCell(t, 1, 'Q2', '9'.repeat(10_000_000)));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.length).toBeLessThan(400);
    expect(problems[0]).toMatch(/onbekend antwoord '9{39}…' op vraag 'vertrouwen'/);
  });

  it('never echoes the answers of a free-text column mapped by mistake', () => {
    // Q6_TEXT holds "Geheime opmerking N": map it, renamed so the importer does not drop it by its name.
    const problems = loadWith('export.csv', (t) => t.replace('Q2,', 'Q2_OLD,').replace('Q6_TEXT', 'Q2').replace('Q6_TEXT', 'Q2'));
    expect(problems.join('\n')).not.toContain('Geheime');
    expect(problems.join('\n')).toMatch(/10 cellen bij vraag 'vertrouwen' bevatten tekst die geen antwoord op de schaal is; dit lijkt een open tekstveld/);
  });

  it('never echoes an e-mail address or a long text in a single bad cell', () => {
    const problems = loadWith('export.csv', (t) => editCell(editCell(t, 1, 'Q2', 'jan.jansen@example.org'), 2, 'Q1', 'Een hele lange zin met een naam erin'));
    const all = problems.join('\n');
    expect(all).not.toContain('jan.jansen');
    expect(all).not.toContain('naam erin');
  });

  it('still quotes a misspelt label, clipped', () => {
    const [p] = loadWith('export.csv', (t) => editCell(t, 1, 'Q2', 'Helemaal eens'));
    expect(p).toContain("onbekend antwoord 'Helemaal eens' op vraag 'vertrouwen'");
  });
});

describe('response counts', () => {
  it('refuses more responses than invitations, per product and in total', () => {
    const product = loadWith('edition.yaml', (t) => t.replace('{ key: beta, name: Beta, code: 2, invited: 10 }', '{ key: beta, name: Beta, code: 2, invited: 1 }').replace('invited: 40', 'invited: 31'));
    expect(product.join('\n')).toMatch(/fout: Beta heeft \d+ responsen, maar er zijn maar 1 organisaties uitgenodigd/);
    const total = loadWith('edition.yaml', (t) => t.replace('invited: 30', 'invited: 3').replace('invited: 10 }', 'invited: 5 }').replace('invited: 40', 'invited: 8'));
    expect(total.join('\n')).toMatch(/fout: de export heeft 10 responsen, maar er zijn maar 8 organisaties uitgenodigd/);
  });
});


describe('Finished as Qualtrics and a Dutch Excel write it', () => {
  it('counts WAAR, Ja, true and 1.0 as finished, like 1: no response silently drops out', () => {
    const t = copyEdition(MINI_EDITION);
    const forms = ['WAAR', 'Ja', 'true', '1.0'];
    try {
      const counts = () => {
        const r = loadSurvey(t.edition).responses;
        return { responded: r.count, finished: r.finished.reduce((a, b) => a + b, 0) };
      };
      const before = counts();
      expect(before.finished).toBeGreaterThan(forms.length);
      let i = 0;
      t.edit('export.csv', (s) => s.replace(/,100,1,R_/g, () => `,100,${forms[i++ % forms.length]},R_`));
      expect(i).toBeGreaterThan(forms.length);
      expect(counts()).toEqual(before);
    } finally {
      rmSync(t.dir, { recursive: true, force: true });
    }
  });
});
