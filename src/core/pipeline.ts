import type { WorkbookGrids } from "./grid";
import { issue, type Issue, type Message } from "./issues";
import type { ExpectedUnitRecord } from "./model";
import { a1 } from "./a1";
import {
  periodInTitleRows,
  periodOfText,
  yearOfPeriod,
  type DataPeriod,
  type DataPeriodSource,
} from "./read/period";
import { readWorkbooks, type ReadResult } from "./read/readWorkbook";
import { readUnitLists } from "./read/unitList";
import { applyLifeCycle, type LifeCycle } from "./units/lifecycle";
import { remapOntoToday } from "./units/remap";
import { displayDate, TWO_TIER_REFORM } from "./units/unitList";
import { rollup } from "./rollup/rollup";
import type { Rollup } from "./rollup/types";
import { checkSubmissions, mostCommonPeriod } from "./submission/checks";
import { compareWithPrevious, type UnitChange } from "./submission/compare";
import { completeness, expectedUnits, type Completeness } from "./submission/completeness";
import { reviewSubmissions, type ReviewOptions } from "./submission/review";
import { summarize, type Language, type Summary } from "./summary";
import { isoOfPeriodDate, planOf, quotaIssues, type Plan, type QuotaBasis } from "./plan/plan";

export interface AnalysisOptions {
  /**
   * The year ages are computed for when nothing else names one (usually this year). The period's
   * year wins over it: the clerk's period (`givenPeriod`), else the data's (`Analysis.period`).
   */
  readonly referenceYear: number;
  /** True when `referenceYear` was asked for explicitly (the CLI's --year): it then wins over any period. */
  readonly referenceYearFixed?: boolean;
  /** The period the clerk set (the settings sheet, --period), as written: its year is the year for ages. */
  readonly givenPeriod?: string | null;
  /** The period being compiled; submissions for another period are reported. Default: the most common. */
  readonly period?: string | null;
  /** The previous period's workbooks, for the comparison and as the list of expected units. */
  readonly previous?: readonly WorkbookGrids[] | null;
  /**
   * The receiving level's decisions on the submissions (accepted, returned): a newer file of a unit
   * whose submission was accepted is left out unless named in `replaceAccepted`. Every submission's
   * data is checked against its content hash whether or not decisions are given.
   */
  readonly review?: ReviewOptions | null;
  /**
   * Workbooks given only for their unit list (the CLI's `--units`), read after the inputs' own
   * `Đơn vị` sheets: the dated units, the crosswalk ("Hình thành từ"), the villages' merges.
   */
  readonly units?: readonly WorkbookGrids[] | null;
  /**
   * The day today's map is taken on when the data states no period date (ISO yyyy-mm-dd; the
   * shells pass the report's date, else today). The data's own period date wins.
   */
  readonly asOf?: string | null;
}

/** Everything the shells need from one run of the engine. */
export interface Analysis {
  readonly read: ReadResult;
  readonly rollup: Rollup;
  /**
   * The previous period's rollup expressed on today's units: its villages re-aggregated onto the
   * current communes (core/units/remap.ts), so its unit ids are the current rollup's; null without
   * a previous period.
   */
  readonly previous: Rollup | null;
  /** The unit list used: the inputs' `Đơn vị` sheets, then the `--units` workbooks. */
  readonly unitList: readonly ExpectedUnitRecord[];
  /** The day units, villages and headers are taken on (ISO), or null when nothing says. */
  readonly asOf: string | null;
  /** Villages of the data that left the denominator (merged or split away on or before `asOf`). */
  readonly endedVillages: LifeCycle["ended"];
  readonly completeness: Completeness | null;
  readonly changes: readonly UnitChange[] | null;
  /**
   * The period the data states: a title row of a Villages sheet ("(số liệu đến 30/6/2025)"),
   * else the period most submissions' manifests give; null when neither says.
   */
  readonly period: { readonly period: DataPeriod; readonly source: DataPeriodSource } | null;
  /** The period the previous period's data states (the same way), for the pace to the deadline. */
  readonly previousPeriod?: { readonly period: DataPeriod; readonly source: DataPeriodSource } | null;
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
export function analyse(inputs: readonly WorkbookGrids[], options: AnalysisOptions): AnalysisResult {
  let workbooks = inputs;
  let read = readWorkbooks(workbooks);
  if (read.unusable) return { ok: false, unusable: read.unusable };
  const reviewed = reviewSubmissions(workbooks, read, options.review ?? null);
  if (reviewed.leftOut.size > 0) {
    // Files left out (newer than an accepted submission) are not read at all.
    workbooks = workbooks.filter((w) => !reviewed.leftOut.has(w.file));
    read = readWorkbooks(workbooks);
    if (read.unusable) return { ok: false, unusable: read.unusable };
  }
  const period = dataPeriod(workbooks, read);
  const referenceYear = options.referenceYearFixed
    ? options.referenceYear
    : ((options.givenPeriod ? yearOfPeriod(options.givenPeriod) : null) ??
      period?.period.year ??
      options.referenceYear);
  const fromUnits = options.units && options.units.length > 0 ? readUnitLists(options.units) : null;
  const unitList = [...read.dataset.expectedUnits, ...(fromUnits?.units ?? [])];
  const asOf = isoDate(period?.period.date) ?? options.asOf ?? null;
  // Villages merged or split away on or before the date leave the denominator (with a line each).
  const life = applyLifeCycle(read.dataset.villages, unitList, asOf);
  const dataset = life.ended.length > 0 ? { ...read.dataset, villages: life.kept } : read.dataset;
  const result = rollup(dataset, { referenceYear });
  let previous: Rollup | null = null;
  let previousPeriod: Analysis["previousPeriod"] = null;
  let notes: ReadonlyMap<string, readonly Message[]> = new Map();
  const previousIssues: Issue[] = [];
  if (options.previous && options.previous.length > 0) {
    const before = readWorkbooks(options.previous);
    if (!before.unusable) {
      previousPeriod = dataPeriod(options.previous, before);
      const beforeDate = isoDate(previousPeriod?.period.date);
      // Files swapped (the "previous" period dated on or after this one): said once; no pace is drawn.
      if (beforeDate !== null && asOf !== null && beforeDate >= asOf) {
        const source = previousPeriod?.source;
        previousIssues.push(
          issue(
            "previous-not-earlier",
            source?.kind === "title"
              ? { file: source.file, sheet: source.sheet, cell: source.cell }
              : { file: options.previous[0].file, sheet: "", cell: "" },
            { previous: displayDate(beforeDate), current: displayDate(asOf) },
          ),
        );
      }
      const beforeLife = applyLifeCycle(before.dataset.villages, unitList, beforeDate);
      const onToday = remapOntoToday(
        { ...before.dataset, villages: beforeLife.kept },
        result,
        unitList,
        asOf,
        [...life.events, ...beforeLife.events],
      );
      previous = rollup(onToday.dataset, { referenceYear });
      notes = onToday.notes;
      previousIssues.push(...onToday.issues);
    }
  }
  const checks = checkSubmissions(read.submissions, result, { period: options.period });
  const expected = expectedUnits(
    unitList,
    previous,
    read.dataset.targets.map((t) => ({ unit: t.unit, level: t.level })),
    asOf,
  );
  // Completeness is about submissions: asked for only when the inputs are submissions, list the
  // expected units, or come with a previous period; a clerk's own data workbook has none.
  const compiling =
    read.submissions.some((s) => s.manifest !== null) ||
    read.dataset.expectedUnits.length > 0 ||
    previous !== null;
  const complete =
    expected && compiling
      ? completeness(expected.basis, expected.units, read.submissions, result, {
          reviewOf: reviewed.reviewOf,
        })
      : null;
  const reform = period?.period.date ? districtsAfterReform(result, asOf, period.source) : [];
  // Quotas typed on the Targets sheet ("Chỉ tiêu giao"), checked against the shortfalls and rooms.
  const targets = read.dataset.targets;
  const typedQuotaIssues = targets.some((t) => t.quota !== undefined && t.quota !== null)
    ? quotaIssues(planOf({ rollup: result, targets }), result, targets)
    : [];
  return {
    ok: true,
    analysis: {
      read,
      rollup: result,
      previous,
      unitList,
      asOf,
      endedVillages: life.ended,
      completeness: complete,
      changes: previous
        ? compareWithPrevious(result, previous, { notes, events: life.events, ended: life.ended })
        : null,
      period,
      previousPeriod,
      issues: [
        ...read.dataset.issues,
        ...result.issues,
        ...checks,
        ...reviewed.issues,
        ...(fromUnits?.issues ?? []),
        ...life.issues,
        ...reform,
        ...typedQuotaIssues,
        ...previousIssues,
      ],
    },
  };
}

/** "2025-09-30" from a period's date, or null. */
function isoDate(d: { year: number; month: number; day: number } | null | undefined): string | null {
  if (!d) return null;
  const p = (n: number): string => String(n).padStart(2, "0");
  return `${d.year}-${p(d.month)}-${p(d.day)}`;
}

/**
 * Data dated on or after 1 July 2025 that still names districts: one warning (the district level
 * no longer exists; the reports name no district body).
 */
function districtsAfterReform(result: Rollup, asOf: string | null, source: DataPeriodSource): Issue[] {
  if (asOf === null || asOf < TWO_TIER_REFORM) return [];
  const districts = result.units.filter((u) => u.level === "district" && u.villages > 0);
  if (districts.length === 0) return [];
  const place =
    source.kind === "title"
      ? { file: source.file, sheet: source.sheet, cell: source.cell }
      : { file: "", sheet: "", cell: "" };
  return [
    issue("districts-after-reform", place, {
      date: displayDate(asOf),
      districts: districts
        .slice(0, 5)
        .map((d) => d.name)
        .join(", ")
        .concat(districts.length > 5 ? ", …" : ""),
      count: districts.length,
    }),
  ];
}

/**
 * The period the data states: the title rows above the header of the first Villages sheet that
 * has one, else the most common period of the submissions used.
 */
function dataPeriod(workbooks: readonly WorkbookGrids[], read: ReadResult): Analysis["period"] {
  for (const found of read.sheets) {
    if (found.kind !== "villages") continue;
    const grid = workbooks.find((w) => w.file === found.file)?.sheets.find((g) => g.name === found.sheet);
    if (!grid) continue;
    const hit = periodInTitleRows(grid, found.headerRow - (grid.firstRow ?? 1));
    if (hit)
      return {
        period: hit.period,
        source: { kind: "title", file: found.file, sheet: found.sheet, cell: a1(hit.row, hit.column) },
      };
  }
  const stated = mostCommonPeriod(
    read.submissions.filter((s) => s.used && s.manifest).map((s) => s.manifest!.period),
  );
  if (!stated) return null;
  const parsed = periodOfText(stated);
  return {
    period: { text: stated, date: parsed?.date ?? null, year: parsed?.year ?? yearOfPeriod(stated) },
    source: { kind: "submissions" },
  };
}

/** The JSON summary of an analysis; `basis`: how the plan splits quotas (default by room). */
export function summaryOf(analysis: Analysis, lang: Language, basis?: QuotaBasis): Summary {
  const extraIssues = analysis.issues.slice(
    analysis.read.dataset.issues.length + analysis.rollup.issues.length,
  );
  return summarize(analysis.rollup, [...analysis.read.dataset.issues, ...extraIssues], lang, {
    submissions: analysis.read.submissions,
    skippedSheets: analysis.read.skippedSheets,
    skippedRows: analysis.read.skippedRows,
    completeness: analysis.completeness,
    changes: analysis.changes,
    plan: planOfAnalysis(analysis, null, basis),
  });
}

/**
 * The plan of an analysis (issue 15): quotas of every unit with a target, and the pace from the
 * previous period (by unit id) to this one, dated by the periods the data states (or `currentDate`).
 */
export function planOfAnalysis(analysis: Analysis, currentDate?: string | null, basis?: QuotaBasis): Plan {
  return planOf({
    basis,
    rollup: analysis.rollup,
    previous: analysis.previous,
    currentDate: isoOfPeriodDate(analysis.period?.period.date) ?? currentDate ?? null,
    previousDate: isoOfPeriodDate(analysis.previousPeriod?.period.date),
    targets: analysis.read.dataset.targets,
  });
}
