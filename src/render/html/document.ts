import type { AnyBlock, Chapter, ChartBlock, Part, ReportModel, Section, TableBlock } from '../../model/report-types.ts';
import type { ChartSvg } from '../charts/render-svg.ts';
import { BUILT_IN_CHART_KINDS, type ChartKinds } from '../../model/chart-kinds/registry.ts';
import { loadHtmlAssets, type HtmlAssets, type HtmlLabels } from './assets.ts';
import { chartTable } from './chart-table.ts';
import { esc } from './escape.ts';

/**
 * Render stage (web edition): the report model → one self-contained, accessible HTML page.
 * Landmarks (header with the cover, nav with the table of contents, main, footer with the
 * colofon), headings at the model's levels (part → chapter → section), a figure per chart with
 * its statement as caption, the chart as inline SVG with the model's description as its text
 * alternative, and its numbers as a table the reader can open.
 *
 * The page is also returned in pieces ("units": cover, colofon, each part heading, each chapter
 * heading with its introduction, each section) and as a skeleton with a marker per unit, so
 * `preview` can replace just the pieces that changed.
 */
export interface HtmlOptions {
  /** Each chart block's SVG, by block id (drawn at the web width). */
  charts: Map<string, ChartSvg>;
  /** The edition's chart decimals (the data tables print what the charts print). */
  decimals: number;
  assets?: HtmlAssets;
  /** The chart kinds the model was built with; the built-in ones by default. */
  chartKinds?: ChartKinds;
}

export interface HtmlPage {
  html: string;
  /** The page with `<!--unit:ID-->` where each unit goes. */
  skeleton: string;
  /** Each unit's HTML, by unit id (also its `data-unit` attribute). */
  units: Map<string, string>;
}

/** The page's heading level for a model level (H1 = a part or an untitled part's chapter): h1 is the report title. */
const onPage = (level: number) => level + 1;

export function htmlPage(model: ReportModel, opts: HtmlOptions): HtmlPage {
  const assets = opts.assets ?? loadHtmlAssets();
  const r = new PageRenderer(model, opts, assets.labels);
  const units = new Map<string, string>();
  const unit = (id: string, html: string): string => {
    if (units.has(id)) throw new Error(`HTML unit '${id}' twice`);
    units.set(id, html);
    return `<!--unit:${id}-->`;
  };
  const cover = unit('omslag', r.cover());
  const colofon = unit('colofon', r.colofon());
  const main: string[] = [];
  for (const part of model.parts) main.push(r.part(part, unit));
  const e = model.edition;
  const skeleton = assets.page({
    title: `${e.title} – ${e.subtitle} | ${e.organisation}`,
    description: e.subject,
    author: e.author,
    fonts: assets.fonts,
    style: assets.style,
    labels: assets.labels,
    cover,
    toc: r.toc(),
    main: main.join('\n'),
    colofon,
  });
  return { html: fillUnits(skeleton, units), skeleton, units };
}

/** Puts each unit's HTML at its marker. */
export function fillUnits(skeleton: string, units: Map<string, string>): string {
  return skeleton.replace(/<!--unit:([^>]*?)-->/g, (marker, id: string) => units.get(id) ?? marker);
}

type UnitFn = (id: string, html: string) => string;

class PageRenderer {
  private readonly ids = new Set<string>();

  constructor(
    private readonly model: ReportModel,
    private readonly opts: HtmlOptions,
    private readonly labels: HtmlLabels,
  ) {}

  /** A document-wide unique id: the model's id where it is free. */
  private id(wanted: string): string {
    let id = wanted;
    for (let i = 2; this.ids.has(id); i++) id = `${wanted}-${i}`;
    this.ids.add(id);
    return id;
  }

  cover(): string {
    const c = this.model.cover;
    return [
      '<header class="cover" data-unit="omslag"><div class="cover-inner">',
      `<p class="cover-organisation">${esc(c.organisation)}</p>`,
      '<span class="cover-bar"></span>',
      `<h1>${esc(c.title)}</h1>`,
      `<p class="cover-subtitle">${esc(c.subtitle)}</p>`,
      `<p class="cover-date">${esc(c.date)}</p>`,
      '</div></header>',
    ].join('\n');
  }

  colofon(): string {
    return `<footer class="colofon" data-unit="colofon"><div class="colofon-inner">\n${this.blocks(this.model.colofon)}\n</div></footer>`;
  }

  toc(): string {
    const items: string[] = [];
    const chapters = (list: Chapter[]) =>
      list
        .filter((c) => c.inToc)
        .map((c) => {
          const sections = c.sections.map((s) => `<li><a href="#${esc(s.id)}">${esc(s.heading)}</a></li>`).join('');
          const nested = sections ? `<ol class="toc-sections">${sections}</ol>` : '';
          return `<li class="toc-chapter"><a href="#${esc(c.id)}">${esc(c.heading)}</a>${nested}</li>`;
        })
        .join('\n');
    for (const part of this.model.parts) {
      if (part.headingLevel !== undefined) {
        items.push(`<li class="toc-part"><a href="#${esc(part.id)}">${esc(`${part.label} ${part.title}`)}</a><ol>${chapters(part.chapters)}</ol></li>`);
      } else {
        items.push(chapters(part.chapters));
      }
    }
    return `<ol>\n${items.filter(Boolean).join('\n')}\n</ol>`;
  }

  part(part: Part, unit: UnitFn): string {
    if (part.headingLevel === undefined) return part.chapters.map((c) => this.chapter(c, unit)).join('\n');
    const level = onPage(part.headingLevel);
    const id = this.id(part.id);
    const head = [
      `<div class="part-heading" data-unit="deel:${esc(part.id)}">`,
      `<h${level} id="${esc(id)}" class="level-${level}"><span class="part-label">${esc(part.label ?? '')}</span> ${esc(part.title ?? '')}</h${level}>`,
      this.blocks(part.intro),
      '</div>',
    ].join('\n');
    const chapters = part.chapters.map((c) => this.chapter(c, unit)).join('\n');
    return `<section class="part" aria-labelledby="${esc(id)}">\n${unit(`deel:${part.id}`, head)}\n${chapters}\n</section>`;
  }

  private chapter(c: Chapter, unit: UnitFn): string {
    const id = this.id(c.id);
    const h = onPage(c.headingLevel);
    const divider = c.divider
      ? `<div class="divider"><p class="divider-title">${esc(c.divider.title)}</p>${c.divider.lines.map((l) => `<p>${esc(l)}</p>`).join('')}</div>\n`
      : '';
    const head = [
      `<div class="chapter-head" data-unit="hoofdstuk:${esc(c.id)}">`,
      `${divider}<h${h} id="${esc(id)}" class="chapter-heading level-${h}">${esc(c.heading)}</h${h}>`,
      this.blocks(c.intro),
      '</div>',
    ].join('\n');
    const sections = c.sections
      .map((s) => unit(`paragraaf:${s.id}`, this.section(s, onPage(s.headingLevel))))
      .join('\n');
    return `<section class="chapter" aria-labelledby="${esc(id)}">\n${unit(`hoofdstuk:${c.id}`, head)}\n${sections}\n</section>`;
  }

  private section(s: Section, level: number): string {
    const id = this.id(s.id);
    return [
      `<section class="section" aria-labelledby="${esc(id)}" data-unit="paragraaf:${esc(s.id)}">`,
      `<h${level} id="${esc(id)}" class="section-heading level-${level}">${esc(s.heading)}</h${level}>`,
      this.blocks(s.blocks),
      '</section>',
    ].join('\n');
  }

  private blocks(blocks: AnyBlock[]): string {
    return blocks.map((b) => this.block(b)).join('\n');
  }

  private block(b: AnyBlock): string {
    switch (b.type) {
      case 'figure':
        return `<${ELEMENT[b.role]} class="figure-group">\n${this.blocks(b.blocks)}\n</${ELEMENT[b.role]}>`;
      case 'paragraph':
        return `<${ELEMENT[b.role]}>${esc(b.text)}</${ELEMENT[b.role]}>`;
      case 'caption':
        return `<${ELEMENT[b.role]} class="statement">${esc(b.text)}</${ELEMENT[b.role]}>`;
      case 'note':
        return `<${ELEMENT[b.role]} class="note">${esc(b.text)}</${ELEMENT[b.role]}>`;
      case 'list': {
        const lead = b.lead ? `<p class="list-lead">${esc(b.lead)}</p>\n` : '';
        return `${lead}<${ELEMENT[b.role]}>${b.items.map((i) => `<li>${esc(i)}</li>`).join('')}</${ELEMENT[b.role]}>`;
      }
      case 'table':
        return this.table(b);
      case 'chart':
        return this.chart(b);
    }
  }

  private table(b: TableBlock): string {
    const captionId = this.id(b.id ? `${b.id}-titel` : 'tabel');
    const tableId = b.id ? ` id="${esc(this.id(b.id))}"` : '';
    const align = (i: number) => (b.align[i] === 'right' ? ' class="num"' : '');
    const body = b.rows
      .map((row, ri) => {
        const total = b.totalRow && ri === b.rows.length - 1 ? ' class="total"' : '';
        return `<tr${total}>${row.map((c, i) => (i === 0 ? `<th scope="row">${esc(c)}</th>` : `<td${align(i)}>${esc(c)}</td>`)).join('')}</tr>`;
      })
      .join('');
    return [
      `<div class="table-scroll" role="region" aria-labelledby="${captionId}" tabindex="0">`,
      `<table${tableId}><caption id="${captionId}">${esc(b.caption)}</caption>`,
      `<thead><tr>${b.header.map((h, i) => `<th scope="col"${align(i)}>${esc(h)}</th>`).join('')}</tr></thead>`,
      `<tbody>${body}</tbody></table></div>`,
    ].join('');
  }

  private chart(b: ChartBlock): string {
    const img = this.opts.charts.get(b.id);
    if (!img) throw new Error(`chart ${b.id} was not rendered`);
    const id = this.id(b.id);
    const caption = b.caption ? `<figcaption>${esc(b.caption)}</figcaption>\n` : '';
    const table = chartTable(b, this.id(`${b.id}-tabel`), { decimals: this.opts.decimals, labels: this.labels, year: this.model.edition.year, kind: (this.opts.chartKinds ?? BUILT_IN_CHART_KINDS).get(b.chart) });
    return [
      `<${ELEMENT[b.role]} class="chart" id="${esc(id)}">`,
      `${caption}${accessibleSvg(img.svg, b.description, id)}`,
      `<details><summary>${esc(this.labels.chartNumbers)}</summary>\n${table}</details>`,
      `</${ELEMENT[b.role]}>`,
    ].join('\n');
  }
}

/** The HTML element for a block's role (the model's tagged-PDF structure type). */
const ELEMENT: Record<AnyBlock['role'], string> = { P: 'p', L: 'ul', Table: 'table', Figure: 'figure', Div: 'div' };

/**
 * The chart's SVG as an image with a text alternative: role="img" and the model's description as
 * its name (assistive technology then skips the SVG's own text). Ids inside the SVG get the
 * figure's id in front, so charts on one page never share an id.
 */
export function accessibleSvg(svg: string, description: string, prefix: string): string {
  const scoped = /\bid="/.test(svg)
    ? svg
        .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${prefix}-${id}"`)
        .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefix}-${id})`)
        .replace(/href="#([^"]+)"/g, (_, id: string) => `href="#${prefix}-${id}"`)
    : svg;
  return scoped.replace(/^<svg\b/, `<svg role="img" aria-label="${esc(description)}" focusable="false"`);
}
