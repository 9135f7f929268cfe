import type { Exclusion } from '../load/response-filter.ts';
import type { QuestionKind } from '../load/questionnaire.ts';
import type { Interval } from './uncertainty.ts';

/** 'organisation' or a product's name as printed, e.g. "DigiD Machtigen". */
export type ScopeName = string;
/** 'all' or a segment key of the product, e.g. "A". */
export type SegmentName = string;

export const ORGANISATION = 'organisation';

export const ALL = 'all';

/**
 * Why a group's figures are not shown: 'too-few' — fewer valid answers than the minimum group
 * size; 'complementary' — large enough, but hidden so that a 'too-few' group cannot be worked out
 * by subtracting the other groups from their total (see analyse/disclosure.ts).
 */
export type Suppression = 'too-few' | 'complementary';

/**
 * One question × scope × segment. Written as JSON by `eindrapport aggregate`, read by charts,
 * the narrative and other tools: keep the field names stable.
 *
 * Denominator rule (one rule for every question): percentages are of `n`, the respondents in the
 * group who were asked the question and gave an answer shown on its scale (including "niet van
 * toepassing" / "gebruik ik nooit" where the scale shows it). "Weet niet" and unanswered are not
 * in `n`; they are counted in `nonSubstantive`. Multiselect: `n` is the respondents who were asked
 * and ticked at least one option; each option's percentage is of `n`.
 */
export interface Aggregate {
  question: string;
  kind: QuestionKind;
  scope: ScopeName;
  segment: SegmentName;
  /** Valid answers: the denominator. */
  n: number;
  /** Count per answer label (scale order; multiselect: per option label). */
  counts: Record<string, number>;
  /** Percentage per answer label, unrounded, 0–100. */
  percentages: Record<string, number>;
  /** Percentage per answer label rounded for charts (edition's chart decimals). */
  display: Record<string, number>;
  /** Shares 0–100, unrounded; null where the question has no such notion (yes/no, multiselect). */
  positive: number | null;
  neutral: number | null;
  negative: number | null;
  /** Yes/no questions: the share answering yes, 0–100; null otherwise. */
  yes: number | null;
  /** Respondents in the group routed to the question (denominator before non-answers). */
  asked: number;
  /** Non-substantive answers by label ("Weet niet", "Geen antwoord"). */
  nonSubstantive: Record<string, number>;
  /** True when the group's figures may not be shown (see `suppression`): no chart, no figures in the text. */
  suppressed: boolean;
  suppression: Suppression | null;
  /**
   * Estimated fraction of the group's population that answered: the scope's respondents divided
   * by its invited customers (edition.yaml); 0 where unknown (segments). Drives the finite
   * population correction (`uncertainty.ts`).
   */
  samplingFraction: number;
  /** 95 % Wilson intervals (0–100) with the finite population correction, per answer and per share. */
  intervals: ShareIntervals;
}

/** For aggregates rebuilt from numbers alone (a chart row), where the precision is not carried. */
export const UNKNOWN_INTERVALS: ShareIntervals = Object.freeze({ answers: {}, positive: null, neutral: null, negative: null, yes: null });

export interface ShareIntervals {
  /** Per answer label (multiselect: per option), like `percentages`. */
  answers: Record<string, Interval>;
  positive: Interval | null;
  neutral: Interval | null;
  negative: Interval | null;
  yes: Interval | null;
}

export interface ResponseStatistics {
  invited: number;
  /** Data rows in the export, before the edition's `responses:` rules. */
  received: number;
  /** Rows that do not count, by reason (first rule that excludes a row); adds up to received − responded. */
  excluded: Exclusion[];
  /** Respondents who count. */
  responded: number;
  /** Percentage 0–100, unrounded. */
  responseRate: number;
  complete: number;
  /**
   * Answers from respondents whom the routing did not send to the question (the filter question's
   * answer excludes them): not in any figure, counted here and reported as a warning.
   */
  answeredNotAsked: { question: string; count: number }[];
  perProduct: {
    product: string;
    invited: number;
    responded: number;
    responseRate: number;
    /** Share of all respondents, 0–100. */
    share: number;
    /** Whether this respondent count may be printed (see analyse/disclosure.ts). */
    suppression: Suppression | null;
    segments: { segment: string; responded: number; suppression: Suppression | null }[];
  }[];
  /**
   * Respondents who named no product of the report (edition `organisation_only`, or no answer to
   * the product question): in the organisation's figures and the response table, in no product.
   */
  organisationOnly: {
    /** The response table's row, e.g. "Overig / geen product". */
    label: string;
    responded: number;
    /** Share of all respondents, 0–100. */
    share: number;
    suppression: Suppression | null;
  };
}

export interface Aggregates {
  records: Aggregate[];
  statistics: ResponseStatistics;
  /** Lookup by question, scope and segment. */
  get(question: string, scope: ScopeName, segment?: SegmentName): Aggregate | undefined;
}
