import { a1 } from "../a1";
import { MAIN_INDICATOR } from "../indicators";
import { issue, type Issue } from "../issues";
import { rowSourceOf, type RowSource, type TargetRecord } from "../model";
import type { Comparator } from "../targets";
import type { Rollup, UnitLevel, UnitRollup } from "../rollup/types";
import { allocate, checkQuotas } from "./allocate";
import { paceOf, type Pace } from "./pace";

/**
 * The plan (issue 15): for every province or district with a target on the main indicator, its
 * shortfall split among its children as exact quotas, and the pace to the deadline when a previous
 * period is known. Pure: rollups and dates in, figures out; the planning sheet and the JSON show it.
 */

/** How quotas are shared: by each child's room (villages not consolidated), or by its own shortfall. */
export type QuotaBasis = "room" | "ownTargets";

export interface PlanChild {
  readonly id: string;
  readonly name: string;
  readonly villages: number;
  readonly consolidated: number;
  /** Villages not yet consolidated: the most the child can add. */
  readonly room: number;
  /** What the child needs for its own target, or null when it has none (or cannot meet it). */
  readonly ownNeeded: number | null;
  /** Its share of the parent's shortfall; null when the parent's shortfall cannot be split. */
  readonly quota: number | null;
  /**
   * The quota the clerk typed for it ("Chỉ tiêu giao" on the row of the Targets sheet that applies
   * to it and names it), or null when none was typed.
   */
  readonly typedQuota: number | null;
}

export type PlanStatus =
  /** Quotas sum exactly to the shortfall. */
  | "allocated"
  /** The target is already met: every quota is 0. */
  | "met"
  /** The shortfall is more than the children can do together (villages missing from the data?). */
  | "infeasible"
  /** No number of villages meets the target (e.g. above 100%), or nothing to count. */
  | "unreachable";

export interface UnitPlan {
  readonly id: string;
  readonly name: string;
  readonly level: UnitLevel;
  readonly villages: number;
  readonly consolidated: number;
  readonly target: number;
  readonly comparator: Comparator;
  readonly targetYear: number | null;
  readonly deadline: string | null;
  readonly deadlinePassed: boolean;
  /** Further villages needed for the target; null when it cannot be met. */
  readonly needed: number | null;
  /** consolidated + needed: the count that meets the target; null when it cannot be met. */
  readonly required: number | null;
  readonly status: PlanStatus;
  readonly basis: QuotaBasis;
  readonly children: readonly PlanChild[];
  /** What the children can do together (sum of their rooms). */
  readonly capacity: number;
  /** Sum of the children's own shortfalls (those with a target): often more than `needed`. */
  readonly ownNeededTotal: number;
  /**
   * Sum of the quotas the clerk typed for the children minus `needed` (0: they cover it exactly;
   * negative: short), or null when none was typed or the shortfall cannot be met.
   */
  readonly typedDifference: number | null;
  /** The previous period's consolidated count for this unit (same unit id), or null. */
  readonly previousConsolidated: number | null;
  readonly pace: Pace | null;
}

export interface Plan {
  readonly basis: QuotaBasis;
  /** Cut-off dates of the current and previous periods (ISO), when known. */
  readonly currentDate: string | null;
  readonly previousDate: string | null;
  readonly units: readonly UnitPlan[];
}

export interface PlanInput {
  readonly rollup: Rollup;
  /** The previous period on today's units (same ids), or null. */
  readonly previous?: Rollup | null;
  readonly currentDate?: string | null;
  readonly previousDate?: string | null;
  readonly basis?: QuotaBasis;
  /** The Targets rows: their typed quotas ("Chỉ tiêu giao") are shown beside the computed ones. */
  readonly targets?: readonly TargetRecord[];
}

const sourceKey = (s: RowSource): string => `${s.file}\u0000${s.sheet}\u0000${s.row}`;

/** The typed quotas by Targets row, for rows that name a unit. */
function typedQuotas(targets: readonly TargetRecord[] | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of targets ?? [])
    if (t.unit !== null && t.quota !== undefined && t.quota !== null)
      out.set(sourceKey(rowSourceOf(t)), t.quota);
  return out;
}

/** The quota a unit was assigned on the Targets row that applies to it and names it, or null. */
function typedOf(u: UnitRollup, typed: ReadonlyMap<string, number>): number | null {
  const a = u.assessments[MAIN_INDICATOR];
  if (!a || a.scope.unit === null) return null;
  return typed.get(sourceKey(a.source)) ?? null;
}

/** The plan of every province and district that has a target on the main indicator. */
export function planOf(input: PlanInput): Plan {
  const { rollup } = input;
  const basis = input.basis ?? "room";
  const byId = new Map(rollup.units.map((u) => [u.id, u]));
  const previousById = new Map((input.previous?.units ?? []).map((u) => [u.id, u]));
  const currentDate = input.currentDate ?? null;
  const previousDate = input.previous ? (input.previousDate ?? null) : null;
  const typed = typedQuotas(input.targets);
  const units: UnitPlan[] = [];
  for (const u of rollup.units) {
    if (u.level === "commune") continue;
    const a = u.assessments[MAIN_INDICATOR];
    if (!a) continue;
    const children = u.childIds.map((id) => byId.get(id)).filter((c): c is UnitRollup => c !== undefined);
    if (children.length === 0) continue;
    const rooms = children.map((c) => c.villages - c.consolidated);
    const own = children.map((c) => c.assessments[MAIN_INDICATOR]?.needed ?? null);
    const capacity = rooms.reduce((s, r) => s + r, 0);
    const typedQuotasOfChildren = children.map((c) => typedOf(c, typed));
    const anyTyped = typedQuotasOfChildren.some((q) => q !== null);
    let status: PlanStatus;
    let quotas: readonly (number | null)[] = children.map(() => null);
    if (a.needed === null) status = "unreachable";
    else {
      const result = allocate(
        a.needed,
        children.map((c, i) => ({
          key: `${c.name.normalize("NFC")}\u0000${c.id}`,
          capacity: rooms[i],
          ...(basis === "ownTargets" ? { weight: own[i] ?? 0 } : {}),
        })),
      );
      if (result.ok) {
        quotas = result.quotas;
        status = a.needed === 0 ? "met" : "allocated";
      } else status = "infeasible";
    }
    const before = previousById.get(u.id);
    const pace =
      before && currentDate && previousDate && previousDate < currentDate && a.needed !== null
        ? paceOf(
            [
              { date: previousDate, consolidated: before.consolidated },
              { date: currentDate, consolidated: u.consolidated },
            ],
            a.needed,
            a.deadline,
          )
        : null;
    units.push({
      id: u.id,
      name: u.name,
      level: u.level,
      villages: u.villages,
      consolidated: u.consolidated,
      target: a.target,
      comparator: a.comparator,
      targetYear: a.year,
      deadline: a.deadline,
      deadlinePassed: a.deadlinePassed,
      needed: a.needed,
      required: a.needed === null ? null : u.consolidated + a.needed,
      status,
      basis,
      children: children.map((c, i) => ({
        id: c.id,
        name: c.name,
        villages: c.villages,
        consolidated: c.consolidated,
        room: rooms[i],
        ownNeeded: own[i],
        quota: quotas[i],
        typedQuota: typedQuotasOfChildren[i],
      })),
      capacity,
      ownNeededTotal: own.reduce<number>((s, n) => s + (n ?? 0), 0),
      typedDifference:
        anyTyped && a.needed !== null
          ? checkQuotas(
              a.needed,
              rooms.map((r, i) => ({ key: children[i].id, capacity: r })),
              typedQuotasOfChildren.map((q) => q ?? 0),
            ).difference
          : null,
      previousConsolidated: before?.consolidated ?? null,
      pace,
    });
  }
  return { basis, currentDate, previousDate, units };
}

/** An ISO date from a period's cut-off date, or null. */
export function isoOfPeriodDate(
  date: { readonly year: number; readonly month: number; readonly day: number } | null | undefined,
): string | null {
  if (!date) return null;
  const p = (n: number, w: number) => String(n).padStart(w, "0");
  return `${p(date.year, 4)}-${p(date.month, 2)}-${p(date.day, 2)}`;
}

/**
 * The problems of the quotas typed on the Targets sheet ("Chỉ tiêu giao"), each at its cell: the
 * quotas of a unit's children that do not add up to its shortfall (at the first child's quota
 * cell), a quota above a child's villages not yet consolidated, a quota on a row that names no
 * unit, and a quota that nothing checks (the unit's parent has no target, or a more specific or
 * nearer-dated row applies to the unit). A row naming an unknown unit is already reported by the
 * rollup ("target-unit-not-found"); a row that applies to no unit (another year's target) is not checked.
 */
export function quotaIssues(plan: Plan, rollup: Rollup, targets: readonly TargetRecord[]): Issue[] {
  const issues: Issue[] = [];
  const quotaCell = (s: RowSource) => ({
    file: s.file,
    sheet: s.sheet,
    cell: a1(s.row, s.columns.get("quota") ?? 1),
  });
  const byId = new Map(rollup.units.map((u) => [u.id, u]));
  const sourceOfChild = (id: string): RowSource | null =>
    byId.get(id)?.assessments[MAIN_INDICATOR]?.source ?? null;
  const checked = new Set<string>();
  for (const u of plan.units) {
    const typedChildren = u.children.filter((c) => c.typedQuota !== null);
    for (const c of typedChildren) {
      const source = sourceOfChild(c.id)!;
      checked.add(sourceKey(source));
      if (c.typedQuota! > c.room)
        issues.push(
          issue("quota-over-capacity", quotaCell(source), {
            unit: c.name,
            quota: c.typedQuota!,
            room: c.room,
          }),
        );
    }
    if (u.typedDifference !== null && u.typedDifference !== 0 && u.needed !== null)
      issues.push(
        issue("quota-sum", quotaCell(sourceOfChild(typedChildren[0].id)!), {
          unit: u.name,
          typed: u.needed + u.typedDifference,
          needed: u.needed,
        }),
      );
  }
  const applied = new Set(
    rollup.units.flatMap((u) => {
      const s = u.assessments[MAIN_INDICATOR]?.source;
      return s ? [sourceKey(s)] : [];
    }),
  );
  for (const t of targets) {
    if (t.quota === undefined || t.quota === null) continue;
    const source = rowSourceOf(t);
    if (t.unit === null) issues.push(issue("quota-without-unit", quotaCell(source), { quota: t.quota }));
    else if (!checked.has(sourceKey(source)) && applied.has(sourceKey(source)))
      issues.push(issue("quota-no-parent-plan", quotaCell(source), { unit: t.unit, quota: t.quota }));
  }
  return issues;
}
