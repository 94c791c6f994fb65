import type { VillageRecord } from "../model";
import { villageKey } from "../read/readWorkbook";

export interface VillageFieldChange {
  readonly village: VillageRecord;
  readonly field: "consolidatedFlag" | "secretary" | "head" | "hasOwnCell" | "partyMembers";
  readonly before: string | number | boolean | null;
  readonly after: string | number | boolean | null;
}

/** What re-importing a unit's submission would change, shown to the clerk before it is applied. */
export interface SubmissionDiff {
  readonly added: readonly VillageRecord[];
  readonly removed: readonly VillageRecord[];
  readonly changed: readonly VillageFieldChange[];
}

const FIELDS: readonly VillageFieldChange["field"][] = [
  "consolidatedFlag",
  "secretary",
  "head",
  "hasOwnCell",
  "partyMembers",
];

/** Villages added, removed, and fields changed between a unit's current rows and its new submission. */
export function diffVillages(
  current: readonly VillageRecord[],
  incoming: readonly VillageRecord[],
): SubmissionDiff {
  const before = new Map(current.map((v) => [villageKey(v), v]));
  const after = new Map(incoming.map((v) => [villageKey(v), v]));
  const added = incoming.filter((v) => !before.has(villageKey(v)));
  const removed = current.filter((v) => !after.has(villageKey(v)));
  const changed: VillageFieldChange[] = [];
  for (const [key, v] of after) {
    const old = before.get(key);
    if (!old) continue;
    for (const field of FIELDS) {
      if (old[field] !== v[field]) changed.push({ village: v, field, before: old[field], after: v[field] });
    }
  }
  return { added, removed, changed };
}
