import { loadReportTemplates } from '../../src/load/report-templates.ts';
import { REPORT_TEMPLATES } from '../../src/report-model.ts';
import type { Wording } from '../../src/model/wording.ts';

/** The bundled report's wording of lists and dates (templates/report.yaml, `language`). */
export const WORDING: Wording = loadReportTemplates(REPORT_TEMPLATES).language;
