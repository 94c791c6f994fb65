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
 * usually consecutive, so most rows reuse the previous row's place; a place written as a village
 * writes it is found by its texts, without keys); the keys are computed once per distinct text;
 * each village then looks at its own rows once, without building lists.
 */
export function rankVillages(rollup: Rollup, officeHolders: readonly OfficeHolderRecord[]): RankedVillage[] {
  const pending: VillageStatus[] = [];
  const villages = rollup.villages;
  for (let i = 0; i < villages.length; i++) if (villages[i].consolidated !== true) pending.push(villages[i]);
  const keys = new LocalKeys();
  const places = new Places(keys);
  const holdersOf = places.ofVillages(pending);
  places.collect(officeHolders);
  const deadlines = new Deadlines(rollup);
  const reasonsOf = new Array<readonly RankReason[]>(pending.length);
  // How many villages have each number of reasons (1 to 4), for the ranks below.
  const withScore = [0, 0, 0, 0, 0];
  for (let i = 0; i < pending.length; i++) {
    const reasons = villageReasons(pending[i], holdersOf[i], deadlines, keys);
    reasonsOf[i] = reasons;
    withScore[reasons.length]++;
  }
  // Ranks: more reasons first, then the order given (a stable sort on the score, without sorting):
  // a village's rank is 1 + the villages with more reasons + those before it with as many.
  const next = [0, 0, 0, 0, 0];
  for (let s = 3; s >= 1; s--) next[s] = next[s + 1] + withScore[s + 1];
  const out = new Array<RankedVillage>(pending.length);
  for (let i = 0; i < pending.length; i++) {
    const reasons = reasonsOf[i];
    const score = reasons.length;
    out[i] = { village: pending[i], reasons, rank: score > 0 ? ++next[score] : null };
  }
  return out;
}

/** Reasons made once: they carry nothing of their village. */
const FRONT: RankReason = { kind: "front" };
const HEAD_MEMBER: RankReason = { kind: "headMember" };
const NO_REASONS: readonly RankReason[] = [];

/** A village's reasons, in the order front, head member, head's term, secretary's term. */
function villageReasons(
  v: VillageStatus,
  holders: readonly OfficeHolderRecord[],
  deadlines: Deadlines,
  keys: LocalKeys,
): readonly RankReason[] {
  const record = v.record;
  const deadline = deadlines.of(v.communeId);
  let front =
    !!v.secretaryName &&
    record.frontHead !== null &&
    (record.frontHead === v.secretaryName || keys.person(record.frontHead) === keys.person(v.secretaryName));
  let headMember = false;
  let headEnds: string | null = null;
  let secretaryEnds: string | null = null;
  for (let k = 0; k < holders.length; k++) {
    const h = holders[k];
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
    const isHead = posts.includes("villageHead") || samePerson(keys, h, v.headName);
    if (isHead && deputy) headMember = true;
    if (!dated) continue;
    if (isHead && (headEnds === null || ends < headEnds)) headEnds = ends;
    if (
      (posts.includes("cellSecretary") || samePerson(keys, h, v.secretaryName)) &&
      (secretaryEnds === null || ends < secretaryEnds)
    )
      secretaryEnds = ends;
  }
  if (!front && !headMember && headEnds === null && secretaryEnds === null) return NO_REASONS;
  const reasons: RankReason[] = [];
  if (front) reasons.push(FRONT);
  if (headMember) reasons.push(HEAD_MEMBER);
  if (headEnds !== null) reasons.push({ kind: "termEnds", who: "head", date: headEnds });
  if (secretaryEnds !== null) reasons.push({ kind: "termEnds", who: "secretary", date: secretaryEnds });
  return reasons;
}

/** Whether a holder's name is the village's (as person keys); false without a name. */
function samePerson(keys: LocalKeys, h: OfficeHolderRecord, name: string | null): boolean {
  if (!name) return false;
  const key = keys.person(name);
  return key !== "" && keys.person(h.fullName) === key;
}

/**
 * The office-holders' rows at the places of the villages to rank: by commune key and village key,
 * and the same places by the texts as written (commune, then village; null: not a place of a
 * village to rank), which the villages and most rows repeat.
 */
class Places {
  private readonly byKey = new Map<string, Map<string, OfficeHolderRecord[]>>();
  private readonly byText = new Map<string, Map<string, OfficeHolderRecord[] | null>>();
  private lastCommune: string | null = null;
  private ofCommune: Map<string, OfficeHolderRecord[] | null> | undefined;

  constructor(private readonly keys: LocalKeys) {}

  /** Each village's list of rows (villages at one place share theirs), empty until `collect`. */
  ofVillages(villages: readonly VillageStatus[]): OfficeHolderRecord[][] {
    const out = new Array<OfficeHolderRecord[]>(villages.length);
    for (let i = 0; i < villages.length; i++) {
      const record = villages[i].record;
      const texts = this.communeTexts(record.commune);
      let list = texts.get(record.village);
      if (!list) {
        const communeKey = this.keys.unit("commune", record.commune);
        let byVillage = this.byKey.get(communeKey);
        if (!byVillage) this.byKey.set(communeKey, (byVillage = new Map()));
        const villageKey = this.keys.name(record.village);
        list = byVillage.get(villageKey);
        if (!list) byVillage.set(villageKey, (list = []));
        texts.set(record.village, list);
      }
      out[i] = list;
    }
    return out;
  }

  /** Adds every row that can give a reason to the list of its place. */
  collect(officeHolders: readonly OfficeHolderRecord[]): void {
    let lastVillage: string | null = null;
    let lastCommune: string | null = null;
    let list: OfficeHolderRecord[] | null | undefined = null;
    for (let i = 0; i < officeHolders.length; i++) {
      const h = officeHolders[i];
      if (h.village === null || !mayGiveReason(h)) continue;
      if (h.village !== lastVillage || h.commune !== lastCommune) {
        lastVillage = h.village;
        lastCommune = h.commune;
        const texts = this.communeTexts(h.commune);
        list = texts.get(h.village);
        if (list === undefined) {
          list = this.byKey.get(this.keys.unit("commune", h.commune))?.get(this.keys.name(h.village)) ?? null;
          texts.set(h.village, list);
        }
      }
      list?.push(h);
    }
  }

  /** The places of a commune by village text (the last commune asked is kept). */
  private communeTexts(commune: string): Map<string, OfficeHolderRecord[] | null> {
    if (commune === this.lastCommune) return this.ofCommune!;
    this.lastCommune = commune;
    let texts = this.byText.get(commune);
    if (!texts) this.byText.set(commune, (texts = new Map()));
    return (this.ofCommune = texts);
  }
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

  private lastId: string | null = null;
  private lastDeadline: string | null = null;

  constructor(private readonly rollup: Rollup) {}

  of(communeId: string): string | null {
    // Villages of a commune follow one another.
    if (communeId === this.lastId) return this.lastDeadline;
    this.lastId = communeId;
    return (this.lastDeadline = this.find(communeId));
  }

  private find(communeId: string): string | null {
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
