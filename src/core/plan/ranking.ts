import { MAIN_INDICATOR } from "../indicators";
import type { OfficeHolderRecord } from "../model";
import type { Rollup, VillageStatus } from "../rollup/types";
import { nameKey, unitKey } from "../text/normalize";
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

function placeKey(commune: string, village: string): string {
  return `${unitKey("commune", commune)}|${nameKey(village)}`;
}

/** The deadline that applies to a commune: its own target's, else the nearest ancestor's. */
function deadlineFor(rollup: Rollup, communeId: string, cache: Map<string, string | null>): string | null {
  const cached = cache.get(communeId);
  if (cached !== undefined) return cached;
  const byId = new Map(rollup.units.map((u) => [u.id, u]));
  let id: string | null = communeId;
  let found: string | null = null;
  while (id !== null && found === null) {
    const u = byId.get(id);
    if (!u) break;
    found = u.assessments[MAIN_INDICATOR]?.deadline ?? null;
    id = u.parentId;
  }
  found ??= rollup.total.assessments[MAIN_INDICATOR]?.deadline ?? null;
  cache.set(communeId, found);
  return found;
}

/**
 * The villages not yet consolidated (or unknown), each with its reasons and its rank. `villages`
 * come back in the order given; ranks are 1..k over the villages with at least one reason.
 */
export function rankVillages(rollup: Rollup, officeHolders: readonly OfficeHolderRecord[]): RankedVillage[] {
  const holdersAt = new Map<string, OfficeHolderRecord[]>();
  for (const h of officeHolders) {
    if (h.village === null) continue;
    const key = placeKey(h.commune, h.village);
    const list = holdersAt.get(key);
    if (list) list.push(h);
    else holdersAt.set(key, [h]);
  }
  const deadlines = new Map<string, string | null>();
  const out = rollup.villages
    .filter((v) => v.consolidated !== true)
    .map((v): { village: VillageStatus; reasons: RankReason[] } => {
      const reasons: RankReason[] = [];
      // Same commune and village name, and the same district and province when both sides give
      // them: "Xã Minh Tân / Thôn 1" exists in more than one district of a province.
      const holders = (holdersAt.get(placeKey(v.record.commune, v.record.village)) ?? []).filter(
        (h) =>
          (h.district === null ||
            v.record.district === null ||
            unitKey("district", h.district) === unitKey("district", v.record.district)) &&
          (h.province === null || unitKey("province", h.province) === unitKey("province", v.record.province)),
      );
      const secretary = v.secretaryName ? personKey(v.secretaryName) : null;
      const head = v.headName ? personKey(v.headName) : null;
      const same = (h: OfficeHolderRecord, key: string | null): boolean =>
        key !== null && key !== "" && personKey(h.fullName) === key;
      const frontBySheet =
        secretary !== null && v.record.frontHead !== null && personKey(v.record.frontHead) === secretary;
      const frontByHolders = holders.some(
        (h) => h.posts.includes("cellSecretary") && h.posts.includes("frontHead"),
      );
      if (frontBySheet || frontByHolders) reasons.push({ kind: "front" });
      const headHolders = holders.filter((h) => h.posts.includes("villageHead") || same(h, head));
      if (headHolders.some((h) => h.posts.includes("cellDeputySecretary")))
        reasons.push({ kind: "headMember" });
      const deadline = deadlineFor(rollup, v.communeId, deadlines);
      if (deadline !== null) {
        const ends = (who: "head" | "secretary", list: readonly OfficeHolderRecord[]): void => {
          const dates = list
            .map((h) => h.termEnd ?? null)
            .filter((d): d is string => d !== null && d <= deadline)
            .sort();
          if (dates.length > 0) reasons.push({ kind: "termEnds", who, date: dates[0] });
        };
        ends("head", headHolders);
        ends(
          "secretary",
          holders.filter((h) => h.posts.includes("cellSecretary") || same(h, secretary)),
        );
      }
      return { village: v, reasons };
    });
  const order = out
    .map((x, i) => ({ i, score: x.reasons.length }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.i - b.i);
  const rank = new Map(order.map((x, k) => [x.i, k + 1]));
  return out.map((x, i) => ({ village: x.village, reasons: x.reasons, rank: rank.get(i) ?? null }));
}
