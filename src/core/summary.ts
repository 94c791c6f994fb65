import { a1 } from "./a1";
import { INDICATORS, MAIN_INDICATOR, type IndicatorId } from "./indicators";
import type { Issue, Severity, SkippedRowKind } from "./issues";
import type { Comparator } from "./targets";
import type { TargetLevel } from "./model";
import type { Assessment, Rollup, TotalRollup, UnitLevel, UnitRollup } from "./rollup/types";
import type { SkippedRows } from "./read/readSheet";
import type { SkippedSheet, SubmissionInfo } from "./read/readWorkbook";
import type { Completeness } from "./submission/completeness";
import type { UnitChange } from "./submission/compare";
import type { Plan } from "./plan/plan";

export type Language = "vi" | "en";

/** One unit in the JSON summary (see README, "The JSON summary"). */
export interface UnitSummary {
  readonly level: UnitLevel | "total";
  readonly name: string;
  readonly province: string;
  readonly district: string | null;
  readonly commune: string | null;
  readonly communeCode: string | null;
  readonly villages: number;
  readonly consolidated: number;
  /** consolidated / villages, or null when there are no villages. */
  readonly rate: number | null;
  /** The target of the main indicator as a fraction (0.9), or null when none applies. */
  readonly target: number | null;
  /** ">=" ("đạt") or ">" ("trên"); ">=" when no target applies (the default comparator). */
  readonly comparator: Comparator;
  readonly gap: number | null;
  readonly needed: number | null;
  readonly met: boolean | null;
  /** The year of the target that applies (the smallest at or after the period's year), or null. */
  readonly targetYear: number | null;
  /** Its deadline, the last day of that year (ISO yyyy-mm-dd), or null. */
  readonly deadline: string | null;
  /** The Targets row the main indicator's target comes from; null when no target applies. */
  readonly targetSource: TargetSource | null;
  readonly indicators: Readonly<Record<IndicatorId, IndicatorSummary>>;
}

/** Where an applied target comes from: its Targets row, and whom that row names. */
export interface TargetSource {
  readonly file: string;
  readonly sheet: string;
  /** The target cell (A1), e.g. "D3". */
  readonly cell: string;
  /** The unit the row names (the most specific kind of target); null when it names none. */
  readonly unit: string | null;
  /** The level the row names ("district"…); null for every level. */
  readonly level: TargetLevel | null;
  readonly year: number | null;
}

/** The source of an assessment's target, for the JSON and the summary sheet's note. */
export function targetSourceOf(a: Assessment): TargetSource {
  return {
    file: a.source.file,
    sheet: a.source.sheet,
    cell: a1(a.source.row, a.source.columns.get("target") ?? 1),
    unit: a.scope.unit,
    level: a.scope.level,
    year: a.scope.year,
  };
}

export interface IndicatorSummary {
  readonly numerator: number;
  readonly denominator: number;
  readonly rate: number | null;
  readonly target?: number;
  readonly comparator?: Comparator;
  readonly needed?: number | null;
  readonly met?: boolean;
}

export interface IssueSummary {
  readonly severity: Severity;
  readonly code: string;
  readonly file: string;
  readonly sheet: string;
  readonly cell: string;
  readonly message: string;
}

export interface SubmissionSummary {
  readonly file: string;
  /** Null for a plain data workbook (no manifest sheet). */
  readonly unit: string | null;
  readonly level: UnitLevel | null;
  readonly period: string | null;
  readonly generatedAt: string | null;
  /** False when a newer submission of the same unit replaced it. */
  readonly used: boolean;
}

export interface Summary {
  readonly twoTier: boolean;
  readonly referenceYear: number;
  readonly units: readonly UnitSummary[];
  readonly total: UnitSummary;
  /** Every input workbook. */
  readonly submissions: readonly SubmissionSummary[];
  /** Who has reported against who is expected; null when no list of expected units is known. */
  readonly completeness: Completeness | null;
  /** Change since the previous period per unit; null without a previous period. */
  readonly changes: readonly UnitChange[] | null;
  /**
   * The plan (issue 15): per unit with a target and units below it, the exact quotas of its
   * shortfall and the pace to the deadline; null when not asked for.
   */
  readonly plan: Plan | null;
  readonly issues: readonly IssueSummary[];
  /** How many issues of each severity; information lines are not problems. */
  readonly issueCounts: { readonly errors: number; readonly warnings: number; readonly infos: number };
  /** What the reader did not read as data, and why (also in `issues`, at information level). */
  readonly skipped: {
    readonly sheets: readonly { readonly file: string; readonly sheet: string; readonly reason: string }[];
    readonly rows: readonly {
      readonly file: string;
      readonly sheet: string;
      readonly kind: SkippedRowKind;
      readonly rows: readonly number[];
    }[];
  };
}

/** What the summary adds beyond the rollup, all optional. */
export interface SummaryExtras {
  readonly submissions?: readonly SubmissionInfo[];
  readonly skippedSheets?: readonly SkippedSheet[];
  readonly skippedRows?: readonly SkippedRows[];
  readonly completeness?: Completeness | null;
  readonly changes?: readonly UnitChange[] | null;
  readonly plan?: Plan | null;
}

function unitSummary(u: UnitRollup | TotalRollup): UnitSummary {
  const main = u.assessments[MAIN_INDICATOR];
  const indicators = {} as Record<IndicatorId, IndicatorSummary>;
  for (const spec of INDICATORS) {
    const r = u.indicators[spec.id];
    const a = u.assessments[spec.id];
    indicators[spec.id] = a
      ? { ...r, target: a.target, comparator: a.comparator, needed: a.needed, met: a.met }
      : { numerator: r.numerator, denominator: r.denominator, rate: r.rate };
  }
  return {
    level: u.level,
    name: u.name,
    province: u.province,
    district: u.district,
    commune: u.commune,
    communeCode: u.communeCode,
    villages: u.villages,
    consolidated: u.consolidated,
    rate: u.indicators[MAIN_INDICATOR].rate,
    target: main?.target ?? null,
    comparator: main?.comparator ?? ">=",
    gap: main?.gap ?? null,
    needed: main?.needed ?? null,
    met: main?.met ?? null,
    targetYear: main?.year ?? null,
    deadline: main?.deadline ?? null,
    targetSource: main ? targetSourceOf(main) : null,
    indicators,
  };
}

export function issueSummary(i: Issue, lang: Language): IssueSummary {
  return {
    severity: i.severity,
    code: i.code,
    file: i.file,
    sheet: i.sheet,
    cell: i.cell,
    message: i.message[lang],
  };
}

/**
 * The JSON summary of a rollup: every unit, the total, and every issue (reading issues first,
 * then rollup issues), messages in the chosen language, with their counts by severity and the
 * sheets and rows the reader skipped.
 */
export function summarize(
  rollup: Rollup,
  readIssues: readonly Issue[],
  lang: Language,
  extras: SummaryExtras = {},
): Summary {
  const issues = [...readIssues, ...rollup.issues].map((i) => issueSummary(i, lang));
  return {
    twoTier: rollup.twoTier,
    referenceYear: rollup.referenceYear,
    units: rollup.units.map(unitSummary),
    total: unitSummary(rollup.total),
    submissions: (extras.submissions ?? []).map((s) => ({
      file: s.file,
      unit: s.manifest?.unitName ?? null,
      level: s.manifest?.unitLevel ?? null,
      period: s.manifest?.period ?? null,
      generatedAt: s.manifest?.generatedAt ?? null,
      used: s.used,
    })),
    completeness: extras.completeness ?? null,
    changes: extras.changes ?? null,
    plan: extras.plan ?? null,
    issues,
    issueCounts: {
      errors: issues.filter((i) => i.severity === "error").length,
      warnings: issues.filter((i) => i.severity === "warning").length,
      infos: issues.filter((i) => i.severity === "info").length,
    },
    skipped: {
      sheets: (extras.skippedSheets ?? []).map((s) => ({
        file: s.file,
        sheet: s.sheet,
        reason: s.why[lang],
      })),
      rows: (extras.skippedRows ?? []).map((r) => ({
        file: r.file,
        sheet: r.sheet,
        kind: r.kind,
        rows: r.rows,
      })),
    },
  };
}
