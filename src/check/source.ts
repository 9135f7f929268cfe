import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LineCounter, isMap, isScalar, parseDocument } from 'yaml';
import type { NarrativeContent, Snippet } from '../load/content.ts';

/**
 * The raw text of the narrative files, to point at the exact line and column of a word inside a
 * paragraph (the loader only knows where each paragraph starts; inside a folded YAML string the
 * lines are gone).
 */
export class SourceFiles {
  private readonly cache = new Map<string, string[] | null>();
  /** file → sorted start lines of every paragraph in it, to know where a paragraph ends. */
  private readonly starts = new Map<string, number[]>();

  constructor(narrative?: NarrativeContent) {
    if (narrative) for (const s of allSnippets(narrative)) this.addSnippet(s);
  }

  private addSnippet(s: Snippet): void {
    const list = this.starts.get(s.file) ?? [];
    list.push(...s.lines);
    list.sort((a, b) => a - b);
    this.starts.set(s.file, list);
  }

  /** Lines of a file as the loader named it (relative to the working directory or absolute). */
  lines(file: string): string[] | null {
    if (!this.cache.has(file)) {
      let lines: string[] | null = null;
      try {
        lines = readFileSync(resolve(file), 'utf8').split(/\r?\n/);
      } catch {
        lines = null;
      }
      this.cache.set(file, lines);
    }
    return this.cache.get(file)!;
  }

  /** 1-based first and last line of paragraph `index` of a snippet. */
  span(snippet: Snippet, index: number): { from: number; to: number } {
    const from = snippet.lines[index] ?? snippet.lines[0] ?? 1;
    const next = (this.starts.get(snippet.file) ?? []).find((l) => l > from);
    const total = this.lines(snippet.file)?.length ?? from;
    return { from, to: next !== undefined ? next - 1 : total };
  }

  /**
   * Where the `occurrence`-th (0-based) `needle` stands in a paragraph: line and column. Falls back
   * to the paragraph's first line with text when the needle is not found as typed.
   */
  find(snippet: Snippet, index: number, needle: string, occurrence = 0): { line: number; column?: number } {
    const lines = this.lines(snippet.file);
    const { from, to } = this.span(snippet, index);
    if (lines && needle) {
      let seen = 0;
      for (let l = from; l <= to && l <= lines.length; l++) {
        const text = lines[l - 1]!;
        let at = text.indexOf(needle);
        while (at >= 0) {
          if (seen === occurrence) return { line: l, column: at + 1 };
          seen++;
          at = text.indexOf(needle, at + needle.length);
        }
      }
    }
    return { line: this.firstTextLine(snippet, index) };
  }

  /** The paragraph's line, or the line after a bare block-scalar indicator ("- >-"). */
  firstTextLine(snippet: Snippet, index: number): number {
    const { from, to } = this.span(snippet, index);
    const text = this.lines(snippet.file)?.[from - 1] ?? '';
    return /^\s*-?\s*[>|][-+0-9]*\s*(#.*)?$/.test(text) && to > from ? from + 1 : from;
  }

  /** Top-level keys of a YAML file with the first and last line of each entry. */
  topLevelEntries(file: string): { key: string; line: number; endLine: number }[] {
    const lines = this.lines(file);
    if (!lines) return [];
    const counter = new LineCounter();
    const doc = parseDocument(lines.join('\n'), { lineCounter: counter });
    if (!isMap(doc.contents)) return [];
    const out: { key: string; line: number; endLine: number }[] = [];
    for (const pair of doc.contents.items) {
      if (!isScalar(pair.key) || !pair.key.range) continue;
      const end = (pair.value as { range?: [number, number, number] } | null)?.range?.[1] ?? pair.key.range[1];
      // The value's end offset sits at the start of the next line when the value ends with a newline.
      let endLine = counter.linePos(Math.max(end - 1, pair.key.range[0])).line;
      while (endLine > 1 && (lines[endLine - 1] ?? '').trim() === '') endLine--;
      out.push({ key: String(pair.key.value), line: counter.linePos(pair.key.range[0]).line, endLine });
    }
    return out;
  }
}

export function allSnippets(n: NarrativeContent): Snippet[] {
  return [...n.report.values(), ...n.organisation.values(), ...n.product.values(), ...[...n.productOverrides.values()].flatMap((m) => [...m.values()])];
}

/** A Handlebars expression in a paragraph's source: its text and where it stands. */
export interface Mustache {
  start: number;
  end: number;
  text: string;
  /** The helper or variable name: `circa` in {{circa "x" "positief"}}, `if` in {{#if …}}. */
  name: string;
  /** Quoted arguments anywhere in the expression (question keys, measure words …). */
  strings: string[];
}

/**
 * A paragraph's source with every {{ … }} blanked out (same length, so offsets stay), for looking
 * at the words an editor typed by hand.
 */
export function maskMustaches(source: string): { masked: string; mustaches: Mustache[] } {
  const mustaches: Mustache[] = [];
  let masked = '';
  let last = 0;
  for (const m of source.matchAll(/\{\{\{?[\s\S]*?\}?\}\}/g)) {
    const start = m.index;
    const text = m[0];
    masked += source.slice(last, start) + ' '.repeat(text.length);
    last = start + text.length;
    const inner = text.replace(/^\{+[#/^~]?\s*/, '');
    const name = /^[\w.@-]+/.exec(inner)?.[0] ?? '';
    const strings = [...text.matchAll(/"([^"]*)"|'([^']*)'/g)].map((s) => s[1] ?? s[2] ?? '');
    mustaches.push({ start, end: last, text, name, strings });
  }
  masked += source.slice(last);
  return { masked, mustaches };
}

/** Clause boundaries: ". ", "! ", "? ", "; ", ": " and ", " (not the decimal comma), and the paragraph's ends. */
export function clauseAround(masked: string, at: number): { from: number; to: number } {
  const boundary = /[.!?;:,](?=\s|$)/g;
  let from = 0;
  let to = masked.length;
  for (const m of masked.matchAll(boundary)) {
    if (m.index < at) from = m.index + 1;
    else {
      to = m.index;
      break;
    }
  }
  return { from, to };
}

/** Sentence boundaries: ". ", "! ", "? " and the paragraph's ends. */
export function sentenceAround(masked: string, at: number): { from: number; to: number } {
  let from = 0;
  let to = masked.length;
  for (const m of masked.matchAll(/[.!?](?=\s|$)/g)) {
    if (m.index < at) from = m.index + 1;
    else {
      to = m.index;
      break;
    }
  }
  return { from, to };
}

/** How often `needle` occurs in `text` before offset `before`. */
export function occurrencesBefore(text: string, needle: string, before: number): number {
  let n = 0;
  let at = text.indexOf(needle);
  while (at >= 0 && at < before) {
    n++;
    at = text.indexOf(needle, at + needle.length);
  }
  return n;
}
