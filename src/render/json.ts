import type { ReportModel } from '../model/report-types.ts';

/** Render stage (JSON): the model as stable, diff-friendly JSON. */
export function modelJson(model: ReportModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}
