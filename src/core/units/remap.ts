import { a1 } from "../a1";
import { issue, type Issue, type Message } from "../issues";
import type { Dataset, ExpectedUnitRecord, OfficeHolderRecord, VillageRecord } from "../model";
import type { Rollup, UnitRollup } from "../rollup/types";
import { nameKey, unitKey } from "../text/normalize";
import type { VillageEvent } from "./lifecycle";
import { codeOf, existsOn, parseReference, type UnitReference } from "./unitList";

/**
 * A previous period re-aggregated onto today's units (issue 15): villages are the stable building
 * blocks (a village moves whole between communes), so each previous village goes to the current
 * commune that holds a village of its name among the communes its old commune became (the unit
 * list's "Hình thành từ" crosswalk, else the commune of the same code or name; an old commune
 * neither names is searched for in the whole province, where the village's name must be unique);
 * where no village of that name is found, to the only commune its old commune became; otherwise it
 * is left out with a warning. Pure: datasets and rollups in, a dataset out.
 */

/** A current commune, as the current rollup has it. */
interface Target {
  readonly unit: UnitRollup;
  readonly villageKeys: ReadonlySet<string>;
}

/** How a previous village was placed. */
export type Placement = "village" | "crosswalk";

export interface Remapped {
  /** The previous period's records, named by today's communes (rolled up, their ids are the current rollup's). */
  readonly dataset: Dataset;
  /** Per current commune id: what the previous period's figure is made of, when not simply itself. */
  readonly notes: ReadonlyMap<string, readonly Message[]>;
  /** Villages that could not be placed (one warning per old commune). */
  readonly issues: readonly Issue[];
}

/** The keys of an old commune's province, district and commune, joined by a character no name holds ("/" is in names: "Bình/Gia"). */
const oldCommuneKey = (v: { province: string | null; district: string | null; commune: string }): string =>
  [
    v.province ? unitKey("province", v.province) : "",
    v.district ? unitKey("district", v.district) : "",
    unitKey("commune", v.commune),
  ].join("\u0000");

/** A successor of an old unit: the current list row formed from it, with the reference that names it. */
interface Successor {
  readonly row: ExpectedUnitRecord;
  readonly ref: UnitReference;
}

/**
 * Re-aggregates `previous` onto the communes of `current`. `list`: the unit list (dated rows and
 * crosswalk); `date`: the day today's map is taken on (rows not existing then are not successors);
 * `events`: the villages' merges and splits (a village merged into another follows it).
 */
export function remapOntoToday(
  previous: Dataset,
  current: Rollup,
  list: readonly ExpectedUnitRecord[],
  date: string | null,
  events: readonly VillageEvent[] = [],
): Remapped {
  const communes = current.units.filter((u) => u.level === "commune");
  const villageKeys = new Map<string, Set<string>>();
  for (const s of current.villages) {
    let set = villageKeys.get(s.communeId);
    if (!set) villageKeys.set(s.communeId, (set = new Set()));
    set.add(nameKey(s.record.village));
  }
  const targets: Target[] = communes.map((unit) => ({
    unit,
    villageKeys: villageKeys.get(unit.id) ?? new Set(),
  }));
  const currentHasDistricts = communes.some((u) => u.district !== null);
  const provinces = new Set(communes.map((u) => unitKey("province", u.province)));

  // The crosswalk: today's units (rows existing on `date`) formed from older units.
  const byCode = new Map<string, ExpectedUnitRecord>();
  for (const row of list) {
    const code = codeOf(row.code);
    if (code && row.level !== "village") byCode.set(codeKey(code), row);
  }
  const successors: Successor[] = [];
  for (const row of list) {
    if (row.level === "village" || row.level === "province" || !existsOn(row, date)) continue;
    for (const item of row.formedFrom ?? []) {
      let ref = parseReference(item);
      if (ref.code) {
        // A code names an old unit: its row in the list gives its name (and district) for data without codes.
        const old = byCode.get(codeKey(ref.code));
        if (old)
          ref = {
            code: ref.code,
            name: old.unit,
            within: old.district ?? (old.level === "commune" ? (old.parent ?? null) : null),
            level: old.level === "village" ? null : old.level,
          };
      }
      successors.push({ row, ref });
    }
  }
  const targetOfRow = (row: ExpectedUnitRecord): Target | undefined => {
    const code = codeOf(row.code);
    // Its province: the "Tỉnh" cell, else a "Trực thuộc" that names one of today's provinces (after
    // the reform a commune's parent is its province; two provinces may each have a "Xã Tân Tiến").
    const parentKey = row.parent ? unitKey("province", row.parent) : null;
    const province =
      row.province !== null
        ? unitKey("province", row.province)
        : parentKey !== null && provinces.has(parentKey)
          ? parentKey
          : null;
    return (
      (code ? targets.find((t) => sameCode(t.unit.communeCode, code)) : undefined) ??
      targets.find(
        (t) =>
          unitKey("commune", t.unit.name) === unitKey("commune", row.unit) &&
          (province === null || province === unitKey("province", t.unit.province)),
      )
    );
  };

  const refMatches = (ref: UnitReference, v: VillageRecord, level: "commune" | "district"): boolean => {
    if (level === "commune") {
      if (ref.level !== null && ref.level !== "commune") return false;
      if (sameCode(ref.code, v.communeCode)) return true;
      if (ref.name === "") return false;
      if (unitKey("commune", ref.name) !== unitKey("commune", v.commune)) return false;
      return (
        ref.within === null ||
        v.district === null ||
        unitKey("district", ref.within) === unitKey("district", v.district)
      );
    }
    if (ref.level !== "district" || !v.district) return false;
    return (
      sameCode(ref.code, v.communeCode) || unitKey("district", ref.name) === unitKey("district", v.district)
    );
  };

  // Today's communes the list says were formed from other units: a commune of the same name is then
  // a new unit, not the old one continuing (a new "Xã Minh Tân" is not the old Minh Tân).
  const formedTargets = new Set<Target>();
  for (const s of successors) {
    const t = targetOfRow(s.row);
    if (t) formedTargets.add(t);
  }

  /** The current communes an old village's commune became. */
  const candidatesOf = (v: VillageRecord): Target[] => {
    for (const level of ["commune", "district"] as const) {
      const found = new Set<Target>();
      for (const s of successors) {
        if (!refMatches(s.ref, v, level)) continue;
        const t = targetOfRow(s.row);
        if (t) found.add(t);
      }
      if (found.size > 0) {
        // A partial split: new communes formed from part of an old one that still exists; the
        // old commune keeps the villages it still holds, so it stays a candidate.
        for (const t of sameUnit(v)) if (!formedTargets.has(t)) found.add(t);
        return [...found];
      }
    }
    return sameUnit(v);
  };

  /** The current communes of the old commune's code, else of its name (and district, when both have one). */
  const sameUnit = (v: VillageRecord): Target[] => {
    if (v.communeCode) {
      const same = targets.filter((t) => sameCode(t.unit.communeCode, v.communeCode));
      if (same.length > 0) return same;
    }
    const pk = unitKey("province", v.province);
    const ck = unitKey("commune", v.commune);
    return targets.filter(
      (t) =>
        (provinces.size === 1 || unitKey("province", t.unit.province) === pk) &&
        unitKey("commune", t.unit.name) === ck &&
        (!currentHasDistricts ||
          v.district === null ||
          t.unit.district === null ||
          unitKey("district", t.unit.district) === unitKey("district", v.district)),
    );
  };

  const placed: VillageRecord[] = [];
  const placedBy = new Map<string, Target>(); // old commune key + village key → target
  const communeTargets = new Map<string, Set<Target>>(); // old commune key → targets of its villages
  const unplaced = new Map<string, { v: VillageRecord; villages: string[]; candidates: Target[] }>();
  /**
   * Per target: its old communes by key, each with its label, its counts and its own keys, kept
   * apart rather than split out of the joined key again (a name may hold a slash: "Phường 1/5").
   */
  const sources = new Map<
    Target,
    Map<string, { label: string; count: number; crosswalk: number; communeKey: string; inDistrict: boolean }>
  >();

  for (const v of previous.villages) {
    const candidates = candidatesOf(v);
    // The names to look for: its own, and those it was merged into.
    const names = [
      nameKey(v.village),
      ...events
        .filter(
          (e) =>
            nameKey(e.village) === nameKey(v.village) &&
            (e.commune === null ||
              unitKey("commune", e.commune) === unitKey("commune", v.commune) ||
              candidates.some((t) => unitKey("commune", t.unit.name) === unitKey("commune", e.commune!))),
        )
        .flatMap((e) => e.into.map(nameKey)),
    ];
    // An old commune today's map does not know (no crosswalk, no commune of its code or name): its
    // village is looked for in every commune of the province, and placed only where its name is unique.
    const searched =
      candidates.length > 0
        ? candidates
        : targets.filter(
            (t) =>
              provinces.size === 1 ||
              unitKey("province", t.unit.province) === unitKey("province", v.province),
          );
    const holding = searched.filter((t) => names.some((n) => t.villageKeys.has(n)));
    let target: Target | null = null;
    let how: Placement = "village";
    if (holding.length === 1) target = holding[0];
    else if (candidates.length === 1) {
      target = candidates[0];
      how = "crosswalk";
    }
    const ock = oldCommuneKey(v);
    if (!target) {
      const entry = unplaced.get(ock) ?? { v, villages: [], candidates };
      entry.villages.push(v.village);
      unplaced.set(ock, entry);
      continue;
    }
    placedBy.set(`${ock}#${nameKey(v.village)}`, target);
    const set = communeTargets.get(ock) ?? new Set();
    set.add(target);
    communeTargets.set(ock, set);
    const from = sources.get(target) ?? new Map();
    const label = v.district ? `${v.commune} (${v.district})` : v.commune;
    const s = from.get(ock) ?? {
      label,
      count: 0,
      crosswalk: 0,
      communeKey: unitKey("commune", v.commune),
      inDistrict: v.district ? unitKey("district", v.district) !== "" : false,
    };
    s.count++;
    if (how === "crosswalk") s.crosswalk++;
    from.set(ock, s);
    sources.set(target, from);
    placed.push(onTarget(v, target.unit));
  }

  const holders: OfficeHolderRecord[] = [];
  for (const h of previous.officeHolders) {
    const ock = oldCommuneKey(h);
    const byVillage = h.village ? placedBy.get(`${ock}#${nameKey(h.village)}`) : undefined;
    const set = communeTargets.get(ock);
    const target = byVillage ?? (set && set.size === 1 ? [...set][0] : undefined);
    if (target) holders.push(onTarget(h, target.unit));
  }

  const notes = new Map<string, Message[]>();
  for (const [target, from] of sources) {
    // In the order of the old communes' names, not of the rows: the same data in another order says the same.
    const parts = [...from.entries()].sort(
      ([ka, a], [kb, b]) => a.label.localeCompare(b.label, "vi") || (ka < kb ? -1 : ka > kb ? 1 : 0),
    );
    const onlyItself =
      parts.length === 1 &&
      parts[0][1].communeKey === unitKey("commune", target.unit.name) &&
      parts[0][1].crosswalk === 0 &&
      (!parts[0][1].inDistrict || currentHasDistricts);
    if (onlyItself) continue;
    const vi = parts
      .map(
        ([, s]) =>
          `${s.label}: ${s.count} thôn${s.crosswalk > 0 ? ` (${s.crosswalk} không tìm thấy tên thôn, xếp theo đơn vị cũ)` : ""}`,
      )
      .join("; ");
    const en = parts
      .map(
        ([, s]) =>
          `${s.label}: ${s.count} village${s.count === 1 ? "" : "s"}${s.crosswalk > 0 ? ` (${s.crosswalk} not found by name, placed by the old unit)` : ""}`,
      )
      .join("; ");
    notes.set(target.unit.id, [{ vi: `Kỳ trước gồm ${vi}`, en: `Previous period made of ${en}` }]);
  }

  const issues: Issue[] = [];
  for (const { v, villages, candidates } of unplaced.values()) {
    issues.push(
      issue(
        "previous-village-unplaced",
        {
          file: v.source.file,
          sheet: v.source.sheet,
          cell: a1(v.row, v.source.columns.get("commune") ?? 1),
        },
        {
          count: villages.length,
          commune: v.commune,
          villages: villages.slice(0, 10).join(", ") + (villages.length > 10 ? ", …" : ""),
          candidates: candidates.map((t) => t.unit.name).join(", "),
        },
      ),
    );
  }

  return {
    dataset: { ...previous, villages: placed, officeHolders: holders, expectedUnits: [], issues: [] },
    notes,
    issues,
  };
}

/**
 * A code without its leading zeros: Excel drops them from a code typed as a number (01111 → 1111),
 * and a unit's code has one length per level, so "01111" and 1111 are the same commune.
 */
function codeKey(code: string): string {
  return code.trim().replace(/^0+(?=\d)/, "");
}

/** True when both codes are given and the same, leading zeros aside. */
function sameCode(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && codeKey(a) === codeKey(b);
}

/** A record moved onto a current commune: its province, district and commune names (and code) become the commune's. */
function onTarget<R extends { province: string | null; district: string | null; commune: string }>(
  record: R,
  unit: UnitRollup,
): R {
  const moved = { ...record, province: unit.province, district: unit.district, commune: unit.name };
  if ("communeCode" in record)
    (moved as unknown as { communeCode: string | null }).communeCode = unit.communeCode;
  return moved;
}
