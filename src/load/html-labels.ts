import { z } from './zod-nl.ts';
import { readYamlFile } from './yaml-file.ts';
import { memoOnDisk } from './input-memo.ts';
import { textTemplate } from './text-template.ts';

/** templates/html/labels.yaml: the fixed words of the web edition (skip link, table headers, …). */
const LabelsSchema = z
  .object({
    skipLink: z.string(),
    toc: z.string(),
    chartNumbers: z.string(),
    tableCaption: z.string(),
    rowHeader: z.string(),
    answerHeader: z.string(),
    percentageHeader: z.string(),
    countHeader: z.string(),
    respondentsHeader: z.string(),
    shareHeader: z.string(),
    nHeader: z.string(),
    allRespondents: z.string(),
    /** A group's row for one year, where a chart also shows last year's: {{label}} and {{jaar}}. */
    previousRow: textTemplate('label', 'jaar'),
  })
  .strict();

export type HtmlLabels = z.infer<typeof LabelsSchema>;

/** Reads and checks the labels; kept on disk from an earlier run while the file is the same (input-memo.ts). */
export function loadHtmlLabels(path: string): HtmlLabels {
  return memoOnDisk('webteksten', path, path, () => readYamlFile(path, LabelsSchema).data);
}
