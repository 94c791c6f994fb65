import type { Analysis } from "../../core/pipeline";
import type { UnitLevel } from "../../core/rollup/types";
import {
  completeness,
  expectedFromList,
  type Completeness,
  type ExpectedUnit,
} from "../../core/submission/completeness";
import { nameKey } from "../../core/text/normalize";
import { entrySubmission, latestEntries, type ImportLogEntry } from "./importLog";

/**
 * Who has reported, in a workbook that compiles the submissions of the units below (the pane's
 * import): the expected units are the workbook's "Đơn vị" sheet, or else the units whose data the
 * workbook already holds at the submitting level (the previous period's units); a unit has
 * reported when its latest imported submission is for the current period (that of the latest
 * import). Data typed or imported in an earlier period does not count as reported. Null when
 * nothing was ever imported.
 */
export function importCompleteness(analysis: Analysis, log: readonly ImportLogEntry[]): Completeness | null {
  if (log.length === 0) return null;
  const period = currentPeriod(log);
  const latest = [...latestEntries(log).values()];
  const thisPeriod = latest.filter((e) => nameKey(e.period) === nameKey(period));
  const submissions = thisPeriod.map(entrySubmission);
  const sheet = analysis.read.dataset.expectedUnits;
  if (sheet.length > 0) {
    const expected: ExpectedUnit[] = expectedFromList(sheet, analysis.asOf);
    return completeness("units-sheet", expected, submissions, analysis.rollup, { dataCounts: false });
  }
  const levels = new Set<UnitLevel>(latest.map((e) => e.unit.level));
  const expected: ExpectedUnit[] = analysis.rollup.units
    .filter((u) => levels.has(u.level) && u.villages > 0)
    .map((u) => ({ name: u.name, level: u.level, deadline: null }));
  // A unit of the log that has no rows left (all removed) is still expected.
  for (const e of latest) {
    if (!expected.some((u) => u.level === e.unit.level && nameKey(u.name) === nameKey(e.unit.name)))
      expected.push({ name: e.unit.name, level: e.unit.level, deadline: null });
  }
  return completeness("previous-period", expected, submissions, analysis.rollup, { dataCounts: false });
}

/** The period being compiled: that of the most recent import. */
export function currentPeriod(log: readonly ImportLogEntry[]): string {
  let last = log[0];
  for (const e of log) if (e.importedAt >= last.importedAt) last = e;
  return last.period;
}
