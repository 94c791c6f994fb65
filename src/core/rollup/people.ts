import type { OfficeHolderRecord } from "../model";
import type { PostId } from "../schema/posts";
import { postSpec } from "../schema/posts";
import { nameKey } from "../text/normalize";

/** One person, with every post they hold (from one or several rows). */
export interface Person {
  readonly key: string;
  readonly communeId: string;
  readonly name: string;
  readonly posts: Set<PostId>;
  /** Name keys of the villages where this person holds a village post. */
  readonly villages: Set<string>;
  readonly records: OfficeHolderRecord[];
}

/** Office-holders of one village, by post. */
export interface VillagePosts {
  readonly secretaries: Person[];
  readonly heads: Person[];
  readonly frontHeads: Person[];
}

export interface People {
  readonly persons: readonly Person[];
  /** Persons per commune id. */
  readonly byCommune: ReadonlyMap<string, readonly Person[]>;
  /** Key `${communeId}|${nameKey(village)}`. */
  readonly byVillage: ReadonlyMap<string, VillagePosts>;
}

export function villagePostsKey(communeId: string, village: string): string {
  return `${communeId}|${nameKey(village)}`;
}

/**
 * Groups office-holder rows into persons: one person = the same person ID, or without an ID the
 * same normalised name in the same commune.
 */
export function groupPeople(holders: readonly OfficeHolderRecord[], communeIds: readonly string[]): People {
  const byKey = new Map<string, Person>();
  const persons: Person[] = [];
  const byCommune = new Map<string, Person[]>();
  const byVillage = new Map<string, VillagePosts>();
  holders.forEach((h, i) => {
    const communeId = communeIds[i];
    const key = h.personId
      ? `id:${h.personId.trim().toUpperCase()}`
      : `name:${communeId}|${nameKey(h.fullName)}`;
    let person = byKey.get(key);
    if (!person) {
      person = { key, communeId, name: h.fullName, posts: new Set(), villages: new Set(), records: [] };
      byKey.set(key, person);
      persons.push(person);
      const list = byCommune.get(communeId) ?? [];
      list.push(person);
      byCommune.set(communeId, list);
    }
    person.records.push(h);
    for (const post of h.posts) {
      person.posts.add(post);
      if (postSpec(post).level !== "village" || !h.village) continue;
      person.villages.add(nameKey(h.village));
      const vk = villagePostsKey(communeId, h.village);
      const posts = byVillage.get(vk) ?? { secretaries: [], heads: [], frontHeads: [] };
      const list =
        post === "cellSecretary"
          ? posts.secretaries
          : post === "villageHead"
            ? posts.heads
            : post === "frontHead"
              ? posts.frontHeads
              : null;
      if (list && !list.includes(person)) list.push(person);
      byVillage.set(vk, posts);
    }
  });
  return { persons, byCommune, byVillage };
}

/** The first non-null value of a field over a person's rows. */
export function firstOf<K extends keyof OfficeHolderRecord>(
  person: Person,
  key: K,
): OfficeHolderRecord[K] | null {
  for (const r of person.records) if (r[key] !== null) return r[key];
  return null;
}
