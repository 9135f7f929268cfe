import type { Exclusion } from './response-filter.ts';

/**
 * The survey's answers in columnar form: one typed array per question, one slot per respondent.
 * Columnar because 100,000 respondents × 40 questions must aggregate in well under a second.
 */
export const BLANK = -32768; // empty cell: not asked, or left before the question
export const SEEN_UNANSWERED = -99; // Qualtrics: shown but not answered

export interface ResponseData {
  /** Respondents that count (after the edition's `responses:` rules). */
  count: number;
  /** Data rows in the export, counted or not. */
  received: number;
  /** Rows left out, by reason; their counts add up to received − count. */
  excluded: Exclusion[];
  responseIds: string[];
  /** 1 when the respondent finished the questionnaire. */
  finished: Uint8Array;
  /** Index into edition.products; -1 when the respondent chose no product. */
  product: Int16Array;
  /** Index into the product's segments; -1 when none. */
  segment: Int16Array;
  /** Single-answer questions: the answer code per respondent, BLANK or SEEN_UNANSWERED. */
  answers: Map<string, Int32Array>;
  /** Multiselect questions: per option (questionnaire order) 1 when ticked, else 0. */
  selections: Map<string, Uint8Array[]>;
}
