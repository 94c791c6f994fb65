import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { parseArgs } from "../../src/cli/args";
import { runRequest } from "../../src/cli/commands";
import { VILLAGE_HEADER, villageRows, BINH_GIA, TARGET_HEADER } from "./fixtures";

/** A small input workbook on disk: Bình Gia's villages, a target, and a settings sheet. */
async function inputFile(dir: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  const villages = book.addWorksheet("Thôn");
  villages.addRow(VILLAGE_HEADER as ExcelJS.CellValue[]);
  for (const r of villageRows("Lạng Sơn", "Bình Gia", BINH_GIA)) villages.addRow(r as ExcelJS.CellValue[]);
  const targets = book.addWorksheet("Chỉ tiêu");
  targets.addRow(TARGET_HEADER as ExcelJS.CellValue[]);
  targets.addRow(["village_secretary_head", "Bình Gia", "huyện", "90%", "trên", 2025]);
  const settings = book.addWorksheet("Cài đặt báo cáo");
  settings.addRow(["Mục", "Giá trị"]);
  settings.addRow(["Người ký", "Nguyễn Trung Kiên"]);
  settings.addRow(["Chức vụ người ký", "PHÓ BÍ THƯ THƯỜNG TRỰC"]);
  settings.addRow(["Màu chữ", "xanh"]);
  const file = path.join(dir, "binh-gia.xlsx");
  await book.xlsx.writeFile(file);
  return file;
}

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      stdout: (t: string) => out.push(t),
      stderr: (t: string) => err.push(t),
      now: () => new Date(2021, 8, 19),
      version: "test",
    },
  };
}

describe("nth-rollup report --out", () => {
  let dir: string;
  let input: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "nth-out-"));
    input = await inputFile(dir);
  });

  it("writes the report workbook, creating its folder, with the settings sheet and options applied", async () => {
    const target = path.join(dir, "out", "nested", "report.xlsx");
    const run = io();
    const code = await runRequest(
      parseArgs(["report", input, "--out", target, "--place", "Thị trấn Bình Gia"]),
      run.io,
    );
    expect(code).toBe(0);
    expect(run.err.join("")).toContain("Màu chữ");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(target);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      "Tổng hợp",
      "Chức danh cấp xã",
      "Chất lượng bí thư",
      "Chi bộ thôn",
      "Thôn chưa NTH",
      "Kế hoạch nhất thể hóa",
      "Phụ lục danh sách",
      "Kiểm tra dữ liệu",
    ]);
    const values: unknown[] = [];
    book.getWorksheet("Tổng hợp")!.eachRow((row) => row.eachCell((c) => values.push(c.value)));
    expect(values).toEqual(
      expect.arrayContaining([
        "Nguyễn Trung Kiên",
        "PHÓ BÍ THƯ THƯỜNG TRỰC",
        "Thị trấn Bình Gia, ngày 19 tháng 9 năm 2021",
      ]),
    );
    expect(fs.readdirSync(path.dirname(target))).toEqual(["report.xlsx"]);
  });

  it("refuses to overwrite an input file: one line, exit 1, the input untouched", async () => {
    const before = fs.readFileSync(input);
    const run = io();
    const alias = path.join(dir, ".", "sub", "..", "binh-gia.xlsx");
    const code = await runRequest(parseArgs(["report", input, "--out", alias]), run.io);
    expect(code).toBe(1);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toMatch(/không ghi đè|will not overwrite/);
    expect(run.err[0].trim().split("\n")).toHaveLength(1);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
  });

  it("replaces an earlier report file whole", async () => {
    const target = path.join(dir, "again.xlsx");
    fs.writeFileSync(target, "old");
    const code = await runRequest(parseArgs(["report", input, "--out", target]), io().io);
    expect(code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(target);
    expect(book.worksheets).toHaveLength(8);
    expect(fs.readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });
});
