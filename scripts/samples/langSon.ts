import { Prng } from "../common/prng";
import type { WorkbookDef } from "../common/xlsxWrite";
import { People, Places, TAY_NUNG, type Person } from "./names";
import { recordVillage } from "./recording";
import {
  officeHolderSheet,
  percent,
  targetSheet,
  villageSheet,
  type OfficeHolderRow,
  type TargetRow,
  type VillageRow,
} from "./sheets";

/**
 * samples/lang-son.xlsx: province Lạng Sơn with three districts, each reproducing one article.
 * - Bình Gia (seed 000, 19/09/2021): 143 villages, 68 consolidated; Yên Lỗ 3/9 (Pò Mầm, Khuổi
 *   Chặng, Khuổi Mè); Tân Văn, Hồng Phong, Vĩnh Yên about 30%; target "trên 90%" by 2025.
 * - Lộc Bình (seed 003, 24/05/2022): 21 communes; secretary also People's Committee chair 10/21,
 *   secretary also People's Council chair 11/21, deputy secretary also council chair 10/21.
 * - Thành phố Lạng Sơn (seed 001, 22/01/2022): 8 communes and wards, 87 village cells; secretaries
 *   over 80% with 12/12, nearly 60% with political theory sơ cấp or higher, 100% trained.
 * Names of people are invented; see docs/samples.md.
 */

export const PROVINCE = "Lạng Sơn";

/** Bình Gia's communes (after the 2019–2020 merger: 1 town and 18 communes) and their figures. */
export const BINH_GIA: readonly { commune: string; villages: number; consolidated: number }[] = [
  { commune: "Thị trấn Bình Gia", villages: 15, consolidated: 10 },
  { commune: "Hoa Thám", villages: 7, consolidated: 4 },
  { commune: "Quý Hòa", villages: 6, consolidated: 3 },
  { commune: "Hưng Đạo", villages: 7, consolidated: 4 },
  { commune: "Thiện Thuật", villages: 8, consolidated: 5 },
  { commune: "Thiện Hòa", villages: 6, consolidated: 3 },
  { commune: "Thiện Long", villages: 6, consolidated: 4 },
  { commune: "Hồng Thái", villages: 6, consolidated: 3 },
  { commune: "Hòa Bình", villages: 5, consolidated: 2 },
  { commune: "Quang Trung", villages: 7, consolidated: 4 },
  { commune: "Minh Khai", villages: 6, consolidated: 3 },
  { commune: "Mông Ân", villages: 6, consolidated: 2 },
  { commune: "Hoàng Văn Thụ", villages: 7, consolidated: 4 },
  { commune: "Tân Hòa", villages: 6, consolidated: 3 },
  { commune: "Bình La", villages: 7, consolidated: 2 },
  { commune: "Yên Lỗ", villages: 9, consolidated: 3 },
  { commune: "Tân Văn", villages: 12, consolidated: 4 },
  { commune: "Hồng Phong", villages: 10, consolidated: 3 },
  { commune: "Vĩnh Yên", villages: 7, consolidated: 2 },
];

/** Villages named in seed 000, with their status. */
const NAMED_VILLAGES: Record<string, readonly { village: string; consolidated: boolean }[]> = {
  "Yên Lỗ": [
    { village: "Pò Mầm", consolidated: true },
    { village: "Khuổi Chặng", consolidated: true },
    { village: "Khuổi Mè", consolidated: true },
  ],
  "Tân Văn": [{ village: "Suối Cáp", consolidated: true }],
};

/** Lộc Bình's 2 towns and 19 communes; the first ten have secretary = People's Committee chair. */
export const LOC_BINH_SECRETARY_IS_PC_CHAIR = [
  "Lợi Bác",
  "Sàn Viên",
  "Tú Đoạn",
  "Tam Gia",
  "Yên Khoái",
  "Tú Mịch",
  "Thị trấn Na Dương",
  "Xuân Dương",
  "Đông Quan",
  "Hữu Khánh",
] as const;
/** …and these eleven have secretary = People's Council chair (Khánh Xuân is named in seed 003). */
export const LOC_BINH_SECRETARY_IS_COUNCIL_CHAIR = [
  "Khánh Xuân",
  "Thị trấn Lộc Bình",
  "Ái Quốc",
  "Đồng Bục",
  "Hữu Lân",
  "Khuất Xá",
  "Mẫu Sơn",
  "Minh Hiệp",
  "Nam Quan",
  "Thống Nhất",
  "Tĩnh Bắc",
] as const;

/** Lạng Sơn city's wards and communes with their number of village / khối phố cells (87 in all). */
export const LANG_SON_CITY: readonly { commune: string; cells: number; rural: boolean }[] = [
  { commune: "Phường Chi Lăng", cells: 13, rural: false },
  { commune: "Phường Đông Kinh", cells: 12, rural: false },
  { commune: "Phường Hoàng Văn Thụ", cells: 14, rural: false },
  { commune: "Phường Tam Thanh", cells: 11, rural: false },
  { commune: "Phường Vĩnh Trại", cells: 12, rural: false },
  { commune: "Xã Hoàng Đồng", cells: 9, rural: true },
  { commune: "Xã Mai Pha", cells: 9, rural: true },
  { commune: "Xã Quảng Lạc", cells: 7, rural: true },
];
/** Seed 001's quality figures, as counts of the 87 secretaries (invented counts that match the article's words). */
export const LANG_SON_CITY_QUALITY = { secretaries: 87, education12: 71, theory: 52, trained: 87, consolidated: 64 };

/** Term ends of the city's village heads, in the forms clerks write (a month, a year, a term). */
const CITY_TERM_ENDS: readonly (string | number)[] = ["6/2025", 2027, "2022-2025", 2027, "12/2025"];

const BINH_GIA_DISTRICT = "Bình Gia";
const LOC_BINH_DISTRICT = "Lộc Bình";
const CITY_DISTRICT = "Thành phố Lạng Sơn";

/** `statuses`, when given, receives each row's true status (for the previous period's sample). */
function binhGiaVillages(rng: Prng, statuses?: boolean[]): VillageRow[] {
  const people = new People(rng, TAY_NUNG);
  const places = new Places(rng);
  places.reserve(Object.values(NAMED_VILLAGES).flatMap((list) => list.map((v) => v.village)));
  const rows: VillageRow[] = [];
  for (const { commune, villages, consolidated } of BINH_GIA) {
    const town = commune.startsWith("Thị trấn");
    const named = NAMED_VILLAGES[commune] ?? [];
    const namedYes = named.filter((v) => v.consolidated).length;
    const others = villages - named.length;
    const yes = new Set(rng.choose(others, consolidated - namedYes));
    const list = [
      ...named,
      ...Array.from({ length: others }, (_, i) => ({
        village: town && i < 9 ? `Khối phố ${i + 1}` : places.tay(),
        consolidated: yes.has(i),
      })),
    ];
    // Named villages first would give them away; clerks list villages in their own order.
    for (const v of rng.shuffle(list)) {
      const recorded = recordVillage(rng, people, v.consolidated, rng.next() < 0.55);
      rows.push({
        province: PROVINCE,
        district: BINH_GIA_DISTRICT,
        commune,
        village: v.village,
        type: v.village.startsWith("Khối phố") ? "khối phố" : "thôn",
        hasOwnCell: "x",
        partyMembers: rng.int(6, 38),
        secretary: recorded.secretary,
        head: recorded.head,
        frontHead: rng.next() < 0.2 ? recorded.secretary : people.next().name,
        consolidated: recorded.consolidated,
      });
      statuses?.push(v.consolidated);
    }
  }
  return rows;
}

/** Bình Gia a year before the article (invented): 12 fewer villages consolidated, 56 of 143. */
export const BINH_GIA_2020 = { date: "15-9-2020", consolidated: 56, reverted: 12 } as const;

/**
 * samples/binh-gia-2020.xlsx: the previous period for lang-son.xlsx (issue 15, the pace to the
 * deadline). The same 143 Bình Gia villages (the same generator and seed), but a year earlier, dated
 * "Số liệu có đến ngày 15-9-2020": in each of the first 12 communes with 3 or more consolidated
 * villages, its first consolidated village still had a different village head (an invented name).
 */
export function binhGia2020Workbook(): WorkbookDef {
  const statuses: boolean[] = [];
  const rows = binhGiaVillages(new Prng(20210919), statuses);
  const heads = new People(new Prng(20200915), TAY_NUNG);
  const communes = BINH_GIA.filter((c) => c.consolidated >= 3)
    .slice(0, BINH_GIA_2020.reverted)
    .map((c) => c.commune);
  const reverted = new Set<string>();
  const previous = rows.map((row, i) => {
    if (!statuses[i] || !communes.includes(row.commune) || reverted.has(row.commune)) return row;
    reverted.add(row.commune);
    return {
      ...row,
      head: heads.next().name,
      consolidated: row.consolidated === undefined ? undefined : "Không",
    };
  });
  return {
    title: "Nhất thể hóa bí thư chi bộ kiêm trưởng thôn — huyện Bình Gia, kỳ trước (dữ liệu mẫu)",
    sheets: [
      villageSheet(previous, {
        titles: [
          "DANH SÁCH THÔN, KHỐI PHỐ VÀ BÍ THƯ CHI BỘ — HUYỆN BÌNH GIA",
          "(Dữ liệu mẫu: kỳ trước của lang-son.xlsx, tên người là tên đặt ra)",
          `Số liệu có đến ngày ${BINH_GIA_2020.date}`,
        ],
        columns: [
          "province",
          "district",
          "commune",
          "village",
          "type",
          "hasOwnCell",
          "partyMembers",
          "secretary",
          "head",
          "frontHead",
          "consolidated",
          "notes",
        ],
      }),
    ],
  };
}

function locBinhVillages(rng: Prng): VillageRow[] {
  const people = new People(rng, TAY_NUNG);
  const places = new Places(rng);
  const rows: VillageRow[] = [];
  const communes = [...LOC_BINH_SECRETARY_IS_PC_CHAIR, ...LOC_BINH_SECRETARY_IS_COUNCIL_CHAIR].sort((a, b) =>
    a.localeCompare(b, "vi"),
  );
  for (const commune of communes) {
    const count = rng.int(4, 8);
    for (let i = 0; i < count; i++) {
      const recorded = recordVillage(rng, people, rng.next() < 0.6, rng.next() < 0.5);
      rows.push({
        province: PROVINCE,
        district: LOC_BINH_DISTRICT,
        commune,
        village: commune.startsWith("Thị trấn") && i < 4 ? `Khu ${i + 1}` : places.tay(),
        type: commune.startsWith("Thị trấn") && i < 4 ? "khu phố" : "thôn",
        hasOwnCell: "x",
        partyMembers: rng.int(5, 30),
        secretary: recorded.secretary,
        head: recorded.head,
        consolidated: recorded.consolidated,
      });
    }
  }
  return rows;
}

/**
 * Lộc Bình's commune leaders. Where the secretary chairs the People's Committee, the deputy
 * secretary chairs the People's Council; elsewhere the secretary chairs the Council and a deputy
 * secretary chairs the Committee (one person never chairs both, so the three counts are 10, 11, 10).
 */
function locBinhLeaders(rng: Prng): OfficeHolderRow[] {
  const people = new People(rng, TAY_NUNG);
  const rows: OfficeHolderRow[] = [];
  const base = (p: Person, commune: string) => ({
    fullName: p.name,
    province: PROVINCE,
    district: LOC_BINH_DISTRICT,
    commune: commune.startsWith("Thị trấn") ? commune : `Xã ${commune}`,
    birthYear: rng.int(1966, 1982),
    gender: p.female ? "Nữ" : "Nam",
    ethnicity: p.ethnicity,
    education: "12/12",
    professional: rng.pick(["Đại học", "Đại học Luật", "Thạc sĩ", "Đại học Nông lâm"]),
    politicalTheory: rng.pick(["Trung cấp", "Cao cấp"]),
  });
  // Half the time both posts of one person are written in one "kiêm" row, else in two rows.
  const hold = (p: Person, commune: string, first: string, second: string): void => {
    if (rng.next() < 0.5) rows.push({ ...base(p, commune), post: `${first} kiêm ${second}` });
    else {
      const row = base(p, commune);
      rows.push({ ...row, post: first }, { ...row, post: second });
    }
  };
  for (const commune of LOC_BINH_SECRETARY_IS_PC_CHAIR) {
    const [secretary, deputy, standing] = [people.next(), people.next(), people.next()];
    hold(secretary, commune, "Bí thư đảng ủy", "Chủ tịch UBND");
    hold(deputy, commune, "Phó bí thư đảng ủy", "Chủ tịch HĐND");
    rows.push({ ...base(standing, commune), post: "Phó bí thư thường trực đảng ủy" });
  }
  for (const commune of LOC_BINH_SECRETARY_IS_COUNCIL_CHAIR) {
    const [secretary, deputy, standing] = [people.next(), people.next(), people.next()];
    hold(secretary, commune, "Bí thư đảng ủy", "Chủ tịch HĐND");
    hold(deputy, commune, "Phó bí thư đảng ủy", "Chủ tịch UBND");
    rows.push({ ...base(standing, commune), post: "Phó bí thư thường trực đảng ủy" });
  }
  return rows;
}

/**
 * Lạng Sơn city: the Villages sheet lists the cells without names; the secretaries and heads are in
 * the Office-holders sheet (with person IDs), which is where each village's status comes from.
 */
function cityRows(rng: Prng): { villages: VillageRow[]; holders: OfficeHolderRow[] } {
  const people = new People(rng, TAY_NUNG);
  const places = new Places(rng);
  places.reserve(["Trung Cấp"]);
  const q = LANG_SON_CITY_QUALITY;
  const total = q.secretaries;
  const education = new Set(rng.choose(total, q.education12));
  const theory = new Set(rng.choose(total, q.theory));
  const consolidated = new Set(rng.choose(total, q.consolidated));
  const villages: VillageRow[] = [];
  const holders: OfficeHolderRow[] = [];
  let k = 0;
  for (const { commune, cells, rural } of LANG_SON_CITY) {
    for (let i = 0; i < cells; i++, k++) {
      const village = rural ? (commune === "Xã Mai Pha" && i === 0 ? "Trung Cấp" : places.tay()) : `Khối ${i + 1}`;
      const type = rural ? "thôn" : "khối phố";
      villages.push({
        province: PROVINCE,
        district: CITY_DISTRICT,
        commune,
        village,
        type,
        hasOwnCell: "x",
        partyMembers: rural ? rng.int(12, 45) : rng.int(25, 90),
      });
      const secretary = people.next({ female: rng.next() < 0.3 });
      const headPost = rural ? "Trưởng thôn" : "Trưởng khối phố";
      const where = { province: PROVINCE, district: CITY_DISTRICT, commune, village };
      holders.push({
        ...where,
        fullName: secretary.name,
        post: consolidated.has(k) ? `Bí thư chi bộ kiêm ${headPost}` : "Bí thư chi bộ",
        personId: `LS-${String(k + 1).padStart(3, "0")}`,
        birthYear: rng.int(1955, 1988),
        gender: secretary.female ? "Nữ" : "Nam",
        ethnicity: secretary.ethnicity,
        education: education.has(k) ? "12/12" : rng.pick(["9/12", "8/10", "7/10", "9/12"]),
        professional: rng.pick(["Không", "Sơ cấp", "Trung cấp", "Cao đẳng", "Đại học", "Không"]),
        politicalTheory: theory.has(k) ? rng.pick(["Sơ cấp", "Sơ cấp", "Trung cấp"]) : "Chưa qua đào tạo",
        trained: rng.pick(["x", "Có", "x"]),
      });
      if (!consolidated.has(k)) {
        const head = people.next();
        // Issue 15 (where to look first), without drawing from the generator: every third head is
        // the cell's deputy secretary; terms end in 2025 for some, later for others.
        holders.push({
          ...where,
          fullName: head.name,
          post: k % 3 === 1 ? `Phó bí thư chi bộ kiêm ${headPost}` : headPost,
          personId: `LS-T${String(k + 1).padStart(3, "0")}`,
          birthYear: rng.int(1955, 1990),
          gender: head.female ? "Nữ" : "Nam",
          ethnicity: head.ethnicity,
          termEnd: CITY_TERM_ENDS[k % CITY_TERM_ENDS.length],
        });
      }
    }
  }
  return { villages, holders };
}

const TARGETS: readonly TargetRow[] = [
  // Seed 000: "đến năm 2025, nâng tỷ lệ … đạt trên 90%".
  { indicator: "village_secretary_head", unit: "Bình Gia", level: "huyện", target: percent(0.9), comparator: "trên", year: 2025 },
  // Illustrative: the province's default for every commune.
  { indicator: "village_secretary_head", level: "xã", target: percent(0.9), comparator: "đạt", year: 2025 },
  // Illustrative: the target the province gave Lộc Bình, which seed 003 says it exceeded (10/21 = 47.6%).
  {
    indicator: "Bí thư đảng ủy kiêm chủ tịch UBND",
    unit: "Lộc Bình",
    level: "huyện",
    target: percent(0.4),
    comparator: "đạt",
    year: 2022,
  },
];

/** The whole Lạng Sơn workbook. */
export function langSonWorkbook(): WorkbookDef {
  const rng = new Prng(20210919);
  const binhGia = binhGiaVillages(rng);
  const locBinh = locBinhVillages(rng);
  const leaders = locBinhLeaders(rng);
  const city = cityRows(rng);
  return {
    title: "Nhất thể hóa bí thư chi bộ kiêm trưởng thôn — tỉnh Lạng Sơn (dữ liệu mẫu)",
    sheets: [
      villageSheet([...binhGia, ...locBinh, ...city.villages], {
        titles: [
          "DANH SÁCH THÔN, KHỐI PHỐ VÀ BÍ THƯ CHI BỘ — TỈNH LẠNG SƠN",
          "(Dữ liệu mẫu: số liệu tổng hợp theo các bài báo 2021–2022, tên người là tên đặt ra)",
          "Số liệu có đến ngày 15-9-2021",
        ],
        columns: [
          "province",
          "district",
          "commune",
          "village",
          "type",
          "hasOwnCell",
          "partyMembers",
          "secretary",
          "head",
          "frontHead",
          "consolidated",
          "notes",
        ],
      }),
      officeHolderSheet([...leaders, ...city.holders], {
        titles: ["DANH SÁCH CÁN BỘ CHỦ CHỐT XÃ VÀ BÍ THƯ CHI BỘ THÔN, KHỐI PHỐ"],
        table: true,
      }),
      targetSheet(TARGETS, { titles: ["CHỈ TIÊU NHẤT THỂ HÓA"] }),
    ],
  };
}
