import { z } from './zod-nl.ts';
import { readYamlFile } from './yaml-file.ts';
import { memoOnDisk } from './input-memo.ts';
import { textTemplate as text, textTemplateWith } from './text-template.ts';

/** A text the model builder fills: it always offers the edition's year, organisation and minimum group size. */
const builderText = () => text('jaar', 'organisatie', 'minimum');

/** templates/report.yaml: titles, standard sentences and table headers, as Handlebars strings. */
export const ReportTemplatesSchema = z.object({
  cover: z.object({ label: z.string(), date: z.string() }),
  parts: z.object({
    organisation: z.object({ label: z.string(), title: z.string() }),
    products: z.object({ label: z.string(), title: z.string() }),
  }),
  chapters: z.object({
    summary: z.string(),
    toc: z.string(),
    introduction: z.string(),
    organisation_values: z.string(),
    organisation_processes: z.string(),
    product_values: z.string(),
    product_processes: z.string(),
    methodology: z.string(),
  }),
  methodology_sections: z.object({ design: z.string(), response: z.string(), processing: z.string(), confidentiality: z.string(), precision: z.string() }),
  sentences: z.object({
    too_few_single: z.string(),
    too_few_many: z.string(),
    segments_caption: z.string(),
    segments_total: text(),
    respondents_caption: text(),
    period: text('van', 'tot'),
    value_summary_caption: z.string(),
    segments_lead: z.string(),
    product_divider: z.string(),
    product_divider_segments: z.string(),
    product_divider_segment: text('respondenten', 'segment'),
    segments_too_few: z.string(),
    rounding_note: z.string(),
    /** Methodology: which rows of the export did not count. Names: {{ontvangen}}, {{meegeteld}}, {{redenen}}. */
    excluded: z.string().default('Van de {{ontvangen}} ontvangen antwoorden tellen er {{meegeteld}} mee; niet meegeteld zijn: {{redenen}}.'),
    protects_single: z.string(),
    protects_many: z.string(),
    segments_protects: z.string(),
    product_divider_together: z.string(),
    product_divider_protected: z.string(),
    disclosure_rule: z.string(),
    disclosure_none: z.string(),
    disclosure_list: z.string(),
    disclosure_item: z.string(),
    disclosure_respondents: z.string(),
    disclosure_questions: z.string(),
    disclosure_question_one: text(),
    disclosure_question_many: text(),
  }),
  tables: z.object({
    response: z.object({ caption: z.string(), header: z.array(z.string()).length(5), total: z.string(), excluded: z.string().default('Niet meegeteld: {{reden}}') }),
    comparison: z.object({ caption: z.string(), header: z.array(z.string()).length(4), too_few: z.string(), protected: z.string() }),
    coding: z.object({ caption: z.string(), header: z.array(z.string()).length(3), polarity: z.record(z.string(), z.string()) }),
    margins: z.object({ caption: z.string(), size: z.string(), share: z.string(), share_pair: z.string() }),
    /** Filled by the model builder, which gives every entry {{jaar}}, {{organisatie}} and {{minimum}}. */
    pattern: z.object({ caption: builderText(), product: builderText(), processes: builderText(), organisation: builderText(), too_few: builderText() }),
  }),
  appendix: z.object({
    chapter: z.string(),
    intro: z.string(),
    caption: z.string(),
    link: z.string(),
    alt: z.string(),
    likert_header: z.array(z.string()).length(5),
    summary_header: z.array(z.string()).length(5),
    multiselect_header: z.array(z.string()).length(3),
    multiselect_n: z.string(),
    respondents_header: z.array(z.string()).length(3),
  }),
  /** Alternative texts of the charts (src/model/chart-kinds/): each names the values it may use. */
  alt_text: z
    .object({
      likert: text('groep', 'aandelen', 'n'),
      yesno: text('groep', 'aandelen', 'n'),
      previous: text('vorig_jaar', 'aandelen', 'n'),
      segments: text('rijen'),
      value_summary: text('rijen'),
      row: text('label', 'positief', 'n'),
      shares: text('positief', 'neutraal', 'negatief'),
      shares_yes: text('ja'),
      n: text('n'),
      multiselect: text('n', 'antwoorden'),
      answer: text('antwoord', 'percentage'),
      respondents: text('n', 'producten'),
      product: text('product', 'aantal', 'aandeel'),
    })
    .strict(),
  /** The document itself: PDF properties, the web edition's description, the PDF's table of contents for screen readers. */
  document: z
    .object({
      subject: text('ondertitel', 'titel', 'titel_klein', 'organisatie'),
      keyword: text(),
      toc_entry: text('kop'),
    })
    .strict(),
  /** How lists and dates are written everywhere in the report (src/model/wording.ts). */
  language: z
    .object({
      list: textTemplateWith('eerdere', 'laatste'),
      list_separator: text(),
      together: textTemplateWith('producten'),
      date: text('dag', 'maand', 'jaar'),
      month: text('maand', 'jaar'),
      months: z.array(z.string().min(1)).length(12),
    })
    .strict(),
});

export type ReportTemplates = z.infer<typeof ReportTemplatesSchema>;

export function loadReportTemplates(path: string): ReportTemplates {
  // Kept on disk from an earlier run while the file is the same: its texts are not checked again.
  return memoOnDisk('rapportteksten', path, path, () => readYamlFile(path, ReportTemplatesSchema).data);
}
