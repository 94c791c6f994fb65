import { INDICATORS, type IndicatorId } from "../indicators";
import { issue, type Issue } from "../issues";
import type { TargetRecord } from "../model";
import { meetsTarget, unitsNeeded } from "../targets";
import { a1 } from "../a1";
import { nameKey, unitKey } from "../text/normalize";
import type { Assessment, TotalRollup, UnitLevel, UnitRollup } from "./types";

/**
 * Which target applies to a unit: the most specific one. A target naming the unit beats one for
 * the unit's level, which beats one for every unit; among equals the latest year wins (a row
 * without a year counts as the oldest).
 */
const SPECIFICITY = { unit: 3, level: 2, all: 1 } as const;

interface Candidate {
  readonly target: TargetRecord;
  readonly specificity: number;
}

function better(a: Candidate | undefined, b: Candidate): boolean {
  if (!a) return true;
  if (b.specificity !== a.specificity) return b.specificity > a.specificity;
  return (b.target.year ?? -1) > (a.target.year ?? -1);
}

const LEVEL_ORDER: readonly UnitLevel[] = ["province", "district", "commune"];

/** Units by level and by name key, so that naming targets are matched without scanning every unit. */
interface UnitIndex {
  readonly byUnitKey: Map<string, number[]>;
  readonly byNameKey: Map<string, number[]>;
}

function indexUnits(units: readonly UnitRollup[]): UnitIndex {
  const byUnitKey = new Map<string, number[]>();
  const byNameKey = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, i: number): void => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  units.forEach((u, i) => {
    add(byUnitKey, `${u.level}|${unitKey(u.level, u.name)}`, i);
    add(byNameKey, `${u.level}|${nameKey(u.name)}`, i);
  });
  return { byUnitKey, byNameKey };
}

/** The ids of the units a target names; a target without a level names the highest level that matches. */
function unitsNamed(t: TargetRecord, units: readonly UnitRollup[], index: UnitIndex): UnitRollup[] {
  const levels = t.level ? [t.level] : LEVEL_ORDER;
  for (const level of levels) {
    const byKey = index.byUnitKey.get(`${level}|${unitKey(level, t.unit!)}`) ?? [];
    const exact = index.byNameKey.get(`${level}|${nameKey(t.unit!)}`) ?? [];
    // Either match, each unit once, in the order of the units (as a filter over them would give).
    const found = [...new Set([...byKey, ...exact])].sort((a, b) => a - b);
    if (found.length > 0) return found.map((i) => units[i]);
  }
  return [];
}

function assess(num: number, den: number, t: TargetRecord): Assessment {
  const rate = den > 0 ? num / den : null;
  return {
    target: t.targetValue,
    comparator: t.comparator,
    gap: rate === null ? null : t.targetValue - rate,
    needed: unitsNeeded(num, den, t.target, t.comparator),
    met: meetsTarget(num, den, t.target, t.comparator),
    source: t.source,
    scope: { unit: t.unit, level: t.level, year: t.year },
  };
}

/** Adds the assessments to every unit and to the total. */
export function assessAll(
  units: readonly UnitRollup[],
  total: TotalRollup,
  targets: readonly TargetRecord[],
  issues: Issue[],
): { units: UnitRollup[]; total: TotalRollup } {
  const chosen = new Map<string, Map<IndicatorId, Candidate>>();
  const generalFor = new Map<IndicatorId, Candidate>();
  const offer = (unitId: string, indicator: IndicatorId, c: Candidate): void => {
    const m = chosen.get(unitId) ?? new Map<IndicatorId, Candidate>();
    if (better(m.get(indicator), c)) m.set(indicator, c);
    chosen.set(unitId, m);
  };
  let index: UnitIndex | undefined;
  for (const t of targets) {
    const indicator = t.indicator as IndicatorId;
    if (t.unit) {
      index ??= indexUnits(units);
      const named = unitsNamed(t, units, index);
      if (named.length === 0) {
        issues.push(
          issue(
            "target-unit-not-found",
            {
              file: t.source.file,
              sheet: t.source.sheet,
              cell: a1(t.source.row, t.source.columns.get("unit") ?? 1),
            },
            { text: t.unit },
          ),
        );
      }
      for (const u of named) offer(u.id, indicator, { target: t, specificity: SPECIFICITY.unit });
    } else {
      for (const u of units) {
        if (t.level && u.level !== t.level) continue;
        offer(u.id, indicator, { target: t, specificity: t.level ? SPECIFICITY.level : SPECIFICITY.all });
      }
      if (!t.level && better(generalFor.get(indicator), { target: t, specificity: SPECIFICITY.all })) {
        generalFor.set(indicator, { target: t, specificity: SPECIFICITY.all });
      }
    }
  }
  const withAssessments = (
    u: UnitRollup,
    picks: ReadonlyMap<IndicatorId, Candidate> | undefined,
  ): UnitRollup => {
    if (!picks || picks.size === 0) return u;
    const assessments: Partial<Record<IndicatorId, Assessment>> = {};
    for (const spec of INDICATORS) {
      const pick = picks.get(spec.id);
      if (!pick) continue;
      const r = u.indicators[spec.id];
      assessments[spec.id] = assess(r.numerator, r.denominator, pick.target);
    }
    return { ...u, assessments };
  };
  const assessed = units.map((u) => withAssessments(u, chosen.get(u.id)));
  // The total of one province is that province; of several, only targets for every unit apply.
  const totalPicks =
    units.filter((u) => u.level === "province").length === 1 ? chosen.get(units[0].id) : generalFor;
  const totalAssessed = withAssessments(total as unknown as UnitRollup, totalPicks) as unknown as TotalRollup;
  return { units: assessed, total: totalAssessed };
}
