import type { FigureChange, ReportDiff } from './diff-types.ts';
import {
  figureKindText,
  LEVEL_ORDER,
  LEVEL_TEXT,
  STRUCTURE_UNCHANGED,
  capitalise,
  textEditPlaces,
  onlyWithinShares,
  WITHIN_SHARES_TEXT,
  editedSentences,
  type ShownPart,
  WORDING_CHANGE_TEXT,
  figuresSummaryText,
  formatPct,
  formatPoints,
  highlightRule,
  groupLabel,
  largestShiftText,
  measureName,
  nText,
  sideLine,
  sideText,
  structureText,
  wordingSourceText,
  wordingSummaryText,
} from './format.ts';

/** The diff as Markdown: Samenvatting, Structuur, Cijfers, Tekst. Insertions **bold**, deletions ~~struck~~. */
export function diffMarkdown(d: ReportDiff): string {
  const out: string[] = [];
  out.push(`# Verschillen: ${d.a.label} → ${d.b.label}`, '');
  out.push(`- **A (oud):** ${esc(d.a.label)} — ${esc(sideLine(d.a))}`, `- **B (nieuw):** ${esc(d.b.label)} — ${esc(sideLine(d.b))}`, '');
  for (const n of d.notes) out.push(`> Let op: ${esc(n)}`, '');
  out.push(...summary(d), ...structure(d), ...figures(d), ...wording(d));
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function summary(d: ReportDiff): string[] {
  const out = ['## Samenvatting', ''];
  if (d.summary.total === 0) {
    out.push('Geen verschillen in structuur, cijfers of tekst.', '');
    return out;
  }
  if (d.structure.length) {
    out.push('| Structuur | Toegevoegd | Verwijderd | Hernoemd |', '|---|---:|---:|---:|');
    for (const level of LEVEL_ORDER) {
      const c = d.summary.structure[level];
      if (level === 'part' && c.added + c.removed + c.renamed === 0) continue;
      out.push(`| ${LEVEL_TEXT[level].many} | ${c.added} | ${c.removed} | ${c.renamed} |`);
    }
  } else out.push(`**Structuur:** ${STRUCTURE_UNCHANGED}.`);
  out.push('', `**Cijfers:** ${figuresSummaryText(d)}`, '', `**Tekst:** ${wordingSummaryText(d)}`, '');
  const places = textEditPlaces(d);
  if (places) out.push(`**Tekst bewerkt in:** ${esc(places)}`, '');
  if (d.summary.largest.length) {
    out.push('### Grootste verschuivingen', '');
    d.summary.largest.forEach((i, k) => {
      const f = d.figures[i]!;
      out.push(`${k + 1}. ${f.highlight ? '**⚠** ' : ''}${esc(f.text)} — ${esc(groupLabel(f))}: ${esc(largestShiftText(f))}`);
    });
    out.push('');
  }
  return out;
}

function structure(d: ReportDiff): string[] {
  const out = ['## Structuur', ''];
  if (!d.structure.length) return [...out, `${capitalise(STRUCTURE_UNCHANGED)}.`, ''];
  for (const level of LEVEL_ORDER) {
    for (const c of d.structure.filter((x) => x.level === level)) {
      const t = structureText(c);
      out.push(`- **${t.head}:** ${esc(t.body)}`);
    }
  }
  return [...out, ''];
}

function cells(f: FigureChange): string[] {
  const cell = (measure: string) => {
    const x = f.deltas.find((d) => d.measure === measure);
    if (!x) return '–';
    const points = formatPoints(x.delta);
    return `${f.highlight && Math.abs(x.delta ?? 0) >= f.size - 1e-9 ? `**${points}**` : points} (${formatPct(x.a)} → ${formatPct(x.b)})`;
  };
  if (onlyWithinShares(f)) return [`*${WITHIN_SHARES_TEXT}*`, '', ''];
  if (f.deltas.some((d) => d.measure === 'positive')) return [cell('positive'), cell('neutral'), cell('negative')];
  const all = f.deltas.map((x) => `${esc(measureName(x.measure))} ${formatPoints(x.delta)} (${formatPct(x.a)} → ${formatPct(x.b)})`).join('; ');
  return [all || '–', '', ''];
}

function figures(d: ReportDiff): string[] {
  const out = ['## Cijfers', ''];
  if (!d.figures.length) return [...out, 'Geen cijfers gewijzigd.', ''];
  const changed = d.figures.filter((f) => f.kind === 'changed');
  if (changed.length) {
    out.push(
      `Verschuiving in procentpunten (B − A), grootste eerst; ⚠ = ${highlightRule(d.threshold)}. Bij ja/nee-vragen staat het aandeel ja, bij meerkeuzevragen elk antwoord.`,
      '',
      '| | Stelling | Groep | Positief | Neutraal | Negatief | N |',
      '|---|---|---|---:|---:|---:|---:|',
    );
    for (const f of changed) {
      out.push(`| ${f.highlight ? '⚠' : ''} | ${esc(f.text)} (\`${f.question}\`) | ${esc(groupLabel(f))} | ${cells(f).join(' | ')} | ${nText(f)} |`);
    }
    out.push('');
  }
  const other = d.figures.filter((f) => f.kind !== 'changed');
  if (other.length) {
    out.push('### Te weinig respondenten, nieuwe en vervallen groepen', '', 'Een groep met te weinig respondenten wordt nooit met cijfers getoond.', '');
    out.push('| Stelling | Groep | Wijziging | A | B |', '|---|---|---|---|---|');
    for (const f of other) {
      out.push(`| ${esc(f.text)} (\`${f.question}\`) | ${esc(groupLabel(f))} | ${figureKindText(f)} | ${esc(sideText(f.a))} | ${esc(sideText(f.b))} |`);
    }
    out.push('');
  }
  return out;
}

function wording(d: ReportDiff): string[] {
  const out = ['## Tekst', ''];
  if (!d.wording.length) return [...out, 'Geen tekst gewijzigd.', ''];
  out.push('Ingevoegd is **vet**, verwijderd is ~~doorgestreept~~; […] staat voor ongewijzigde zinnen.', '');
  let at: string | null = null;
  for (const w of d.wording) {
    if (w.location.label !== at) {
      at = w.location.label;
      out.push(`### ${esc(at)}`, '');
    }
    out.push(`*${w.kind === 'list' ? 'Opsomming' : 'Alinea'} ${WORDING_CHANGE_TEXT[w.change]}${w.figuresOnly ? ' (alleen getallen)' : ''}* · \`${wordingSourceText(w)}\` · \`${w.id}\``, '');
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
