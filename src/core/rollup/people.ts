import type { OfficeHolderRecord } from "../model";
import type { PostId } from "../schema/posts";
import { POSTS } from "../schema/posts";
import { keyNumbering, nameKey } from "../text/normalize";
import { PersonNames } from "../text/personName";
import { IdIndex, PairIndex, idHash } from "./idIndex";

/** One bit per post, for a person's set of posts. */
const POST_BIT: Readonly<Record<PostId, number>> = Object.fromEntries(
  POSTS.map((p, i) => [p.id, 1 << i]),
) as Record<PostId, number>;

/** The bits of a list of posts. */
export function postBits(posts: readonly PostId[]): number {
  let bits = 0;
  for (let i = 0; i < posts.length; i++) bits |= POST_BIT[posts[i]];
  return bits;
}

/** The bit of one post, to test a person's `posts` with. */
export function postBit(post: PostId): number {
  return POST_BIT[post];
}

/** The bits of the three village posts with one holder each. */
const SECRETARY_BIT = POST_BIT.cellSecretary;
const HEAD_BIT = POST_BIT.villageHead;
const FRONT_HEAD_BIT = POST_BIT.frontHead;

/**
 * The persons of a dataset, numbered 0, 1, … in order of first appearance, kept in typed arrays
 * rather than an object per person: a country has 260,000 persons, and as objects (with the list
 * of each commune's persons) they were half the grouping's time, and every one of them survived
 * the young generation's collections and was copied. A person is their rows (the first row, then
 * each next row of the same person) and the set of posts over those rows.
 */
export class People {
  /** @param communes  Commune ids, by commune number.
   *  @param communeOfPerson  Per person: the number of its commune (its first row's).
   *  @param count  How many persons.
   *  @param firstRows  Per person: the index of its first row in `holders`.
   *  @param nextRows  Per row: the index of the same person's next row, or -1.
   *  @param postSets  Per person: every post held over its rows, `postBit`s or-ed.
   *  @param byCommune  The persons of each commune id, in order; communes in order of their first person.
   *  @param villages  Office-holders of each village, by commune id and `nameKey` of the village. */
  constructor(
    readonly holders: readonly OfficeHolderRecord[],
    private readonly communes: readonly string[],
    private readonly communeOfPerson: Int32Array,
    readonly count: number,
    private readonly firstRows: Int32Array,
    private readonly nextRows: Int32Array,
    private readonly postSets: Uint16Array,
    readonly byCommune: ReadonlyMap<string, Int32Array>,
    readonly villages: Villages,
  ) {}

  /** The person's first row. */
  first(person: number): OfficeHolderRecord {
    return this.holders[this.firstRows[person]];
  }

  /** The name of the person's first row. */
  name(person: number): string {
    return this.holders[this.firstRows[person]].fullName;
  }

  /** The commune id of the person's first row. */
  communeId(person: number): string {
    return this.communes[this.communeOfPerson[person]];
  }

  /** The posts the person holds over all rows, as `postBit`s. */
  posts(person: number): number {
    return this.postSets[person];
  }

  /** True when the person holds the post on some row. */
  holds(person: number, post: PostId): boolean {
    return (this.postSets[person] & POST_BIT[post]) !== 0;
  }

  /** True when the person has one row (most persons). */
  hasOneRow(person: number): boolean {
    return this.nextRows[this.firstRows[person]] < 0;
  }

  /** Every row of the person, in order. */
  records(person: number): OfficeHolderRecord[] {
    const rows: OfficeHolderRecord[] = [];
    for (let r = this.firstRows[person]; r >= 0; r = this.nextRows[r]) rows.push(this.holders[r]);
    return rows;
  }

  /** The first non-null value of a field over the person's rows. */
  firstOf<K extends keyof OfficeHolderRecord>(person: number, key: K): OfficeHolderRecord[K] | null {
    for (let r = this.firstRows[person]; r >= 0; r = this.nextRows[r]) {
      const value = this.holders[r][key];
      if (value !== null) return value;
    }
    return null;
  }
}

/** A person's number in `People`; -1 for none. */
export type PersonNumber = number;

/** The village posts with one holder each (a second holder is reported). */
export type VillagePost = "cellSecretary" | "villageHead" | "frontHead";

/**
 * Office-holders of one village, by post: the first holder of each post (in order of the rows; -1:
 * none), and any further holders apart, so that the usual village (one holder per post) needs no
 * list at all.
 */
export interface VillagePosts {
  readonly secretary: PersonNumber;
  readonly head: PersonNumber;
  readonly frontHead: PersonNumber;
  /** Second and later holders of a post, each person once per post, in order of the rows; null: none. */
  readonly others: readonly { readonly post: VillagePost; readonly person: PersonNumber }[] | null;
}

/** Every holder of one post of a village, each once, in order of the rows. */
export function holdersOf(posts: VillagePosts, post: VillagePost): readonly PersonNumber[] {
  const first = posts[FIELD[post]];
  if (first < 0) return [];
  if (posts.others === null) return [first];
  return [first, ...posts.others.filter((o) => o.post === post).map((o) => o.person)];
}

/** True when one person holds both posts of a village. */
export function oneHoldsBoth(posts: VillagePosts, a: VillagePost, b: VillagePost): boolean {
  const first = posts[FIELD[a]];
  if (posts.others === null) return first >= 0 && first === posts[FIELD[b]];
  const holdersOfB = holdersOf(posts, b);
  return holdersOf(posts, a).some((p) => holdersOfB.includes(p));
}

const FIELD = { cellSecretary: "secretary", villageHead: "head", frontHead: "frontHead" } as const;

/** The office-holders of a village, if any. */
export function villagePosts(people: People, communeId: string, village: string): VillagePosts | undefined {
  return people.villages.posts(communeId, village);
}

/** Numbers of village name keys, their tables shared by the passes (`keyNumbering`). */
const villageKeyNumbers = keyNumbering(nameKey, 1 << 16);

/**
 * The village posts of every village named on an office-holder row, by commune and `nameKey` of
 * the village: villages numbered in order of first appearance, each numbered through one
 * `PairIndex` (the commune's number, the number of the village's key), the holders of each post in
 * typed arrays made once at their largest size (one village per row). A country has 100,000
 * villages: as a map per commune of an object per village, their entries and objects were copied
 * by every young collection during the grouping; as plain arrays grown by `push`, they were copied
 * as they grew and filled with -1 (groupPeople ~10 % more CPU than typed arrays left zero).
 */
export class Villages {
  /** Commune numbers by id, in order of first appearance on a row. */
  private readonly communeNumbers = new Map<string, number>();
  private readonly communeIds: string[] = [];
  /** Per commune number: its first village's number, or -1 (the order in which `withOthers` lists them). */
  private readonly firstVillage: number[] = [];
  /** Numbers of village texts' keys, for this pass (equal numbers: equal keys; `keyNumbering`). */
  private readonly keyNumberOf = villageKeyNumbers();
  private readonly index: PairIndex;
  /** How many villages so far. */
  private count = 0;
  /** Per village number: its commune's number, and the first holder of each post as person + 1 (0: none;
   *  the arrays are never filled, so pages of villages that never come are never touched). */
  private readonly communeOf: Int32Array;
  private readonly secretary: Int32Array;
  private readonly head: Int32Array;
  private readonly frontHead: Int32Array;
  /** Second and later holders, by village number. */
  private readonly others = new Map<
    number,
    { readonly post: VillagePost; readonly person: PersonNumber }[]
  >();

  /** Room for `capacity` villages (at most one per office-holder row), in arrays made once. */
  constructor(capacity: number) {
    this.index = new PairIndex();
    this.communeOf = new Int32Array(capacity);
    this.secretary = new Int32Array(capacity);
    this.head = new Int32Array(capacity);
    this.frontHead = new Int32Array(capacity);
  }

  /** The number of a commune id (numbered on first use). */
  communeNumber(communeId: string): number {
    let n = this.communeNumbers.get(communeId);
    if (n === undefined) {
      n = this.communeIds.length;
      this.communeNumbers.set(communeId, n);
      this.communeIds.push(communeId);
      this.firstVillage.push(-1);
    }
    return n;
  }

  /** The number of a village text's key. */
  keyNumber(village: string): number {
    return this.keyNumberOf(village);
  }

  /** The number of the village (commune number, key number), made when new. */
  village(commune: number, key: number): number {
    let v = this.index.get(commune, key);
    if (v < 0) {
      v = this.count++;
      this.index.insert(commune, key, v);
      this.communeOf[v] = commune;
      if (this.firstVillage[commune] < 0) this.firstVillage[commune] = v;
    }
    return v;
  }

  /**
   * Adds a person to each of the three posts of a village that `bits` (`postBit`s) has, once per
   * person and post; other posts: nothing. Tested bit by bit, not by looking each of the row's posts
   * up by name (a keyed load per post that V8 found megamorphic). The order of the three posts
   * within a row does not matter: a post's holders are only ever read apart (`holdersOf`).
   */
  addHolders(village: number, bits: number, person: PersonNumber): void {
    if ((bits & SECRETARY_BIT) !== 0) this.addHolder(this.secretary, village, "cellSecretary", person);
    if ((bits & HEAD_BIT) !== 0) this.addHolder(this.head, village, "villageHead", person);
    if ((bits & FRONT_HEAD_BIT) !== 0) this.addHolder(this.frontHead, village, "frontHead", person);
  }

  private addHolder(holders: Int32Array, village: number, post: VillagePost, person: PersonNumber): void {
    const first = holders[village] - 1;
    if (first < 0) holders[village] = person + 1;
    else if (first !== person) {
      const others = this.others.get(village);
      if (!others) this.others.set(village, [{ post, person }]);
      else if (!others.some((o) => o.post === post && o.person === person)) others.push({ post, person });
    }
  }

  /**
   * The posts of a village by commune id and village name, if any holder was given. A name written
   * as some office-holder row wrote it has its key's number with one lookup, without the shared
   * bounded cache of `nameKey` (a country's ~130,000 texts).
   */
  posts(communeId: string, village: string): VillagePosts | undefined {
    const commune = this.communeNumbers.get(communeId);
    if (commune === undefined) return undefined;
    const v = this.index.get(commune, this.keyNumberOf(village));
    return v < 0 ? undefined : this.postsOf(v);
  }

  private postsOf(v: number): VillagePosts {
    return {
      secretary: this.secretary[v] - 1,
      head: this.head[v] - 1,
      frontHead: this.frontHead[v] - 1,
      others: this.others.get(v) ?? null,
    };
  }

  /**
   * Each village with a second holder of some post, with its commune id: communes in order of their
   * first village, villages in order within a commune.
   */
  withOthers(): { readonly communeId: string; readonly posts: VillagePosts }[] {
    const villages = [...this.others.keys()].sort(
      (a, b) => this.firstVillage[this.communeOf[a]] - this.firstVillage[this.communeOf[b]] || a - b,
    );
    return villages.map((v) => ({ communeId: this.communeIds[this.communeOf[v]], posts: this.postsOf(v) }));
  }
}

const VILLAGE_BITS = postBits(POSTS.filter((p) => p.level === "village").map((p) => p.id));

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

/**
 * Groups office-holder rows into persons: one person = the same person ID, or without an ID the
 * same normalised name (forms of address such as "Đ/c" ignored) in the same commune. A name is
 * looked up by two numbers (its commune's and its key's), no key string hashed or compared per
 * row. Rows of one commune and of one village usually follow each other: the previous row's commune
 * and village are reused without a lookup. `communeOf(i)` gives the commune id of row `i`, asked
 * once per row in order (the roll-up finds it from the row's names while the row is read here, not
 * in a pass of its own into an array of its own).
 */
export function groupPeople(
  holders: readonly OfficeHolderRecord[],
  communeOf: (row: number) => string,
  personNames: PersonNames = new PersonNames(),
): People {
  const rows = holders.length;
  // At most one person per row.
  const firstRows = new Int32Array(rows);
  const lastRows = new Int32Array(rows);
  const nextRows = new Int32Array(rows).fill(-1);
  const postSets = new Uint16Array(rows);
  const communeOfPerson = new Int32Array(rows);
  let count = 0;
  // Persons with an ID by the key of their ID; the others by name key, per commune.
  const byId = new IdIndex(rows);
  const idOfPerson = (n: number): string => personIdKey(holders[firstRows[n]].personId!);
  const byName = new PairIndex();
  // Communes in order of their first person, with how many persons each has.
  const communeNumbers = new Map<string, number>();
  const communes: string[] = [];
  const communeSizes: number[] = [];
  const villages = new Villages(rows);
  // The previous row's commune and village (rows of one commune, and of one village, follow each other).
  let communeId: string | undefined;
  let communeNumber = -1;
  let commune = -1;
  let villageText: string | null = null;
  let village = -1;
  for (let i = 0; i < rows; i++) {
    const h = holders[i];
    const rowCommune = communeOf(i);
    if (rowCommune !== communeId) {
      communeId = rowCommune;
      communeNumber = communeNumbers.get(communeId) ?? -1;
      commune = villages.communeNumber(communeId);
      villageText = null;
    }
    let person = -1;
    let idHashOfRow: number | null = null;
    let name = -1;
    if (h.personId) {
      const id = personIdKey(h.personId);
      idHashOfRow = idHash(id);
      person = byId.find(id, idHashOfRow, idOfPerson);
    } else {
      name = personNames.keyNumber(h.fullName);
      person = byName.get(commune, name);
    }
    const bits = postBits(h.posts);
    if (person < 0) {
      person = count++;
      firstRows[person] = i;
      lastRows[person] = i;
      postSets[person] = bits;
      if (idHashOfRow !== null) byId.insert(idHashOfRow, person);
      else byName.insert(commune, name, person);
      if (communeNumber < 0) {
        communeNumber = communes.length;
        communeNumbers.set(communeId, communeNumber);
        communes.push(communeId);
        communeSizes.push(0);
      }
      communeOfPerson[person] = communeNumber;
      communeSizes[communeNumber]++;
    } else {
      nextRows[lastRows[person]] = i;
      lastRows[person] = i;
      postSets[person] |= bits;
    }
    if (!h.village || (bits & VILLAGE_BITS) === 0) continue;
    if (h.village !== villageText) {
      village = villages.village(commune, villages.keyNumber(h.village));
      villageText = h.village;
    }
    villages.addHolders(village, bits, person);
  }
  return new People(
    holders,
    communes,
    communeOfPerson,
    count,
    firstRows,
    nextRows,
    postSets,
    personsByCommune(communes, communeSizes, communeOfPerson, count),
    villages,
  );
}

/** The persons of each commune in order, as views of one array (communes in the order given). */
function personsByCommune(
  communes: readonly string[],
  sizes: readonly number[],
  communeOfPerson: Int32Array,
  count: number,
): Map<string, Int32Array> {
  const starts = new Int32Array(communes.length + 1);
  for (let c = 0; c < communes.length; c++) starts[c + 1] = starts[c] + sizes[c];
  const next = starts.slice(0, communes.length);
  const all = new Int32Array(count);
  for (let p = 0; p < count; p++) all[next[communeOfPerson[p]]++] = p;
  const byCommune = new Map<string, Int32Array>();
  for (let c = 0; c < communes.length; c++)
    byCommune.set(communes[c], all.subarray(starts[c], starts[c + 1]));
  return byCommune;
}
