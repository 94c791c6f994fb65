import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { Summary } from "../../src/core/summary";
import { encodeTcvn3 } from "../../src/core/text/legacyEncoding";
import { buildCliCopy } from "./cliBuild";

/**
 * Issue 10, "Done when": `nth-rollup report` on one workbook with every real-world mess at once (an
 * extra summary sheet over COUNTIFS, an instructions sheet with a sample row, a hidden copy of last
 * year's list, a two-row merged header with a numbering row, commune headings that supply the
 * commune, subtotals, a header repeated where pages were copied together, invisible characters,
 * an office-holders sheet typed in TCVN3, "kiêm" / forms of address / names without diacritics in
 * the head column, a ditto mark, "1.000" members, a birth year in a date cell, post abbreviations
 * and "X - Y" posts, a target typed "trên 90%" for an indicator written as its label) gives exactly
 * the figures of the same data typed cleanly, and its JSON names every skipped sheet and every
 * kind of skipped row. Both workbooks go through the real command line.
 */

interface Village {
  readonly commune: string;
  readonly village: string;
  readonly secretary: string;
  readonly head: string;
  readonly flag: string;
  readonly members: number;
}

/** The data, typed cleanly. Yên Lỗ 3 of 9 (seed 000), Tân Văn 1 of 4 (Suối Cáp). */
const VILLAGES: readonly Village[] = [
  {
    commune: "Yên Lỗ",
    village: "Pò Mầm",
    secretary: "Hoàng Văn Tuấn",
    head: "Hoàng Văn Tuấn",
    flag: "",
    members: 12,
  },
  {
    commune: "Yên Lỗ",
    village: "Khuổi Chặng",
    secretary: "Triệu Văn Sầm",
    head: "Triệu Văn Sầm",
    flag: "",
    members: 9,
  },
  {
    commune: "Yên Lỗ",
    village: "Khuổi Mè",
    secretary: "Hà Thị Mai",
    head: "Hà Thị Mai",
    flag: "",
    members: 7,
  },
  {
    commune: "Yên Lỗ",
    village: "Nà Lẹng",
    secretary: "Vi Văn Cường",
    head: "Lộc Văn Bình",
    flag: "",
    members: 5,
  },
  {
    commune: "Yên Lỗ",
    village: "Nà Pàn",
    secretary: "Lương Văn Sơn",
    head: "Nông Văn Hải",
    flag: "Không",
    members: 4,
  },
  {
    commune: "Yên Lỗ",
    village: "Bản Chang",
    secretary: "Nông Văn Tài",
    head: "Hoàng Văn Long",
    flag: "",
    members: 6,
  },
  {
    commune: "Yên Lỗ",
    village: "Khuổi Phầy",
    secretary: "Lý Văn Hòa",
    head: "Lý Văn Đông",
    flag: "",
    members: 3,
  },
  {
    commune: "Yên Lỗ",
    village: "Nà Cà",
    secretary: "Mã Văn Chiến",
    head: "Dương Văn Khánh",
    flag: "",
    members: 1000,
  },
  {
    commune: "Yên Lỗ",
    village: "Pò Lạn",
    secretary: "Hoàng Thị Thu",
    head: "Lăng Văn Lợi",
    flag: "",
    members: 8,
  },
  {
    commune: "Tân Văn",
    village: "Suối Cáp",
    secretary: "Lăng Văn Khải",
    head: "Lăng Văn Khải",
    flag: "x",
    members: 11,
  },
  {
    commune: "Tân Văn",
    village: "Bản Nầm",
    secretary: "Đinh Văn Quý",
    head: "Hứa Văn Sinh",
    flag: "",
    members: 6,
  },
  {
    commune: "Tân Văn",
    village: "Khòn Kéo",
    secretary: "Chu Thị Lan",
    head: "Vy Văn Tâm",
    flag: "",
    members: 5,
  },
  {
    commune: "Tân Văn",
    village: "Nà Pá",
    secretary: "Hoàng Văn Dũng",
    head: "Lộc Thị Nga",
    flag: "",
    members: 4,
  },
];

/** How the clerk typed some cells of the messy copy (village → column → text). */
const MESSY: Readonly<Record<string, Partial<Record<keyof Village | "province", string>>>> = {
  "Pò Mầm": { head: "Kiêm" },
  "Khuổi Chặng": { head: "Đ/c Triệu Văn Sầm" },
  "Khuổi Mè": { head: "Ha Thi Mai" },
  "Bản Chang": { secretary: "Nông\u00adVăn Tài".replace("\u00ad", " \u200b") },
  "Khuổi Phầy": { village: "Khuổi Ph\u00adầy", province: "nt" },
  "Nà Cà": { secretary: "Mã Văn\u2060 Chiến" },
  "Suối Cáp": { secretary: "\ufeffĐ/c Lăng Văn Khải" },
};

interface Holder {
  readonly name: string;
  readonly post: string;
  readonly messyPost: string;
  readonly commune: string;
  readonly born: number;
}

const HOLDERS: readonly Holder[] = [
  {
    name: "Nguyễn Văn An",
    post: "Bí thư đảng ủy",
    messyPost: "Bí thư ĐU - Chủ tịch UBND",
    commune: "Yên Lỗ",
    born: 1975,
  },
  { name: "Nguyễn Văn An", post: "Chủ tịch UBND", messyPost: "", commune: "Yên Lỗ", born: 1975 },
  { name: "Hoàng Thị Bình", post: "Bí thư đảng ủy", messyPost: "BTĐU", commune: "Tân Văn", born: 1990 },
  { name: "Lê Văn Cư", post: "Chủ tịch UBND", messyPost: "CT UBND", commune: "Tân Văn", born: 1982 },
];

const VILLAGE_HEADERS = [
  "Tỉnh",
  "Huyện",
  "Xã",
  "Thôn",
  "Bí thư chi bộ",
  "Trưởng thôn",
  "Nhất thể hóa",
  "Số đảng viên",
];
const HOLDER_HEADERS = ["Họ và tên", "Chức danh", "Tỉnh", "Huyện", "Xã", "Năm sinh"];

async function cleanWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const villages = wb.addWorksheet("Thôn");
  villages.addRow(VILLAGE_HEADERS);
  for (const v of VILLAGES) {
    villages.addRow([
      "Lạng Sơn",
      "Bình Gia",
      v.commune,
      v.village,
      v.secretary,
      v.head,
      v.flag || null,
      v.members,
    ]);
  }
  const holders = wb.addWorksheet("Cán bộ");
  holders.addRow(HOLDER_HEADERS);
  for (const h of HOLDERS) holders.addRow([h.name, h.post, "Lạng Sơn", "Bình Gia", h.commune, h.born]);
  const targets = wb.addWorksheet("Chỉ tiêu");
  targets.addRow(["Chỉ tiêu", "Cấp", "Mục tiêu", "So sánh", "Năm"]);
  targets.addRow(["village_secretary_head", "huyện", 0.9, "trên", 2025]);
  await wb.xlsx.writeFile(file);
}

async function messyWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();

  // 1. The clerk's own summary sheet first, over COUNTIFS formulas with their cached results.
  const summary = wb.addWorksheet("Tổng hợp");
  summary.addRow(["BẢNG TỔNG HỢP NHẤT THỂ HÓA"]);
  summary.addRow(["Xã", "Số thôn", "Nhất thể hóa", "Tỷ lệ"]);
  summary.addRow([
    "Yên Lỗ",
    { formula: "COUNTIFS('Danh sách thôn'!D:D,\"Yên Lỗ\")", result: 9 },
    { formula: "COUNTIFS('Danh sách thôn'!D:D,\"Yên Lỗ\",'Danh sách thôn'!H:H,\"x\")", result: 3 },
    { formula: "C3/B3", result: 1 / 3 },
  ]);
  summary.addRow([
    "Tân Văn",
    { formula: "COUNTIFS('Danh sách thôn'!D:D,\"Tân Văn\")", result: 4 },
    { formula: "COUNTIFS('Danh sách thôn'!D:D,\"Tân Văn\",'Danh sách thôn'!H:H,\"x\")", result: 1 },
    { formula: "C4/B4", result: 0.25 },
  ]);

  // An instructions sheet with a sample row under the standard headers.
  const help = wb.addWorksheet("Hướng dẫn");
  help.addRow(["HƯỚNG DẪN NHẬP SỐ LIỆU"]);
  help.addRow(["Mỗi thôn một dòng; cột Nhất thể hóa ghi x nếu bí thư chi bộ kiêm trưởng thôn."]);
  help.addRow(["Ví dụ:"]);
  help.addRow(VILLAGE_HEADERS);
  help.addRow(["Tỉnh A", "Huyện B", "Xã C", "Thôn D", "Nguyễn Văn E", "Nguyễn Văn E", "x", 10]);

  // 2–3. The villages: title, two-row merged header, numbering row, headings, subtotals, a copied page.
  const list = wb.addWorksheet("Danh sách thôn");
  list.addRow(["DANH SÁCH THÔN, KHỐI PHỐ HUYỆN BÌNH GIA"]);
  list.mergeCells("A1:I1");
  list.addRow([]);
  const groupRow = ["STT", "Địa bàn", null, null, null, "Họ và tên", null, "Nhất thể hóa", "Số đảng viên"];
  const nameRow = [null, "Tỉnh", "Huyện", "Xã", "Thôn", "Bí thư", "Trưởng thôn", null, null];
  const numbering = ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)"];
  const header = (): void => {
    const top = list.addRow(groupRow).number;
    list.addRow(nameRow);
    list.mergeCells(top, 1, top + 1, 1);
    list.mergeCells(top, 2, top, 5);
    list.mergeCells(top, 6, top, 7);
    list.mergeCells(top, 8, top + 1, 8);
    list.mergeCells(top, 9, top + 1, 9);
    list.addRow(numbering);
  };
  header();
  let n = 0;
  const villageRow = (v: Village, withCommune: boolean): void => {
    const m = MESSY[v.village] ?? {};
    list.addRow([
      ++n,
      m.province ?? "Lạng Sơn",
      "Bình Gia",
      withCommune ? v.commune : null,
      m.village ?? v.village,
      m.secretary ?? v.secretary,
      m.head ?? v.head,
      v.flag || null,
      v.members === 1000 ? "1.000" : v.members,
    ]);
  };
  const yenLo = VILLAGES.filter((v) => v.commune === "Yên Lỗ");
  const tanVan = VILLAGES.filter((v) => v.commune === "Tân Văn");
  // A commune heading, not merged: the rows under it leave the commune column empty.
  list.addRow([null, "I. XÃ YÊN LỖ"]);
  yenLo.slice(0, 5).forEach((v) => villageRow(v, false));
  // Page 2 was copied under page 1: its header and numbering rows come again.
  header();
  yenLo.slice(5).forEach((v) => villageRow(v, false));
  list.addRow([null, "Cộng xã Yên Lỗ", null, null, yenLo.length, null, null, 3, null]);
  // A heading merged across the table, then rows that name their commune.
  const heading = list.addRow(["II. XÃ TÂN VĂN"]).number;
  list.mergeCells(heading, 1, heading, 9);
  tanVan.forEach((v) => villageRow(v, true));
  list.addRow([null, "Cộng", null, null, tanVan.length, null, null, 1, null]);
  list.addRow([
    null,
    `Tổng cộng (${VILLAGES.length} thôn)`,
    null,
    null,
    VILLAGES.length,
    null,
    null,
    4,
    null,
  ]);

  // A hidden copy of last year's list, with other villages: never counted.
  const lastYear = wb.addWorksheet("Năm 2024", { state: "hidden" });
  lastYear.addRow(VILLAGE_HEADERS);
  lastYear.addRow(["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Thôn Cũ", "Ai Đó", "Ai Đó", "x", 3]);
  lastYear.addRow(["Lạng Sơn", "Bình Gia", "Hồng Phong", "Nà Slảng", "Người Khác", "Người Khác", "x", 4]);

  // 5, 7, 8. Office-holders typed in TCVN3 (.VnTime), posts abbreviated, a year in a date cell.
  const holders = wb.addWorksheet("Cán bộ");
  holders.addRow(HOLDER_HEADERS.map(encodeTcvn3));
  for (const h of HOLDERS) {
    if (!h.messyPost) continue;
    const row = holders.addRow([
      encodeTcvn3(h.name),
      encodeTcvn3(h.messyPost),
      encodeTcvn3("Lạng Sơn"),
      encodeTcvn3("Bình Gia"),
      encodeTcvn3(h.commune),
      h.born,
    ]);
    if (h.born === 1990) row.getCell(6).numFmt = "dd/mm/yyyy";
  }

  // 8. The target as clerks write it.
  const targets = wb.addWorksheet("Chỉ tiêu");
  targets.addRow(["Chỉ tiêu", "Cấp", "Mục tiêu", "Năm"]);
  targets.addRow(["Bí thư chi bộ kiêm trưởng thôn", "huyện", "trên 90%", 2025]);
  await wb.xlsx.writeFile(file);
}

/** The figures of a summary, without anything that names where they came from. */
/** The figures of a summary; where a target comes from is compared without its file's name. */
function figures(summary: Summary): unknown {
  const all = { units: summary.units, total: summary.total, twoTier: summary.twoTier };
  return JSON.parse(JSON.stringify(all), (key: string, value: unknown) =>
    key === "targetSource" && value !== null && typeof value === "object"
      ? { ...value, file: "(tệp)" }
      : value,
  ) as unknown;
}

describe("a clerk's real workbook with every mess at once (issue 10)", () => {
  let dir: string;
  let bin: string;
  let copy: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "nth-messy-"));
    ({ bin, dir: copy } = buildCliCopy());
    await cleanWorkbook(path.join(dir, "clean.xlsx"));
    await messyWorkbook(path.join(dir, "messy.xlsx"));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(copy, { recursive: true, force: true });
  });

  const run = (file: string): { code: number; summary: Summary; stderr: string } => {
    const result = spawnSync(
      process.execPath,
      [bin, "report", path.join(dir, file), "--json", "-", "--lang", "en", "--year", "2025"],
      { encoding: "utf8" },
    );
    return {
      code: result.status ?? -1,
      summary: JSON.parse(result.stdout) as Summary,
      stderr: result.stderr,
    };
  };

  test("gives exactly the figures of the same data typed cleanly", () => {
    const clean = run("clean.xlsx");
    const messy = run("messy.xlsx");
    expect(clean.code).toBe(0);
    expect(messy.code).toBe(0);
    const total = clean.summary.total;
    // The clean data is what it says: 4 of 13 consolidated, both communes' secretaries counted.
    expect([total.villages, total.consolidated]).toEqual([13, 4]);
    expect(figures(messy.summary)).toEqual(figures(clean.summary));
  });

  test("names every skipped sheet and every kind of skipped row", () => {
    const { summary } = run("messy.xlsx");
    const info = summary.issues.filter((i) => i.severity === "info");
    const skippedSheets = info.filter((i) => i.code === "sheet-skipped").map((i) => i.sheet);
    expect(skippedSheets).toEqual(expect.arrayContaining(["Tổng hợp", "Hướng dẫn", "Năm 2024"]));
    const rows = info.filter((i) => i.code === "rows-skipped" && i.sheet === "Danh sách thôn");
    const said = rows.map((i) => i.message).join("\n");
    for (const kind of [
      "repeated header row",
      "column-numbering row",
      "heading row",
      "subtotal or total row",
    ]) {
      expect(said).toContain(kind);
    }
    // No error anywhere: every mess above is understood, not rejected.
    expect(summary.issues.filter((i) => i.severity === "error")).toEqual([]);
  });
});
