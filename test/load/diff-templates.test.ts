import { describe, expect, it } from 'vitest';
import { editedCopy, lineOf } from '../helpers/edited-copy.ts';
import { diffModels } from '../../src/diff/diff-models.ts';
import { diffMarkdown } from '../../src/diff/markdown.ts';
import { diffPdfDocument } from '../../src/diff/pdf.ts';
import { DIFF_TEMPLATES, loadDiffTemplates } from '../../src/load/diff-templates.ts';
import { InputError, formatProblem } from '../../src/load/input-error.ts';
import { miniVariant, setAnswer } from '../diff/helpers.ts';

const editedTemplates = (from: string, to: string) => editedCopy(DIFF_TEMPLATES, from, to);

/** The one problem loading `file` gives, as the CLI prints it. */
function loadProblem(file: string): string {
  try {
    loadDiffTemplates(file);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    const problems = (e as InputError).problems;
    expect(problems).toHaveLength(1);
    return formatProblem(problems[0]!);
  }
  throw new Error('no error');
}


describe('templates/diff.yaml: the words of eindrapport diff', () => {
  const a = miniVariant();
  const b = miniVariant((e) => {
    e.edit('narrative/organisatie.yaml', (t) => t.replace('Het beeld is {{tendens}}', 'Het totaalbeeld is {{tendens}}'));
    e.edit('export.csv', (t) => setAnswer(t, 'R_test04', 'Q2', '5'));
  });
  const d = diffModels(a.model, b.model, { threshold: 5 });

  it('an edited text changes the Markdown and the PDF of the diff, with its placeholders filled', () => {
    const file = editedTemplates('intro_markdown: "Verschuiving in procentpunten (B − A)', 'intro_markdown: "Verandering in procentpunten (B − A)');
    const before = diffMarkdown(d);
    const after = diffMarkdown(d, loadDiffTemplates(file));
    expect(before).toContain('Verschuiving in procentpunten (B − A), grootste eerst; ⚠ = statistisch significant (95%) én minstens 5 procentpunten');
    expect(after).toContain('Verandering in procentpunten (B − A), grootste eerst; ⚠ = statistisch significant (95%) én minstens 5 procentpunten');
    expect(after).not.toContain('Verschuiving in procentpunten');

    const heading = editedTemplates('  heading: Samenvatting', '  heading: Overzicht');
    const pdfText = (doc: unknown) => JSON.stringify(doc);
    expect(pdfText(diffPdfDocument(d, { creationDate: new Date(0) }))).toContain('"Samenvatting"');
    const edited = pdfText(diffPdfDocument(d, { creationDate: new Date(0), templates: loadDiffTemplates(heading) }));
    expect(edited).toContain('"Overzicht"');
    expect(edited).not.toContain('"Samenvatting"');
    expect(diffMarkdown(d, loadDiffTemplates(heading))).toContain('## Overzicht\n');
  });

  it('a placeholder left open: an error at the line and column of that text, never a stack trace', () => {
    const file = editedTemplates('legend: "Gemarkeerd: een verschuiving die {{regel}}."', 'legend: "Gemarkeerd: een verschuiving die {{regel."');
    expect(loadProblem(file)).toBe(
      `${file}:${lineOf(file, 'legend:')}:11: fout: bij 'summary.legend': een plaatshouder is niet goed geschreven: elke {{ moet worden gesloten met }} en er staat alleen een naam tussen; hier kan {{regel}}.`,
    );
  });

  it('an unknown placeholder name: an error naming it and the names that can be used there', () => {
    const file = editedTemplates('side_yes: "ja {{ja}}, {{n}}"', 'side_yes: "ja {{jaa}}, {{n}}"');
    expect(loadProblem(file)).toBe(`${file}:${lineOf(file, 'side_yes:')}:13: fout: bij 'figures.side_yes': onbekende plaatshouder {{jaa}}; hier kan {{ja}}, {{n}}.`);
  });

  it('a missing text and an unknown one: errors at the section they belong to', () => {
    const missing = editedTemplates('  compared: Vergeleken\n', '');
    expect(loadProblem(missing)).toMatch(new RegExp(`:${lineOf(missing, '  a: A (oud)')}:3: fout: bij 'sides\\.compared': `));
    const unknown = editedTemplates('  compared: Vergeleken\n', '  compared: Vergeleken\n  comparde: Vergeleken\n');
    expect(loadProblem(unknown)).toMatch(new RegExp(`:${lineOf(unknown, '  compared:')}:3: fout: bij 'sides': .*comparde`));
  });
});
