import type { WorkbookDef } from "../common/xlsxWrite";
import { laoCaiRows, PROVINCE } from "./laoCai";
import { unitSheet, villageSheet, type UnitRow, type VillageRow } from "./sheets";

/**
 * The Lào Cai sample before the 1 July 2025 reform, and the unit list that carries it onto today's
 * map (issue 15):
 *
 * - samples/lao-cai-truoc-sap-xep.xlsx: the previous period (31/12/2024), three-tier, districts
 *   Bảo Yên, Bắc Hà and Bát Xát. Each old commune holds villages of today's sample by name (a
 *   village moves whole), so its figures can be counted by hand from OLD_COMMUNES below.
 * - samples/lao-cai-don-vi.xlsx: the unit list: the old districts and communes (valid to 30/6/2025),
 *   today's communes (valid from 1/7/2025) with the old communes each was formed from, and one
 *   village merge (Thôn 8 into Thôn 4 of Thượng Hà).
 *
 * The crosswalk is illustrative: names of real communes of these districts, but not the official
 * list of the reform (Nghị quyết of the Standing Committee of the National Assembly); no codes.
 */

/** One old commune: which of today's villages it held (1-based positions in today's commune), and how many of them were consolidated (the first ones). */
interface OldCommune {
  readonly district: string;
  readonly commune: string;
  /** Today's commune its villages are in now. */
  readonly today: string;
  /** Positions (1-based) of today's villages it held, in order. */
  readonly from: number;
  readonly to: number;
  /** Villages it held that today's data no longer lists (merged away or renamed). */
  readonly gone?: readonly string[];
  /** The first `consolidated` villages of the old commune (in the order above, then `gone`) were consolidated. */
  readonly consolidated: number;
}

/** The previous period, by old commune. Hand count per today's commune in test/units.test.ts. */
export const OLD_COMMUNES: readonly OldCommune[] = [
  { district: "Bảo Yên", commune: "Xuân Hòa", today: "Xuân Hòa", from: 1, to: 20, consolidated: 12 },
  { district: "Bảo Yên", commune: "Xuân Thượng", today: "Xuân Hòa", from: 21, to: 32, consolidated: 4 },
  { district: "Bảo Yên", commune: "Thượng Hà", today: "Thượng Hà", from: 1, to: 4, gone: ["Thôn 8"], consolidated: 2 },
  { district: "Bảo Yên", commune: "Điện Quan", today: "Thượng Hà", from: 5, to: 7, gone: ["Bản Cuông"], consolidated: 1 },
  { district: "Bắc Hà", commune: "Cốc Lầu", today: "Cốc Lầu", from: 1, to: 5, consolidated: 2 },
  { district: "Bắc Hà", commune: "Bảo Nhai", today: "Cốc Lầu", from: 6, to: 8, consolidated: 1 },
  { district: "Bát Xát", commune: "Mường Hum", today: "Mường Hum", from: 1, to: 6, consolidated: 3 },
  { district: "Bát Xát", commune: "Trung Lèng Hồ", today: "Mường Hum", from: 7, to: 9, consolidated: 2 },
  { district: "Bát Xát", commune: "Y Tý", today: "Y Tý", from: 1, to: 8, consolidated: 6 },
];

/** Today's communes and the old communes each was formed from (the crosswalk). */
const FORMED_FROM: readonly { commune: string; from: readonly string[] }[] = [
  { commune: "Xuân Hòa", from: ["Xuân Hòa", "Xuân Thượng"] },
  { commune: "Cốc Lầu", from: ["Cốc Lầu", "Bảo Nhai"] },
  { commune: "Mường Hum", from: ["Mường Hum", "Trung Lèng Hồ"] },
  { commune: "Thượng Hà", from: ["Thượng Hà", "Điện Quan"] },
  { commune: "Y Tý", from: ["Y Tý", "A Lù"] },
];

const OLD_DISTRICTS = ["Bảo Yên", "Bắc Hà", "Bát Xát"];
const REFORM_EVE = "30/6/2025";
const REFORM_DAY = "1/7/2025";

export function laoCaiBeforeWorkbook(): WorkbookDef {
  const today = laoCaiRows().villages;
  const villages: VillageRow[] = [];
  for (const old of OLD_COMMUNES) {
    const now = today.filter((v) => v.commune === old.today);
    const names = [...now.slice(old.from - 1, old.to).map((v) => v.village), ...(old.gone ?? [])];
    names.forEach((village, i) =>
      villages.push({
        province: PROVINCE,
        district: old.district,
        commune: old.commune,
        village,
        hasOwnCell: "x",
        consolidated: i < old.consolidated ? "x" : "Không",
      }),
    );
  }
  return {
    title: "Chi bộ thôn, bản — tỉnh Lào Cai trước sắp xếp, ba cấp (dữ liệu mẫu)",
    sheets: [
      villageSheet(villages, {
        titles: [
          "ĐẢNG BỘ TỈNH LÀO CAI",
          "DANH SÁCH CHI BỘ THÔN, BẢN TRƯỚC SẮP XẾP (CÒN CẤP HUYỆN)",
          "(Số liệu đến 31/12/2024)",
        ],
        columns: ["province", "district", "commune", "village", "hasOwnCell", "consolidated"],
      }),
    ],
  };
}

export function laoCaiUnitsWorkbook(): WorkbookDef {
  const rows: UnitRow[] = [];
  for (const district of OLD_DISTRICTS)
    rows.push({ unit: district, level: "Huyện", parent: PROVINCE, validTo: REFORM_EVE });
  const oldCommunes = [...OLD_COMMUNES.map((c) => ({ district: c.district, commune: c.commune }))];
  oldCommunes.push({ district: "Bát Xát", commune: "A Lù" });
  for (const { district, commune } of oldCommunes)
    rows.push({ unit: commune, level: "Xã", district, parent: district, validTo: REFORM_EVE });
  for (const { commune, from } of FORMED_FROM)
    rows.push({ unit: commune, level: "Xã", parent: PROVINCE, validFrom: REFORM_DAY, formedFrom: from.join("; ") });
  rows.push({ unit: "Thôn 4", level: "Thôn", parent: "Thượng Hà", validFrom: REFORM_DAY, formedFrom: "Thôn 4; Thôn 8" });
  return {
    title: "Danh sách đơn vị — tỉnh Lào Cai trước và sau 1/7/2025 (minh họa)",
    sheets: [
      unitSheet(rows, {
        titles: [
          "DANH SÁCH ĐƠN VỊ HÀNH CHÍNH VÀ BẢNG CHUYỂN ĐỔI (MINH HỌA)",
          "Đơn vị cũ hiệu lực đến 30/6/2025; xã mới từ 1/7/2025, hình thành từ các xã cũ",
        ],
        columns: ["unit", "level", "district", "parent", "validFrom", "validTo", "formedFrom"],
      }),
    ],
  };
}
