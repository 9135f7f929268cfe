import { problem, type InputProblem } from './input-error.ts';
import type { ExportHeader, Questionnaire } from './questionnaire.ts';
import type { QualtricsExport } from './qualtrics/export.ts';
import { normalise } from './normalise.ts';

/**
 * The questionnaire's `export:` records against the export's header: ImportId (row 3) and
 * question text (row 2) of each mapped column. A mismatch means the column holds another
 * question than the questionnaire says — swapped or renumbered columns, a reworded question —
 * and the report would be wrong with full confidence; so it is an error at the questionnaire line.
 */
export function verifyMapping(exp: QualtricsExport, questionnaire: Questionnaire): InputProblem[] {
  const problems: InputProblem[] = [];
  const byName = new Map(exp.columns.map((c) => [c.name, c]));
  const all = [...exp.columns.map((c) => ({ name: c.name, text: c.text, importId: c.importId })), ...exp.dropped];
  const check = (key: string, column: string, expected: ExportHeader | undefined, line: number | undefined) => {
    if (!expected) return;
    const actual = byName.get(column);
    if (!actual) return; // a missing column is reported by the importer
    const at = { file: questionnaire.file, ...(line !== undefined ? { line } : {}), columnName: column };
    const place = `kolom ${column} (kolom ${actual.index + 1} van ${exp.file})`;
    if (expected.import_id !== undefined && actual.importId !== null && actual.importId !== expected.import_id) {
      const other = all.find((c) => c.importId === expected.import_id);
      problems.push(
        problem(
          at,
          `vraag '${key}' leest ${place}, maar die kolom heeft ImportId '${actual.importId}' ('${excerpt(actual.text)}'); de vragenlijst verwacht '${expected.import_id}'${expected.text ? ` ('${excerpt(expected.text)}')` : ''}.`,
          other
            ? `ImportId '${expected.import_id}' staat in kolom '${other.name}'${other.text ? ` ('${excerpt(other.text)}')` : ''}: zet 'column: ${other.name}' bij deze vraag als dat dezelfde vraag is, of pas export.import_id aan als de vraag in Qualtrics een nieuw nummer kreeg.`
            : expected.text !== undefined && normalise(expected.text) === normalise(actual.text)
              ? `De vraagtekst is dezelfde: kreeg de vraag in Qualtrics een nieuw nummer, zet dan 'import_id: ${actual.importId}' onder export; anders controleer welke kolom bij deze vraag hoort (eindrapport inspect toont de kolommen) en pas column of export.import_id aan.`
              : 'Controleer welke kolom bij deze vraag hoort (eindrapport inspect toont de kolommen) en pas column of export.import_id aan.',
        ),
      );
      return;
    }
    if (expected.text !== undefined && normalise(actual.text) !== normalise(expected.text)) {
      const other = all.find((c) => normalise(c.text) === normalise(expected.text!));
      problems.push(
        problem(
          at,
          `vraag '${key}' leest ${place}, maar de vraagtekst in de export is '${excerpt(actual.text)}' en de vragenlijst verwacht '${excerpt(expected.text)}'.`,
          other
            ? `Die tekst staat in kolom '${other.name}': zet 'column: ${other.name}' bij deze vraag, of pas export.text aan als alleen de formulering veranderde.`
            : 'Is de vraag anders geformuleerd met dezelfde betekenis, pas dan export.text aan; is het een andere vraag, kies dan de juiste kolom.',
        ),
      );
    }
  };
  for (const q of questionnaire.questions) {
    if (q.column) check(q.key, q.column, q.export, q.source.exportLine);
    (q.options ?? []).forEach((o, oi) => check(`${q.key}: ${o.label}`, o.column, o.export, q.source.options[oi]?.exportLine));
  }
  return problems;
}


/** A header text in a message: one line, at most 100 characters (question texts, never answers). */
function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= 100 ? flat : `${flat.slice(0, 99)}…`;
}
