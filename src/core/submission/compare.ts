import type { Rollup, UnitLevel } from "../rollup/types";

/** A unit's change since the previous period. */
export interface UnitChange {
  readonly id: string;
  readonly level: UnitLevel | "total";
  readonly name: string;
  readonly villages: number;
  readonly consolidated: number;
  readonly rate: number | null;
  /** Null when the unit is new in this period. */
  readonly previousConsolidated: number | null;
  readonly previousRate: number | null;
  /** consolidated − previous consolidated. */
  readonly consolidatedChange: number | null;
  /** rate − previous rate (a fraction: 0.05 is five percentage points). */
  readonly rateChange: number | null;
}

/** Compares each unit of this period with the same unit (same normalised path) of the previous one. */
export function compareWithPrevious(current: Rollup, previous: Rollup): UnitChange[] {
  const before = new Map(previous.units.map((u) => [u.id, u]));
  const rows = [...current.units, current.total].map((u): UnitChange => {
    const p = u.level === "total" ? previous.total : before.get(u.id);
    const rate = u.indicators.village_secretary_head.rate;
    const previousRate = p ? p.indicators.village_secretary_head.rate : null;
    return {
      id: u.id,
      level: u.level,
      name: u.name,
      villages: u.villages,
      consolidated: u.consolidated,
      rate,
      previousConsolidated: p ? p.consolidated : null,
      previousRate,
      consolidatedChange: p ? u.consolidated - p.consolidated : null,
      rateChange: rate !== null && previousRate !== null ? rate - previousRate : null,
    };
  });
  return rows;
}
