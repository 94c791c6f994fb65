import type { Issue } from "../core/issues";
import type { Rollup } from "../core/rollup/types";
import { assertValidDescription, type SheetDescription } from "./description";
import { dataCheckReport, type DataCheckOptions } from "./layouts/dataCheck";
import { communePostsReport, secretariesReport } from "./layouts/indicatorTable";
import { partyCellsReport } from "./layouts/partyCells";
import { summaryReport } from "./layouts/summary";
import { toConsolidateReport } from "./layouts/toConsolidate";
import type { ReportSettings } from "./settings";

export interface BuildOptions extends DataCheckOptions {
  /** Check every description's invariants (on by default; cheap, linear in the cells). */
  readonly validate?: boolean;
}

/**
 * The six report sheets for a rollup, in order: summary, commune posts, secretaries' quality,
 * party cells, villages still to consolidate, data check. `issues`: everything found while
 * reading and rolling up (the data check lists them all).
 */
export function buildReports(
  rollup: Rollup,
  issues: readonly Issue[],
  settings: ReportSettings,
  options: BuildOptions = {},
): SheetDescription[] {
  const sheets = [
    summaryReport(rollup, settings),
    communePostsReport(rollup, settings),
    secretariesReport(rollup, settings),
    partyCellsReport(rollup, settings),
    toConsolidateReport(rollup, settings),
    dataCheckReport(issues, settings, options),
  ];
  if (options.validate !== false) sheets.forEach(assertValidDescription);
  return sheets;
}
