import type { IssueCode, Severity } from "../../src/core/issues";
import type { SheetKind } from "../../src/core/schema/sheets";
import type { UnusableReason } from "../../src/xlsx/errors";

/**
 * The format of a reader case folder, `test/cases/reader/<case>/`:
 *
 * - one or more input files named `input*.xlsx` (read in name order as one submission set; a
 *   file may be deliberately broken: a CSV renamed, a cut zip…);
 * - `expected.json`, an `ExpectedCase`.
 *
 * `test/reader-cases.test.ts` walks the folders: a new folder is a new test, no code.
 * Issues are compared as a multiset on (code, severity, sheet, cell[, file]): none missing, none extra.
 */
export interface ExpectedCase {
  /** What the case shows, in a sentence. */
  readonly description: string;
  /**
   * Set when the case records a disagreement with the reader that is not settled yet: the runner
   * then expects the comparison to FAIL (jest `test.failing`), so the suite stays green and turns
   * red the day the reader changes. Remove it once the reader and the case agree.
   */
  readonly disputed?: string;
  /** The file cannot be read at all: the reason `UnusableInputError` must give. */
  readonly fileError?: UnusableReason;
  /** The workbooks read, but no summary can be made (no Villages sheet, a required column missing). */
  readonly unusable?: boolean;
  readonly issues: readonly ExpectedIssue[];
  /** Standard sheets that must be found (only those listed are checked). */
  readonly sheets?: readonly {
    readonly sheet: string;
    readonly kind: SheetKind;
    readonly headerRow: number;
  }[];
  readonly counts?: ExpectedCounts;
  /** The targets read from the Targets sheet, in sheet order (checked only when given). */
  readonly targets?: readonly ExpectedTarget[];
}

/** A target as the reader took it: the fraction as a number (0.9 for 90%) and the comparator. */
export interface ExpectedTarget {
  readonly target: number;
  readonly comparator: ">" | ">=";
}

export interface ExpectedIssue {
  readonly code: IssueCode;
  readonly severity: Severity;
  readonly sheet: string;
  readonly cell: string;
  /** Compared only when given (cases with several input files). */
  readonly file?: string;
  /** Words the message must contain (in Vietnamese or English), e.g. the column and sheet names. */
  readonly contains?: readonly string[];
}

/** Counts after reading (and rolling up, when the input is usable). Only those given are checked. */
export interface ExpectedCounts {
  /** Village records read (duplicates, blank, totals and incomplete rows excluded). */
  readonly villages?: number;
  /** Villages whose secretary is also the head. */
  readonly consolidated?: number;
  /** Villages whose status could not be decided. */
  readonly unknownStatus?: number;
  /** Sum of the party-member counts read (blank and unusable counts add nothing). */
  readonly partyMembers?: number;
  readonly officeHolders?: number;
  readonly targets?: number;
  readonly provinces?: number;
  readonly districts?: number;
  readonly communes?: number;
}

export const COUNT_KEYS: readonly (keyof ExpectedCounts)[] = [
  "villages",
  "consolidated",
  "unknownStatus",
  "partyMembers",
  "officeHolders",
  "targets",
  "provinces",
  "districts",
  "communes",
];
