import type { Analysis } from "../../core/pipeline";
import type { UnitLevel } from "../../core/rollup/types";
import {
  completeness,
  expectedFromList,
  type Completeness,
  type ExpectedUnit,
  type SubmissionReview,
} from "../../core/submission/completeness";
import { unitReview } from "../../core/submission/acceptance";
import type { SubmissionInfo } from "../../core/read/readWorkbook";
import { nameKey } from "../../core/text/normalize";
import { entrySubmission, latestEntries, type ImportLogEntry } from "./importLog";
import { unitIdentity } from "./provenance";

/**
 * Who has reported, in a workbook that compiles the submissions of the units below (the pane's
 * import): the expected units are the workbook's "Đơn vị" sheet, or else the units whose data the
 * workbook already holds at the submitting level (the previous period's units); a unit has
 * reported when its latest imported submission is for the current period (that of the latest
 * import). Data typed or imported in an earlier period does not count as reported. Each unit's
 * review (accepted, returned with its note, resubmitted after a return) comes from the log's
 * "Tiếp nhận" column. Null when nothing was ever imported.
 */
export function importCompleteness(analysis: Analysis, log: readonly ImportLogEntry[]): Completeness | null {
  if (log.length === 0) return null;
  const period = currentPeriod(log);
  const latest = [...latestEntries(log).values()];
  const thisPeriod = latest.filter((e) => nameKey(e.period) === nameKey(period));
  const submissions = thisPeriod.map(entrySubmission);
  const reviewOf = (s: SubmissionInfo): SubmissionReview | null => {
    const entry = thisPeriod[submissions.indexOf(s)];
    if (!entry) return null;
    const id = unitIdentity(entry.unit);
    // The unit's entries up to this one, of the same period: a return in an earlier period is old news.
    const history = log.filter((e) => unitIdentity(e.unit) === id && nameKey(e.period) === nameKey(period));
    return {
      contentHash: entry.contentHash,
      content: entry.content,
      review: unitReview(history.map((e) => ({ state: e.review, note: e.note }))),
    };
  };
  const sheet = analysis.read.dataset.expectedUnits;
  if (sheet.length > 0) {
    const expected: ExpectedUnit[] = expectedFromList(sheet, analysis.asOf);
    return completeness("units-sheet", expected, submissions, analysis.rollup, {
      dataCounts: false,
      reviewOf,
    });
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
  return completeness("previous-period", expected, submissions, analysis.rollup, {
    dataCounts: false,
    reviewOf,
  });
}

/** The period being compiled: that of the most recent import. */
export function currentPeriod(log: readonly ImportLogEntry[]): string {
  let last = log[0];
  for (const e of log) if (e.importedAt >= last.importedAt) last = e;
  return last.period;
}
