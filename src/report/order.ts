import type { ExpectedUnitRecord } from "../core/model";
import type { Rollup, UnitRollup } from "../core/rollup/types";
import { unitKey } from "../core/text/normalize";

/**
 * The units in their official order: the order of the unit list (the `Đơn vị` sheet) wins, then
 * the order of first appearance in the data. Compiling submissions reads communes in file order,
 * often alphabetical; offices print them in the order of their own list.
 *
 * Returns a rollup whose children lists and tree-ordered `units` follow that order; every figure
 * is unchanged. Without a unit list the rollup is returned as it is.
 */
export function inOfficialOrder(
  rollup: Rollup,
  list: readonly ExpectedUnitRecord[] | null | undefined,
): Rollup {
  if (!list || list.length === 0) return rollup;
  const byId = new Map(rollup.units.map((u) => [u.id, u]));
  // Rank of a unit in the list: by name at its level (and, when the list says, its parent's name).
  const rank = (u: UnitRollup): number => {
    const key = unitKey(u.level, u.name);
    const i = list.findIndex(
      (e) =>
        (e.level === null || e.level === u.level) &&
        unitKey(u.level, e.unit) === key &&
        (e.district === null ||
          u.district === null ||
          unitKey("district", e.district) === unitKey("district", u.district)),
    );
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const sortIds = (ids: readonly string[]): string[] =>
    ids
      .map((id, i) => ({ id, i, r: byId.has(id) ? rank(byId.get(id)!) : Number.MAX_SAFE_INTEGER }))
      .sort((a, b) => a.r - b.r || a.i - b.i)
      .map((x) => x.id);
  const reordered = new Map(rollup.units.map((u) => [u.id, { ...u, childIds: sortIds(u.childIds) }]));
  const units: UnitRollup[] = [];
  const walk = (id: string): void => {
    const u = reordered.get(id);
    if (!u) return;
    units.push(u);
    u.childIds.forEach(walk);
  };
  const total = { ...rollup.total, childIds: sortIds(rollup.total.childIds) };
  total.childIds.forEach(walk);
  // Units not reachable from the total (none in a well-formed rollup) keep their place at the end.
  for (const u of reordered.values()) if (!units.includes(u)) units.push(u);
  const position = new Map(units.map((u, i) => [u.id, i]));
  const villages = [...rollup.villages]
    .map((v, i) => ({ v, i }))
    .sort((a, b) => (position.get(a.v.communeId) ?? 0) - (position.get(b.v.communeId) ?? 0) || a.i - b.i)
    .map((x) => x.v);
  return { ...rollup, units, total, villages };
}
