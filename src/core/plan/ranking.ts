import { MAIN_INDICATOR } from "../indicators";
import type { OfficeHolderRecord } from "../model";
import type { Rollup, UnitRollup, VillageStatus } from "../rollup/types";
import { keyEachOnce, nameKey, unitKey } from "../text/normalize";
import { personKey } from "../text/personName";

/**
 * Where to look first (issue 15): the villages not yet consolidated, ranked by how close they are
 * to it. A village is closer for each of these, all from the data the clerk already keeps:
 * - `front`: the cell secretary already heads the village Front committee (the Villages sheet's
 *   Front-head column names the secretary, or one office-holder row holds both posts): he or she
 *   already holds one of the village's paid posts beside the cell (Decree 33/2023, art. 33(6));
 * - `headMember`: the village head is a party member: the office-holders show the head also holding
 *   a post in the party cell (deputy secretary), so the head could be elected secretary;
 * - `termEnds`: the village head's or the secretary's term ends on or before the deadline of the
 *   target (the optional "Nhiệm kỳ đến" column of the Office-holders sheet): the next election is
 *   the moment to consolidate.
 * Villages with more reasons come first; among equals, the order of the sheet (commune by commune).
 */

export type RankReason =
  | { readonly kind: "front" }
  | { readonly kind: "headMember" }
  | { readonly kind: "termEnds"; readonly who: "head" | "secretary"; readonly date: string };

export interface RankedVillage {
  readonly village: VillageStatus;
  /** 1 = look first; null when no reason applies. */
  readonly rank: number | null;
  readonly reasons: readonly RankReason[];
}

/**
 * The villages not yet consolidated (or unknown), each with its reasons and its rank. `villages`
 * come back in the order given; ranks are 1..k over the villages with at least one reason.
 *
 * One pass over the office-holders finds the rows of the villages to rank (rows of a village are
 * usually consecutive, so most rows reuse the previous row's place); the keys are computed once per
 * distinct text; each village then looks at its own rows once, without building lists.
 */
export function rankVillages(rollup: Rollup, officeHolders: readonly OfficeHolderRecord[]): RankedVillage[] {
  const pending = rollup.villages.filter((v) => v.consolidated !== true);
  const keys = new LocalKeys();
  // Office-holders by commune key, then by village key, only at the places of the pending villages.
  const places = new Map<string, Map<string, OfficeHolderRecord[]>>();
  const holdersOf = pending.map((v) => {
    const communeKey = keys.unit("commune", v.record.commune);
    let byVillage = places.get(communeKey);
    if (!byVillage) {
      byVillage = new Map();
      places.set(communeKey, byVillage);
    }
    const villageKey = keys.name(v.record.village);
    let list = byVillage.get(villageKey);
    if (!list) {
      list = [];
      byVillage.set(villageKey, list);
    }
    return list;
  });
  // The same places by the texts as written (commune, then village): rows repeat them.
  const byText = new Map<string, Map<string, OfficeHolderRecord[] | null>>();
  let lastCommune: string | null = null;
  let lastVillage: string | null = null;
  let villagesOfCommune: Map<string, OfficeHolderRecord[] | null> | undefined;
  let list: OfficeHolderRecord[] | null | undefined = null;
  for (const h of officeHolders) {
    if (h.village === null || !mayGiveReason(h)) continue;
    if (h.commune !== lastCommune) {
      lastCommune = h.commune;
      lastVillage = null;
      villagesOfCommune = byText.get(h.commune);
      if (!villagesOfCommune) {
        villagesOfCommune = new Map();
        byText.set(h.commune, villagesOfCommune);
      }
    }
    if (h.village !== lastVillage) {
      lastVillage = h.village;
      list = villagesOfCommune!.get(h.village);
      if (list === undefined) {
        list = places.get(keys.unit("commune", h.commune))?.get(keys.name(h.village)) ?? null;
        villagesOfCommune!.set(h.village, list);
      }
    }
    list?.push(h);
  }
  const deadlines = new Deadlines(rollup);
  const out = pending.map((v, i): { village: VillageStatus; reasons: RankReason[] } => {
    const record = v.record;
    // The name of a holder is compared with the village's (as keys) only when it can matter.
    const same = (h: OfficeHolderRecord, name: string | null): boolean => {
      if (!name) return false;
      const key = keys.person(name);
      return key !== "" && keys.person(h.fullName) === key;
    };
    const deadline = deadlines.of(v.communeId);
    let front =
      !!v.secretaryName &&
      record.frontHead !== null &&
      keys.person(record.frontHead) === keys.person(v.secretaryName);
    let headMember = false;
    let headEnds: string | null = null;
    let secretaryEnds: string | null = null;
    for (const h of holdersOf[i]) {
      // Same commune and village name, and the same district and province when both sides give
      // them: "Xã Minh Tân / Thôn 1" exists in more than one district of a province.
      if (
        !(
          h.district === null ||
          record.district === null ||
          keys.sameUnit("district", h.district, record.district)
        ) ||
        !(h.province === null || keys.sameUnit("province", h.province, record.province))
      )
        continue;
      const posts = h.posts;
      if (posts.includes("cellSecretary") && posts.includes("frontHead")) front = true;
      const deputy = posts.includes("cellDeputySecretary");
      const ends = h.termEnd ?? null;
      const dated = deadline !== null && ends !== null && ends <= deadline;
      // The name is compared only where it can change a reason.
      if (!deputy && !dated) continue;
      const isHead = posts.includes("villageHead") || same(h, v.headName);
      if (isHead && deputy) headMember = true;
      if (!dated) continue;
      if (isHead && (headEnds === null || ends < headEnds)) headEnds = ends;
      if (
        (posts.includes("cellSecretary") || same(h, v.secretaryName)) &&
        (secretaryEnds === null || ends < secretaryEnds)
      )
        secretaryEnds = ends;
    }
    const reasons: RankReason[] = [];
    if (front) reasons.push({ kind: "front" });
    if (headMember) reasons.push({ kind: "headMember" });
    if (headEnds !== null) reasons.push({ kind: "termEnds", who: "head", date: headEnds });
    if (secretaryEnds !== null) reasons.push({ kind: "termEnds", who: "secretary", date: secretaryEnds });
    return { village: v, reasons };
  });
  const order = out
    .map((x, i) => ({ i, score: x.reasons.length }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.i - b.i);
  const rank = new Array<number | null>(out.length).fill(null);
  order.forEach((x, k) => (rank[x.i] = k + 1));
  return out.map((x, i) => ({ village: x.village, reasons: x.reasons, rank: rank[i] }));
}

/**
 * Whether an office-holder's row can give its village a reason: it holds both the cell and the
 * Front posts, or is a deputy secretary, or has a term end. Other rows change nothing and are
 * not looked at (three rows in four at country size).
 */
function mayGiveReason(h: OfficeHolderRecord): boolean {
  const posts = h.posts;
  return (
    (posts.includes("cellSecretary") && posts.includes("frontHead")) ||
    posts.includes("cellDeputySecretary") ||
    (h.termEnd ?? null) !== null
  );
}

/** The deadline that applies to a commune: its own target's, else the nearest ancestor's; once per commune. */
class Deadlines {
  private readonly byCommune = new Map<string, string | null>();
  private byId: Map<string, UnitRollup> | null = null;

  constructor(private readonly rollup: Rollup) {}

  of(communeId: string): string | null {
    const cached = this.byCommune.get(communeId);
    if (cached !== undefined) return cached;
    this.byId ??= new Map(this.rollup.units.map((u) => [u.id, u]));
    let id: string | null = communeId;
    let found: string | null = null;
    while (id !== null && found === null) {
      const u = this.byId.get(id);
      if (!u) break;
      found = u.assessments[MAIN_INDICATOR]?.deadline ?? null;
      id = u.parentId;
    }
    found ??= this.rollup.total.assessments[MAIN_INDICATOR]?.deadline ?? null;
    this.byCommune.set(communeId, found);
    return found;
  }
}

/**
 * The keys of one ranking, each computed once per distinct text (`keyEachOnce`): the shared
 * bounded caches of `unitKey`, `nameKey` and `personKey` are emptied when full, and a country has
 * more distinct names than they hold.
 */
class LocalKeys {
  private readonly units = {
    province: keyEachOnce((t) => unitKey("province", t)),
    district: keyEachOnce((t) => unitKey("district", t)),
    commune: keyEachOnce((t) => unitKey("commune", t)),
  };
  readonly name = keyEachOnce(nameKey);
  readonly person = keyEachOnce(personKey);

  unit(level: "province" | "district" | "commune", text: string): string {
    return this.units[level](text);
  }

  /** Whether two unit names of a level have one key (equal texts always do). */
  sameUnit(level: "province" | "district" | "commune", a: string, b: string): boolean {
    return a === b || this.unit(level, a) === this.unit(level, b);
  }
}
