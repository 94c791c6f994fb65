import { INDICATORS, type IndicatorId } from "../indicators";
import { issue, type Issue } from "../issues";
import { rowSourceOf, type TargetRecord } from "../model";
import { meetsTarget, unitsNeeded } from "../targets";
import { a1 } from "../a1";
import { nameKey, unitKey } from "../text/normalize";
import type { Assessment, TotalRollup, UnitLevel, UnitRollup } from "./types";

/**
 * Which target applies to a unit: the most specific one. A target naming the unit beats one for
 * the unit's level, which beats one for every unit. Among equals the reporting period's year
 * decides (issue 15): the target of the smallest year at or after the period's year (2025 targets
 * for 2025 data, 2030 targets for 2026 data); else a target without a year; else, when every
 * target's year is already past, the latest of them (its deadline is then marked as passed).
 */
const SPECIFICITY = { unit: 3, level: 2, all: 1 } as const;

interface Candidate {
  readonly target: TargetRecord;
  readonly specificity: number;
}

/** 2: dated at or after the period's year; 1: no year; 0: dated before it (deadline passed). */
function timeliness(year: number | null, periodYear: number): number {
  if (year === null) return 1;
  return year >= periodYear ? 2 : 0;
}

/** True when candidate `b` should replace `a` for a period of `periodYear`. */
export function betterTarget(a: Candidate | undefined, b: Candidate, periodYear: number): boolean {
  if (!a) return true;
  if (b.specificity !== a.specificity) return b.specificity > a.specificity;
  const ta = timeliness(a.target.year, periodYear);
  const tb = timeliness(b.target.year, periodYear);
  if (ta !== tb) return tb > ta;
  // Same class: the nearest future year, or the latest past year.
  if (tb === 2) return b.target.year! < a.target.year!;
  if (tb === 0) return b.target.year! > a.target.year!;
  return false;
}

/** The deadline of a target of `year`: the last day of that year (ISO), or null without a year. */
export function deadlineOfYear(year: number | null): string | null {
  return year === null ? null : `${String(year).padStart(4, "0")}-12-31`;
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

function assess(num: number, den: number, t: TargetRecord, periodYear: number): Assessment {
  const rate = den > 0 ? num / den : null;
  return {
    year: t.year,
    deadline: deadlineOfYear(t.year),
    deadlinePassed: t.year !== null && t.year < periodYear,
    target: t.targetValue,
    comparator: t.comparator,
    gap: rate === null ? null : t.targetValue - rate,
    needed: unitsNeeded(num, den, t.target, t.comparator),
    met: meetsTarget(num, den, t.target, t.comparator),
    source: rowSourceOf(t),
    scope: { unit: t.unit, level: t.level, year: t.year },
  };
}

/**
 * Adds the assessments to every unit and to the total. `periodYear`: the year of the reporting
 * period (the rollup's reference year), which picks the target among several years.
 */
export function assessAll(
  units: readonly UnitRollup[],
  total: TotalRollup,
  targets: readonly TargetRecord[],
  issues: Issue[],
  periodYear: number,
): { units: UnitRollup[]; total: TotalRollup } {
  const better = (a: Candidate | undefined, b: Candidate): boolean => betterTarget(a, b, periodYear);
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
              cell: a1(t.row, t.source.columns.get("unit") ?? 1),
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
      assessments[spec.id] = assess(r.numerator, r.denominator, pick.target, periodYear);
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
