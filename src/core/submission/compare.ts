import type { Message } from "../issues";
import type { VillageRecord } from "../model";
import type { Rollup, UnitLevel } from "../rollup/types";
import { nameKey, unitKey } from "../text/normalize";
import type { VillageEvent } from "../units/lifecycle";
import { displayDate } from "../units/unitList";

/** A unit's change since the previous period. */
export interface UnitChange {
  readonly id: string;
  readonly level: UnitLevel | "total";
  readonly name: string;
  readonly villages: number;
  readonly consolidated: number;
  readonly rate: number | null;
  /** Villages counted in the previous period on today's map; null when the unit has no previous figure. */
  readonly previousVillages: number | null;
  /** Null when the unit is new in this period. */
  readonly previousConsolidated: number | null;
  readonly previousRate: number | null;
  /** villages − previous villages: a changed denominator (villages merged, split or moved). */
  readonly villagesChange: number | null;
  /** consolidated − previous consolidated. */
  readonly consolidatedChange: number | null;
  /** rate − previous rate (a fraction: 0.05 is five percentage points). */
  readonly rateChange: number | null;
  /**
   * What changed in the unit's make-up, in both languages: the old communes its previous figure is
   * made of, the villages merged or split. Empty when nothing changed.
   */
  readonly notes: readonly Message[];
}

export interface CompareOptions {
  /** Per current unit id, what its previous figure is made of (core/units/remap.ts). */
  readonly notes?: ReadonlyMap<string, readonly Message[]>;
  /** The villages' merges and splits known (core/units/lifecycle.ts). */
  readonly events?: readonly VillageEvent[];
  /** The villages of this period that left the denominator, with the event that ended each. */
  readonly ended?: readonly { readonly village: VillageRecord; readonly event: VillageEvent }[];
}

/** "Thôn 9 sáp nhập vào Thôn 8 (1/1/2026)" / "Thôn 9 merged into Thôn 8 (1/1/2026)". */
export function eventNote(e: VillageEvent): Message {
  const when = e.date ? ` (${displayDate(e.date)})` : "";
  const into = e.into.join(", ");
  if (e.kind === "split")
    return { vi: `${e.village} tách thành ${into}${when}`, en: `${e.village} split into ${into}${when}` };
  return into
    ? { vi: `${e.village} sáp nhập vào ${into}${when}`, en: `${e.village} merged into ${into}${when}` }
    : { vi: `${e.village} đã sáp nhập${when}`, en: `${e.village} merged away${when}` };
}

/**
 * Compares each unit of this period with the same unit of the previous one. `previous` is
 * expressed on today's units (`Analysis.previous`: the same unit ids), so a commune formed from
 * several old communes is compared with their villages together.
 */
export function compareWithPrevious(
  current: Rollup,
  previous: Rollup,
  options: CompareOptions = {},
): UnitChange[] {
  const before = new Map(previous.units.map((u) => [u.id, u]));
  const events = [...(options.events ?? []), ...(options.ended ?? []).map((x) => x.event)];
  // Units without a previous figure under a unit that has one (the previous period covered only
  // part of it): named on that unit and every unit above, whose change then includes their figures.
  const byId = new Map(current.units.map((u) => [u.id, u]));
  const uncovered = new Map<string, string[]>(); // unit id ("" for the total) → top units without a previous figure
  for (const u of current.units) {
    if (before.has(u.id)) continue;
    const parent = u.parentId === null ? null : byId.get(u.parentId);
    if (parent && !before.has(parent.id)) continue; // its parent is named instead
    for (let id: string | null = u.parentId; ; id = byId.get(id)?.parentId ?? null) {
      const key = id ?? "";
      uncovered.set(key, [...(uncovered.get(key) ?? []), u.name]);
      if (id === null) break;
    }
  }
  const rows = [...current.units, current.total].map((u): UnitChange => {
    const p = u.level === "total" ? previous.total : before.get(u.id);
    const rate = u.indicators.village_secretary_head.rate;
    const previousRate = p ? p.indicators.village_secretary_head.rate : null;
    const notes: Message[] = [...(options.notes?.get(u.id) ?? [])];
    const missing = p ? (uncovered.get(u.level === "total" ? "" : u.id) ?? []) : [];
    if (missing.length > 0) {
      const names = missing.slice(0, 5).join(", ") + (missing.length > 5 ? ", …" : "");
      notes.push({
        vi: `Kỳ trước không có số liệu của ${missing.length} đơn vị trực thuộc (${names}): phần tăng/giảm gồm cả số của các đơn vị này`,
        en: `No previous figure for ${missing.length} of its units (${names}): the change includes their figures`,
      });
    }
    if (u.level === "commune") {
      const seen = new Set<string>();
      for (const e of events) {
        const here =
          e.commune !== null
            ? unitKey("commune", e.commune) === unitKey("commune", u.name) &&
              (e.province === null || unitKey("province", e.province) === unitKey("province", u.province))
            : current.villages.some(
                (v) => v.communeId === u.id && e.into.some((n) => nameKey(n) === nameKey(v.record.village)),
              );
        const key = `${e.kind}/${nameKey(e.village)}`;
        if (!here || seen.has(key)) continue;
        seen.add(key);
        notes.push(eventNote(e));
      }
    }
    return {
      id: u.id,
      level: u.level,
      name: u.name,
      villages: u.villages,
      consolidated: u.consolidated,
      rate,
      previousVillages: p ? p.villages : null,
      previousConsolidated: p ? p.consolidated : null,
      previousRate,
      villagesChange: p ? u.villages - p.villages : null,
      consolidatedChange: p ? u.consolidated - p.consolidated : null,
      rateChange: rate !== null && previousRate !== null ? rate - previousRate : null,
      notes,
    };
  });
  return rows;
}
