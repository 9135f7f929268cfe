import { relative, resolve, sep } from 'node:path';
import { fillText } from '../load/text-template.ts';
import { ALL, ORGANISATION, type Aggregate, type Aggregates, type Suppression } from '../analyse/aggregate-types.ts';
import { formatNumber, formatPercent } from '../analyse/dutch-number.ts';
import { roundTo } from '../analyse/rounding.ts';
import type { Edition, Product } from '../load/edition.ts';
import { questionText, type Question, type QuestionGroup, type Questionnaire } from '../load/questionnaire.ts';
import type { NarrativeContent, Snippet } from '../load/content.ts';
import type { ReportTemplates } from '../load/report-templates.ts';
import { problem, type InputProblem } from '../load/input-error.ts';
import { chartBlock, chartRow, printableProducts, respondentsBlock, type ChartMaking, type PrintedResponseLine } from './chart-blocks.ts';
import { BUILT_IN_CHART_KINDS, type ChartKinds } from './chart-kinds/registry.ts';
import { previousAggregate, type PreviousEdition } from '../analyse/previous-edition.ts';
import { renderParagraphs, type RenderedParagraph } from './narrative/render-snippet.ts';
import { narrativeEnv, type NarrativeEnv } from './narrative/helpers.ts';
import { dateText, listText, type Wording } from './wording.ts';
import { marginTable } from './margin-table.ts';
import { productPatternTable } from './product-pattern.ts';
import { finishChapter, finishPart, type ChapterDraft, type PartDraft, type SectionDraft } from './outline.ts';
import type { LooseBlock } from './figures.ts';
import { describeExclusion } from '../load/response-filter.ts';
import { answerTones, type Tone } from '../load/answer-tones.ts';
import { chartTablesChapter } from './chart-tables.ts';
import {
  REPORT_MODEL_SCHEMA,
  REPORT_MODEL_VERSION,
  type ChartBlock,
  type ChartRow,
  type Disclosure,
  type ListBlock,
  type NoteBlock,
  type ParagraphBlock,
  type ReportModel,
  type TableBlock,
} from './report-types.ts';

export interface ModelInput {
  edition: Edition;
  questionnaire: Questionnaire;
  aggregates: Aggregates;
  narrative: NarrativeContent;
  templates: ReportTemplates;
  /** The edition named as previous_edition, when there is one: its results appear beside this year's. */
  previous?: PreviousEdition;
  /** The chart kinds to build with (src/model/chart-kinds/registry.ts); the built-in ones by default. */
  chartKinds?: ChartKinds;
}

type GroupType = QuestionGroup['type'];

/** What the model stage gives: the model, and every mistake it found in the narrative. */
export interface ModelBuild {
  model: ReportModel;
  /**
   * Mistakes in snippets (the paragraph is left out of the model) and product texts that can never
   * be shown. `build` stops on them; `check` reports them with the rest.
   */
  problems: InputProblem[];
  /** Every paragraph of every snippet as it rendered, in reading order, for `check`. */
  paragraphs: RenderedParagraph[];
}

/** Model stage: the whole report as a tree, from aggregates, narrative snippets and templates. */
export function buildReportModel(input: ModelInput): ModelBuild {
  return new ModelBuilder(input).build();
}

class ModelBuilder {
  private readonly env: NarrativeEnv;
  /** Each product's share of the respondents as printed (one decimal), adding up to 100 as the edition rounds. */
  private readonly shownShares: ReadonlyMap<string, number>;
  /** The response table's lines (products, those without one, a combined line), in the report's wording. */
  private readonly printed: PrintedResponseLine[];
  private readonly wording: Wording;
  private readonly decimals: number;
  private readonly kinds: ChartKinds;
  private readonly making: ChartMaking;
  private readonly problems: InputProblem[] = [];
  private readonly paragraphs: RenderedParagraph[] = [];

  constructor(private readonly input: ModelInput) {
    this.decimals = input.edition.rounding.chart_decimals;
    this.kinds = input.chartKinds ?? BUILT_IN_CHART_KINDS;
    this.making = { kinds: this.kinds, altText: input.templates.alt_text };
    this.wording = input.templates.language;
    this.printed = printableProducts(input.aggregates.statistics, this.wording);
    this.env = narrativeEnv({ edition: input.edition, questionnaire: input.questionnaire, aggregates: input.aggregates, previous: input.previous }, this.wording);
    this.shownShares = this.env.shownShares;
  }

  /** Fills a template string from templates/report.yaml. */
  private t(template: string, vars: Record<string, string | number> = {}): string {
    const { edition } = this.input;
    return fillText(template, { jaar: edition.year, organisatie: edition.organisation, minimum: edition.min_group_size, ...vars });
  }

  build(): ModelBuild {
    const { edition, templates } = this.input;
    const stats = this.input.aggregates.statistics;
    this.numberSections();
    const cover = {
      organisation: edition.organisation,
      title: edition.title,
      year: edition.year,
      subtitle: edition.subtitle,
      date: this.t(templates.cover.date, { datum: dateText(edition.published, 'month', this.wording) }),
    };
    const model: ReportModel = {
      schema: REPORT_MODEL_SCHEMA,
      version: REPORT_MODEL_VERSION,
      edition: {
        year: edition.year,
        title: edition.title,
        subtitle: edition.subtitle,
        organisation: edition.organisation,
        author: edition.author,
        published: edition.published,
        previousEdition: this.input.previous?.year ?? null,
        keywords: [edition.organisation, this.t(templates.document.keyword), String(edition.year), ...edition.products.map((p) => p.name)],
        subject: this.t(templates.document.subject, { ondertitel: edition.subtitle, titel: edition.title, titel_klein: edition.title.toLowerCase(), organisatie: edition.organisation }),
      },
      cover,
      colofon: this.reportSnippet('colofon', 'colofon'),
      parts: [this.frontMatter(), this.organisationPart(), this.productsPart(), this.methodologyPart()].map((p) => finishPart(p, this.kinds)),
      responses: {
        received: stats.received,
        counted: stats.responded,
        excluded: stats.excluded.map((e) => ({ ...e, description: describeExclusion(e) })),
      },
      disclosure: this.disclosure(),
    };
    this.checkOverrides();
    // The appendix closes the last part (after the methodology chapter).
    const appendix = chartTablesChapter(model, templates.appendix, this.decimals, (t, vars) => this.t(t, vars), this.kinds);
    const last = model.parts[model.parts.length - 1]!;
    if (appendix) last.chapters.push(finishChapter(appendix, last.title !== null, this.kinds));
    return { model, problems: this.problems, paragraphs: this.paragraphs };
  }

  // Numbering ---------------------------------------------------------------------------------

  /** Chapter and section numbers, known before any text renders so snippets can refer to them. */
  private chapterNumbers = new Map<string, number>();

  private numberSections(): void {
    let chapter = 0;
    const scopes: [string, Product | null][] = [[ORGANISATION, null], ...this.input.edition.products.map((p): [string, Product] => [p.name, p])];
    for (const [scope, product] of scopes) {
      for (const type of ['value', 'process'] as const) {
        chapter++;
        this.chapterNumbers.set(`${scope}|${type}`, chapter);
        this.groupsIn(type, product).forEach((g, i) => this.env.sectionNumbers.set(`${scope}|${g.key}`, `${chapter}.${i + 1}`));
      }
    }
    this.chapterNumbers.set('methodology', chapter + 1);
  }

  // Snippets ----------------------------------------------------------------------------------

  private snippetSource(key: string, product: Product | null, topic: 'report' | 'scope'): Snippet | undefined {
    const { narrative } = this.input;
    if (topic === 'report') return narrative.report.get(key);
    if (!product) return narrative.organisation.get(key);
    return narrative.productOverrides.get(product.key)?.get(key) ?? narrative.product.get(key);
  }

  private render(snippet: Snippet | undefined, scope: string, group: string | null, id: string, product: Product | null): ParagraphBlock[] {
    if (!snippet) return [];
    const { edition } = this.input;
    const variables = {
      product: product?.name ?? edition.organisation,
      organisatie: edition.organisation,
      minimum: edition.min_group_size,
      periode: this.t(this.input.templates.sentences.period, { van: dateText(edition.fieldwork.from, 'day', this.wording), tot: dateText(edition.fieldwork.to, 'day', this.wording) }),
      decimalen: edition.rounding.chart_decimals,
      minimaal_verschil: edition.comparison.min_difference,
    };
    const source = { file: editionRelative(this.input.edition.dir, snippet.file), key: snippet.key };
    const rendered = renderParagraphs(this.env, snippet, { scope, group, variables }, id);
    this.problems.push(...rendered.problems);
    this.paragraphs.push(...rendered.paragraphs);
    return rendered.blocks.map((p) => ({ ...p, source }));
  }

  private reportSnippet(key: string, id: string): ParagraphBlock[] {
    return this.render(this.snippetSource(key, null, 'report'), ORGANISATION, null, id, null);
  }

  private checkOverrides(): void {
    // Unused snippets are reported by `eindrapport check`; here only product overrides for
    // snippets that do not exist generically are an error, since they can never be shown.
    const { narrative } = this.input;
    for (const [productKey, overrides] of narrative.productOverrides) {
      for (const [key, s] of overrides) {
        if (!narrative.product.has(key)) {
          this.problems.push(problem({ file: s.file, line: s.lines[0] }, `'${key}' is geen tekst van product.yaml en wordt voor ${productKey} nooit getoond.`, `Gebruik een sleutel uit product.yaml: ${[...narrative.product.keys()].join(', ')}.`));
        }
      }
    }
  }

  // Parts -------------------------------------------------------------------------------------

  private frontMatter(): PartDraft {
    const { templates, questionnaire, aggregates } = this.input;
    const summaryCharts: LooseBlock[] = [];
    for (const g of questionnaire.groups.filter((x) => x.type === 'value')) {
      const rows = this.questionsOf(g.key, null)
        .map((q) => aggregates.get(q.key, ORGANISATION, ALL))
        .filter((a): a is Aggregate => !!a && !a.suppressed)
        .map((a) => chartRow(this.caption(questionnaire.byKey.get(a.question)!, null), a));
      if (!rows.length) continue;
      const tones = Object.assign({}, ...rows.map((r) => tonesOf(questionnaire.byKey.get(r.question)!)));
      summaryCharts.push(...this.withRoundingNote(chartBlock(this.making, `samenvatting-${g.key}`, 'value-summary', this.t(templates.sentences.value_summary_caption, { titel: g.title }), rows, this.decimals, tones)));
    }
    const chapter = (id: string, title: string, kind: 'summary' | 'introduction', textKey: string, intro: LooseBlock[]): ChapterDraft => ({
      id, kind, number: null, title, product: null, productKey: null, textKey, inToc: true, divider: null, intro, sections: [],
    });
    return {
      id: 'voorwerk',
      kind: 'front-matter',
      label: null,
      title: null,
      textKey: null,
      intro: [],
      chapters: [
        chapter('managementsamenvatting', templates.chapters.summary, 'summary', 'samenvatting', [
          ...this.reportSnippet('samenvatting', 'samenvatting'),
          ...summaryCharts,
          ...this.reportSnippet('samenvatting-producten', 'samenvatting-producten'),
          this.productPattern(),
          ...this.reportSnippet('samenvatting-opvallend', 'samenvatting-opvallend'),
        ]),
        chapter('introductie', templates.chapters.introduction, 'introduction', 'introductie', this.reportSnippet('introductie', 'introductie')),
      ],
    };
  }

  /** The management summary's table: per product the tendency per organisation value and over the work processes. */
  private productPattern(): TableBlock {
    const { edition, questionnaire, aggregates, templates } = this.input;
    const pt = templates.tables.pattern;
    return productPatternTable(edition, questionnaire, aggregates, {
      caption: this.t(pt.caption),
      product: this.t(pt.product),
      processes: this.t(pt.processes),
      organisation: this.t(pt.organisation),
      tooFew: this.t(pt.too_few),
    });
  }

  private organisationPart(): PartDraft {
    const { templates } = this.input;
    return {
      id: 'deel-1',
      kind: 'organisation',
      label: this.t(templates.parts.organisation.label),
      title: this.t(templates.parts.organisation.title),
      textKey: 'deel-organisatie',
      intro: this.reportSnippet('deel-organisatie', 'deel-1'),
      chapters: [
        this.scopeChapter(null, 'value', templates.chapters.organisation_values),
        this.scopeChapter(null, 'process', templates.chapters.organisation_processes),
      ],
    };
  }

  private productsPart(): PartDraft {
    const { templates, edition, aggregates } = this.input;
    return {
      id: 'deel-2',
      kind: 'products',
      label: this.t(templates.parts.products.label),
      title: this.t(templates.parts.products.title),
      textKey: 'deel-producten',
      intro: [...this.reportSnippet('deel-producten', 'deel-2'), ...this.withRoundingNote(respondentsBlock(this.making, this.t(templates.sentences.respondents_caption), 'respondenten-per-product', aggregates.statistics, this.printed, this.shownShares))],
      chapters: edition.products.flatMap((p) => [
        { ...this.scopeChapter(p, 'value', templates.chapters.product_values), divider: this.productDivider(p) },
        this.scopeChapter(p, 'process', templates.chapters.product_processes),
      ]),
    };
  }

  private productDivider(p: Product): ChapterDraft['divider'] {
    const { sentences } = this.input.templates;
    const stats = this.input.aggregates.statistics.perProduct.find((x) => x.product === p.name)!;
    if (stats.suppression) return { title: p.name, lines: [this.t(sentences.product_divider_protected)] };
    const lines = [this.t(sentences.product_divider, { respondenten: formatNumber(stats.responded), aandeel: formatPercent(this.shownShares.get(p.name)!, 1) })];
    if (stats.segments.length) {
      const label = (key: string) => p.segments.find((x) => x.key === key)?.label ?? key;
      const shown = stats.segments.filter((s) => !s.suppression);
      const hidden = stats.segments.filter((s) => s.suppression);
      const segs = shown.map((s) => this.t(sentences.product_divider_segment, { respondenten: formatNumber(s.responded), segment: label(s.segment) }));
      // Hidden segments only together: their sum is the product minus the shown ones anyway.
      if (hidden.length) {
        const together = hidden.reduce((sum, s) => sum + s.responded, 0);
        segs.push(this.t(sentences.product_divider_together, { respondenten: formatNumber(together), segmenten: listText(hidden.map((s) => label(s.segment)), this.wording) }));
      }
      lines.push(this.t(sentences.product_divider_segments, { segmenten: segs.join(', ') }));
    }
    return { title: p.name, lines };
  }

  private methodologyPart(): PartDraft {
    const { templates, aggregates, questionnaire } = this.input;
    const number = this.chapterNumbers.get('methodology')!;
    const s = aggregates.statistics;
    const section = (i: number, key: keyof ReportTemplates['methodology_sections'], blocks: LooseBlock[]): SectionDraft => ({
      id: `onderzoeksverantwoording-${key}`,
      number: `${number}.${i}`,
      title: templates.methodology_sections[key],
      group: null,
      scope: ORGANISATION,
      textKey: METHODOLOGY_TEXTS[key],
      blocks,
    });
    const rt = templates.tables.response;
    const responseTable: TableBlock = {
      type: 'table',
      id: 'ov-respons-tabel',
      role: 'Table',
      caption: rt.caption,
      header: rt.header,
      align: ['left', 'right', 'right', 'right', 'right'],
      totalRow: true,
      rows: [
        ...this.printed.map((p) => [p.product, p.invited === null ? '–' : formatNumber(p.invited), formatNumber(p.responded), p.responseRate === null ? '–' : formatPercent(p.responseRate, 1), formatPercent(this.shownShares.get(p.product)!, 1)]),
        [rt.total, formatNumber(s.invited), formatNumber(s.responded), formatPercent(s.responseRate, 1), formatPercent(100, 1)],
        ...s.excluded.map((e) => [this.t(rt.excluded, { reden: describeExclusion(e) }), '', formatNumber(e.count), '', '']),
      ],
      ...(s.excluded.length ? { rowsAfterTotal: s.excluded.length } : {}),
    };
    const responseNote = this.roundingNote('ov-respons-afronding', [...this.shownShares.values()]);
    const excludedSentence: ParagraphBlock[] = s.excluded.length
      ? [
          {
            type: 'paragraph',
            id: 'onderzoeksverantwoording-niet-meegeteld',
            role: 'P',
            text: this.t(templates.sentences.excluded, {
              ontvangen: formatNumber(s.received),
              meegeteld: formatNumber(s.responded),
              redenen: s.excluded.map((e) => `${formatNumber(e.count)} × ${describeExclusion(e)}`).join(', '),
            }),
            figures: [],
            source: { file: 'templates/report.yaml', key: 'sentences.excluded' },
          },
        ]
      : [];
    const ct = templates.tables.coding;
    const likertScale = questionnaire.questions.find((q) => q.kind === 'likert')!.answers;
    const codingTable: TableBlock = {
      type: 'table',
      id: 'ov-codering-tabel',
      role: 'Table',
      caption: ct.caption,
      header: ct.header,
      align: ['right', 'left', 'left'],
      totalRow: false,
      rows: likertScale.map((a) => [String(a.code), a.label, ct.polarity[a.substantive ? (a.polarity ?? 'none') : 'none'] ?? '']),
    };
    return {
      id: 'onderzoeksverantwoording',
      kind: 'methodology',
      label: null,
      title: null,
      textKey: null,
      intro: [],
      chapters: [
        {
          id: 'onderzoeksverantwoording',
          kind: 'methodology',
          number,
          title: templates.chapters.methodology,
          product: null,
          productKey: null,
          textKey: 'onderzoeksverantwoording',
          inToc: true,
          divider: null,
          intro: this.reportSnippet('onderzoeksverantwoording', 'onderzoeksverantwoording'),
          sections: [
            section(1, 'design', this.reportSnippet('onderzoeksverantwoording-opzet', 'ov-opzet')),
            section(2, 'response', [...this.reportSnippet('onderzoeksverantwoording-respons', 'ov-respons'), ...excludedSentence, responseTable, ...responseNote]),
            section(3, 'processing', [...this.reportSnippet('onderzoeksverantwoording-verwerking', 'ov-verwerking'), codingTable]),
            section(4, 'precision', [...this.reportSnippet('onderzoeksverantwoording-nauwkeurigheid', 'ov-nauwkeurigheid'), this.marginTable()]),
            section(5, 'confidentiality', [...this.reportSnippet('onderzoeksverantwoording-vertrouwelijkheid', 'ov-vertrouwelijkheid'), ...this.disclosureBlocks()]),
          ],
        },
      ],
    };
  }

  /**
   * Under independently rounded shares that do not add up to 100 (edition rounding.shares:
   * independent): a note saying why, where the reader meets them.
   */
  private roundingNote(id: string, ...sets: number[][]): NoteBlock[] {
    const off = sets.some((shown) => {
      const total = shown.reduce((sum, v) => sum + v, 0);
      return total !== 0 && Math.abs(total - 100) > 1e-9;
    });
    return off ? [{ type: 'note', id, role: 'P', kind: 'remark', text: this.t(this.input.templates.sentences.rounding_note) }] : [];
  }

  /** A chart followed by the rounding note where its bars' printed shares do not add up. */
  private withRoundingNote(block: ChartBlock): LooseBlock[] {
    const { sharesAddUp } = this.kinds.get(block.chart);
    if (!sharesAddUp) return [block];
    // Bars that are the parts of one whole (respondents per product): their shares add up together.
    if (sharesAddUp === 'across-bars') return [block, ...this.roundingNote(`${block.id}-afronding`, block.rows.map((r) => Object.values(r.display ?? {}).reduce((sum, v) => sum + v, 0)))];
    const bars = block.rows.flatMap((r) => [r.display, r.previous?.display]).filter((d): d is Record<string, number> => d !== undefined);
    return [block, ...this.roundingNote(`${block.id}-afronding`, ...bars.map((d) => Object.values(d)))];
  }

  /** ± points by group size at this edition's response rate (computed from the invited counts). */
  private marginTable(): TableBlock {
    const { templates, aggregates, edition } = this.input;
    const s = aggregates.statistics;
    const mt = templates.tables.margins;
    return marginTable('ov-marges-tabel', edition.min_group_size, s.responded, s.invited > 0 ? s.responded / s.invited : 0, {
      caption: this.t(mt.caption, { respons: formatPercent(s.responseRate, 1) }),
      sizeHeader: mt.size,
      shareHeader: (aandeel, rest) => (aandeel === rest ? this.t(mt.share, { aandeel }) : this.t(mt.share_pair, { aandeel, rest })),
    });
  }

  /** What disclosure control left out, per group, without any figure of it. */
  private disclosure(): Disclosure {
    const { edition, aggregates } = this.input;
    const hidden = new Map<string, Disclosure['hidden'][number]>();
    const entry = (scope: string, segment: string) => {
      const key = `${scope}|${segment}`;
      let e = hidden.get(key);
      if (!e) {
        e = { scope, segment, tooFew: [], complementary: [], respondents: null };
        hidden.set(key, e);
      }
      return e;
    };
    for (const p of aggregates.statistics.perProduct) {
      if (p.suppression) entry(p.product, ALL).respondents = p.suppression;
      for (const s of p.segments) if (s.suppression) entry(p.product, s.segment).respondents = s.suppression;
    }
    for (const a of aggregates.records) {
      if (a.suppression === 'too-few') entry(a.scope, a.segment).tooFew.push(a.question);
      if (a.suppression === 'complementary') entry(a.scope, a.segment).complementary.push(a.question);
    }
    // Report order: organisation, then products and their segments as in edition.yaml.
    const order = [ORGANISATION, ...edition.products.map((p) => p.name)];
    const segmentOrder = (scope: string, segment: string) =>
      segment === ALL ? -1 : (edition.products.find((p) => p.name === scope)?.segments.findIndex((s) => s.key === segment) ?? 0);
    const list = [...hidden.values()].sort((a, b) => order.indexOf(a.scope) - order.indexOf(b.scope) || segmentOrder(a.scope, a.segment) - segmentOrder(b.scope, b.segment));
    return { minimumGroupSize: edition.min_group_size, hidden: list };
  }

  /** The methodology's statement of the rule and of every group hidden to protect a smaller one. */
  private disclosureBlocks(): LooseBlock[] {
    const { sentences } = this.input.templates;
    const { edition } = this.input;
    const source = (key: string) => ({ file: 'templates/report.yaml', key: `sentences.${key}` });
    const protecting = this.disclosure().hidden.filter((h) => h.complementary.length || h.respondents === 'complementary');
    const rule: ParagraphBlock = { type: 'paragraph', id: 'ov-onthulling', role: 'P', text: this.t(sentences.disclosure_rule), figures: [], source: source('disclosure_rule') };
    if (!protecting.length) return [{ ...rule, text: `${rule.text} ${this.t(sentences.disclosure_none)}` }];
    const groupName = (scope: string, segment: string) => {
      const name = scope === ORGANISATION ? edition.organisation : scope;
      if (segment === ALL) return name;
      return `${name}, ${edition.products.find((p) => p.name === scope)?.segments.find((s) => s.key === segment)?.label ?? segment}`;
    };
    const items = protecting.map((h) => {
      const what = [
        ...(h.respondents === 'complementary' ? [this.t(sentences.disclosure_respondents)] : []),
        ...(h.complementary.length ? [this.t(sentences.disclosure_questions, { aantal: formatNumber(h.complementary.length), vragen: h.complementary.length === 1 ? sentences.disclosure_question_one : sentences.disclosure_question_many })] : []),
      ];
      return this.t(sentences.disclosure_item, { groep: groupName(h.scope, h.segment), wat: listText(what, this.wording) });
    });
    return [rule, { type: 'list', id: 'ov-onthulling-lijst', role: 'L', lead: this.t(sentences.disclosure_list), items, source: source('disclosure_list') }];
  }

  // Chapters and sections ---------------------------------------------------------------------

  private groupsIn(type: GroupType, product: Product | null): QuestionGroup[] {
    return this.input.questionnaire.groups.filter((g) => g.type === type && this.questionsOf(g.key, product).length > 0);
  }

  private questionsOf(group: string, product: Product | null): Question[] {
    return this.input.questionnaire.questions.filter((q) => {
      if (q.group !== group) return false;
      if (!product) return q.asked.organisation;
      const p = q.asked.products;
      return p === 'all' || (Array.isArray(p) && p.includes(product.key));
    });
  }

  private caption(q: Question, product: Product | null): string {
    return questionText(q, product?.name ?? null) ?? q.key;
  }

  private scopeChapter(product: Product | null, type: GroupType, titleTemplate: string): ChapterDraft {
    const scope = product?.name ?? ORGANISATION;
    const scopeId = product?.key ?? 'organisatie';
    const id = `${scopeId}-${type === 'value' ? 'waarden' : 'werkprocessen'}`;
    const introKey = type === 'value' ? 'hoofdstuk-waarden' : 'hoofdstuk-werkprocessen';
    return {
      id,
      kind: type === 'value' ? 'values' : 'processes',
      number: this.chapterNumbers.get(`${scope}|${type}`)!,
      title: this.t(titleTemplate, { product: product?.name ?? '' }),
      product: product?.name ?? null,
      productKey: product?.key ?? null,
      textKey: introKey,
      inToc: true,
      divider: null,
      intro: [
        ...this.render(this.snippetSource(introKey, product, 'scope'), scope, null, `${id}-intro`, product),
        ...(product ? [this.comparisonTable(product, type, `${id}-vergelijking`)] : []),
      ],
      sections: this.groupsIn(type, product).map((g) => this.groupSection(g, product, `${scopeId}-${g.key}`)),
    };
  }

  /** A product's positive shares next to the organisation's, per statement of the chapter. */
  private comparisonTable(product: Product, type: GroupType, id: string): TableBlock {
    const { templates, aggregates } = this.input;
    const ct = templates.tables.comparison;
    const rows: string[][] = [];
    for (const g of this.groupsIn(type, product)) {
      for (const q of this.questionsOf(g.key, product)) {
        if (q.kind !== 'likert' && q.kind !== 'usefulness') continue;
        const p = aggregates.get(q.key, product.name, ALL);
        const o = aggregates.get(q.key, ORGANISATION, ALL);
        const statement = this.caption(q, product);
        if (!p || p.suppressed || p.positive === null) {
          const why = p?.suppression === 'complementary' ? ct.protected : ct.too_few;
          rows.push([statement, why, o && !o.suppressed && o.positive !== null ? formatPercent(o.positive, this.decimals) : '–', '–']);
          continue;
        }
        if (!o || o.suppressed || o.positive === null) {
          rows.push([statement, formatPercent(p.positive, this.decimals), '–', '–']);
          continue;
        }
        const d = roundTo(p.positive, this.decimals) - roundTo(o.positive, this.decimals);
        const sign = d > 0 ? '+' : d < 0 ? '−' : '';
        rows.push([statement, formatPercent(p.positive, this.decimals), formatPercent(o.positive, this.decimals), `${sign}${formatNumber(Math.abs(d), this.decimals)}`]);
      }
    }
    return {
      type: 'table',
      id,
      role: 'Table',
      caption: this.t(ct.caption, { product: product.name }),
      header: ct.header.map((h) => this.t(h, { product: product.name })),
      rows,
      align: ['left', 'right', 'right', 'right'],
      totalRow: false,
    };
  }

  private groupSection(g: QuestionGroup, product: Product | null, id: string): SectionDraft {
    const scope = product?.name ?? ORGANISATION;
    const blocks: LooseBlock[] = [...this.render(this.snippetSource(g.key, product, 'scope'), scope, g.key, id, product)];
    const suppressedRun: Question[] = [];
    let runReason: Suppression = 'too-few';
    const flushSuppressed = () => {
      if (!suppressedRun.length) return;
      const { sentences } = this.input.templates;
      const suppressed = { scope, questions: suppressedRun.map((q) => q.key), segments: [ALL], reason: runReason };
      const kind = runReason === 'too-few' ? 'too-few-respondents' : 'protects-small-group';
      const [single, many] = runReason === 'too-few' ? (['too_few_single', 'too_few_many'] as const) : (['protects_single', 'protects_many'] as const);
      const runId = `${id}-${suppressedRun[0]!.key}-weggelaten`;
      if (suppressedRun.length === 1) {
        blocks.push({ type: 'caption', id: `${runId}-stelling`, role: 'P', text: this.caption(suppressedRun[0]!, product), question: suppressedRun[0]!.key });
        blocks.push({ type: 'note', id: runId, role: 'P', kind, text: this.t(sentences[single]), suppressed });
      } else {
        blocks.push({ type: 'note', id: runId, role: 'P', kind, text: this.t(sentences[many]), suppressed });
        blocks.push({ type: 'list', id: `${runId}-stellingen`, role: 'L', lead: null, items: suppressedRun.map((q) => this.caption(q, product)), source: { file: 'templates/report.yaml', key: `sentences.${many}` } });
      }
      suppressedRun.length = 0;
    };
    for (const q of this.questionsOf(g.key, product)) {
      const a = this.input.aggregates.get(q.key, scope, ALL);
      if (!a || a.suppressed) {
        if (a && a.asked === 0 && q.filter) continue; // nobody routed: nothing to say beyond the filter chart
        const reason = a?.suppression ?? 'too-few';
        if (reason !== runReason) flushSuppressed();
        runReason = reason;
        suppressedRun.push(q);
        continue;
      }
      flushSuppressed();
      blocks.push(...this.questionBlocks(q, a, product, `${id}-${q.key}`));
    }
    flushSuppressed();
    return { id, number: this.env.sectionNumbers.get(`${scope}|${g.key}`) ?? null, title: g.title, group: g.key, scope, textKey: g.key, blocks };
  }

  private questionBlocks(q: Question, a: Aggregate, product: Product | null, id: string): LooseBlock[] {
    const caption = this.caption(q, product);
    const kind = this.kinds.forQuestion(q.kind);
    const before = previousAggregate(this.input.previous, q, a.scope, ALL);
    const previous = before && this.kinds.get(kind).showsPrevious ? { year: this.input.previous!.year, aggregate: before } : undefined;
    const tones = tonesOf(q);
    const blocks: LooseBlock[] = this.withRoundingNote(chartBlock(this.making, id, kind, caption, [chartRow(product?.name ?? this.input.edition.organisation, a, previous)], this.decimals, tones));
    const segments = product?.segments ?? [];
    if (segments.length && (q.kind === 'likert' || q.kind === 'usefulness')) {
      const rows: ChartRow[] = [chartRow(this.t(this.input.templates.sentences.segments_total), a)];
      const hidden = { 'too-few': [] as typeof segments, complementary: [] as typeof segments };
      for (const s of segments) {
        const sa = this.input.aggregates.get(q.key, a.scope, s.key);
        if (sa && !sa.suppressed) rows.push(chartRow(s.label, sa));
        else hidden[sa?.suppression ?? 'too-few'].push(s);
      }
      if (rows.length >= 2) {
        const { sentences } = this.input.templates;
        blocks.push(...this.withRoundingNote(chartBlock(this.making, `${id}-segmenten`, 'segments', this.t(sentences.segments_caption, { stelling: caption, product: product!.name }), rows, this.decimals, tones)));
        for (const reason of ['too-few', 'complementary'] as const) {
          const left = hidden[reason];
          if (!left.length) continue;
          blocks.push({
            type: 'note',
            id: `${id}-segmenten-${reason}`,
            role: 'P',
            kind: reason === 'too-few' ? 'too-few-respondents' : 'protects-small-group',
            text: this.t(reason === 'too-few' ? sentences.segments_too_few : sentences.segments_protects, { segmenten: left.map((s) => s.label).join(', ') }),
            suppressed: { scope: a.scope, questions: [q.key], segments: left.map((s) => s.key), reason },
          });
        }
      }
    }
    const reasons = this.input.narrative.reasons.get(product?.key ?? 'organisatie')?.get(q.key);
    if (reasons) blocks.push({ type: 'list', id: `${id}-redenen`, role: 'L', lead: reasons.lead, items: reasons.items, source: { file: editionRelative(this.input.edition.dir, reasons.file), key: reasons.key } });
    return blocks;
  }
}


/** The methodology's sections and the texts (rapport.yaml) that fill them. */
const METHODOLOGY_TEXTS: Record<keyof ReportTemplates['methodology_sections'], string> = {
  design: 'onderzoeksverantwoording-opzet',
  response: 'onderzoeksverantwoording-respons',
  processing: 'onderzoeksverantwoording-verwerking',
  precision: 'onderzoeksverantwoording-nauwkeurigheid',
  confidentiality: 'onderzoeksverantwoording-vertrouwelijkheid',
};

/** A narrative file's path relative to the edition's folder, with '/': the same wherever the build runs. */
function editionRelative(editionDir: string, file: string): string {
  return relative(editionDir, resolve(file)).split(sep).join('/');
}

/** Each answer's place in its scale, by label: the chart colours and legend follow it, not the wording. */
function tonesOf(q: Question): Record<string, Tone> {
  return Object.fromEntries(answerTones(q.answers));
}
