import { MAIN_INDICATOR } from "../core/indicators";
import type { Comparator } from "../core/targets";
import type { Rollup, TotalRollup, UnitLevel, UnitRollup } from "../core/rollup/types";
import { childrenOf, reportScope, unitIndex } from "../report/scope";

/** One bar of the "rate by unit" chart. */
export interface GlanceBar {
  readonly id: string;
  readonly name: string;
  readonly villages: number;
  readonly consolidated: number;
  /** Null when the unit has no village counted. */
  readonly rate: number | null;
  readonly target: number | null;
  readonly comparator: Comparator | null;
  readonly met: boolean | null;
}

/** The headline figures of the main indicator (secretary also village head) for the reporting unit. */
export interface Glance {
  readonly unitName: string;
  readonly level: UnitLevel | "total";
  readonly twoTier: boolean;
  readonly villages: number;
  readonly consolidated: number;
  readonly rate: number | null;
  readonly target: number | null;
  readonly comparator: Comparator | null;
  /** Villages still to consolidate to meet the target; null without a target or when impossible. */
  readonly needed: number | null;
  readonly met: boolean | null;
  /** The units one level down (or the villages of a commune are not charted: empty). */
  readonly bars: readonly GlanceBar[];
}

function barOf(u: UnitRollup): GlanceBar {
  const a = u.assessments[MAIN_INDICATOR];
  const ratio = u.indicators[MAIN_INDICATOR];
  return {
    id: u.id,
    name: u.name,
    villages: ratio.denominator,
    consolidated: ratio.numerator,
    rate: ratio.rate,
    target: a?.target ?? null,
    comparator: a?.comparator ?? null,
    met: a && a.gap !== null ? a.met : null,
  };
}

/** The figures the pane shows "at a glance" after a check or a generation. */
export function glanceOf(rollup: Rollup): Glance {
  const scope = reportScope(rollup);
  const unit: UnitRollup | TotalRollup = scope.unit;
  const ratio = unit.indicators[MAIN_INDICATOR];
  const a = unit.assessments[MAIN_INDICATOR];
  const bars = unit.level === "commune" ? [] : childrenOf(unit, unitIndex(rollup)).map(barOf);
  return {
    unitName: unit.level === "total" ? "" : unit.name,
    level: unit.level,
    twoTier: rollup.twoTier,
    villages: ratio.denominator,
    consolidated: ratio.numerator,
    rate: ratio.rate,
    target: a?.target ?? null,
    comparator: a?.comparator ?? null,
    needed: a?.needed ?? null,
    met: a && a.gap !== null ? a.met : null,
    bars,
  };
}
