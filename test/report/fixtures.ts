import type { CellValue } from "../../src/core/cells";
import type { WorkbookGrids } from "../../src/core/grid";
import type { Issue } from "../../src/core/issues";
import { readWorkbooks } from "../../src/core/read/readWorkbook";
import { rollup } from "../../src/core/rollup/rollup";
import type { Rollup } from "../../src/core/rollup/types";
import { resolveSettings, type ReportSettings, type ReportSettingsInput } from "../../src/report/settings";

/**
 * Small but realistic inputs for the report tests, read and rolled up by the real core:
 * Bình Gia (seed 000): 143 villages, 68 consolidated; Yên Lỗ 3/9 (Pò Mầm, Khuổi Chặng, Khuổi Mè),
 * Tân Văn 4/12 (with Suối Cáp), Hồng Phong 3/10, Vĩnh Yên 2/7, and 16 further communes with
 * 105 villages, 56 consolidated; a target "above 90%" for the district and for every commune.
 */

const FAMILY = ["Hoàng", "Nông", "Lý", "Vi", "Lộc", "Hà", "Triệu", "Lăng", "Mông", "Chu", "Dương", "Bế"];
const MIDDLE_M = ["Văn", "Đức", "Văn", "Minh"];
const MIDDLE_F = ["Thị", "Thị", "Thu"];
const GIVEN = [
  "Thắng",
  "Hùng",
  "Tuấn",
  "Hòa",
  "Lâm",
  "Sơn",
  "Hải",
  "Cường",
  "Dũng",
  "Phúc",
  "Quang",
  "Tiến",
  "Hạnh",
  "Mai",
];

/** A deterministic Vietnamese-looking name. */
export function personName(n: number): string {
  const female = n % 5 === 0;
  const middle = female ? MIDDLE_F[n % MIDDLE_F.length] : MIDDLE_M[n % MIDDLE_M.length];
  return `${FAMILY[n % FAMILY.length]} ${middle} ${GIVEN[(n * 7) % GIVEN.length]}`;
}

const VILLAGE_PARTS = ["Nà", "Khuổi", "Pò", "Bản", "Còn", "Nặm", "Phiêng", "Kéo", "Lũng", "Bó"];
const VILLAGE_ENDS = [
  "Rọ",
  "Slảng",
  "Pàn",
  "Mạ",
  "Cáp",
  "Lẹng",
  "Tảng",
  "Phầy",
  "Vài",
  "Quang",
  "Đon",
  "Khoang",
];

export function villageName(n: number): string {
  return `${VILLAGE_PARTS[n % VILLAGE_PARTS.length]} ${VILLAGE_ENDS[Math.floor(n / VILLAGE_PARTS.length) % VILLAGE_ENDS.length]} ${Math.floor(n / 120) + 1}`;
}

export const VILLAGE_HEADER: CellValue[] = [
  "Tỉnh",
  "Huyện",
  "Xã",
  "Thôn",
  "Bí thư chi bộ",
  "Trưởng thôn",
  "Có chi bộ",
  "Số đảng viên",
  "Ghi chú",
];

export interface CommuneSpec {
  readonly name: string;
  readonly villages: number;
  readonly consolidated: number;
  /** Names of the consolidated villages, first; the rest are generated. */
  readonly named?: readonly string[];
}

export const BINH_GIA_NAMED: readonly CommuneSpec[] = [
  { name: "Yên Lỗ", villages: 9, consolidated: 3, named: ["Pò Mầm", "Khuổi Chặng", "Khuổi Mè"] },
  { name: "Tân Văn", villages: 12, consolidated: 4, named: ["Suối Cáp"] },
  { name: "Hồng Phong", villages: 10, consolidated: 3 },
  { name: "Vĩnh Yên", villages: 7, consolidated: 2 },
];

const REST_NAMES = [
  "Thị trấn Bình Gia",
  "Hoa Thám",
  "Quý Hòa",
  "Hưng Đạo",
  "Thiện Long",
  "Hòa Bình",
  "Tân Hòa",
  "Hồng Thái",
  "Minh Khai",
  "Quang Trung",
  "Tô Hiệu",
  "Hoàng Văn Thụ",
  "Mông Ân",
  "Thiện Thuật",
  "Tân Tri",
  "Thiện Hòa",
];
// 105 villages and 56 consolidated over 16 communes.
const REST_VILLAGES = [7, 6, 7, 6, 7, 6, 7, 6, 7, 6, 7, 6, 7, 6, 7, 7];
const REST_CONSOLIDATED = [4, 3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 3];

export const BINH_GIA: readonly CommuneSpec[] = [
  ...BINH_GIA_NAMED,
  ...REST_NAMES.map((name, i) => ({ name, villages: REST_VILLAGES[i], consolidated: REST_CONSOLIDATED[i] })),
];

/** Village rows of one district: consolidated villages have the same secretary and head. */
export function villageRows(
  province: string,
  district: string | null,
  communes: readonly CommuneSpec[],
  seed = 0,
): CellValue[][] {
  const rows: CellValue[][] = [];
  let n = seed;
  for (const c of communes) {
    for (let i = 0; i < c.villages; i++) {
      n++;
      const name = c.named?.[i] ?? villageName(n);
      const secretary = personName(n * 3);
      const head = i < c.consolidated ? secretary : personName(n * 3 + 1);
      const members = 2 + ((n * 7) % 15);
      rows.push([
        province,
        district,
        c.name,
        name,
        secretary,
        head,
        n % 9 === 0 ? "Không" : "Có",
        members,
        null,
      ]);
    }
  }
  return rows;
}

export const TARGET_HEADER: CellValue[] = ["Chỉ tiêu", "Đơn vị", "Cấp", "Mục tiêu", "So sánh", "Năm"];

export const OFFICE_HEADER: CellValue[] = [
  "Họ và tên",
  "Chức danh",
  "Tỉnh",
  "Huyện",
  "Xã",
  "Thôn",
  "Năm sinh",
  "Giới tính",
  "Dân tộc",
  "Trình độ văn hóa",
  "Chuyên môn",
  "Lý luận chính trị",
  "Bồi dưỡng nghiệp vụ",
  "Mã cán bộ",
];

/** Commune leaders: secretary also People's Committee chair in every other commune, etc. */
export function communeLeaderRows(
  province: string,
  district: string | null,
  communes: readonly CommuneSpec[],
): CellValue[][] {
  const rows: CellValue[][] = [];
  communes.forEach((c, i) => {
    const secretary = personName(1000 + i * 4);
    const chair = i % 2 === 0 ? secretary : personName(1001 + i * 4);
    const deputy = personName(1003 + i * 4);
    const council = i % 3 === 0 ? secretary : i % 3 === 1 ? deputy : personName(1002 + i * 4);
    const base = [
      province,
      district,
      c.name,
      null,
      1970 + (i % 20),
      i % 4 === 0 ? "Nữ" : "Nam",
      i % 2 ? "Tày" : "Kinh",
      "12/12",
      "Đại học",
      "Cao cấp",
      "x",
    ];
    const post = (name: string, title: string): CellValue[] => [name, title, ...base, `CB-${c.name}-${name}`];
    rows.push(post(secretary, "Bí thư Đảng ủy"));
    rows.push(post(chair, "Chủ tịch UBND"));
    rows.push(post(council, "Chủ tịch HĐND"));
    rows.push(post(deputy, "Phó Bí thư Đảng ủy"));
  });
  return rows;
}

const EDUCATION = ["12/12", "12/12", "9/12", "12/12", "10/10", "7/10"];
const PROFESSIONAL = ["Trung cấp", "Không", "Sơ cấp", "Đại học", "Cao đẳng", "Không"];
const THEORY = ["Sơ cấp", "Trung cấp", "Không", "Sơ cấp", "Sơ cấp"];

/** Village cell secretaries as office-holders (same names as `villageRows` with the same seed). */
export function secretaryRows(
  province: string,
  district: string | null,
  communes: readonly CommuneSpec[],
  seed = 0,
): CellValue[][] {
  const rows: CellValue[][] = [];
  let n = seed;
  for (const c of communes) {
    for (let i = 0; i < c.villages; i++) {
      n++;
      const name = c.named?.[i] ?? villageName(n);
      rows.push([
        personName(n * 3),
        "Bí thư chi bộ",
        province,
        district,
        c.name,
        name,
        1960 + (n % 35),
        n % 5 === 0 ? "Nữ" : "Nam",
        ["Tày", "Nùng", "Kinh", "Dao"][n % 4],
        EDUCATION[n % EDUCATION.length],
        PROFESSIONAL[n % PROFESSIONAL.length],
        THEORY[n % THEORY.length],
        n % 7 === 0 ? "Không" : "Có",
        `BT-${n}`,
      ]);
    }
  }
  return rows;
}

export interface Fixture {
  readonly workbook: WorkbookGrids;
  readonly rollup: Rollup;
  readonly issues: readonly Issue[];
}

export function roll(workbook: WorkbookGrids): Fixture {
  const read = readWorkbooks([workbook]);
  if (read.unusable) throw new Error(`fixture unusable: ${read.unusable.en}`);
  const result = rollup(read.dataset, { referenceYear: 2021 });
  return { workbook, rollup: result, issues: [...read.dataset.issues, ...result.issues] };
}

/** Bình Gia district, Lạng Sơn: 143 villages, 68 consolidated, target above 90%. */
export function binhGia(extraVillages: CellValue[][] = []): Fixture {
  return roll({
    file: "",
    sheets: [
      {
        name: "Thôn",
        rows: [
          ["DANH SÁCH THÔN, KHỐI PHỐ"],
          [],
          VILLAGE_HEADER,
          ...villageRows("Lạng Sơn", "Bình Gia", BINH_GIA),
          ...extraVillages,
        ],
      },
      {
        name: "Cán bộ",
        rows: [
          OFFICE_HEADER,
          ...communeLeaderRows("Lạng Sơn", "Bình Gia", BINH_GIA),
          ...secretaryRows("Lạng Sơn", "Bình Gia", BINH_GIA),
        ],
      },
      {
        name: "Chỉ tiêu",
        rows: [
          TARGET_HEADER,
          ["village_secretary_head", "Bình Gia", "huyện", "90%", "trên", 2025],
          ["village_secretary_head", null, "xã", "90%", "trên", 2025],
        ],
      },
    ],
  });
}

/** Lạng Sơn province with two districts (nested layout): Bình Gia and Lộc Bình (21 communes). */
export function langSonTwoDistricts(): Fixture {
  const locBinh: CommuneSpec[] = Array.from({ length: 21 }, (_, i) => ({
    name:
      ["Tú Đoạn", "Khánh Xuân", "Mẫu Sơn", "Yên Khoái", "Tam Gia", "Xuân Dương", "Na Dương"][i % 7] +
      (i >= 7 ? ` ${Math.floor(i / 7) + 1}` : ""),
    villages: 5 + (i % 4),
    consolidated: 2 + (i % 3),
  }));
  return roll({
    file: "",
    sheets: [
      {
        name: "Thôn",
        rows: [
          VILLAGE_HEADER,
          ...villageRows("Lạng Sơn", "Bình Gia", BINH_GIA),
          ...villageRows("Lạng Sơn", "Lộc Bình", locBinh, 5000),
        ],
      },
      {
        name: "Cán bộ",
        rows: [
          OFFICE_HEADER,
          ...communeLeaderRows("Lạng Sơn", "Bình Gia", BINH_GIA),
          ...communeLeaderRows("Lạng Sơn", "Lộc Bình", locBinh),
        ],
      },
      { name: "Chỉ tiêu", rows: [TARGET_HEADER, ["village_secretary_head", null, null, "90%", ">=", 2025]] },
    ],
  });
}

/** Two-tier data (after 1 July 2025): Lào Cai province with communes directly under it. */
export function laoCaiTwoTier(): Fixture {
  const communes: CommuneSpec[] = [
    { name: "Xuân Hòa", villages: 30, consolidated: 27 },
    { name: "Bảo Yên", villages: 12, consolidated: 6 },
    { name: "Phường Lào Cai", villages: 9, consolidated: 9 },
  ];
  return roll({
    file: "",
    sheets: [
      { name: "Thôn", rows: [VILLAGE_HEADER, ...villageRows("Lào Cai", null, communes)] },
      { name: "Chỉ tiêu", rows: [TARGET_HEADER, ["village_secretary_head", null, null, "0.9", null, 2025]] },
    ],
  });
}

/** One commune's own data: Yên Lỗ alone. */
export function yenLoOnly(): Fixture {
  return roll({
    file: "",
    sheets: [
      { name: "Thôn", rows: [VILLAGE_HEADER, ...villageRows("Lạng Sơn", "Bình Gia", [BINH_GIA[0]])] },
      {
        name: "Chỉ tiêu",
        rows: [TARGET_HEADER, ["village_secretary_head", null, null, "90%", "trên", 2025]],
      },
    ],
  });
}

/** A synthetic district-sized or country-sized rollup: `villages` villages in communes of ~30. */
export function synthetic(villages: number, options: { districts?: number } = {}): Fixture {
  const districts = options.districts ?? 1;
  const perCommune = 30;
  const communeCount = Math.max(1, Math.ceil(villages / perCommune));
  const rows: CellValue[][] = [VILLAGE_HEADER];
  for (let i = 0; i < villages; i++) {
    const c = Math.floor(i / perCommune);
    const d = c % districts;
    const secretary = personName(i * 3);
    rows.push([
      "Lạng Sơn",
      `Huyện ${d + 1}`,
      `Xã ${c + 1}`,
      `Thôn ${i + 1}`,
      secretary,
      i % 2 === 0 ? secretary : personName(i * 3 + 1),
      "Có",
      3 + (i % 10),
      null,
    ]);
  }
  void communeCount;
  return roll({
    file: "",
    sheets: [
      { name: "Thôn", rows },
      {
        name: "Chỉ tiêu",
        rows: [TARGET_HEADER, ["village_secretary_head", null, null, "90%", "trên", 2025]],
      },
    ],
  });
}

export const FIXED_DATE = { year: 2021, month: 9, day: 19 } as const;

export function settingsFor(r: Rollup, input: ReportSettingsInput = {}): ReportSettings {
  return resolveSettings(r, input, FIXED_DATE);
}

/** Lộc Bình (seed 003): 21 communes; secretary also PC chair 10/21, also council chair 11/21, deputy also council chair 10/21. */
export function locBinh(): Fixture {
  const communes: CommuneSpec[] = Array.from({ length: 21 }, (_, i) => ({
    name: `${["Tú Đoạn", "Khánh Xuân", "Mẫu Sơn", "Yên Khoái", "Tam Gia", "Xuân Dương", "Na Dương"][i % 7]}${i >= 7 ? ` ${Math.floor(i / 7) + 1}` : ""}`,
    villages: 6,
    consolidated: 3,
  }));
  const leaders: CellValue[][] = [];
  communes.forEach((c, i) => {
    const secretary = personName(2000 + i * 4);
    const deputy = personName(2001 + i * 4);
    const chair = i < 10 ? secretary : personName(2002 + i * 4);
    const council = i >= 10 ? secretary : deputy;
    const row = (name: string, post: string): CellValue[] => [
      name,
      post,
      "Lạng Sơn",
      "Lộc Bình",
      c.name,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      `LB-${i}-${name}`,
    ];
    leaders.push(
      row(secretary, "Bí thư Đảng ủy"),
      row(deputy, "Phó Bí thư Đảng ủy"),
      row(chair, "Chủ tịch UBND"),
      row(council, "Chủ tịch HĐND"),
    );
  });
  return roll({
    file: "",
    sheets: [
      { name: "Thôn", rows: [VILLAGE_HEADER, ...villageRows("Lạng Sơn", "Lộc Bình", communes, 7000)] },
      { name: "Cán bộ", rows: [OFFICE_HEADER, ...leaders] },
    ],
  });
}
