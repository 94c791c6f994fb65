import type { ExpectedUnitRecord } from "../model";
import type { SubmissionInfo } from "../read/readWorkbook";
import type { Rollup, UnitLevel, UnitRollup } from "../rollup/types";
import { nameKey, unitKey } from "../text/normalize";
import type { UnitReview, UnitReviewState } from "./acceptance";
import type { ContentState } from "./contentHash";
import { unitsOn } from "../units/unitList";

/** Reporting completeness, as DHIS2 reports it: received against expected submissions. */
export interface Completeness {
  /** Where the list of expected units came from. */
  readonly basis: "units-sheet" | "previous-period" | "targets";
  readonly expected: number;
  readonly reported: number;
  readonly units: readonly UnitCompleteness[];
}

export interface UnitCompleteness {
  readonly name: string;
  readonly level: UnitLevel | null;
  readonly status: "reported" | "late" | "missing";
  /** The submission file, when the unit sent one. */
  readonly file: string | null;
  readonly submittedAt: string | null;
  readonly deadline: string | null;
  /** The content hash of the submission's data (64 hex digits); null without a submission. */
  readonly contentHash: string | null;
  /** Whether that data still matches the hash its manifest states; null without a submission. */
  readonly content: ContentState | null;
  /** The receiving level's review of the unit's submission; null without a submission. */
  readonly review: UnitReviewState | null;
  /** The review's note (why it was returned); null when there is none. */
  readonly note: string | null;
}

/** What the shell knows of a submission beyond its manifest: its hash check and its review. */
export interface SubmissionReview {
  readonly contentHash: string | null;
  readonly content: ContentState | null;
  readonly review: UnitReview | null;
}

export interface ExpectedUnit {
  readonly name: string;
  readonly level: UnitLevel | null;
  readonly deadline: string | null;
}

const LEVELS: readonly UnitLevel[] = ["province", "district", "commune"];

/**
 * The units a unit list expects on `date` (ISO; null: every row): its units' rows (not its
 * villages') that exist that day — a district abolished on 1 July 2025 is not expected after it.
 */
export function expectedFromList(list: readonly ExpectedUnitRecord[], date: string | null): ExpectedUnit[] {
  return unitsOn(list, date).map((u) => ({
    name: u.unit,
    level: u.level === "village" ? null : u.level,
    deadline: u.deadline,
  }));
}

/**
 * The units expected to report: the Units sheet when there is one (its units existing on `date`),
 * else the units one level below the top in the previous period's rollup (expressed on today's
 * units: see core/units/remap.ts), else the units the Targets sheet names; null when none of these
 * says.
 */
export function expectedUnits(
  fromSheet: readonly ExpectedUnitRecord[],
  previous: Rollup | null,
  targetUnits: readonly { unit: string | null; level: UnitLevel | null }[],
  date: string | null = null,
): { basis: Completeness["basis"]; units: ExpectedUnit[] } | null {
  const listed = expectedFromList(fromSheet, date);
  if (listed.length > 0) return { basis: "units-sheet", units: listed };
  if (previous) {
    const level = reportingLevel(previous);
    const units = previous.units.filter((u) => u.level === level);
    if (units.length > 0) {
      return { basis: "previous-period", units: units.map((u) => ({ name: u.name, level, deadline: null })) };
    }
  }
  const named = targetUnits.filter((t) => t.unit);
  if (named.length > 0) {
    const seen = new Set<string>();
    const units: ExpectedUnit[] = [];
    for (const t of named) {
      const k = `${t.level ?? ""}/${nameKey(t.unit!)}`;
      if (!seen.has(k)) {
        seen.add(k);
        units.push({ name: t.unit!, level: t.level, deadline: null });
      }
    }
    return { basis: "targets", units };
  }
  return null;
}

/** The level that reports to the top of a rollup: districts, or communes in two-tier data. */
export function reportingLevel(rollup: Rollup): UnitLevel {
  return rollup.units.some((u) => u.level === "district") ? "district" : "commune";
}

function findUnit(rollup: Rollup, name: string, level: UnitLevel | null): UnitRollup | undefined {
  for (const l of level ? [level] : LEVELS) {
    const found = rollup.units.find((u) => u.level === l && unitKey(l, u.name) === unitKey(l, name));
    if (found) return found;
  }
  return undefined;
}

/**
 * Which expected units have reported, which are late, which are missing. A unit has reported when
 * a submission's manifest names it, or, for data without manifests, when the data has villages of
 * it (unless `dataCounts` is false: a workbook that already holds every unit's rows from earlier
 * periods, where only this period's submissions count). Late: submitted after the deadline day.
 */
export function completeness(
  basis: Completeness["basis"],
  expected: readonly ExpectedUnit[],
  submissions: readonly SubmissionInfo[],
  rollup: Rollup,
  options: {
    readonly dataCounts?: boolean;
    /** The hash check and review of a submission (acceptance.ts); without it, neither is shown. */
    readonly reviewOf?: (s: SubmissionInfo) => SubmissionReview | null;
  } = {},
): Completeness {
  const dataCounts = options.dataCounts !== false;
  const units = expected.map((e): UnitCompleteness => {
    const submission = submissions.find(
      (s) =>
        s.used &&
        s.manifest &&
        (e.level === null || s.manifest.unitLevel === e.level) &&
        unitKey(s.manifest.unitLevel, s.manifest.unitName) === unitKey(s.manifest.unitLevel, e.name),
    );
    const unit = findUnit(rollup, e.name, e.level);
    const reported = !!submission || (dataCounts && !!unit && unit.villages > 0);
    const submittedAt = submission?.manifest?.generatedAt ?? null;
    const late = reported && !!e.deadline && !!submittedAt && submittedAt.slice(0, 10) > e.deadline;
    const review = submission && options.reviewOf ? options.reviewOf(submission) : null;
    return {
      name: unit?.name ?? e.name,
      level: e.level ?? unit?.level ?? null,
      status: !reported ? "missing" : late ? "late" : "reported",
      file: submission?.file ?? null,
      submittedAt,
      deadline: e.deadline,
      contentHash: review?.contentHash ?? null,
      content: review?.content ?? null,
      review: review?.review?.state ?? null,
      note: review?.review?.note ?? null,
    };
  });
  return {
    basis,
    expected: units.length,
    reported: units.filter((u) => u.status !== "missing").length,
    units,
  };
}
