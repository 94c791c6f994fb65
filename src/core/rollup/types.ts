import type { IndicatorId } from "../indicators";
import type { Issue } from "../issues";
import type { RowSource, TargetLevel, VillageRecord } from "../model";
import type { Comparator } from "../targets";

export type UnitLevel = "province" | "district" | "commune";

/** A count over a count. `rate` is numerator / denominator, or null when the denominator is 0. */
export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
  readonly rate: number | null;
}

/** How a unit stands against the target that applies to it. */
export interface Assessment {
  readonly target: number;
  readonly comparator: Comparator;
  /** target − rate (positive: still short); null when the unit has nothing to count. */
  readonly gap: number | null;
  /** Further units needed to meet the target exactly; null when it cannot be met or nothing to count. */
  readonly needed: number | null;
  readonly met: boolean;
  /** The target's year ("đến năm 2025"), or null when its row gives none. */
  readonly year: number | null;
  /** The deadline: the last day of the target's year (ISO yyyy-mm-dd), or null without a year. */
  readonly deadline: string | null;
  /** True when the target's year is before the reporting period's (no later target was given). */
  readonly deadlinePassed: boolean;
  /** The Targets row this came from. */
  readonly source: RowSource;
  /**
   * Whom that row names: a unit (most specific), a level, or neither (every unit), and its year;
   * printed under the summary and in the JSON so a clerk sees which target was applied.
   */
  readonly scope: {
    readonly unit: string | null;
    readonly level: TargetLevel | null;
    readonly year: number | null;
  };
}

/** One unit (province, district or commune) with every indicator summed over its subtree. */
export interface UnitRollup {
  /** Stable id from the normalised names on the path, e.g. "lạng sơn/bình gia/yên lỗ". */
  readonly id: string;
  readonly level: UnitLevel;
  /** The unit's own name as first written. */
  readonly name: string;
  readonly province: string;
  /** Null in two-tier data, and for a province. */
  readonly district: string | null;
  /** Null above commune level. */
  readonly commune: string | null;
  readonly communeCode: string | null;
  readonly parentId: string | null;
  /** Children in order of first appearance in the data. */
  readonly childIds: readonly string[];
  /** Shortcut: denominator of the main indicator (villages counted). */
  readonly villages: number;
  /** Shortcut: numerator of the main indicator (villages consolidated). */
  readonly consolidated: number;
  readonly indicators: Readonly<Record<IndicatorId, Ratio>>;
  /** Assessment against the applicable target, per indicator that has one. */
  readonly assessments: Readonly<Partial<Record<IndicatorId, Assessment>>>;
}

/** The grand total over everything read; same shape as a unit. */
export interface TotalRollup extends Omit<UnitRollup, "level" | "parentId"> {
  readonly level: "total";
  readonly parentId: null;
}

/** How a village's "secretary is also head" status was decided. */
export type ConsolidationBasis = "flag" | "names" | "officeHolders" | "unknown";

export interface VillageStatus {
  readonly record: VillageRecord;
  /** Id of the commune unit the village belongs to. */
  readonly communeId: string;
  /** True / false, or null when unknown (counted as not consolidated). */
  readonly consolidated: boolean | null;
  readonly basis: ConsolidationBasis;
  /** Secretary and head names from the Villages sheet, else from Office-holders. */
  readonly secretaryName: string | null;
  readonly headName: string | null;
}

export interface Rollup {
  /** Every unit, in tree order: each province, then its districts each followed by its communes. */
  readonly units: readonly UnitRollup[];
  readonly total: TotalRollup;
  readonly villages: readonly VillageStatus[];
  /** True when no row has a district (two-tier local government, since 1 July 2025). */
  readonly twoTier: boolean;
  /** The year ages are computed for. */
  readonly referenceYear: number;
  readonly issues: readonly Issue[];
}
