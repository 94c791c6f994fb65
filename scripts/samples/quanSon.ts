import { Prng } from "../common/prng";
import type { WorkbookDef } from "../common/xlsxWrite";
import { People, Places, THAI_MUONG } from "./names";
import { decomposed, officeHolderSheet, percent, targetSheet, villageSheet, type OfficeHolderRow, type VillageRow } from "./sheets";

/**
 * samples/thanh-hoa-quan-son.xlsx: Quan Sơn district, Thanh Hóa (seed 002): 11 communes and the
 * town of Sơn Lư, 94 bản and khu phố, all 94 with the cell secretary as head; the 94 secretaries
 * aged 30 to over 55, 64 with 12/12 education, 16 with intermediate (trung cấp) professional
 * training and 7 with a university degree. Names and ages of people are invented.
 */

export const PROVINCE = "Thanh Hóa";
export const DISTRICT = "Quan Sơn";

/** The 12 commune-level units (after Sơn Lư commune and Quan Sơn town merged into Sơn Lư town). */
export const QUAN_SON: readonly { commune: string; villages: number }[] = [
  { commune: "Thị trấn Sơn Lư", villages: 12 },
  { commune: "Sơn Hà", villages: 7 },
  { commune: "Sơn Thủy", villages: 8 },
  { commune: "Sơn Điện", villages: 9 },
  { commune: "Mường Mìn", villages: 6 },
  { commune: "Na Mèo", villages: 7 },
  { commune: "Tam Lư", villages: 8 },
  { commune: "Tam Thanh", villages: 7 },
  { commune: "Trung Hạ", villages: 8 },
  { commune: "Trung Thượng", villages: 8 },
  { commune: "Trung Tiến", villages: 6 },
  { commune: "Trung Xuân", villages: 8 },
];

export const QUAN_SON_QUALITY = { secretaries: 94, education12: 64, trungCap: 16, university: 7 };
/** The year the article describes; ages are counted from it. */
export const QUAN_SON_YEAR = 2021;

export function quanSonWorkbook(): WorkbookDef {
  const rng = new Prng(2002);
  const people = new People(rng, THAI_MUONG);
  const places = new Places(rng);
  places.reserve(["Bản Lầm"]);
  const q = QUAN_SON_QUALITY;
  const education = new Set(rng.choose(q.secretaries, q.education12));
  // Professional levels: 16 trung cấp, 7 đại học, the rest sơ cấp or none.
  const professional = rng.shuffle([
    ...Array<string>(q.trungCap).fill("Trung cấp"),
    ...Array<string>(q.university).fill("Đại học"),
    ...Array.from({ length: q.secretaries - q.trungCap - q.university }, (_, i) => (i % 3 === 0 ? "Sơ cấp" : "Không")),
  ]);
  // Ages 30 to over 55 in 2021: the youngest born 1991, three born before 1966.
  const birthYears = rng.shuffle([
    1991,
    1964,
    1963,
    1965,
    ...Array.from({ length: q.secretaries - 4 }, () => rng.int(1967, 1990)),
  ]);

  const villages: VillageRow[] = [];
  const holders: OfficeHolderRow[] = [];
  let k = 0;
  for (const { commune, villages: count } of QUAN_SON) {
    const town = commune.startsWith("Thị trấn");
    for (let i = 0; i < count; i++, k++) {
      const village = town ? `Khu ${i + 1}` : commune === "Trung Tiến" && i === 0 ? "Bản Lầm" : places.thai();
      const secretary = people.next({ female: rng.next() < 0.15 });
      // Recorded three ways: the flag; the flag blank and both names; nothing but the office-holder row.
      const how = k % 3;
      villages.push({
        province: PROVINCE,
        district: DISTRICT,
        commune,
        village,
        type: town ? "khu phố" : "bản",
        hasOwnCell: "Có",
        partyMembers: rng.int(12, 70),
        secretary: how === 2 ? undefined : secretary.name,
        head: how === 1 ? decomposedOrSame(secretary.name, k) : how === 0 && rng.next() < 0.5 ? secretary.name : undefined,
        consolidated: how === 0 ? "x" : undefined,
      });
      holders.push({
        fullName: secretary.name,
        post: town ? "Bí thư chi bộ kiêm Trưởng khu phố" : "Bí thư chi bộ kiêm Trưởng bản",
        province: PROVINCE,
        district: DISTRICT,
        commune,
        village,
        birthYear: birthYears[k],
        gender: secretary.female ? "Nữ" : "Nam",
        ethnicity: secretary.ethnicity,
        education: education.has(k) ? "12/12" : rng.pick(["9/12", "9/12", "7/12", "5/12"]),
        professional: professional[k],
        politicalTheory: rng.pick(["Sơ cấp", "Sơ cấp", "Trung cấp", "Chưa qua đào tạo"]),
        trained: "x",
      });
    }
  }

  return {
    title: "Bí thư chi bộ kiêm trưởng bản — huyện Quan Sơn (dữ liệu mẫu)",
    sheets: [
      villageSheet(villages, {
        name: "Danh sách bản",
        titles: [
          "HUYỆN ỦY QUAN SƠN",
          "DANH SÁCH BẢN, KHU PHỐ THỰC HIỆN BÍ THƯ CHI BỘ KIÊM TRƯỞNG BẢN",
          "(Dữ liệu mẫu theo bài báo; tên người là tên đặt ra; số liệu đến 31/12/2021)",
        ],
        table: true,
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
        ],
      }),
      officeHolderSheet(holders, {
        name: "Bí thư chi bộ",
        titles: ["DANH SÁCH BÍ THƯ CHI BỘ KIÊM TRƯỞNG BẢN, KHU PHỐ"],
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
          "professional",
          "politicalTheory",
          "trained",
        ],
      }),
      targetSheet(
        [
          // Illustrative: every district to have every village secretary as head.
          { indicator: "village_secretary_head", level: "huyện", target: percent(1), comparator: "đạt", year: 2022 },
        ],
        { name: "Chỉ tiêu", titles: ["CHỈ TIÊU"] },
      ),
    ],
  };
}

/** Every other same-name pair is pasted in decomposed Unicode, which must still match. */
function decomposedOrSame(name: string, k: number): string {
  return k % 2 === 0 ? decomposed(name) : name;
}
