import type { WorkbookGrids } from "./grid";
import type { Issue, Message } from "./issues";
import { readWorkbooks, type ReadResult } from "./read/readWorkbook";
import { rollup } from "./rollup/rollup";
import type { Rollup } from "./rollup/types";
import { checkSubmissions } from "./submission/checks";
import { compareWithPrevious, type UnitChange } from "./submission/compare";
import { completeness, expectedUnits, type Completeness } from "./submission/completeness";
import { summarize, type Language, type Summary } from "./summary";

export interface AnalysisOptions {
  /** The year ages are computed for. */
  readonly referenceYear: number;
  /** The period being compiled; submissions for another period are reported. Default: the most common. */
  readonly period?: string | null;
  /** The previous period's workbooks, for the comparison and as the list of expected units. */
  readonly previous?: readonly WorkbookGrids[] | null;
}

/** Everything the shells need from one run of the engine. */
export interface Analysis {
  readonly read: ReadResult;
  readonly rollup: Rollup;
  readonly previous: Rollup | null;
  readonly completeness: Completeness | null;
  readonly changes: readonly UnitChange[] | null;
  /** Every issue: reading, rollup, submission checks; in that order. */
  readonly issues: readonly Issue[];
}

export type AnalysisResult =
  { readonly ok: true; readonly analysis: Analysis } | { readonly ok: false; readonly unusable: Message };

/**
 * Reads, checks and rolls up one or more workbooks (several = submissions combined), with the
 * submission checks, completeness and the previous-period comparison. The single entry point used
 * by the CLI, the task pane and the ribbon command.
 */
export function analyse(workbooks: readonly WorkbookGrids[], options: AnalysisOptions): AnalysisResult {
  const read = readWorkbooks(workbooks);
  if (read.unusable) return { ok: false, unusable: read.unusable };
  const result = rollup(read.dataset, { referenceYear: options.referenceYear });
  let previous: Rollup | null = null;
  if (options.previous && options.previous.length > 0) {
    const before = readWorkbooks(options.previous);
    if (!before.unusable) previous = rollup(before.dataset, { referenceYear: options.referenceYear });
  }
  const checks = checkSubmissions(read.submissions, result, { period: options.period });
  const expected = expectedUnits(
    read.dataset.expectedUnits,
    previous,
    read.dataset.targets.map((t) => ({ unit: t.unit, level: t.level })),
  );
  // Completeness is about submissions: asked for only when the inputs are submissions, list the
  // expected units, or come with a previous period; a clerk's own data workbook has none.
  const compiling =
    read.submissions.some((s) => s.manifest !== null) ||
    read.dataset.expectedUnits.length > 0 ||
    previous !== null;
  const complete =
    expected && compiling ? completeness(expected.basis, expected.units, read.submissions, result) : null;
  return {
    ok: true,
    analysis: {
      read,
      rollup: result,
      previous,
      completeness: complete,
      changes: previous ? compareWithPrevious(result, previous) : null,
      issues: [...read.dataset.issues, ...result.issues, ...checks],
    },
  };
}

/** The JSON summary of an analysis. */
export function summaryOf(analysis: Analysis, lang: Language): Summary {
  const extraIssues = analysis.issues.slice(
    analysis.read.dataset.issues.length + analysis.rollup.issues.length,
  );
  return summarize(analysis.rollup, [...analysis.read.dataset.issues, ...extraIssues], lang, {
    submissions: analysis.read.submissions,
    skippedSheets: analysis.read.skippedSheets,
    skippedRows: analysis.read.skippedRows,
    completeness: analysis.completeness,
    changes: analysis.changes,
  });
}
