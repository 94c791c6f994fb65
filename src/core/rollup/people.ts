import type { OfficeHolderRecord } from "../model";
import type { PostId } from "../schema/posts";
import { POSTS } from "../schema/posts";
import { keyEachOnce, nameKey } from "../text/normalize";
import { PersonNames } from "../text/personName";

/** One person, with every post they hold (from one or several rows). */
export interface Person {
  readonly communeId: string;
  readonly name: string;
  /**
   * Every post held, each once, in order of first appearance (a person rarely holds more than
   * three). The first row's own list while no other row adds a post.
   */
  readonly posts: readonly PostId[];
  /** The person's first row. */
  readonly first: OfficeHolderRecord;
  /** Every row of the person, in order, when there are several; null for one row (most persons). */
  readonly records: readonly OfficeHolderRecord[] | null;
}

/** Every row of a person, in order. */
export function recordsOf(person: Person): readonly OfficeHolderRecord[] {
  return person.records ?? [person.first];
}

/** Office-holders of one village, by post (each person once per post, in order of their rows). */
export interface VillagePosts {
  readonly secretaries: readonly Person[];
  readonly heads: readonly Person[];
  readonly frontHeads: readonly Person[];
}

export interface People {
  readonly persons: readonly Person[];
  /** Persons per commune id. */
  readonly byCommune: ReadonlyMap<string, readonly Person[]>;
  /** Office-holders of each village, by commune id and then by `nameKey` of the village. */
  readonly byVillage: ReadonlyMap<string, ReadonlyMap<string, VillagePosts>>;
  /** `nameKey` of a village name, once per distinct text over the rows and the lookups. */
  readonly villageKey: (village: string) => string;
}

/** The office-holders of a village, if any. */
export function villagePosts(people: People, communeId: string, village: string): VillagePosts | undefined {
  return people.byVillage.get(communeId)?.get(people.villageKey(village));
}

const VILLAGE_LEVEL: ReadonlySet<PostId> = new Set(
  POSTS.filter((p) => p.level === "village").map((p) => p.id),
);

interface MutablePerson {
  readonly communeId: string;
  readonly name: string;
  posts: readonly PostId[];
  readonly first: OfficeHolderRecord;
  records: OfficeHolderRecord[] | null;
}

/** `VillagePosts` while being built: a list stays the shared empty one until a holder is added. */
interface MutableVillagePosts {
  secretaries: Person[];
  heads: Person[];
  frontHeads: Person[];
}

/** The list of a post no one holds yet, shared by every village (never pushed to). */
const NOBODY: Person[] = [];

/**
 * Adds a holder to a village's list of one post (once). A list of one is made as a literal of one:
 * pushing onto an empty array reserves room for 17, and a country has 300,000 such lists.
 */
function addHolder(posts: MutableVillagePosts, post: PostId, person: Person): void {
  const field =
    post === "cellSecretary"
      ? "secretaries"
      : post === "villageHead"
        ? "heads"
        : post === "frontHead"
          ? "frontHeads"
          : null;
  if (field === null) return;
  const list = posts[field];
  if (list === NOBODY) posts[field] = [person];
  else if (!list.includes(person)) list.push(person);
}

/**
 * The key of a person ID: trimmed, upper case. An ID that is already so (printable ASCII without
 * lower-case letters: the usual "LS-000123") is its own key, without making a new string per row.
 */
export function personIdKey(id: string): string {
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c <= 32 || c >= 127 || (c >= 97 && c <= 122)) return id.trim().toUpperCase();
  }
  return id;
}

/** A list of posts without repeats: the list itself when it has none (the usual case). */
function distinctPosts(posts: readonly PostId[]): readonly PostId[] {
  for (let i = 1; i < posts.length; i++) {
    if (posts.lastIndexOf(posts[i], i - 1) >= 0) return [...new Set(posts)];
  }
  return posts;
}

/**
 * Groups office-holder rows into persons: one person = the same person ID, or without an ID the
 * same normalised name (forms of address such as "Đ/c" ignored) in the same commune. Maps are
 * nested (commune, then name) rather than keyed by a joined string, so that 300,000 rows build no
 * key strings: the commune ids and name keys are strings that already exist. Rows of one commune
 * and of one village usually follow each other: the previous row's commune and village structures
 * are reused without a lookup.
 */
export function groupPeople(
  holders: readonly OfficeHolderRecord[],
  communeIds: readonly string[],
  personNames: PersonNames = new PersonNames(),
): People {
  const byId = new Map<string, MutablePerson>();
  const byName = new Map<string, Map<string, MutablePerson>>();
  const persons: MutablePerson[] = [];
  const byCommune = new Map<string, MutablePerson[]>();
  const byVillage = new Map<string, Map<string, MutableVillagePosts>>();
  // Keys of this call's village names, each distinct text keyed once (`personNames` does the same for
  // persons): the shared bounded caches of `nameKey` and `personKey` are emptied when full.
  const villageKey = keyEachOnce(nameKey);
  // The previous row's commune and village, with their structures (created when first needed).
  let communeId: string | undefined;
  let names: Map<string, MutablePerson> | undefined;
  let communePersons: MutablePerson[] | undefined;
  let villages: Map<string, MutableVillagePosts> | undefined;
  let villageText: string | null = null;
  let villagePostsOfRow: MutableVillagePosts | undefined;
  for (let i = 0; i < holders.length; i++) {
    const h = holders[i];
    if (communeIds[i] !== communeId) {
      communeId = communeIds[i];
      names = byName.get(communeId);
      communePersons = byCommune.get(communeId);
      villages = byVillage.get(communeId);
      villageText = null;
      villagePostsOfRow = undefined;
    }
    let person: MutablePerson | undefined;
    let id: string | null = null;
    let name = "";
    if (h.personId) {
      id = personIdKey(h.personId);
      person = byId.get(id);
    } else {
      name = personNames.key(h.fullName);
      if (!names) {
        names = new Map();
        byName.set(communeId, names);
      }
      person = names.get(name);
    }
    if (!person) {
      person = { communeId, name: h.fullName, posts: distinctPosts(h.posts), first: h, records: null };
      if (id !== null) byId.set(id, person);
      else names!.set(name, person);
      persons.push(person);
      if (communePersons) communePersons.push(person);
      else {
        communePersons = [person];
        byCommune.set(communeId, communePersons);
      }
    } else {
      if (person.records) person.records.push(h);
      else person.records = [person.first, h];
      for (const post of h.posts) {
        if (!person.posts.includes(post)) person.posts = [...person.posts, post];
      }
    }
    if (!h.village) continue;
    for (const post of h.posts) {
      if (!VILLAGE_LEVEL.has(post)) continue;
      if (h.village !== villageText || !villagePostsOfRow) {
        if (!villages) {
          villages = new Map();
          byVillage.set(communeId, villages);
        }
        const village = villageKey(h.village);
        villagePostsOfRow = villages.get(village);
        if (!villagePostsOfRow) {
          villagePostsOfRow = { secretaries: NOBODY, heads: NOBODY, frontHeads: NOBODY };
          villages.set(village, villagePostsOfRow);
        }
        villageText = h.village;
      }
      addHolder(villagePostsOfRow, post, person);
    }
  }
  return { persons, byCommune, byVillage, villageKey };
}

/** The first non-null value of a field over a person's rows. */
export function firstOf<K extends keyof OfficeHolderRecord>(
  person: Person,
  key: K,
): OfficeHolderRecord[K] | null {
  if (person.first[key] !== null) return person.first[key];
  if (person.records) for (const r of person.records) if (r[key] !== null) return r[key];
  return null;
}
