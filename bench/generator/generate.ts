import type { CellValue } from "../../src/core/cells";
import type { SheetGrid, WorkbookGrids } from "../../src/core/grid";
import { OFFICE_HOLDERS, TARGETS, VILLAGES } from "../../src/core/schema/sheets";
import { Random, unevenShares } from "./random";
import { maybeVariant } from "./variants";
import {
  EDUCATION,
  FAMILY_NAMES,
  FEMALE_GIVEN,
  FEMALE_MIDDLE,
  FRONT_POSTS,
  HEAD_POSTS,
  JOINERS,
  MALE_GIVEN,
  MALE_MIDDLE,
  MINORITY_GROUPS,
  NO_WORDS,
  PLACE_SYLLABLES,
  PROFESSIONAL,
  PROVINCES,
  SECRETARY_POSTS,
  THEORY,
  UPLAND_FAMILY_NAMES,
  UPLAND_PREFIXES,
  UPLAND_SYLLABLES,
  VILLAGE_KINDS,
  WARD_KINDS,
  YES_WORDS,
  type ProvinceInfo,
  type Region,
} from "./vocabulary";

/**
 * A deterministic generator of realistic synthetic submissions: the standard Villages,
 * Office-holders and Targets sheets (canonical Vietnamese headers, title rows above them) for any
 * number of provinces, districts, communes and villages. The same options always give the same
 * grids. Clerks' variations (tone placement, Unicode forms, spaces, "Xã" prefixes, numbers as
 * text) and a small share of real data errors are mixed in, so the reader's checks do real work.
 */
export interface GeneratorOptions {
  readonly seed: number;
  /** How many of the 34 provinces (1–34). */
  readonly provinces: number;
  /** Districts per province; 0 for two-tier data (no district level, since 1 July 2025). */
  readonly districtsPerProvince: number;
  /** Commune-level units in all. */
  readonly communes: number;
  /** Villages and residential groups in all. */
  readonly villages: number;
  /** Office-holder rows per village, about (3 gives 300,000 rows for 100,000 villages). */
  readonly officeHoldersPerVillage?: number;
  /** Share of text cells written with a clerk's variation (default 0.03). */
  readonly variation?: number;
  /** Share of village rows with a data error the reader must report (default 0.002). */
  readonly errors?: number;
  /** First province used, as an index into the list of 34 (default 0, Lạng Sơn). */
  readonly firstProvince?: number;
}

export interface GeneratedCounts {
  readonly provinces: number;
  readonly districts: number;
  readonly communes: number;
  readonly villageRows: number;
  readonly officeHolderRows: number;
  readonly targetRows: number;
}

export interface Generated {
  readonly workbook: WorkbookGrids;
  readonly counts: GeneratedCounts;
}

/** Sheet names as clerks call them; the reader finds the sheets by their headers anyway. */
export const SHEET_NAMES = { villages: "Thôn", officeHolders: "Cán bộ", targets: "Chỉ tiêu" } as const;

interface PersonInfo {
  readonly name: string;
  readonly id: string | null;
  readonly female: boolean;
  readonly birthYear: number;
  readonly ethnicity: string;
  readonly education: string;
  readonly professional: string | null;
  readonly theory: string | null;
  readonly trained: boolean;
}

interface Place {
  readonly province: string;
  readonly district: string | null;
  readonly commune: string;
  readonly region: Region;
  readonly ids: boolean;
}

const header = (
  spec: { columns: readonly { key: string; vi: string }[] },
  keys: readonly string[],
): CellValue[] => ["STT", ...keys.map((k) => spec.columns.find((c) => c.key === k)!.vi)];

export function generate(options: GeneratorOptions): Generated {
  const g = new Generator(options);
  return g.run();
}

class Generator {
  private readonly random: Random;
  private readonly threeTier: boolean;
  private readonly variation: number;
  private readonly errorRate: number;
  private readonly holdersPerVillage: number;
  private readonly villageRows: CellValue[][] = [];
  private readonly holderRows: CellValue[][] = [];
  private readonly targetRows: CellValue[][] = [];
  private personSeq = 0;
  private communeSeq = 0;
  private districtCount = 0;
  private readonly villageKeys: readonly string[];
  private readonly holderKeys: readonly string[];

  constructor(private readonly options: GeneratorOptions) {
    if (options.provinces < 1 || options.provinces > PROVINCES.length) {
      throw new Error(`provinces must be 1–${PROVINCES.length}`);
    }
    this.random = new Random(options.seed);
    this.threeTier = options.districtsPerProvince > 0;
    this.variation = options.variation ?? 0.03;
    this.errorRate = options.errors ?? 0.002;
    this.holdersPerVillage = options.officeHoldersPerVillage ?? 3;
    const district = this.threeTier ? ["district"] : [];
    this.villageKeys = [
      "province",
      ...district,
      "commune",
      "communeCode",
      "village",
      "type",
      "hasOwnCell",
      "partyMembers",
      "secretary",
      "head",
      "frontHead",
      "consolidated",
      "notes",
    ];
    this.holderKeys = [
      "fullName",
      "post",
      "province",
      ...district,
      "commune",
      "village",
      "personId",
      "birthYear",
      "gender",
      "ethnicity",
      "education",
      "professional",
      "politicalTheory",
      "trained",
      "termEnd",
    ];
  }

  run(): Generated {
    const { options, random } = this;
    const first = options.firstProvince ?? 0;
    const provinces = Array.from(
      { length: options.provinces },
      (_, i) => PROVINCES[(first + i) % PROVINCES.length],
    );
    const communeShares = unevenShares(random, options.communes, provinces.length);
    // Villages are shared out over communes in one go, so the total is exact whatever the split.
    const villageShares = unevenShares(random, options.villages, options.communes);
    let communeIndex = 0;
    provinces.forEach((province, p) => {
      const shares = villageShares.slice(communeIndex, communeIndex + communeShares[p]);
      communeIndex += communeShares[p];
      this.province(province, shares, random.fork(p));
    });
    this.targets(provinces);

    const sheets: SheetGrid[] = [
      {
        name: SHEET_NAMES.villages,
        rows: [
          ["DANH SÁCH THÔN, TỔ DÂN PHỐ VÀ TÌNH HÌNH NHẤT THỂ HÓA BÍ THƯ CHI BỘ KIÊM TRƯỞNG THÔN"],
          ["(Dữ liệu tổng hợp giả lập để đo hiệu năng)"],
          [],
          header(VILLAGES, this.villageKeys),
          ...this.villageRows,
        ],
      },
      {
        name: SHEET_NAMES.officeHolders,
        rows: [
          ["DANH SÁCH CÁN BỘ THÔN, XÃ"],
          [],
          header(OFFICE_HOLDERS, this.holderKeys),
          ...this.holderRows,
        ],
      },
      {
        name: SHEET_NAMES.targets,
        rows: [
          header(TARGETS, ["indicator", "unit", "level", "target", "comparator", "year"]),
          ...this.targetRows,
        ],
      },
    ];
    return {
      workbook: { file: `synthetic-${options.seed}.xlsx`, sheets },
      counts: {
        provinces: provinces.length,
        districts: this.districtCount,
        communes: this.communeSeq,
        villageRows: this.villageRows.length,
        officeHolderRows: this.holderRows.length,
        targetRows: this.targetRows.length,
      },
    };
  }

  private province(info: ProvinceInfo, villageShares: readonly number[], random: Random): void {
    const names = new Set<string>();
    const uniquePlace = (): string => {
      for (let attempt = 0; attempt < 50; attempt++) {
        const name = `${random.pick(PLACE_SYLLABLES)} ${random.pick(PLACE_SYLLABLES)}`;
        if (!names.has(name) && name.split(" ")[0] !== name.split(" ")[1]) {
          names.add(name);
          return name;
        }
      }
      const name = `${random.pick(PLACE_SYLLABLES)} ${random.pick(PLACE_SYLLABLES)} ${names.size + 1}`;
      names.add(name);
      return name;
    };
    const ids = random.chance(0.5);
    const consolidationLevel = 0.35 + random.float() * 0.6;
    const districts = this.threeTier ? Math.min(this.options.districtsPerProvince, villageShares.length) : 1;
    const perDistrict = unevenShares(random, villageShares.length, districts);
    let c = 0;
    for (let d = 0; d < districts; d++) {
      const district = this.threeTier ? uniquePlace() : null;
      if (district) this.districtCount++;
      for (let k = 0; k < perDistrict[d]; k++, c++) {
        const commune = uniquePlace();
        const place: Place = { province: info.name, district, commune, region: info.region, ids };
        const level = Math.min(1, Math.max(0, consolidationLevel + (random.float() - 0.5) * 0.4));
        this.commune(place, villageShares[c], level, random);
      }
    }
  }

  private commune(place: Place, villages: number, level: number, random: Random): void {
    this.communeSeq++;
    const code = String(10000 + this.communeSeq * 3).padStart(5, "0");
    const ward = random.chance(place.region === "south" || place.region === "northDelta" ? 0.3 : 0.15);
    const kinds = ward ? WARD_KINDS : VILLAGE_KINDS[place.region];
    const used = new Set<string>();
    const numbered = new Map<string, number>();
    const villageName = (kind: string): string => {
      if (!random.chance(0.4) || ward) {
        for (let attempt = 0; attempt < 20 && !ward; attempt++) {
          const upland = place.region === "northMountain" && random.chance(0.7);
          const name = upland
            ? `${random.pick(UPLAND_PREFIXES)} ${random.pick(UPLAND_SYLLABLES)}`
            : `${kind} ${random.pick(PLACE_SYLLABLES)} ${random.pick(PLACE_SYLLABLES)}`;
          if (!used.has(name)) {
            used.add(name);
            return name;
          }
        }
      }
      for (;;) {
        const n = (numbered.get(kind) ?? 0) + 1;
        numbered.set(kind, n);
        const name = `${kind} ${n}`;
        if (!used.has(name)) {
          used.add(name);
          return name;
        }
      }
    };

    for (let v = 0; v < villages; v++) {
      const kind = random.weighted(kinds);
      this.village(place, code, kind, villageName(kind), random.chance(level), random);
    }
    this.communePosts(place, random);
  }

  private person(place: Place, random: Random, femaleShare = 0.2): PersonInfo {
    const female = random.chance(femaleShare);
    const upland = place.region === "northMountain" && random.chance(0.75);
    const family = random.weighted(upland ? UPLAND_FAMILY_NAMES : FAMILY_NAMES);
    const middle = random.pick(female ? FEMALE_MIDDLE : MALE_MIDDLE);
    const given = random.pick(female ? FEMALE_GIVEN : MALE_GIVEN);
    this.personSeq++;
    return {
      name: `${family} ${middle} ${given}`,
      id: place.ids ? `CB${String(this.personSeq).padStart(7, "0")}` : null,
      female,
      birthYear: random.int(1962, 2000),
      ethnicity: random.weighted(MINORITY_GROUPS[place.region]),
      education: random.weighted(EDUCATION),
      professional: random.weighted(PROFESSIONAL),
      theory: random.weighted(THEORY),
      trained: random.chance(0.85),
    };
  }

  private name(person: PersonInfo, random: Random): string {
    return maybeVariant(random, this.variation, person.name);
  }

  private communeCell(place: Place, random: Random): string {
    if (random.chance(this.variation)) return `Xã ${place.commune}`;
    return maybeVariant(random, this.variation, place.commune);
  }

  private village(
    place: Place,
    code: string,
    kind: string,
    name: string,
    consolidated: boolean,
    random: Random,
  ): void {
    const secretary = this.person(place, random);
    const head = consolidated ? secretary : this.person(place, random);
    const frontIsSecretary = random.chance(0.35);
    const front = frontIsSecretary ? secretary : this.person(place, random, 0.4);
    const hasOwnCell = random.chance(0.88);
    const members = hasOwnCell
      ? random.chance(0.08)
        ? random.int(1, 2)
        : random.int(3, 45)
      : random.int(0, 4);
    const recording = random.weighted([
      ["flagAndNames", 60],
      ["names", 30],
      ["officeHoldersOnly", 10],
    ] as const);
    const withNames = recording !== "officeHoldersOnly";
    const flag = recording === "flagAndNames" ? random.weighted(consolidated ? YES_WORDS : NO_WORDS) : null;
    const membersCell: CellValue = random.chance(this.variation) ? String(members) : members;
    const district = this.threeTier
      ? [random.chance(this.variation) ? `Huyện ${place.district}` : place.district]
      : [];
    const row: CellValue[] = [
      this.villageRows.length + 1,
      place.province,
      ...district,
      this.communeCell(place, random),
      code,
      maybeVariant(random, this.variation, name),
      kind.toLowerCase(),
      hasOwnCell ? "x" : random.chance(0.5) ? "Không" : null,
      membersCell,
      withNames ? this.name(secretary, random) : null,
      withNames ? this.name(head, random) : null,
      withNames ? this.name(front, random) : null,
      flag,
      !hasOwnCell && random.chance(0.3) ? "Chi bộ ghép" : null,
    ];
    if (random.chance(this.errorRate)) this.dataError(row, random);
    this.villageRows.push(row);

    // Office-holders: one row per person per post, or one row "X kiêm Y" for a person with two.
    const headPost = random.pick(HEAD_POSTS[kind] ?? ["Trưởng thôn"]);
    const secretaryPost = random.pick(SECRETARY_POSTS);
    const frontPost = random.pick(FRONT_POSTS);
    const before = this.holderRows.length;
    const secretaryPosts = [secretaryPost];
    if (consolidated) {
      if (random.chance(0.8)) secretaryPosts.push(headPost);
      else this.holder(place, name, head, headPost, random);
    } else {
      this.holder(place, name, head, headPost, random);
    }
    if (frontIsSecretary) {
      if (random.chance(0.5)) secretaryPosts.push(frontPost);
      else this.holder(place, name, secretary, frontPost, random);
    } else {
      this.holder(place, name, front, frontPost, random);
    }
    this.holder(place, name, secretary, secretaryPosts.join(random.pick(JOINERS)), random);
    const written = this.holderRows.length - before;
    if (random.chance(this.holdersPerVillage - 0.15 - written)) {
      this.holder(place, name, this.person(place, random, 0.35), "Phó bí thư chi bộ", random);
    }
  }

  private holder(
    place: Place,
    village: string | null,
    person: PersonInfo,
    post: string,
    random: Random,
  ): void {
    const district = this.threeTier ? [place.district] : [];
    this.holderRows.push([
      this.holderRows.length + 1,
      this.name(person, random),
      post,
      place.province,
      ...district,
      this.communeCell(place, random),
      village === null ? null : maybeVariant(random, this.variation, village),
      person.id,
      person.birthYear,
      person.female ? "Nữ" : "Nam",
      person.ethnicity,
      person.education,
      person.professional,
      person.theory,
      person.trained ? "x" : null,
    ]);
  }

  /** The commune's party secretary, deputy, People's Committee and People's Council chairs. */
  private communePosts(place: Place, random: Random): void {
    const secretary = this.person(place, random, 0.15);
    const deputy = this.person(place, random, 0.25);
    const committeeChair = random.chance(0.45) ? secretary : this.person(place, random, 0.15);
    const councilChair = random.chance(0.5)
      ? secretary
      : random.chance(0.5)
        ? deputy
        : this.person(place, random);
    const posts = new Map<PersonInfo, string[]>([
      [secretary, ["Bí thư đảng ủy"]],
      [deputy, ["Phó bí thư đảng ủy"]],
    ]);
    const add = (p: PersonInfo, post: string): void => {
      posts.set(p, [...(posts.get(p) ?? []), post]);
    };
    add(committeeChair, random.pick(["Chủ tịch UBND", "Chủ tịch Ủy ban nhân dân", "CT UBND"]));
    add(councilChair, random.pick(["Chủ tịch HĐND", "Chủ tịch Hội đồng nhân dân", "CT HĐND"]));
    for (const [person, list] of posts) this.holder(place, null, person, list.join(" kiêm "), random);
  }

  /** One of the mistakes the reader must report, at the rate `errors`. */
  private dataError(row: CellValue[], random: Random): void {
    const offset = this.threeTier ? 1 : 0;
    const at = (key: string): number => 1 + this.villageKeys.indexOf(key);
    switch (random.int(0, 5)) {
      case 0:
        row[at("consolidated")] = random.pick(["?", "chưa rõ", "2"]);
        break;
      case 1:
        row[at("partyMembers")] = random.pick([-1, 2.5, "mười"]);
        break;
      case 2:
        row[at("village")] = null;
        break;
      case 3:
        row[at("partyMembers")] = { kind: "error", code: "#N/A" };
        break;
      case 4:
        row[at("type")] = "đội";
        break;
      default: {
        // A duplicate of the previous village of the same commune, as after a copy and paste.
        const previous = this.villageRows[this.villageRows.length - 1];
        if (previous && previous[2 + offset] === row[2 + offset])
          row[at("village")] = previous[at("village")];
        else row[at("consolidated")] = "?";
      }
    }
  }

  private targets(provinces: readonly ProvinceInfo[]): void {
    const random = this.random.fork(1000);
    const rows = this.targetRows;
    rows.push(["village_secretary_head", null, null, "90%", "trên", 2025]);
    rows.push(["Bí thư kiêm trưởng thôn", null, "xã", 0.8, "đạt", 2024]);
    rows.push(["commune_secretary_committee_chair", null, null, 0.5, "đạt", 2025]);
    rows.push(["secretary_education_12", null, null, "80%", "≥", 2025]);
    rows.push(["secretary_theory", null, null, 0.6, null, 2025]);
    for (const p of provinces)
      rows.push(["village_secretary_head", p.name, "tỉnh", random.pick([0.85, 0.9, 0.95]), "đạt", 2025]);
    // Named targets for about one commune in thirty, as provinces set for their weakest communes.
    for (const row of this.villageRows) {
      if (!random.chance(1 / 900)) continue;
      const commune = row[this.threeTier ? 3 : 2];
      if (typeof commune === "string")
        rows.push(["village_secretary_head", commune, "xã", "100%", "đạt", 2025]);
    }
  }
}

/** The three sizes of issue 6, and a three-tier country for the core alone. */
export const SIZES = {
  district: { seed: 1, provinces: 1, districtsPerProvince: 1, communes: 12, villages: 150 },
  province: { seed: 2, provinces: 1, districtsPerProvince: 0, communes: 100, villages: 3000 },
  country: { seed: 3, provinces: 34, districtsPerProvince: 0, communes: 3321, villages: 100000 },
  countryThreeTier: { seed: 4, provinces: 34, districtsPerProvince: 20, communes: 3321, villages: 100000 },
} as const satisfies Record<string, GeneratorOptions>;

export type SizeName = keyof typeof SIZES;
