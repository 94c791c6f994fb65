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

/** The village posts with one holder each (a second holder is reported). */
export type VillagePost = "cellSecretary" | "villageHead" | "frontHead";

/**
 * Office-holders of one village, by post: the first holder of each post (in order of the rows), and
 * any further holders apart, so that the usual village (one holder per post) needs no list at all:
 * a country has 300,000 such lists, and an array of one costs as much as the person it holds.
 */
export interface VillagePosts {
  readonly secretary: Person | null;
  readonly head: Person | null;
  readonly frontHead: Person | null;
  /** Second and later holders of a post, each person once per post, in order of the rows; null: none. */
  readonly others: readonly { readonly post: VillagePost; readonly person: Person }[] | null;
}

/** Every holder of one post of a village, each once, in order of the rows. */
export function holdersOf(posts: VillagePosts, post: VillagePost): readonly Person[] {
  const first = posts[FIELD[post]];
  if (first === null) return [];
  if (posts.others === null) return [first];
  return [first, ...posts.others.filter((o) => o.post === post).map((o) => o.person)];
}

/** True when one person holds both posts of a village. */
export function oneHoldsBoth(posts: VillagePosts, a: VillagePost, b: VillagePost): boolean {
  const first = posts[FIELD[a]];
  if (posts.others === null) return first !== null && first === posts[FIELD[b]];
  const holdersOfB = holdersOf(posts, b);
  return holdersOf(posts, a).some((p) => holdersOfB.includes(p));
}

const FIELD = { cellSecretary: "secretary", villageHead: "head", frontHead: "frontHead" } as const;

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

/** `VillagePosts` while being built. */
interface MutableVillagePosts {
  secretary: Person | null;
  head: Person | null;
  frontHead: Person | null;
  others: { readonly post: VillagePost; readonly person: Person }[] | null;
}

/** Adds a holder to a village's post (once per person and post); posts other than the three: nothing. */
function addHolder(posts: MutableVillagePosts, post: PostId, person: Person): void {
  if (post !== "cellSecretary" && post !== "villageHead" && post !== "frontHead") return;
  const field = FIELD[post];
  const first = posts[field];
  if (first === null) posts[field] = person;
  else if (first !== person && !posts.others?.some((o) => o.post === post && o.person === person))
    (posts.others ??= []).push({ post, person });
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
          villagePostsOfRow = { secretary: null, head: null, frontHead: null, others: null };
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
