import type { OfficeHolderRecord } from "../model";
import type { PostId } from "../schema/posts";
import { postSpec } from "../schema/posts";
import { nameKey } from "../text/normalize";
import { personKey } from "../text/personName";

/** One person, with every post they hold (from one or several rows). */
export interface Person {
  readonly key: string;
  readonly communeId: string;
  readonly name: string;
  /** Every post held, each once, in order of first appearance (a person rarely holds more than three). */
  readonly posts: PostId[];
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
  /** Office-holders of each village, by commune id and then by `nameKey` of the village. */
  readonly byVillage: ReadonlyMap<string, ReadonlyMap<string, VillagePosts>>;
}

/** The office-holders of a village, if any. */
export function villagePosts(people: People, communeId: string, village: string): VillagePosts | undefined {
  return people.byVillage.get(communeId)?.get(nameKey(village));
}

/**
 * Groups office-holder rows into persons: one person = the same person ID, or without an ID the
 * same normalised name (forms of address such as "Đ/c" ignored) in the same commune. Maps are nested (commune, then name) rather than keyed
 * by a joined string, so that 300,000 rows build no key strings: the commune ids and name keys are
 * strings that already exist.
 */
export function groupPeople(holders: readonly OfficeHolderRecord[], communeIds: readonly string[]): People {
  const byId = new Map<string, Person>();
  const byName = new Map<string, Map<string, Person>>();
  const persons: Person[] = [];
  const byCommune = new Map<string, Person[]>();
  const byVillage = new Map<string, Map<string, VillagePosts>>();
  // Keys of this call's names, each distinct text keyed once: the shared bounded caches of
  // `personKey` and `nameKey` are emptied when full, and a country's ~300,000 office-holders
  // carry more distinct names than they hold, so without this most rows would key their name again.
  const personKeys = new Map<string, string>();
  const villageKeys = new Map<string, string>();
  holders.forEach((h, i) => {
    const communeId = communeIds[i];
    let person: Person | undefined;
    let id: string | null = null;
    let names: Map<string, Person> | undefined;
    let name = "";
    if (h.personId) {
      id = h.personId.trim().toUpperCase();
      person = byId.get(id);
    } else {
      const known = personKeys.get(h.fullName);
      if (known !== undefined) name = known;
      else {
        name = personKey(h.fullName);
        personKeys.set(h.fullName, name);
      }
      names = byName.get(communeId);
      if (!names) {
        names = new Map();
        byName.set(communeId, names);
      }
      person = names.get(name);
    }
    if (!person) {
      const key = id !== null ? `id:${id}` : `name:${communeId}|${name}`;
      person = { key, communeId, name: h.fullName, posts: [], records: [] };
      if (id !== null) byId.set(id, person);
      else names!.set(name, person);
      persons.push(person);
      const list = byCommune.get(communeId);
      if (list) list.push(person);
      else byCommune.set(communeId, [person]);
    }
    person.records.push(h);
    for (const post of h.posts) {
      if (!person.posts.includes(post)) person.posts.push(post);
      if (!h.village || postSpec(post).level !== "village") continue;
      let villages = byVillage.get(communeId);
      if (!villages) {
        villages = new Map();
        byVillage.set(communeId, villages);
      }
      let village = villageKeys.get(h.village);
      if (village === undefined) {
        village = nameKey(h.village);
        villageKeys.set(h.village, village);
      }
      let posts = villages.get(village);
      if (!posts) {
        posts = { secretaries: [], heads: [], frontHeads: [] };
        villages.set(village, posts);
      }
      const list: Person[] | null =
        post === "cellSecretary"
          ? posts.secretaries
          : post === "villageHead"
            ? posts.heads
            : post === "frontHead"
              ? posts.frontHeads
              : null;
      if (list && !list.includes(person)) list.push(person);
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
