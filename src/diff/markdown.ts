import type { FigureChange, ReportDiff } from './diff-types.ts';
import { loadDiffTemplates, type DiffTemplates } from '../load/diff-templates.ts';
import { DiffWords, LEVEL_ORDER, capitalise, textEditPlaces, onlyWithinShares, editedSentences, type ShownPart, formatPct, formatPoints, groupLabel, nText, wordingSourceText } from './format.ts';

/**
 * The diff as Markdown: Samenvatting, Structuur, Cijfers, Tekst. Insertions **bold**, deletions
 * ~~struck~~. The words are those of templates/diff.yaml (or `templates`).
 */
export function diffMarkdown(d: ReportDiff, templates: DiffTemplates = loadDiffTemplates()): string {
  const w = new DiffWords(templates);
  const { t } = w;
  const out: string[] = [];
  out.push(`# ${w.say(t.title.markdown, { a: d.a.label, b: d.b.label })}`, '');
  out.push(`- **${w.say(t.sides.a)}:** ${esc(d.a.label)} — ${esc(w.sideLine(d.a))}`, `- **${w.say(t.sides.b)}:** ${esc(d.b.label)} — ${esc(w.sideLine(d.b))}`, '');
  for (const n of d.notes) out.push(`> ${esc(w.say(t.sides.note, { tekst: n }))}`, '');
  out.push(...summary(d, w), ...structure(d, w), ...figures(d, w), ...wording(d, w));
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function summary(d: ReportDiff, w: DiffWords): string[] {
  const { t } = w;
  const out = [`## ${w.say(t.summary.heading)}`, ''];
  if (d.summary.total === 0) {
    out.push(w.say(t.summary.nothing), '');
    return out;
  }
  if (d.structure.length) {
    out.push(`| ${[t.summary.structure, t.structure.added, t.structure.removed, t.structure.renamed].map((x) => w.say(x)).join(' | ')} |`, '|---|---:|---:|---:|');
    for (const level of LEVEL_ORDER) {
      const c = d.summary.structure[level];
      if (level === 'part' && c.added + c.removed + c.renamed === 0) continue;
      out.push(`| ${w.level(level, true)} | ${c.added} | ${c.removed} | ${c.renamed} |`);
    }
  } else out.push(`**${w.say(t.summary.structure)}:** ${w.structureUnchanged()}.`);
  out.push('', `**${w.say(t.summary.figures)}:** ${w.figuresSummaryText(d)}`, '', `**${w.say(t.summary.wording)}:** ${w.wordingSummaryText(d)}`, '');
  const places = textEditPlaces(d);
  if (places) out.push(`**${w.say(t.summary.edited_in)}:** ${esc(places)}`, '');
  if (d.summary.largest.length) {
    out.push(`### ${w.say(t.summary.largest)}`, '');
    d.summary.largest.forEach((i, k) => {
      const f = d.figures[i]!;
      out.push(`${k + 1}. ${f.highlight ? '**⚠** ' : ''}${esc(f.text)} — ${esc(groupLabel(f))}: ${esc(w.largestShiftText(f))}`);
    });
    out.push('');
  }
  return out;
}

function structure(d: ReportDiff, w: DiffWords): string[] {
  const out = [`## ${w.say(w.t.structure.heading)}`, ''];
  if (!d.structure.length) return [...out, `${capitalise(w.structureUnchanged())}.`, ''];
  for (const level of LEVEL_ORDER) {
    for (const c of d.structure.filter((x) => x.level === level)) {
      const t = w.structureText(c);
      out.push(`- **${t.head}:** ${esc(t.body)}`);
    }
  }
  return [...out, ''];
}

function cells(f: FigureChange, w: DiffWords): string[] {
  const cell = (measure: string) => {
    const x = f.deltas.find((d) => d.measure === measure);
    if (!x) return '–';
    const points = formatPoints(x.delta);
    return `${f.highlight && Math.abs(x.delta ?? 0) >= f.size - 1e-9 ? `**${points}**` : points} (${formatPct(x.a)} → ${formatPct(x.b)})`;
  };
  if (onlyWithinShares(f)) return [`*${w.withinShares()}*`, '', ''];
  if (f.deltas.some((d) => d.measure === 'positive')) return [cell('positive'), cell('neutral'), cell('negative')];
  const all = f.deltas.map((x) => `${esc(w.measureName(x.measure))} ${formatPoints(x.delta)} (${formatPct(x.a)} → ${formatPct(x.b)})`).join('; ');
  return [all || '–', '', ''];
}

function figures(d: ReportDiff, w: DiffWords): string[] {
  const t = w.t.figures;
  const out = [`## ${w.say(t.heading)}`, ''];
  if (!d.figures.length) return [...out, capitalise(w.say(t.none)), ''];
  const changed = d.figures.filter((f) => f.kind === 'changed');
  if (changed.length) {
    out.push(
      w.say(t.intro_markdown, { regel: w.highlightRule(d.threshold) }),
      '',
      `| | ${[t.statement, t.group, t.positive, t.neutral, t.negative, t.n].map((x) => w.say(x)).join(' | ')} |`,
      '|---|---|---|---:|---:|---:|---:|',
    );
    for (const f of changed) {
      out.push(`| ${f.highlight ? '⚠' : ''} | ${esc(f.text)} (\`${f.question}\`) | ${esc(groupLabel(f))} | ${cells(f, w).join(' | ')} | ${nText(f)} |`);
    }
    out.push('');
  }
  const other = d.figures.filter((f) => f.kind !== 'changed');
  if (other.length) {
    out.push(`### ${w.say(t.other_heading)}`, '', w.say(t.other_note_markdown), '');
    out.push(`| ${[t.statement, t.group, t.change].map((x) => w.say(x)).join(' | ')} | A | B |`, '|---|---|---|---|---|');
    for (const f of other) {
      out.push(`| ${esc(f.text)} (\`${f.question}\`) | ${esc(groupLabel(f))} | ${w.figureKindText(f)} | ${esc(w.sideText(f.a))} | ${esc(w.sideText(f.b))} |`);
    }
    out.push('');
  }
  return out;
}

function wording(d: ReportDiff, words: DiffWords): string[] {
  const t = words.t.wording;
  const out = [`## ${words.say(t.heading)}`, ''];
  if (!d.wording.length) return [...out, capitalise(words.say(t.none)), ''];
  out.push(words.say(t.intro_markdown), '');
  let at: string | null = null;
  for (const w of d.wording) {
    if (w.location.label !== at) {
      at = w.location.label;
      out.push(`### ${esc(at)}`, '');
    }
    out.push(`*${words.wordingEntry(w)}* · \`${wordingSourceText(w)}\` · \`${w.id}\``, '');
    out.push(`> ${inline(editedSentences(w.parts, 2))}`, '');
  }
  return out;
}

/** Word diff inline; markers hug the words, spaces stay outside so Markdown renders them. */
export function inline(parts: ShownPart[]): string {
  return parts
    .map((p, i) => {
      if (p.op === 'gap') return ' […] ';
      if (p.op === 'same') return esc(p.text);
      const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(p.text)!;
      if (!m[2]) return m[0];
      const mark = p.op === 'insert' ? '**' : '~~';
      // "~~is~~ **vindt**": a replaced word reads as two words, not one.
      const prev = parts[i - 1];
      const gap = p.op === 'insert' && prev?.op === 'delete' && !m[1] && !/\s$/.test(prev.text) ? ' ' : '';
      return `${gap}${m[1]}${mark}${esc(m[2])}${mark}${m[3]}`;
    })
    .join('')
    .replace(/^ | $/g, '')
    .replace(/ {2,}/g, ' ');
}

/** Escapes Markdown's inline markup characters (and table pipes) in report text. */
function esc(s: string): string {
  return s.replace(/([\\`*_~[\]|<>#])/g, '\\$1');
}
