import { Document, isMap, isNode, isSeq, YAMLMap, YAMLSeq, type Node } from 'yaml';
import type { QualtricsExport } from '../load/qualtrics/export.ts';
import { SEEN_UNANSWERED } from '../load/responses.ts';
import { plainText, type QsfChoice, type QsfQuestion } from '../load/qualtrics/read-qsf.ts';
import { matchText, statementOf, withProductPlaceholder, type ExportItem } from './export-items.ts';
import { renewHeaderComment } from './header-comment.ts';
import { KeyRing, slug } from './keys.ts';
import type { Match } from './match.ts';
import type { PreviousEdition, PreviousQuestion } from './previous.ts';
import { wholeOrganisation } from '../load/edition.ts';
import { DEFAULT_ORGANISATION } from './edition-draft.ts';

/**
 * The new questionnaire.yaml: the previous one with every recognised question pointed at its new
 * column and its `export:` record written, questions no longer in the export left out, and a
 * drafted entry for each new question. What cannot be known is written as "TE DOEN: …".
 */
export interface QuestionnaireDraft {
  text: string;
  /** Lines for the to-do list that are not open items in the file (done automatically, to check). */
  notes: string[];
  /** Question key per export item. */
  keys: Map<ExportItem, string>;
}

interface Input {
  year: number;
  exp: QualtricsExport;
  items: ExportItem[];
  matches: Match[];
  unmatchedItems: ExportItem[];
  unmatchedPrevious: PreviousQuestion[];
  previous: PreviousEdition | null;
}

type Plain = Record<string, unknown>;
interface Scale {
  name: string;
  answers: { code: number | string; label: string; polarity?: string; substantive?: boolean; export_texts?: string[] }[];
}

const todo = (s: string) => `TE DOEN: ${s}`;

export function draftQuestionnaire(input: Input): QuestionnaireDraft {
  const { previous, exp } = input;
  const doc: Document = previous ? previous.questionnaireDoc.doc.clone() : new Document({ scales: {}, groups: [], questions: [] });
  if (previous) renewHeaderComment(doc, previous.edition.year, input.year, `Opgesteld door eindrapport init uit de vragenlijst van ${previous.edition.year} en de export.`);
  if (!previous) {
    doc.commentBefore = ' Vragenlijst, opgesteld door eindrapport init uit de export. Vul elk "TE DOEN" in; zie docs/vragenlijst-en-editie.md.';
    doc.set('groups', doc.createNode([{ key: 'vragen', title: todo('titel van deze groep vragen'), type: todo('value (een organisatiewaarde) of process (een werkproces)') }]));
  }
  const scalesNode = doc.get('scales') as YAMLMap;
  const questionsNode = doc.get('questions') as YAMLSeq;
  const scales = new Map<string, Scale>(Object.entries((scalesNode.toJSON() ?? {}) as Record<string, Scale['answers']>).map(([name, answers]) => [name, { name, answers }]));
  const groupKeys = ((doc.get('groups') as YAMLSeq).toJSON() as { key: string }[]).map((g) => g.key);
  const notes: string[] = [];
  const keys = new Map<ExportItem, string>();
  const nodeOf = new Map<ExportItem, YAMLMap>();
  const ring = new KeyRing(input.matches.map((m) => m.previous.key));
  const matchOf = new Map(input.matches.map((m) => [m.item, m]));

  // Recognised questions: new column, export record, and for reworded ones a decision to make.
  for (const m of input.matches) {
    const node = questionsNode.items[m.previous.index] as YAMLMap;
    keys.set(m.item, m.previous.key);
    nodeOf.set(m.item, node);
    if (m.item.kind === 'single') {
      const column = m.item.columns[0]!;
      if (m.previous.column !== column.name) notes.push(`Vraag '${m.previous.key}' staat nu in kolom ${column.name} (was ${m.previous.column}); aangepast.`);
      node.set('column', column.name);
      setAfter(doc, node, 'export', exportRecord(m.item.importId, column.text), 'column');
    } else {
      updateOptions(doc, node, m, notes);
      setAfter(doc, node, 'export', exportRecord(m.item.importId, m.item.question), 'options');
    }
    if (m.how === 'import-id') reworded(doc, node, m);
    if (m.how === 'text' && m.previous.importId) notes.push(`Vraag '${m.previous.key}' heeft in Qualtrics een ander nummer (${m.previous.importId} → ${m.item.importId ?? 'geen'}); herkend aan de vraagtekst.`);
  }

  if (exp.values === 'choice-text') notes.push(...unknownChoiceTexts(input.matches, scales));

  // New questions.
  const byQid = new Map<string, ExportItem[]>();
  for (const item of input.items) if (item.qid) byQid.set(item.qid, [...(byQid.get(item.qid) ?? []), item]);
  for (const item of input.unmatchedItems) {
    const sibling = (item.qid ? byQid.get(item.qid) ?? [] : []).map((i) => matchOf.get(i)).find((m) => m && m.item.kind === item.kind);
    const key = ring.take(item.kind === 'multi' ? item.question : (item.parts[0] ?? item.text), item.qid ?? item.columns[0]!.name);
    keys.set(item, key);
    const draft = item.kind === 'multi' ? draftMulti(item, key, previous !== null) : draftSingle(item, key, sibling ?? null, scales, exp, previous, groupKeys);
    const node = doc.createNode(draft.plain) as YAMLMap;
    if (sibling) {
      for (const field of ['asked', 'filter']) {
        const value = (questionsNode.items[sibling.previous.index] as YAMLMap).get(field, true) as Node | undefined;
        if (value) setAfter(doc, node, field, value.clone(), 'export', true);
      }
    }
    node.commentBefore = ` Nieuw (kolom ${item.columns.map((c) => c.name).join(', ')}), opgesteld door eindrapport init${sibling ? ` naar het voorbeeld van '${sibling.previous.key}'` : ''}. De sleutel mag anders, zolang geen tekst hem noemt.`;
    nodeOf.set(item, node);
    for (const s of draft.scales) {
      scales.set(s.name, s);
      const answers = doc.createNode(s.answers) as YAMLSeq;
      for (const a of answers.items) if (isMap(a)) a.flow = true;
      scalesNode.set(s.name, answers);
    }
    notes.push(...draft.notes);
  }
  // Routing from the .qsf's display logic, now that every question has a key.
  for (const item of input.unmatchedItems) {
    if (!item.qsf?.displayLogic.length) continue;
    setAfter(doc, nodeOf.get(item)!, 'filter', routing(item.qsf, input.items, keys), 'export', true);
  }

  // The order: the previous questionnaire's, without the questions that are gone; a new question
  // after the one before it in the export.
  const gone = new Set(input.unmatchedPrevious.map((q) => questionsNode.items[q.index]));
  const order: unknown[] = questionsNode.items.filter((n) => !gone.has(n as Node));
  input.items.forEach((item, i) => {
    if (matchOf.has(item)) return;
    let at = order.length;
    for (let j = i - 1; j >= 0; j--) {
      const idx = order.indexOf(nodeOf.get(input.items[j]!));
      if (idx >= 0) {
        at = idx + 1;
        break;
      }
    }
    order.splice(at, 0, nodeOf.get(item));
  });
  questionsNode.items = order as typeof questionsNode.items;
  // Scales no question uses any more (the removed question's) go too.
  const used = new Set(questionsNode.items.map((n) => (isMap(n) ? n.get('scale') : undefined)).filter((x): x is string => typeof x === 'string'));
  for (const name of [...scales.keys()]) {
    if (used.has(name)) continue;
    scalesNode.delete(name);
    notes.push(`Schaal '${name}' wordt door geen vraag meer gebruikt en is weggelaten.`);
  }
  for (const q of input.unmatchedPrevious) {
    const dependants = input.matches.filter((m) => questionFilter(nodeOf.get(m.item)) === q.key).map((m) => m.previous.key);
    notes.push(
      `Vraag '${q.key}'${q.column ? ` (kolom ${q.column})` : ''} staat niet meer in de export en is uit de vragenlijst gehaald.` +
        (dependants.length ? ` Let op: ${dependants.map((d) => `'${d}'`).join(', ')} filtert erop; pas 'filter' aan.` : '') +
        ' Teksten die haar noemen meldt eindrapport check.',
    );
  }
  return { text: doc.toString({ lineWidth: 0 }), notes, keys };
}

/**
 * A choice-text export writes answers as text. Text that is neither a label nor an export_texts
 * alias of the question's scale cannot be counted: say which, per scale, so a person adds it as
 * export_texts to the right answer (check names each unknown cell too).
 */
function unknownChoiceTexts(matches: Match[], scales: Map<string, Scale>): string[] {
  const unknown = new Map<string, Set<string>>();
  for (const m of matches) {
    const scale = m.previous.scale ? scales.get(m.previous.scale) : undefined;
    if (!scale || m.item.kind !== 'single') continue;
    const known = new Set(scale.answers.flatMap((a) => [a.label, ...(a.export_texts ?? [])]).map(matchText));
    for (const v of m.item.values[0] ?? []) if (v !== String(SEEN_UNANSWERED) && !known.has(matchText(v))) unknown.set(scale.name, (unknown.get(scale.name) ?? new Set()).add(v));
  }
  return [...unknown].map(([name, values]) => `De export gebruikt bij schaal '${name}' antwoordteksten die de schaal niet kent: ${[...values].map((v) => `'${v}'`).join(', ')}. Zet ze onder export_texts bij het antwoord dat ze betekenen.`);
}

function exportRecord(importId: string | null, text: string): Plain {
  return importId === null ? { text } : { import_id: importId, text };
}

/** Sets `key` in a map, directly after `after` (or at the end) when it is new. */
function setAfter(doc: Document, map: YAMLMap, key: string, value: unknown, after: string, keepExisting = false): void {
  const node = isNode(value) ? value : doc.createNode(value);
  if (map.has(key)) {
    if (!keepExisting) map.set(key, node);
    return;
  }
  const pair = doc.createPair(key, node);
  const at = map.items.findIndex((p) => String((p.key as { value?: unknown })?.value ?? p.key) === after);
  if (at < 0) map.items.push(pair);
  else map.items.splice(at + 1, 0, pair);
}

function questionFilter(node: YAMLMap | undefined): string | null {
  const f = node?.get('filter');
  return isMap(f) ? String(f.get('question')) : null;
}

/** Multi-select options: the same choice (by label or column) keeps its key; new choices are added. */
function updateOptions(doc: Document, node: YAMLMap, m: Match, notes: string[]): void {
  const seq = node.get('options', true);
  if (!isSeq(seq)) return;
  const free = new Set(m.previous.options);
  const out: unknown[] = [];
  const keys = new KeyRing(m.previous.options.map((o) => o.key));
  m.item.columns.forEach((column, i) => {
    const part = m.item.parts[i] ?? column.text;
    const prev =
      [...free].find((o) => matchText(o.label) === matchText(part) || (o.text !== null && matchText(statementOf(o.text, m.item.question)) === matchText(part))) ??
      [...free].find((o) => o.column === column.name);
    const record = exportRecord(column.importId, column.text);
    if (prev) {
      free.delete(prev);
      const option = seq.items[prev.index] as YAMLMap;
      option.set('column', column.name);
      option.set('export', doc.createNode(record));
      out.push(option);
    } else {
      const key = keys.take(part, column.name);
      out.push(doc.createNode({ key, label: part, column: column.name, export: record }));
      notes.push(`Meerkeuzevraag '${m.previous.key}' heeft een nieuwe keuze '${part}' (kolom ${column.name}); toegevoegd als '${key}'.`);
    }
  });
  for (const o of free) notes.push(`Meerkeuzevraag '${m.previous.key}': de keuze '${o.label}' (kolom ${o.column}) staat niet meer in de export en is weggelaten.`);
  seq.items = out as typeof seq.items;
}

/** Same ImportId, other words: take over the new wording where the old one was the export's, and ask whether it is still comparable. */
function reworded(doc: Document, node: YAMLMap, m: Match): void {
  const before = m.previous.text ?? '';
  const now = m.item.kind === 'multi' ? m.item.question : m.item.text;
  const oldStatement = withProductPlaceholder(m.item.kind === 'single' ? statementAfterQuestion(before, m.item) : before);
  const newStatement = withProductPlaceholder(m.item.kind === 'single' ? (m.item.parts[0] ?? m.item.text) : now);
  const text = node.get('text', true);
  if (isMap(text)) {
    for (const field of ['organisation', 'product']) {
      const value = text.get(field);
      if (typeof value !== 'string') continue;
      text.set(field, matchText(value) === matchText(oldStatement) ? newStatement : todo(`de vraag is in Qualtrics anders geformuleerd; pas deze tekst aan (nu in de export: "${newStatement}")`));
    }
  }
  node.set(
    'comparable_with_previous',
    todo(`de vraagtekst in de export is veranderd van "${oldStatement}" in "${newStatement}". Zet true als de betekenis gelijk bleef (de uitkomsten worden dan met vorig jaar vergeleken), anders false`),
  );
}

/** The statement of the previous header, cut like the new item's header is cut. */
function statementAfterQuestion(previousText: string, item: ExportItem): string {
  if (!item.parts.length) return previousText;
  return statementOf(previousText, item.question);
}

interface Draft {
  plain: Plain;
  scales: Scale[];
  notes: string[];
}

function draftSingle(item: ExportItem, key: string, sibling: Match | null, scales: Map<string, Scale>, exp: QualtricsExport, previous: PreviousEdition | null, groups: string[]): Draft {
  const hasPrevious = previous !== null;
  const whole = wholeOrganisation({ organisation: previous?.edition.organisation ?? DEFAULT_ORGANISATION });
  const column = item.columns[0]!;
  const statement = item.parts[0] ?? plainText(item.text);
  const notes: string[] = [];
  const newScales: Scale[] = [];
  const plain: Plain = { key };
  const piped = /\$\{q:\/\//.test(statement);
  if (sibling) {
    const prev = sibling.previous;
    const siblingStatement = withProductPlaceholder(sibling.item.parts[0] ?? sibling.item.text);
    plain.kind = prev.kind;
    plain.group = prev.group;
    if (prev.scale) plain.scale = prev.scale;
    const sameAs = (t: string | null) => t !== null && matchText(t) === matchText(siblingStatement);
    plain.text = {
      organisation: prev.organisationText === null ? null : sameAs(prev.organisationText) ? withProductPlaceholder(statement) : todo(`formulering voor ${piped ? whole : 'het rapport'} (in de export: "${withProductPlaceholder(statement)}")`),
      product: prev.productText === null ? null : sameAs(prev.productText) ? withProductPlaceholder(statement) : todo(`formulering per product, met {product} voor de productnaam (in de export: "${withProductPlaceholder(statement)}")`),
    };
  } else {
    const scale = scaleFor(item, scales, exp);
    plain.kind = scale.kind;
    plain.group = hasPrevious ? todo(`kies een groep: ${groups.join(', ')}`) : 'vragen';
    plain.scale = scale.name;
    if (scale.created) newScales.push(scale.created);
    if (scale.note) notes.push(scale.note);
    plain.text = {
      organisation: piped ? todo(`formulering voor ${whole} (in de export: "${withProductPlaceholder(statement)}")`) : statement,
      product: withProductPlaceholder(statement),
    };
  }
  plain.column = column.name;
  plain.export = exportRecord(item.importId, column.text);
  return { plain, scales: newScales, notes };
}

function draftMulti(item: ExportItem, key: string, hasPrevious: boolean): Draft {
  const keys = new KeyRing();
  return {
    plain: {
      key,
      kind: 'multiselect',
      group: hasPrevious ? todo('kies een groep voor deze meerkeuzevraag') : 'vragen',
      text: { organisation: plainText(item.question), product: /\$\{q:\/\//.test(item.question) ? withProductPlaceholder(plainText(item.question)) : null },
      options: item.columns.map((c, i) => {
        const label = item.parts[i] ?? c.text;
        return { key: keys.take(label, c.name), label, column: c.name, export: exportRecord(c.importId, c.text) };
      }),
      export: exportRecord(item.importId, item.question),
    },
    scales: [],
    notes: [],
  };
}

/**
 * A new question's scale: from the .qsf (its choices or scale points with their recode values),
 * else an existing scale that holds every value seen — only when exactly one does; otherwise the
 * choice is left to a person.
 */
function scaleFor(item: ExportItem, scales: Map<string, Scale>, exp: QualtricsExport): { name: string; kind: string; created?: Scale; note?: string } {
  const seen = (item.values[0] ?? []).filter((v) => v !== String(SEEN_UNANSWERED));
  const q = item.qsf;
  if (q) {
    const points: QsfChoice[] = q.type === 'Matrix' ? q.answers : q.choices;
    const yesNo = points.length === 2 && points.some((p) => /^(ja|yes)$/i.test(p.text)) && points.some((p) => /^(nee|no)$/i.test(p.text));
    const answers = points.map((p) => ({
      code: p.code ?? todo(`antwoordcode voor '${p.text}'`),
      label: p.text,
      polarity: yesNo ? (/^(ja|yes)$/i.test(p.text) ? 'yes' : 'no') : todo('positive, neutral, negative of other'),
    }));
    const same = [...scales.values()].find((s) => s.answers.length === answers.length && s.answers.every((a, i) => a.code === answers[i]!.code && matchText(a.label) === matchText(answers[i]!.label)));
    if (same) return { name: same.name, kind: yesNo ? 'yesno' : 'likert' };
    const name = uniqueScaleName(`schaal-${slug(q.exportTag) || q.id.toLowerCase()}`, scales);
    return { name, kind: yesNo ? 'yesno' : 'likert', created: { name, answers } };
  }
  const fits = [...scales.values()].filter((s) =>
    seen.every((v) => s.answers.some((a) => (exp.values === 'numeric' ? String(a.code) === v : matchText(a.label) === matchText(v)))),
  );
  if (fits.length === 1 && seen.length) {
    const s = fits[0]!;
    const yesNo = s.answers.some((a) => a.polarity === 'yes');
    return { name: s.name, kind: yesNo ? 'yesno' : 'likert', note: `Nieuwe vraag in kolom ${item.columns[0]!.name}: schaal '${s.name}' gekozen omdat alleen die alle waarden in de export (${seen.join(', ')}) bevat; controleer dit.` };
  }
  if (fits.length > 1) return { name: todo(`kies de schaal: ${fits.map((s) => s.name).join(' of ')} (waarden in de export: ${seen.join(', ')})`), kind: todo('likert of yesno') };
  // No scale fits: draft one from the values seen.
  const name = uniqueScaleName(`schaal-${slug(item.columns[0]!.name) || 'nieuw'}`, scales);
  const answers = [...seen]
    .sort((a, b) => (exp.values === 'numeric' ? Number(a) - Number(b) : a.localeCompare(b, 'nl')))
    .map((v) =>
      exp.values === 'numeric'
        ? { code: Number(v), label: todo(`label voor antwoordcode ${v}`), polarity: todo('positive, neutral, negative of other') }
        : { code: todo(`antwoordcode voor '${v}'`), label: v, polarity: todo('positive, neutral, negative of other') },
    );
  if (answers.length < 2) answers.push({ code: todo('nog een antwoordcode'), label: todo('nog een antwoord (de export bevat er minder dan twee)'), polarity: todo('positive, neutral, negative of other') });
  return { name, kind: todo('likert of yesno'), created: { name, answers } };
}

function uniqueScaleName(base: string, scales: Map<string, Scale>): string {
  let name = base;
  for (let n = 2; scales.has(name); n++) name = `${base}-${n}`;
  return name;
}

/** A routing draft from display logic: "shown if choice X of question Y is selected" → filter. */
function routing(q: QsfQuestion, items: ExportItem[], keys: Map<ExportItem, string>): unknown {
  const conditions = q.displayLogic;
  const simple = conditions.every((c) => c.logicType === 'Question' && c.operator === 'Selected' && c.questionId && c.choiceId && (c.conjunction === 'If' || c.conjunction === 'Or'));
  const target = simple ? conditions[0]!.questionId : null;
  const targetItems = target ? items.filter((i) => i.qid === target && i.kind === 'single') : [];
  if (simple && targetItems.length === 1 && conditions.every((c) => c.questionId === target)) {
    const source = targetItems[0]!.qsf;
    const labels = conditions.map((c) => source?.choices.find((ch) => ch.id === c.choiceId)?.text);
    if (labels.every((l): l is string => !!l)) return { question: keys.get(targetItems[0]!)!, answers: [...new Set(labels)] };
  }
  return todo(`routering uit Qualtrics overnemen als filter (question + answers): ${conditions.map((c) => c.description).join(' ')}`);
}
