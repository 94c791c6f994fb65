/**
 * Exact quotas (issue 15): a parent's shortfall split among its children as whole numbers that sum
 * exactly to the shortfall, each at most what the child can do (its villages not yet consolidated).
 *
 * Integer arithmetic only (BigInt for the products), so no floating-point drift: a child's share
 * is needed × weight / total weight, rounded down; the villages left over go one each to the
 * largest remainders. Equal remainders go first to the child with more room (larger capacity),
 * then by the children's `key` (a stable id such as the unit id), never by their position, so reordering the children never changes a quota. A child whose share
 * exceeds its capacity is capped and the excess is shared again among the others (same rule), until
 * everything is placed. When the shortfall is more than all the children can do together, nothing
 * is allocated and the result says so.
 */

export interface AllocationChild {
  /** A stable key for tie-breaking (the unit id, or the row's position for the Excel function). */
  readonly key: string;
  /** The most this child can take: its villages not yet consolidated (whole, ≥ 0). */
  readonly capacity: number;
  /** Weight of its share; default its capacity (whole, ≥ 0). */
  readonly weight?: number;
}

export type Allocation =
  | { readonly ok: true; readonly quotas: readonly number[] }
  | {
      readonly ok: false;
      readonly reason: "infeasible";
      /** What the children can do together (less than `needed`). */
      readonly capacity: number;
    }
  | { readonly ok: false; readonly reason: "invalid"; readonly detail: string };

function isWhole(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

/**
 * Splits `needed` among `children` in proportion to their weights (default: their capacities) by
 * largest remainder, never more than a child's capacity. Quotas come back in the children's order.
 */
export function allocate(needed: number, children: readonly AllocationChild[]): Allocation {
  if (!isWhole(needed)) return { ok: false, reason: "invalid", detail: "needed" };
  for (const c of children) {
    if (!isWhole(c.capacity)) return { ok: false, reason: "invalid", detail: "capacity" };
    if (c.weight !== undefined && !isWhole(c.weight))
      return { ok: false, reason: "invalid", detail: "weight" };
  }
  const capacity = children.reduce((a, c) => a + c.capacity, 0);
  if (needed > capacity) return { ok: false, reason: "infeasible", capacity };

  const quotas = children.map(() => 0);
  let remaining = needed;
  // Children still able to take more; each round either places everything or caps one child.
  let open = children.map((_, i) => i).filter((i) => children[i].capacity > 0);
  while (remaining > 0) {
    const weightOf = (i: number): bigint => BigInt(children[i].weight ?? children[i].capacity);
    let totalWeight = open.reduce((a, i) => a + weightOf(i), 0n);
    // Every open child weighted 0 (weights given, none positive): fall back to capacities left.
    const byRoom = totalWeight === 0n;
    const w = (i: number): bigint => (byRoom ? BigInt(children[i].capacity - quotas[i]) : weightOf(i));
    if (byRoom) totalWeight = open.reduce((a, i) => a + w(i), 0n);
    const R = BigInt(remaining);
    const shares = open.map((i) => {
      const product = R * w(i);
      return { i, floor: product / totalWeight, remainder: product % totalWeight };
    });
    let placed = shares.reduce((a, s) => a + s.floor, 0n);
    const order = [...shares].sort((a, b) =>
      a.remainder !== b.remainder
        ? a.remainder > b.remainder
          ? -1
          : 1
        : children[a.i].capacity !== children[b.i].capacity
          ? children[b.i].capacity - children[a.i].capacity
          : compareKeys(children[a.i].key, children[b.i].key),
    );
    const share = new Map<number, bigint>(shares.map((s) => [s.i, s.floor]));
    for (const s of order) {
      if (placed >= R) break;
      share.set(s.i, share.get(s.i)! + 1n);
      placed++;
    }
    // Cap the children whose share passes their room; the rest keep theirs only if nobody is capped.
    const over = open.filter((i) => Number(share.get(i)!) > children[i].capacity - quotas[i]);
    if (over.length === 0) {
      for (const i of open) quotas[i] += Number(share.get(i)!);
      remaining = 0;
      break;
    }
    for (const i of over) {
      remaining -= children[i].capacity - quotas[i];
      quotas[i] = children[i].capacity;
    }
    open = open.filter((i) => quotas[i] < children[i].capacity);
  }
  return { ok: true, quotas };
}

/** Code-unit order of the keys: the same on every machine and in every locale. */
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The difference between typed quotas and the shortfall they should cover, and who is over capacity. */
export interface QuotaCheck {
  /** Sum of the typed quotas minus the shortfall: 0 when they cover it exactly, negative when short. */
  readonly difference: number;
  /** Indexes of the children whose typed quota is more than their capacity. */
  readonly overCapacity: readonly number[];
}

/** Checks quotas typed by a clerk against the shortfall and the children's capacities. */
export function checkQuotas(
  needed: number,
  children: readonly AllocationChild[],
  typed: readonly number[],
): QuotaCheck {
  const sum = typed.reduce((a, q) => a + q, 0);
  const overCapacity = typed.flatMap((q, i) => (q > children[i].capacity ? [i] : []));
  return { difference: sum - needed, overCapacity };
}
