import { MAIN_INDICATOR } from "../../../src/core/indicators";
import type { OfficeHolderRecord } from "../../../src/core/model";
import type { RankedVillage, RankReason } from "../../../src/core/plan/ranking";
import type { Rollup, VillageStatus } from "../../../src/core/rollup/types";
import { nameKey, unitKey } from "../../../src/core/text/normalize";
import { personKey } from "../../../src/core/text/personName";

/**
 * The plain definition of `rankVillages` (its first version, written for clarity: lists filtered per
 * village, keys computed per use), kept as the reference the faster one is checked against.
 */
export function rankVillagesReference(
  rollup: Rollup,
  officeHolders: readonly OfficeHolderRecord[],
): RankedVillage[] {
  const placeKey = (commune: string, village: string): string =>
    `${unitKey("commune", commune)}|${nameKey(village)}`;
  const deadlineFor = (communeId: string): string | null => {
    const byId = new Map(rollup.units.map((u) => [u.id, u]));
    let id: string | null = communeId;
    let found: string | null = null;
    while (id !== null && found === null) {
      const u = byId.get(id);
      if (!u) break;
      found = u.assessments[MAIN_INDICATOR]?.deadline ?? null;
      id = u.parentId;
    }
    return found ?? rollup.total.assessments[MAIN_INDICATOR]?.deadline ?? null;
  };
  const holdersAt = new Map<string, OfficeHolderRecord[]>();
  for (const h of officeHolders) {
    if (h.village === null) continue;
    const key = placeKey(h.commune, h.village);
    holdersAt.set(key, [...(holdersAt.get(key) ?? []), h]);
  }
  const out = rollup.villages
    .filter((v) => v.consolidated !== true)
    .map((v): { village: VillageStatus; reasons: RankReason[] } => {
      const reasons: RankReason[] = [];
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
      const deadline = deadlineFor(v.communeId);
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
