import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { CellValue } from "../../src/core/cells";
import { cellAt, excelColumnOf, excelRowOf, type SheetGrid } from "../../src/core/grid";
import { isUnusableInputError, UnusableInputError, type UnusableReason } from "../../src/xlsx/errors";
import { readXlsxBuffer, readXlsxFile } from "../../src/xlsx/readXlsx";
import { sheetXml, VILLAGES_ROWS, workbookEntries } from "../../scripts/hostile/corpus";
import {
  binaryWorkbook,
  compoundFile,
  excelLikeWorkbook,
  latin1Only,
  openDocumentSpreadsheet,
  OTHER_WRITERS_HEADERS,
  OTHER_WRITERS_VILLAGE,
  reencodedWorkbook,
  wordDocument,
} from "../../scripts/hostile/otherWriters";
import { entry, zipBytes } from "../../scripts/hostile/zipBytes";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "nth-readxlsx-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function writeWorkbook(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** The value at an Excel address (1-based row and column), whatever offset the grid has. */
function at(grid: SheetGrid, row: number, column: number): CellValue {
  return cellAt(grid, row - (grid.firstRow ?? 1), column - (grid.firstColumn ?? 1));
}

describe("readXlsxFile: cell values", () => {
  let grid: SheetGrid;
  beforeAll(async () => {
    const file = await writeWorkbook("values.xlsx", (wb) => {
      const s = wb.addWorksheet("Thôn");
      s.getCell("A1").value = 42;
      s.getCell("B1").value = 0.475;
      s.getCell("C1").value = "Pò Mầm";
      s.getCell("D1").value = true;
      s.getCell("E1").value = false;
      s.getCell("A2").value = { richText: [{ text: "Khuổi " }, { text: "Chặng", font: { bold: true } }] };
      s.getCell("B2").value = { text: "Yên Lỗ", hyperlink: "https://example.invalid/yen-lo" };
      s.getCell("C2").value = { formula: "A1*2", result: 84 };
      s.getCell("D2").value = { formula: 'C1&"!"', result: "Pò Mầm!" };
      s.getCell("E2").value = { formula: "A1>1", result: true };
      s.getCell("F2").value = { formula: "NOW()" };
      s.getCell("A3").value = { error: "#N/A" };
      s.getCell("B3").value = { error: "#REF!" };
      s.getCell("C3").value = { formula: "1/0", result: { error: "#DIV/0!" } };
      s.getCell("D3").value = new Date(Date.UTC(2021, 8, 19));
      s.getCell("E3").value = new Date(Date.UTC(2021, 8, 19, 8, 30, 0));
      s.getCell("F3").value = { formula: "DATE(2022,1,22)", result: new Date(Date.UTC(2022, 0, 22)) };
      s.getCell("A4").value = 1;
      s.getCell("A5").value = { sharedFormula: "A4", result: 2 } as ExcelJS.CellSharedFormulaValue;
      s.getCell("A4").value = {
        formula: "ROW()-3",
        result: 1,
        shareType: "shared",
        ref: "A4:A5",
      } as ExcelJS.CellFormulaValue;
      s.getCell("B4").value = "  Hoà  ";
      s.getCell("C4").value = null;
      s.getCell("D4").value = "";
    });
    const wb = await readXlsxFile(file);
    grid = wb.sheets[0];
  });

  it("keeps numbers, strings and booleans", () => {
    expect(at(grid, 1, 1)).toBe(42);
    expect(at(grid, 1, 2)).toBe(0.475);
    expect(at(grid, 1, 3)).toBe("Pò Mầm");
    expect(at(grid, 1, 4)).toBe(true);
    expect(at(grid, 1, 5)).toBe(false);
    expect(at(grid, 4, 2)).toBe("  Hoà  ");
  });

  it("turns rich text into its concatenated text and a hyperlink into its text", () => {
    expect(at(grid, 2, 1)).toBe("Khuổi Chặng");
    expect(at(grid, 2, 2)).toBe("Yên Lỗ");
  });

  it("reads a formula as its cached result, and a formula without a result as blank", () => {
    expect(at(grid, 2, 3)).toBe(84);
    expect(at(grid, 2, 4)).toBe("Pò Mầm!");
    expect(at(grid, 2, 5)).toBe(true);
    expect(at(grid, 2, 6)).toBeNull();
    expect(at(grid, 3, 3)).toEqual({ kind: "error", code: "#DIV/0!" });
    expect(at(grid, 3, 6)).toEqual({ kind: "date", iso: "2022-01-22" });
  });

  it("reads a shared formula (master and dependent cell) as cached results", () => {
    expect(at(grid, 4, 1)).toBe(1);
    expect(at(grid, 5, 1)).toBe(2);
  });

  it("turns error values into cell errors", () => {
    expect(at(grid, 3, 1)).toEqual({ kind: "error", code: "#N/A" });
    expect(at(grid, 3, 2)).toEqual({ kind: "error", code: "#REF!" });
  });

  it("turns dates into ISO dates, with the time only when there is one", () => {
    expect(at(grid, 3, 4)).toEqual({ kind: "date", iso: "2021-09-19" });
    expect(at(grid, 3, 5)).toEqual({ kind: "date", iso: "2021-09-19T08:30:00" });
  });

  it("reads empty cells as blank", () => {
    expect(at(grid, 4, 3)).toBeNull();
    expect([null, ""]).toContain(at(grid, 4, 4));
  });

  it("labels the workbook with the file's base name, or the label given", async () => {
    const file = path.join(dir, "values.xlsx");
    expect((await readXlsxFile(file)).file).toBe("values.xlsx");
    expect((await readXlsxFile(file, "Bình Gia.xlsx")).file).toBe("Bình Gia.xlsx");
    expect((await readXlsxBuffer(await fs.readFile(file), "gửi lên")).file).toBe("gửi lên");
  });
});

describe("readXlsxFile: sheets and ranges", () => {
  it("returns every sheet, in order, hidden ones included", async () => {
    const file = await writeWorkbook("sheets.xlsx", (wb) => {
      wb.addWorksheet("Thôn").getCell("A1").value = "Tỉnh";
      wb.addWorksheet("Cán bộ", { state: "hidden" }).getCell("A1").value = "Họ và tên";
      wb.addWorksheet("Trống");
    });
    const wb = await readXlsxFile(file);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Thôn", "Cán bộ", "Trống"]);
    expect(wb.sheets[1].rows).toEqual([["Họ và tên"]]);
    expect(wb.sheets[2].rows).toEqual([]);
  });

  it("gives a merged range's value to its top-left cell only", async () => {
    const file = await writeWorkbook("merged.xlsx", (wb) => {
      const s = wb.addWorksheet("Thôn");
      s.getCell("A1").value = "DANH SÁCH THÔN";
      s.mergeCells("A1:D2");
      s.getCell("A3").value = "Tỉnh";
      s.getCell("D3").value = "Thôn";
    });
    const grid = (await readXlsxFile(file)).sheets[0];
    expect(at(grid, 1, 1)).toBe("DANH SÁCH THÔN");
    for (const [r, c] of [
      [1, 2],
      [1, 4],
      [2, 1],
      [2, 4],
    ]) {
      expect(at(grid, r, c)).toBeNull();
    }
    expect(at(grid, 3, 4)).toBe("Thôn");
  });

  it("reads hidden rows and columns like any other", async () => {
    const file = await writeWorkbook("hidden.xlsx", (wb) => {
      const s = wb.addWorksheet("Thôn");
      s.getCell("A1").value = "a";
      s.getCell("B2").value = "ẩn dòng";
      s.getCell("C1").value = "ẩn cột";
      s.getRow(2).hidden = true;
      s.getColumn(3).hidden = true;
    });
    const grid = (await readXlsxFile(file)).sheets[0];
    expect(at(grid, 2, 2)).toBe("ẩn dòng");
    expect(at(grid, 1, 3)).toBe("ẩn cột");
  });

  it("trims leading and trailing blank rows and columns, keeping Excel addresses through the offsets", async () => {
    const file = await writeWorkbook("offset.xlsx", (wb) => {
      const s = wb.addWorksheet("Thôn");
      s.getCell("C5").value = "Tỉnh";
      s.getCell("E7").value = "Yên Lỗ";
      // Formatting without values far away does not widen the range.
      s.getCell("Z2000").style = { font: { bold: true } };
      s.getCell("AA3").value = "   ";
    });
    const grid = (await readXlsxFile(file)).sheets[0];
    expect(grid.firstRow).toBe(5);
    expect(grid.firstColumn).toBe(3);
    expect(grid.rows.length).toBe(3);
    expect(Math.max(...grid.rows.map((r) => r.length))).toBe(3);
    expect(cellAt(grid, 0, 0)).toBe("Tỉnh");
    expect(excelRowOf(grid, 2)).toBe(7);
    expect(excelColumnOf(grid, 2)).toBe(5);
    expect(cellAt(grid, 2, 2)).toBe("Yên Lỗ");
  });

  it("keeps blank text cells inside the used range as written", async () => {
    const file = await writeWorkbook("spaces.xlsx", (wb) => {
      const s = wb.addWorksheet("Thôn");
      s.getCell("A1").value = "a";
      s.getCell("B1").value = " ";
      s.getCell("C1").value = "c";
    });
    const grid = (await readXlsxFile(file)).sheets[0];
    expect(grid.rows[0]).toEqual(["a", " ", "c"]);
  });

  it("does not allocate a row array per blank row when the last row is 1,048,576", async () => {
    const file = await writeWorkbook("tall.xlsx", (wb) => {
      const s = wb.addWorksheet("Thôn");
      s.getCell("A1").value = "Tỉnh";
      s.getCell("A2").value = "Lạng Sơn";
      s.getCell("B1048576").value = "cuối";
    });
    const grid = (await readXlsxFile(file)).sheets[0];
    expect(grid.rows.length).toBe(1048576);
    expect(at(grid, 1048576, 2)).toBe("cuối");
    expect(at(grid, 2, 1)).toBe("Lạng Sơn");
    const distinct = new Set(grid.rows);
    expect(distinct.size).toBeLessThanOrEqual(4);
    expect(grid.rows[500000]).toEqual([]);
  });

  it("keeps only the used part of a sheet whose formatting reaches row 1,048,576", async () => {
    const file = await writeWorkbook("formatted.xlsx", (wb) => {
      const s = wb.addWorksheet("Thôn");
      s.getCell("A1").value = "Tỉnh";
      s.getCell("A2").value = "Lạng Sơn";
      s.getCell("A1048576").style = {
        fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } },
      };
    });
    const grid = (await readXlsxFile(file)).sheets[0];
    expect(grid.rows).toEqual([["Tỉnh"], ["Lạng Sơn"]]);
  });
});

describe("readXlsxBuffer: workbooks other programs (and Excel's other formats) save", () => {
  const village = (date: string): CellValue[] => [
    ...OTHER_WRITERS_VILLAGE,
    true,
    { kind: "date", iso: date },
  ];

  it.each([
    ["Transitional (Excel's default)", {}],
    ["Strict Open XML (purl.oclc.org namespaces and relationship types)", { strict: true }],
    ["the 1904 date system", { date1904: true }],
    ['Strict Open XML with the 1904 date system (date1904="true")', { strict: true, date1904: true }],
  ])("%s: read, dates in the right system", async (_, options) => {
    const workbook = await readXlsxBuffer(excelLikeWorkbook(options), "khac.xlsx");
    expect(workbook.sheets.map((s) => s.name)).toEqual(["Thôn"]);
    expect(workbook.sheets[0].rows).toEqual([OTHER_WRITERS_HEADERS, village("2019-01-01")]);
  });

  it.each(["utf-16le", "utf-16le-no-bom", "utf-8-bom"] as const)(
    "XML parts in %s: read as the same text",
    async (encoding) => {
      const workbook = await readXlsxBuffer(reencodedWorkbook(encoding), "khac.xlsx");
      expect(workbook.sheets[0].name).toBe("Thôn");
      expect(workbook.sheets[0].rows[1]).toEqual([...OTHER_WRITERS_VILLAGE, "x"]);
    },
  );

  it("XML parts declaring windows-1252: decoded as declared, never as U+FFFD", async () => {
    const workbook = await readXlsxBuffer(reencodedWorkbook("windows-1252"), "khac.xlsx");
    expect(workbook.sheets[0].name).toBe("Thon");
    expect(workbook.sheets[0].rows[1]).toEqual([...OTHER_WRITERS_VILLAGE.map(latin1Only), "x"]);
    expect(workbook.sheets[0].rows[1][3]).toBe("Café");
  });
});

describe("readXlsxFile: unusable files", () => {
  async function expectUnusable(
    promise: Promise<unknown>,
    reason: UnusableReason,
    label: string,
  ): Promise<UnusableInputError> {
    let caught: unknown = null;
    try {
      await promise;
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UnusableInputError);
    expect(isUnusableInputError(caught)).toBe(true);
    const error = caught as UnusableInputError;
    expect(error.reason).toBe(reason);
    expect(error.file).toBe(label);
    // One line, Vietnamese first, then English, naming the file.
    expect(error.message).not.toMatch(/\n/);
    expect(error.message).toMatch(
      new RegExp(`^Không đọc được tệp “${escape(label)}”: .+ / Cannot read file “${escape(label)}”: .+$`),
    );
    expect(error.message).toBe(`${error.bilingual.vi} / ${error.bilingual.en}`);
    return error;
  }
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

  it("no such file", async () => {
    await expectUnusable(readXlsxFile(path.join(dir, "khong-co.xlsx")), "not-found", "khong-co.xlsx");
  });

  it("a path through a file that is not a folder", async () => {
    const file = path.join(dir, "plain.txt");
    await fs.writeFile(file, "x");
    await expectUnusable(readXlsxFile(path.join(file, "a.xlsx")), "not-found", "a.xlsx");
  });

  it("a named pipe with a writer attached: refused from its stat, never opened", async () => {
    const fifo = path.join(dir, "ong.xlsx");
    const { spawn, spawnSync } = await import("child_process");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const { constants, openSync, closeSync } = await import("fs");
    const holder = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const writer = spawn("sh", ["-c", 'exec cat /dev/zero > "$0"', fifo], { stdio: "ignore" });
    const open = jest.spyOn(fs, "open");
    try {
      // The writer is attached once zeros wait in the pipe.
      const { readSync } = await import("fs");
      for (let attached = false; !attached;) {
        try {
          attached = readSync(holder, Buffer.alloc(1), 0, 1, null) === 1;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      }
      await expectUnusable(readXlsxFile(fifo), "not-regular", "ong.xlsx");
      expect(open).not.toHaveBeenCalled();
    } finally {
      open.mockRestore();
      writer.kill("SIGKILL");
      closeSync(holder);
    }
  });

  it("a directory", async () => {
    const sub = path.join(dir, "thu-muc.xlsx");
    await fs.mkdir(sub, { recursive: true });
    await expectUnusable(readXlsxFile(sub), "directory", "thu-muc.xlsx");
  });

  it("an empty file", async () => {
    const file = path.join(dir, "rong.xlsx");
    await fs.writeFile(file, "");
    await expectUnusable(readXlsxFile(file), "empty", "rong.xlsx");
  });

  it("a CSV renamed .xlsx", async () => {
    const file = path.join(dir, "csv.xlsx");
    await fs.writeFile(file, "Tỉnh,Xã,Thôn\nLạng Sơn,Yên Lỗ,Pò Mầm\n");
    const error = await expectUnusable(readXlsxFile(file), "not-zip", "csv.xlsx");
    expect(error.message).toContain("không phải tệp .xlsx");
    expect(error.message).toContain("not an .xlsx file");
  });

  it("an old .xls workbook (made by LibreOffice)", async () => {
    const file = path.join(__dirname, "..", "fixtures", "xlsx", "legacy.xls");
    const error = await expectUnusable(readXlsxFile(file), "legacy-xls", "legacy.xls");
    expect(error.message).toContain("tệp .xls cũ");
  });

  it("a password-protected .xlsx (a CFB container holding an EncryptedPackage stream)", async () => {
    const error = await expectUnusable(
      readXlsxBuffer(encryptedContainer(), "mat-khau.xlsx"),
      "encrypted",
      "mat-khau.xlsx",
    );
    expect(error.message).toContain("tệp có mật khẩu");
    expect(error.message).toContain("password-protected");
  });

  it("a corrupt zip: an .xlsx cut in half", async () => {
    const whole = await fs.readFile(
      await writeWorkbook("whole.xlsx", (wb) => {
        wb.addWorksheet("Thôn").getCell("A1").value = "Tỉnh";
      }),
    );
    const file = path.join(dir, "cut.xlsx");
    await fs.writeFile(file, whole.subarray(0, Math.floor(whole.length / 2)));
    await expectUnusable(readXlsxFile(file), "corrupt", "cut.xlsx");
  });

  it("a zip that is not a workbook", async () => {
    const JSZip = (await import("jszip")).default;
    const zip = new JSZip();
    zip.file("readme.txt", "không phải sổ làm việc");
    const bytes = await zip.generateAsync({ type: "nodebuffer" });
    await expectUnusable(readXlsxBuffer(bytes, "zip.xlsx"), "corrupt", "zip.xlsx");
  });

  it("an OpenDocument spreadsheet (.ods) renamed .xlsx: says what it is and what to do", async () => {
    const error = await expectUnusable(
      readXlsxBuffer(openDocumentSpreadsheet(), "ods.xlsx"),
      "opendocument",
      "ods.xlsx",
    );
    expect(error.message).toContain("tệp OpenDocument (.ods");
    expect(error.message).toContain("save it as Excel 2007-365 (.xlsx)");
  });

  it("a Word document renamed .xlsx", async () => {
    const error = await expectUnusable(readXlsxBuffer(wordDocument(), "word.xlsx"), "corrupt", "word.xlsx");
    expect(error.message).toContain("(đây là tài liệu Word (.docx))");
  });

  it("an Excel binary workbook (.xlsb) renamed .xlsx: says what it is and what to do", async () => {
    const error = await expectUnusable(
      readXlsxBuffer(binaryWorkbook(), "nhi-phan.xlsx"),
      "corrupt",
      "nhi-phan.xlsx",
    );
    expect(error.message).toContain("sổ làm việc nhị phân Excel (.xlsb)");
    expect(error.message).toContain("save it as .xlsx");
  });

  it("a sheet listed without its relationship is refused, not dropped", async () => {
    const bytes = zipBytes(
      workbookEntries([entry("xl/worksheets/sheet1.xml", sheetXml(VILLAGES_ROWS))]).map((e) =>
        e.name === "xl/workbook.xml"
          ? entry(
              e.name,
              `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Thôn" sheetId="1" r:id="rId1"/><sheet name="Chức danh" sheetId="2" r:id="rId9"/></sheets></workbook>`,
            )
          : e,
      ),
    );
    const error = await expectUnusable(
      readXlsxBuffer(bytes, "thieu-lien-ket.xlsx"),
      "corrupt",
      "thieu-lien-ket.xlsx",
    );
    expect(error.message).toContain("sheet “Chức danh”: the relationship “rId9” to its cells is missing");
  });

  it("two sheets with one name (upper and lower case alike, as Excel compares) are refused", async () => {
    const sheets = [
      entry("xl/worksheets/sheet1.xml", sheetXml(VILLAGES_ROWS)),
      entry("xl/worksheets/sheet2.xml", sheetXml(VILLAGES_ROWS)),
    ];
    const named = (a: string, b: string): Buffer =>
      zipBytes(
        workbookEntries(
          sheets,
          [],
          `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${a}" sheetId="1" r:id="rId1"/><sheet name="${b}" sheetId="2" r:id="rId2"/></sheets></workbook>`,
        ),
      );
    const error = await expectUnusable(
      readXlsxBuffer(named("Thôn", "THÔN"), "trung-ten.xlsx"),
      "corrupt",
      "trung-ten.xlsx",
    );
    expect(error.message).toContain("two sheets have one name: “Thôn” and “THÔN”");
    expect(error.bilingual.vi).toContain("hai trang tính trùng tên: “Thôn” và “THÔN”");
    await expectUnusable(readXlsxBuffer(named("Thôn", "Thôn"), "t.xlsx"), "corrupt", "t.xlsx");
    expect((await readXlsxBuffer(named("Thôn", "Thôn 2"), "t.xlsx")).sheets).toHaveLength(2);
  });

  it("zip entry names written with backslashes read as their forward-slash names", async () => {
    const parts = workbookEntries([entry("xl/worksheets/sheet1.xml", sheetXml(VILLAGES_ROWS))]);
    const backslashed = parts.map((e) =>
      e.name.startsWith("xl/") ? { ...e, name: e.name.replace(/\//g, "\\") } : e,
    );
    expect(backslashed.map((e) => e.name)).toContain("xl\\worksheets\\sheet1.xml");
    const read = await readXlsxBuffer(zipBytes(backslashed), "cu.xlsx");
    expect(read.sheets[0].rows).toEqual((await readXlsxBuffer(zipBytes(parts), "moi.xlsx")).sheets[0].rows);
    // Both spellings of one part: a duplicate, as before.
    const twice = await expectUnusable(
      readXlsxBuffer(
        zipBytes([...parts, { ...parts[parts.length - 1], name: "xl\\worksheets\\sheet1.xml" }]),
        "hai.xlsx",
      ),
      "corrupt",
      "hai.xlsx",
    );
    expect(twice.message).toContain("twice");
    // "..\\" is not resolved: the workbook is not found there.
    const climbing = parts.map((e) =>
      e.name === "xl/workbook.xml" ? { ...e, name: "..\\xl\\workbook.xml" } : e,
    );
    const missing = await expectUnusable(
      readXlsxBuffer(zipBytes(climbing), "leo.xlsx"),
      "corrupt",
      "leo.xlsx",
    );
    expect(missing.message).toContain("there is no workbook part “xl/workbook.xml”");
  });

  it("an .xls and a password-protected workbook, both compound files, told apart", async () => {
    await expectUnusable(readXlsxBuffer(compoundFile("xls"), "cu.xlsx"), "legacy-xls", "cu.xlsx");
    await expectUnusable(readXlsxBuffer(compoundFile("encrypted"), "mk.xlsx"), "encrypted", "mk.xlsx");
  });

  it("a sheet whose part is missing, or whose relationship climbs out of the package with ../", async () => {
    const withRels = (target: string | null): Buffer =>
      zipBytes(
        workbookEntries([entry("xl/worksheets/sheet1.xml", sheetXml(VILLAGES_ROWS))])
          .filter((e) => target !== null || !e.name.startsWith("xl/worksheets/"))
          .map((e) =>
            target !== null && e.name === "xl/_rels/workbook.xml.rels"
              ? entry(
                  e.name,
                  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${target}"/></Relationships>`,
                )
              : e,
          ),
      );
    const missing = await expectUnusable(
      readXlsxBuffer(withRels(null), "thieu.xlsx"),
      "corrupt",
      "thieu.xlsx",
    );
    expect(missing.message).toContain(
      "sheet “Thôn”: the part “xl/worksheets/sheet1.xml” that holds its cells is missing",
    );
    const out = await expectUnusable(
      readXlsxBuffer(withRels("../../../../etc/passwd"), "ra-ngoai.xlsx"),
      "corrupt",
      "ra-ngoai.xlsx",
    );
    expect(out.message).toContain("the part “etc/passwd” that holds its cells is missing");
    // `..` that stays inside the package is a path like any other.
    const inside = await readXlsxBuffer(withRels("../xl/./worksheets/sheet1.xml"), "trong.xlsx");
    expect(inside.sheets[0].rows).toHaveLength(2);
  });

  it("an XML part declaring an encoding no decoder knows", async () => {
    const sheet = sheetXml(VILLAGES_ROWS).replace('encoding="UTF-8"', 'encoding="x-ma-hoa-la"');
    const error = await expectUnusable(
      readXlsxBuffer(zipBytes(workbookEntries([entry("xl/worksheets/sheet1.xml", sheet)])), "mahoa.xlsx"),
      "corrupt",
      "mahoa.xlsx",
    );
    expect(error.message).toContain(
      "the part “xl/worksheets/sheet1.xml” uses the character encoding “x-ma-hoa-la”, which this system cannot read",
    );
  });

  it("a zip signature followed by garbage", async () => {
    const bytes = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    await expectUnusable(readXlsxBuffer(bytes, "rac.xlsx"), "corrupt", "rac.xlsx");
  });
});

/**
 * A minimal compound-file (CFB) container shaped like Office's encrypted packages: the CFB
 * signature, then directory entries named in UTF-16LE as Office writes them. (No tool here can
 * write a real encrypted .xlsx; the reader only looks at these bytes.)
 */
function encryptedContainer(): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24);
  header.writeUInt16LE(0x0003, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  const directory = Buffer.alloc(512);
  ["Root Entry", "EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces"].forEach((name, i) => {
    const encoded = Buffer.from(name + "\0", "utf16le");
    encoded.copy(directory, i * 128);
    directory.writeUInt16LE(encoded.length, i * 128 + 64);
  });
  return Buffer.concat([header, directory, Buffer.alloc(1024)]);
}
