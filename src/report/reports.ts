import type { Issue } from "../core/issues";
import type { ExpectedUnitRecord, OfficeHolderRecord } from "../core/model";
import { annexReport } from "./layouts/annex";
import { inOfficialOrder } from "./order";
import type { Rollup } from "../core/rollup/types";
import { assertValidDescription, type SheetDescription } from "./description";
import { dataCheckReport, type DataCheckOptions } from "./layouts/dataCheck";
import { communePostsReport, secretariesReport } from "./layouts/indicatorTable";
import { partyCellsReport } from "./layouts/partyCells";
import { summaryReport } from "./layouts/summary";
import { toConsolidateReport } from "./layouts/toConsolidate";
import { planReport } from "./layouts/plan";
import type { Plan } from "../core/plan/plan";
import { comparisonReport, completenessReport, reportedOfText } from "./layouts/submissions";
import { labelsFor } from "./labels";
import type { Completeness } from "../core/submission/completeness";
import type { UnitChange } from "../core/submission/compare";
import type { WorkbookGrids } from "../core/grid";
import type { Language } from "../core/summary";
import { resolveSettings, type ReportDate, type ReportSettings } from "./settings";
import { collectReportSettings, type SettingsProblem } from "./settingsSheet";

export interface BuildOptions extends DataCheckOptions {
  /** Check every description's invariants (on by default; cheap, linear in the cells). */
  readonly validate?: boolean;
  /**
   * Who has reported (submissions): adds the completeness sheet, and "n/m units reported" under
   * the summary's totals.
   */
  readonly completeness?: Completeness | null;
  /** Change since the previous period: adds the comparison sheet. */
  readonly changes?: readonly UnitChange[] | null;
  /** The Office-holders records (`dataset.officeHolders`): adds the named annex (after report 5). */
  readonly officeHolders?: readonly OfficeHolderRecord[] | null;
  /** The plan (`planOfAnalysis`): adds the planning sheet "Kế hoạch nhất thể hóa" after report 5. */
  readonly plan?: Plan | null;
}

/**
 * The six report sheets for a rollup, in order: summary, commune posts, secretaries' quality,
 * party cells, villages still to consolidate, (when a plan is given) the planning sheet, (when
 * office-holders are given) the named annex, data check; then, when their data is given, the
 * completeness of submissions and the comparison with the previous period. `issues`: everything found while
 * reading and rolling up (the data check lists them all).
 */
export function buildReports(
  rollup: Rollup,
  issues: readonly Issue[],
  settings: ReportSettings,
  options: BuildOptions = {},
): SheetDescription[] {
  const reportedNote = options.completeness
    ? reportedOfText(options.completeness, labelsFor(settings.language))
    : undefined;
  const sheets = [
    summaryReport(rollup, settings, reportedNote),
    communePostsReport(rollup, settings),
    secretariesReport(rollup, settings),
    partyCellsReport(rollup, settings),
    toConsolidateReport(rollup, settings, options.officeHolders ?? []),
    ...(options.plan ? [planReport(rollup, options.plan, settings)] : []),
    ...(options.officeHolders ? [annexReport(rollup, options.officeHolders, settings)] : []),
    dataCheckReport(issues, settings, options),
  ];
  if (options.completeness) sheets.push(completenessReport(options.completeness, settings));
  if (options.changes) sheets.push(comparisonReport(options.changes, settings));
  if (options.validate !== false) sheets.forEach(assertValidDescription);
  return sheets;
}

export interface ReportsForOptions extends BuildOptions {
  /** The input workbooks: a "Cài đặt báo cáo" sheet among them gives settings. */
  readonly workbooks: readonly WorkbookGrids[];
  /** Named settings over the sheet's (CLI options, task pane fields), e.g. "signer" → "Nguyễn Trung Kiên". */
  readonly options?: ReadonlyMap<string, string>;
  /** Language when neither the sheet nor the options set one. */
  readonly language?: Language;
  /** Today, from the shell's clock: the default date and reporting period. */
  readonly today: ReportDate;
  /** The unit list (`Đơn vị` sheet): units are printed in its order, then in data order. */
  readonly unitOrder?: readonly ExpectedUnitRecord[] | null;
  /** The period the data states (`Analysis.period`): the default period line, before today's date. */
  readonly dataPeriod?: string | null;
}

/**
 * Everything a shell needs to write the reports of a rollup: the settings (data defaults, then the
 * settings sheet, then options), the problems found in the given settings, and the six sheets.
 */
export function reportsFor(
  rollup: Rollup,
  issues: readonly Issue[],
  options: ReportsForOptions,
): { sheets: SheetDescription[]; settings: ReportSettings; problems: readonly SettingsProblem[] } {
  rollup = inOfficialOrder(rollup, options.unitOrder);
  const given = collectReportSettings(options.workbooks, options.options ?? new Map());
  const settings = resolveSettings(
    rollup,
    { language: options.language ?? "vi", ...given.settings },
    options.today,
    { period: options.dataPeriod ?? null },
  );
  return { sheets: buildReports(rollup, issues, settings, options), settings, problems: given.problems };
}
