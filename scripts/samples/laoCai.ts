import { Prng } from "../common/prng";
import type { WorkbookDef } from "../common/xlsxWrite";
import { MONG_DAO_TAY, People, Places } from "./names";
import { recordVillage } from "./recording";
import { officeHolderSheet, percent, targetSheet, villageSheet, type OfficeHolderRow, type VillageRow } from "./sheets";

/**
 * samples/lao-cai-two-tier.xlsx: province Lào Cai after 1 July 2025, two-tier (the District
 * column is there but empty everywhere). Xuân Hòa commune (seed 004) has 30 village party cells,
 * Xóm Thượng's with 6 members; two of its villages have no cell of their own (fewer than 3
 * members) and two cells have exactly 3. Four other communes named in seed 004 complete the
 * province. Everything but Xuân Hòa's 30 cells and Xóm Thượng's 6 members is invented.
 */

export const PROVINCE = "Lào Cai";
export const XUAN_HOA = { commune: "Xuân Hòa", cells: 30, withoutCell: 2, cellsOfThree: 2 };
const OTHER_COMMUNES: readonly { commune: string; villages: number; numbered?: boolean }[] = [
  { commune: "Cốc Lầu", villages: 8 },
  { commune: "Mường Hum", villages: 9 },
  { commune: "Thượng Hà", villages: 7, numbered: true },
  { commune: "Y Tý", villages: 8 },
];

/** The sample's rows: villages and office-holders (deterministic: a seeded generator). */
export function laoCaiRows(): { villages: VillageRow[]; holders: OfficeHolderRow[] } {
  const rng = new Prng(2025);
  const people = new People(rng, MONG_DAO_TAY);
  const places = new Places(rng);
  places.reserve(["Xóm Thượng"]);
  const villages: VillageRow[] = [];
  const holders: OfficeHolderRow[] = [];

  // Xuân Hòa: 30 cells (Xóm Thượng first, as in the article), then the two villages without a cell.
  const threes = new Set(rng.choose(XUAN_HOA.cells - 1, XUAN_HOA.cellsOfThree).map((i) => i + 1));
  const xuanHoaNames = ["Xóm Thượng", ...Array.from({ length: XUAN_HOA.cells - 1 }, () => places.laoCai())];
  xuanHoaNames.forEach((village, i) => {
    const consolidated = rng.next() < 0.75;
    const recorded = recordVillage(rng, people, consolidated, rng.next() < 0.5);
    villages.push({
      province: PROVINCE,
      commune: XUAN_HOA.commune,
      village,
      type: village.startsWith("Xóm") ? "xóm" : "thôn",
      hasOwnCell: "x",
      partyMembers: i === 0 ? 6 : threes.has(i) ? 3 : rng.int(4, 24),
      secretary: recorded.secretary,
      head: recorded.head,
      consolidated: recorded.consolidated,
      notes: i === 0 ? "Trước sắp xếp có 10 đảng viên; 4 đồng chí chuyển về chi bộ cơ quan xã" : undefined,
    });
    holders.push({
      fullName: recorded.secretaryPerson.name,
      post: consolidated ? "Bí thư chi bộ kiêm Trưởng thôn" : "Bí thư chi bộ",
      province: PROVINCE,
      commune: XUAN_HOA.commune,
      village,
      birthYear: rng.int(1965, 1995),
      gender: recorded.secretaryPerson.female ? "Nữ" : "Nam",
      ethnicity: recorded.secretaryPerson.ethnicity,
      education: rng.pick(["12/12", "12/12", "9/12"]),
      politicalTheory: rng.pick(["Sơ cấp", "Trung cấp", "Chưa qua đào tạo"]),
      trained: rng.pick(["x", "Có", "Không"]),
    });
  });
  for (let i = 0; i < XUAN_HOA.withoutCell; i++) {
    const host = xuanHoaNames[rng.int(1, xuanHoaNames.length - 1)];
    villages.push({
      province: PROVINCE,
      commune: XUAN_HOA.commune,
      village: places.laoCai(),
      type: "thôn",
      hasOwnCell: "Không",
      partyMembers: i + 1,
      head: people.next().name,
      consolidated: "Không",
      notes: `Đảng viên sinh hoạt ghép với chi bộ ${host}`,
    });
  }

  for (const { commune, villages: count, numbered } of OTHER_COMMUNES) {
    for (let i = 0; i < count; i++) {
      const ownCell = rng.next() < 0.85;
      const recorded = recordVillage(rng, people, ownCell && rng.next() < 0.7, rng.next() < 0.5);
      villages.push({
        province: PROVINCE,
        commune,
        village: numbered ? `Thôn ${i + 1}` : places.laoCai(),
        type: numbered ? "thôn" : rng.pick(["thôn", "bản"]),
        hasOwnCell: ownCell ? "x" : "Không",
        partyMembers: ownCell ? rng.int(3, 28) : rng.int(0, 2),
        secretary: ownCell ? recorded.secretary : undefined,
        head: ownCell ? recorded.head : recorded.headPerson.name,
        consolidated: ownCell ? recorded.consolidated : "Không",
      });
    }
  }

  return { villages, holders };
}

export function laoCaiWorkbook(): WorkbookDef {
  const { villages, holders } = laoCaiRows();
  return {
    title: "Chi bộ thôn, bản — tỉnh Lào Cai, mô hình hai cấp (dữ liệu mẫu)",
    sheets: [
      villageSheet(villages, {
        titles: [
          "ĐẢNG BỘ TỈNH LÀO CAI",
          "DANH SÁCH CHI BỘ THÔN, BẢN SAU SẮP XẾP (MÔ HÌNH HAI CẤP)",
          "(Số liệu đến 30/9/2025)",
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
          "consolidated",
          "notes",
        ],
      }),
      officeHolderSheet(holders, {
        titles: ["BÍ THƯ CHI BỘ THÔN, BẢN XÃ XUÂN HÒA"],
        table: true,
        columns: [
          "fullName",
          "post",
          "province",
          "district",
          "commune",
          "village",
          "birthYear",
          "gender",
          "ethnicity",
          "education",
          "politicalTheory",
          "trained",
        ],
      }),
      targetSheet(
        [
          { indicator: "village_secretary_head", level: "xã", target: percent(0.9), comparator: "đạt", year: 2025 },
          { indicator: "villages_own_cell", level: "tỉnh", target: percent(0.95), year: 2025 },
        ],
        { titles: ["CHỈ TIÊU (MINH HỌA)"] },
      ),
    ],
  };
}
