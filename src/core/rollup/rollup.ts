import { a1 } from "../a1";
import {
  INDICATORS,
  MAIN_INDICATOR,
  type CommuneFacts,
  type EntityKind,
  type IndicatorId,
  type SecretaryFacts,
  type VillageFacts,
} from "../indicators";
import { issue, type Issue, compareIssues } from "../issues";
import type { Dataset, VillageRecord } from "../model";
import { isEthnicMinority, professionalAtLeast, theoryAtLeast } from "../read/qualifications";
import { PersonNames, type NameMatch } from "../text/personName";
import { Hierarchy, type UnitNode } from "./hierarchy";
import { groupPeople, oneHoldsBoth, postBit, villagePosts, type People, type VillagePosts } from "./people";
import { assessAll } from "./assess";
import { reportPostsHeldTwice } from "./singleHolder";
import type { ConsolidationBasis, Ratio, Rollup, TotalRollup, UnitRollup, VillageStatus } from "./types";

export interface RollupOptions {
  /** The year ages are computed for; defaults to the current year. */
  readonly referenceYear?: number;
}

const INDICATOR_COUNT = INDICATORS.length;
const INDICATOR_INDEX = new Map<IndicatorId, number>(INDICATORS.map((spec, i) => [spec.id, i]));

/** The indicators counted over one kind of entity: their numbers in `INDICATORS` and their two functions. */
interface EntityIndicators<F> {
  readonly indices: readonly number[];
  readonly numerators: readonly ((facts: F) => number)[];
  readonly denominators: readonly ((facts: F) => number)[];
}

function indicatorsOf<F>(kind: EntityKind): EntityIndicators<F> {
  const indices: number[] = [];
  INDICATORS.forEach((spec, i) => {
    if (spec.entity === kind) indices.push(i);
  });
  const specs = indices.map(
    (i) => INDICATORS[i] as unknown as { numerator: (f: F) => number; denominator: (f: F) => number },
  );
  return {
    indices,
    numerators: specs.map((spec) => spec.numerator),
    denominators: specs.map((spec) => spec.denominator),
  };
}

const VILLAGE_INDICATORS = indicatorsOf<VillageFacts>("village");
const COMMUNE_INDICATORS = indicatorsOf<CommuneFacts>("commune");
const SECRETARY_INDICATORS = indicatorsOf<SecretaryFacts>("secretary");

/** `VillageFacts` and `SecretaryFacts` as filled in place: one object per roll-up, not one per entity. */
type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** Sums per unit: numerators at 2i, denominators at 2i + 1, for indicator i. */
type Sums = Float64Array;

/**
 * Rolls the dataset up: builds the unit tree, decides each village's status, sums every indicator
 * over every unit and the grand total (rates are sums over sums, never averages of rates), and
 * assesses each unit against the target that applies to it, exactly.
 */
export function rollup(dataset: Dataset, options: RollupOptions = {}): Rollup {
  const referenceYear = options.referenceYear ?? new Date().getFullYear();
  const issues: Issue[] = [];
  const tree = new Hierarchy(issues);
  const villageCommunes = tree.addVillages(dataset.villages);
  const reported = new Set<string>();
  // The commune of each office-holder row, asked by the grouping row by row.
  const holders = dataset.officeHolders;
  const communeOfHolder = tree.officeHolderCommunes(holders, reported);
  // Name keys for the whole pass: the grouping's name numbers, the village statuses' comparisons.
  const names = new PersonNames();
  const people = groupPeople(holders, communeOfHolder, names);
  reportPostsHeldTwice(people, (id) => tree.nodes.get(id)?.name ?? "", issues);
  reportSharedCommuneCodes(tree, dataset.villages, villageCommunes, issues);

  // Each loop over the entities in a function of its own: a function that runs once is optimised
  // while its loop runs (on-stack replacement), and a loop in the middle of this long function was
  // optimised without feedback for the code after it, which then fell back to the interpreter.
  const sums = new UnitSums();
  const villages = villageStatuses(dataset.villages, villageCommunes, people, names, issues, sums);
  addCommunes(tree, people, sums);
  addSecretaries(people, referenceYear, sums);

  const total = propagate(tree, sums);

  const ordered = tree.inTreeOrder();
  const baseUnits = ordered.map((node) => unitOf(node, sums.of(node.id)));
  const baseTotal: TotalRollup = {
    ...unitOf(
      {
        id: "",
        level: "province",
        name: "Tổng cộng",
        province: baseUnits.length === 1 ? baseUnits[0].province : "",
        district: null,
        commune: null,
        communeCode: null,
        parentId: null,
        childIds: [...tree.roots],
      },
      total,
    ),
    level: "total",
    parentId: null,
  };
  const { units, total: assessedTotal } = assessAll(
    baseUnits,
    baseTotal,
    dataset.targets,
    issues,
    referenceYear,
  );
  issues.sort(compareIssues);
  return {
    units,
    total: assessedTotal,
    villages,
    twoTier: dataset.villages.length > 0 && dataset.villages.every((v) => !v.district),
    referenceYear,
    issues,
  };
}

/** The sums of each unit, made on first use. */
class UnitSums {
  private readonly sums = new Map<string, Sums>();
  private lastCommune: string | null = null;
  private lastSums: Sums = new Float64Array(0);

  /** The sums of a unit. */
  of(id: string): Sums {
    let s = this.sums.get(id);
    if (!s) {
      s = new Float64Array(INDICATOR_COUNT * 2);
      this.sums.set(id, s);
    }
    return s;
  }

  /** `of(communeId)`, for entities of one commune that follow each other: the previous one's sums reused. */
  ofCommune(communeId: string): Sums {
    if (communeId !== this.lastCommune) {
      this.lastCommune = communeId;
      this.lastSums = this.of(communeId);
    }
    return this.lastSums;
  }
}

/**
 * Each village's status, in order, with the village indicators added to its commune's sums. The
 * facts of each village are filled into one object, counted at once and overwritten by the next
 * (the indicators' functions only read them): 100,000 objects fewer in a country.
 */
function villageStatuses(
  records: readonly VillageRecord[],
  villageCommunes: readonly string[],
  people: People,
  names: PersonNames,
  issues: Issue[],
  sums: UnitSums,
): VillageStatus[] {
  const facts: Writable<VillageFacts> = {
    secretaryIsHead: null,
    secretaryIsFrontHead: null,
    hasOwnCell: null,
    partyMembers: null,
  };
  // Of its final size: grown by `push`, the array was copied through ~3.6 MB of fresh memory.
  const villages = new Array<VillageStatus>(records.length);
  for (let i = 0; i < records.length; i++) {
    const v = records[i];
    // A row naming its secretary, head and Front head decides both statuses and both names by
    // itself (the office-holders are only a fallback): no need to look its office-holders up.
    const posts =
      v.secretary && v.head && v.frontHead ? undefined : villagePosts(people, villageCommunes[i], v.village);
    const status = villageStatus(v, villageCommunes[i], posts, people, names, issues);
    facts.secretaryIsHead = status.consolidated;
    facts.secretaryIsFrontHead = frontStatus(v, posts, names);
    facts.hasOwnCell = v.hasOwnCell;
    facts.partyMembers = v.partyMembers;
    addVillage(sums.ofCommune(villageCommunes[i]), facts);
    villages[i] = status;
  }
  return villages;
}

/** Adds the indicators of every commune to its sums. */
function addCommunes(tree: Hierarchy, people: People, sums: UnitSums): void {
  for (const node of tree.nodes.values()) {
    if (node.level === "commune")
      addFacts(
        sums.ofCommune(node.id),
        COMMUNE_INDICATORS,
        communeFacts(people, people.byCommune.get(node.id)),
      );
  }
}

/**
 * Adds each commune's sums to its ancestors' (linear in the number of communes); returns the total
 * of all communes.
 */
function propagate(tree: Hierarchy, sums: UnitSums): Sums {
  const total = new Float64Array(INDICATOR_COUNT * 2);
  for (const node of tree.nodes.values()) {
    if (node.level !== "commune") continue;
    const s = sums.of(node.id);
    for (const ancestor of tree.ancestors(node.id)) {
      const a = sums.of(ancestor);
      for (let k = 0; k < s.length; k++) a[k] += s[k];
    }
    for (let k = 0; k < s.length; k++) total[k] += s[k];
  }
  return total;
}

/** Adds the indicators of every village cell secretary to the sums of the secretary's commune. */
function addSecretaries(people: People, referenceYear: number, sums: UnitSums): void {
  // `isEthnicMinority` once per distinct text (a country writes a few dozen).
  const minority = new Map<string, boolean>();
  // One object filled in place for each secretary in turn (100,000 objects fewer in a country).
  const facts: Writable<SecretaryFacts> = {
    educationYears: null,
    theoryAtLeastSoCap: null,
    trained: null,
    professionalAtLeastTrungCap: null,
    universityOrHigher: null,
    female: null,
    ethnicMinority: null,
    age: null,
  };
  for (let person = 0; person < people.count; person++) {
    if (people.holds(person, "cellSecretary")) {
      secretaryFacts(people, person, referenceYear, minority, facts);
      addSecretary(sums.ofCommune(people.communeId(person)), facts);
    }
  }
}

/** Adds an entity's numerators and denominators to its commune's sums. */
function addFacts<F>(s: Sums, of: EntityIndicators<F>, facts: F): void {
  const { indices, numerators, denominators } = of;
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    s[2 * i] += numerators[k](facts);
    s[2 * i + 1] += denominators[k](facts);
  }
}

/** `addFacts` for a village (a function of its own: its calls see only the villages' functions). */
function addVillage(s: Sums, facts: VillageFacts): void {
  const { indices, numerators, denominators } = VILLAGE_INDICATORS;
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    s[2 * i] += numerators[k](facts);
    s[2 * i + 1] += denominators[k](facts);
  }
}

/** `addFacts` for a secretary (a function of its own: its calls see only the secretaries' functions). */
function addSecretary(s: Sums, facts: SecretaryFacts): void {
  const { indices, numerators, denominators } = SECRETARY_INDICATORS;
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    s[2 * i] += numerators[k](facts);
    s[2 * i + 1] += denominators[k](facts);
  }
}

function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, rate: denominator > 0 ? numerator / denominator : null };
}

/** The indicators' ids in `INDICATORS` order. */
const INDICATOR_IDS: readonly IndicatorId[] = INDICATORS.map((spec) => spec.id);
/**
 * An object with every indicator's key in `INDICATORS` order, copied for each unit: the copy has
 * its keys from the start (in that order, so the JSON is the same), where adding 17 keys one by
 * one to `{}` moved the object through 17 shapes and grew its property store.
 */
const INDICATORS_TEMPLATE = Object.fromEntries(INDICATOR_IDS.map((id) => [id, null])) as unknown as Record<
  IndicatorId,
  Ratio
>;
const MAIN_INDEX = INDICATOR_INDEX.get(MAIN_INDICATOR)!;

function unitOf(node: UnitNode, s: Sums): UnitRollup {
  const indicators = { ...INDICATORS_TEMPLATE };
  for (let i = 0; i < INDICATOR_IDS.length; i++) indicators[INDICATOR_IDS[i]] = ratio(s[2 * i], s[2 * i + 1]);
  const main = MAIN_INDEX;
  return {
    id: node.id,
    level: node.level,
    name: node.name,
    province: node.province,
    district: node.district,
    commune: node.commune,
    communeCode: node.communeCode,
    parentId: node.parentId,
    childIds: [...node.childIds],
    villages: s[2 * main + 1],
    consolidated: s[2 * main],
    indicators,
    assessments: {},
  };
}

function placeOf(v: VillageRecord, key: string): { file: string; sheet: string; cell: string } {
  return {
    file: v.source.file,
    sheet: v.source.sheet,
    cell: a1(v.row, v.source.columns.get(key) ?? v.source.columns.get("village") ?? 1),
  };
}

/** Whether two names are one person: equal after forms of address, or equal but for diacritics. */
function samePerson(a: string | null, b: string | null, names: PersonNames): NameMatch | null {
  return a && b ? names.compare(a, b) : null;
}

/**
 * "Secretary is also head": the explicit flag when filled; otherwise the two names of the Villages
 * sheet; otherwise the office-holders of that village; otherwise unknown (counted as not
 * consolidated, reported). A flag that contradicts the names is a warning, and the flag stands.
 * Names that differ only in diacritics because one was typed without any ("Hoang Van D", "Hoàng
 * Văn D") count as one person; names both typed with diacritics that differ ("Nguyễn Thị Hòa",
 * "Nguyễn Thị Hoa") count as two people. Either way a warning at the head's cell says so.
 */
function villageStatus(
  v: VillageRecord,
  communeId: string,
  posts: VillagePosts | undefined,
  people: People,
  names: PersonNames,
  issues: Issue[],
): VillageStatus {
  const secretaryName = v.secretary ?? (posts && posts.secretary >= 0 ? people.name(posts.secretary) : null);
  const headName = v.head ?? (posts && posts.head >= 0 ? people.name(posts.head) : null);
  const match = samePerson(v.secretary, v.head, names);
  const byNames = match === null ? null : match === "same" || match === "diacritics";
  if ((match === "diacritics" || match === "marks") && v.consolidatedFlag === null) {
    issues.push(
      issue(
        match === "diacritics" ? "names-differ-in-diacritics" : "names-differ-in-marks",
        placeOf(v, "head"),
        {
          secretary: v.secretary!,
          head: v.head!,
        },
      ),
    );
  }
  let consolidated: boolean | null;
  let basis: ConsolidationBasis;
  if (v.consolidatedFlag !== null) {
    consolidated = v.consolidatedFlag;
    basis = "flag";
    if (byNames !== null && byNames !== v.consolidatedFlag) {
      issues.push(
        issue("flag-contradicts-names", placeOf(v, "consolidated"), {
          flag: v.consolidatedFlag,
          secretary: v.secretary!,
          head: v.head!,
        }),
      );
    }
  } else if (byNames !== null) {
    consolidated = byNames;
    basis = "names";
  } else if (posts && (posts.secretary >= 0 || posts.head >= 0)) {
    // Both posts known for this village: consolidated when one person holds both.
    consolidated =
      posts.secretary >= 0 && posts.head >= 0 ? oneHoldsBoth(posts, "cellSecretary", "villageHead") : null;
    basis = consolidated === null ? "unknown" : "officeHolders";
  } else {
    consolidated = null;
    basis = "unknown";
  }
  if (consolidated === null)
    issues.push(issue("consolidation-unknown", placeOf(v, "village"), { village: v.village }));
  return { record: v, communeId, consolidated, basis, secretaryName, headName };
}

function frontStatus(v: VillageRecord, posts: VillagePosts | undefined, names: PersonNames): boolean | null {
  const byNames = samePerson(v.secretary, v.frontHead, names);
  if (byNames !== null) return byNames !== "different";
  if (!posts || posts.secretary < 0 || posts.frontHead < 0) return null;
  return oneHoldsBoth(posts, "cellSecretary", "frontHead");
}

const COMMUNE_SECRETARY = postBit("communeSecretary");
const DEPUTY_SECRETARY = postBit("communeDeputySecretary");
const COMMITTEE_CHAIR = postBit("peoplesCommitteeChair");
const COUNCIL_CHAIR = postBit("peoplesCouncilChair");
const COMMUNE_FACT_POSTS = COMMUNE_SECRETARY | DEPUTY_SECRETARY | COMMITTEE_CHAIR | COUNCIL_CHAIR;

function communeFacts(people: People, persons: Int32Array | undefined): CommuneFacts {
  // One pass over the commune's persons (most hold only village posts): the same answers as
  // asking, for each pair of posts, whether some person holds both.
  let hasCommuneData = false;
  let secretaryIsCommitteeChair = false;
  let secretaryIsCouncilChair = false;
  let deputyIsCouncilChair = false;
  const both = (posts: number, a: number, b: number): boolean => (posts & a) !== 0 && (posts & b) !== 0;
  for (let i = 0; persons !== undefined && i < persons.length; i++) {
    const posts = people.posts(persons[i]);
    if ((posts & COMMUNE_FACT_POSTS) === 0) continue;
    hasCommuneData = true;
    if (both(posts, COMMUNE_SECRETARY, COMMITTEE_CHAIR)) secretaryIsCommitteeChair = true;
    if (both(posts, COMMUNE_SECRETARY, COUNCIL_CHAIR)) secretaryIsCouncilChair = true;
    if (both(posts, DEPUTY_SECRETARY, COUNCIL_CHAIR)) deputyIsCouncilChair = true;
  }
  if (!hasCommuneData) {
    return { secretaryIsCommitteeChair: null, secretaryIsCouncilChair: null, deputyIsCouncilChair: null };
  }
  return { secretaryIsCommitteeChair, secretaryIsCouncilChair, deputyIsCouncilChair };
}

/** Fills `facts` with the facts of a village cell secretary. */
function secretaryFacts(
  people: People,
  person: number,
  referenceYear: number,
  minority: Map<string, boolean>,
  facts: Writable<SecretaryFacts>,
): void {
  // A person of one row (most): its fields directly, as `firstOf` would give them.
  const r = people.hasOneRow(person) ? people.first(person) : null;
  const theory = r ? r.politicalTheory : people.firstOf(person, "politicalTheory");
  const professional = r ? r.professional : people.firstOf(person, "professional");
  const birthYear = r ? r.birthYear : people.firstOf(person, "birthYear");
  const gender = r ? r.gender : people.firstOf(person, "gender");
  const ethnicity = r ? r.ethnicity : people.firstOf(person, "ethnicity");
  facts.educationYears = r ? r.educationYears : people.firstOf(person, "educationYears");
  facts.theoryAtLeastSoCap = theory === null ? null : theoryAtLeast(theory, "so-cap");
  facts.trained = r ? r.trained : people.firstOf(person, "trained");
  facts.professionalAtLeastTrungCap =
    professional === null ? null : professionalAtLeast(professional, "trung-cap");
  facts.universityOrHigher = professional === null ? null : professionalAtLeast(professional, "dai-hoc");
  facts.female = gender === null ? null : gender === "female";
  facts.ethnicMinority = ethnicity === null ? null : isMinority(ethnicity, minority);
  facts.age = birthYear === null ? null : referenceYear - birthYear;
}

/** `isEthnicMinority`, through a cache of the texts seen. */
function isMinority(ethnicity: string, cache: Map<string, boolean>): boolean {
  let answer = cache.get(ethnicity);
  if (answer === undefined) {
    answer = isEthnicMinority(ethnicity);
    cache.set(ethnicity, answer);
  }
  return answer;
}

/**
 * A commune code (Decision 19/2025/QĐ-TTg codes are unique) written under two different districts
 * or communes means one commune is listed twice. Names alone cannot tell: two districts of one
 * province often have communes of the same name.
 */
function reportSharedCommuneCodes(
  tree: Hierarchy,
  villages: readonly VillageRecord[],
  communeIds: readonly string[],
  issues: Issue[],
): void {
  const byCode = new Map<string, { id: string; v: VillageRecord }>();
  const reported = new Set<string>();
  // A village with the previous one's code text and commune has nothing new to say: its code was
  // seen (by that village at the latest) under this commune, or under another and then reported.
  let previousCode: string | null = null;
  let previousId = "";
  for (let i = 0; i < villages.length; i++) {
    const v = villages[i];
    if (!v.communeCode) continue;
    if (v.communeCode === previousCode && communeIds[i] === previousId) continue;
    previousCode = v.communeCode;
    previousId = communeIds[i];
    const code = v.communeCode.trim();
    const first = byCode.get(code);
    if (!first) {
      byCode.set(code, { id: communeIds[i], v });
      continue;
    }
    if (first.id === communeIds[i] || reported.has(code)) continue;
    reported.add(code);
    const a = tree.nodes.get(first.id)!;
    const b = tree.nodes.get(communeIds[i])!;
    issues.push(
      issue("commune-in-two-districts", placeOf(v, "communeCode"), {
        commune: `${v.commune} (${code})`,
        first: a.district ?? a.province,
        second: b.district ?? b.province,
      }),
    );
  }
}
