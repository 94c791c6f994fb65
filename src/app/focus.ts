import type { OfficeHolderRecord } from "../core/model";
import type { Plan } from "../core/plan/plan";
import type { Rollup, UnitLevel, UnitRollup } from "../core/rollup/types";
import { unitKey } from "../core/text/normalize";
import { reportScope } from "../report/scope";

/**
 * The clerk's choice of reporting unit: a province, one of its districts, or a commune. Reports are
 * made for the submitting unit (`reportScope`: the deepest unit holding all the data); narrowing the
 * rollup to one unit's subtree makes that unit the scope, so a province's workbook can also give a
 * district's or a commune's reports.
 */

export interface UnitChoice {
  readonly id: string;
  readonly level: UnitLevel;
  readonly name: string;
  /** 0 for a province, 1 below it… (for indenting a list). */
  readonly depth: number;
}

/** Every unit one may report for, in tree order, and the one the data itself reports as. */
export function unitChoices(rollup: Rollup): { units: UnitChoice[]; defaultId: string | null } {
  const byId = new Map(rollup.units.map((u) => [u.id, u]));
  const depth = (u: UnitRollup): number => {
    let d = 0;
    for (let p = u.parentId; p; p = byId.get(p)?.parentId ?? null) d++;
    return d;
  };
  const scope = reportScope(rollup);
  return {
    units: rollup.units.map((u) => ({ id: u.id, level: u.level, name: u.name, depth: depth(u) })),
    defaultId: scope.unit.level === "total" ? null : scope.unit.id,
  };
}

/**
 * The rollup narrowed to one unit: its subtree, its ancestors (each with only the path as child),
 * its villages, and a total equal to the unit. Issues are kept whole (the data check lists them all).
 * An unknown id returns the rollup unchanged.
 */
export function focusRollup(rollup: Rollup, unitId: string | null): Rollup {
  if (unitId === null) return rollup;
  const byId = new Map(rollup.units.map((u) => [u.id, u]));
  const target = byId.get(unitId);
  if (!target) return rollup;
  const inside = new Set<string>();
  const walk = (id: string): void => {
    inside.add(id);
    for (const c of byId.get(id)?.childIds ?? []) walk(c);
  };
  walk(unitId);
  const pathChild = new Map<string, string>();
  let top = target;
  for (let p = target.parentId; p; p = byId.get(p)?.parentId ?? null) {
    pathChild.set(p, top.id);
    top = byId.get(p)!;
  }
  const units = rollup.units
    .filter((u) => inside.has(u.id) || pathChild.has(u.id))
    .map((u) => (pathChild.has(u.id) ? { ...u, childIds: [pathChild.get(u.id)!] } : u));
  return {
    ...rollup,
    units,
    villages: rollup.villages.filter((v) => inside.has(v.communeId)),
    total: {
      ...rollup.total,
      villages: target.villages,
      consolidated: target.consolidated,
      indicators: target.indicators,
      assessments: target.assessments,
      childIds: [top.id],
    },
  };
}

/**
 * The office-holders of a focused rollup's communes (for the named annex of one unit's reports):
 * a holder whose commune (and district, when both are written) is among the rollup's communes.
 * `unitId` null returns the holders as they are (the whole data is reported).
 */
export function focusHolders(
  focused: Rollup,
  holders: readonly OfficeHolderRecord[],
  unitId: string | null,
): readonly OfficeHolderRecord[] {
  if (unitId === null) return holders;
  const withDistrict = new Set<string>();
  const communes = new Set<string>();
  for (const u of focused.units) {
    if (u.level !== "commune" || u.commune === null) continue;
    const commune = unitKey("commune", u.commune);
    communes.add(commune);
    if (u.district) withDistrict.add(`${unitKey("district", u.district)}/${commune}`);
  }
  return holders.filter((h) => {
    const commune = unitKey("commune", h.commune);
    if (!communes.has(commune)) return false;
    return h.district === null || withDistrict.size === 0
      ? true
      : withDistrict.has(`${unitKey("district", h.district)}/${commune}`);
  });
}

/**
 * The plan of one chosen unit's reports: the plans of the unit and of the units under it, as the
 * whole data computes them (a unit above the chosen one is left out: the focused rollup keeps it
 * with the chosen branch only, which is not how its shortfall is split). Null when none is left.
 */
export function focusPlan(focused: Rollup, plan: Plan, unitId: string | null): Plan | null {
  if (unitId === null) return plan.units.length > 0 ? plan : null;
  const inside = new Set<string>();
  const byId = new Map(focused.units.map((u) => [u.id, u]));
  const walk = (id: string): void => {
    inside.add(id);
    for (const c of byId.get(id)?.childIds ?? []) walk(c);
  };
  if (byId.has(unitId)) walk(unitId);
  const units = plan.units.filter((u) => inside.has(u.id));
  return units.length > 0 ? { ...plan, units } : null;
}
