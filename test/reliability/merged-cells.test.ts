import ExcelJS from "exceljs";
import type { SheetGrid } from "../../src/core/grid";
import { readWorkbooks } from "../../src/core/read/readWorkbook";
import { readXlsxBuffer } from "../../src/xlsx/readXlsx";

/**
 * Clerks type a commune once in a cell merged down over its villages. Found by the corpus case
 * `merged-commune-cells`: the villages under the top one were reported as missing their commune
 * and not counted. A merged cell in the data area now counts on every row it covers.
 */

const HEADER = ["Tỉnh", "Huyện", "Xã", "Thôn", "Bí thư chi bộ", "Trưởng thôn"];

function grid(merges: SheetGrid["merges"]): SheetGrid {
  return {
    name: "Thôn",
    rows: [
      HEADER,
      ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm", "A", "A"],
      ["Lạng Sơn", "Bình Gia", null, "Khuổi Mè", "B", "C"],
      ["Lạng Sơn", "Bình Gia", null, "Khuổi Chặng", "D", "D"],
    ],
    merges,
  };
}

describe("cells merged down over data rows", () => {
  it("give their value to every row they cover", () => {
    const read = readWorkbooks([
      { file: "x.xlsx", sheets: [grid([{ top: 2, left: 3, bottom: 4, right: 3 }])] },
    ]);
    expect(read.dataset.issues).toEqual([]);
    expect(read.dataset.villages.map((v) => v.commune)).toEqual(["Yên Lỗ", "Yên Lỗ", "Yên Lỗ"]);
  });

  it("are blank without the merge information, as before (the missing commune is reported)", () => {
    const read = readWorkbooks([{ file: "x.xlsx", sheets: [grid(undefined)] }]);
    expect(read.dataset.villages).toHaveLength(1);
    expect(read.dataset.issues.map((i) => i.cell)).toEqual(["C3", "C4"]);
  });

  it("do not reach into the header or across columns", () => {
    const read = readWorkbooks([
      {
        file: "x.xlsx",
        sheets: [
          grid([
            { top: 1, left: 3, bottom: 3, right: 3 }, // begins at the header row: not data
            { top: 2, left: 2, bottom: 4, right: 3 }, // fills its first column only (District)
          ]),
        ],
      },
    ]);
    expect(read.dataset.issues.map((i) => i.cell)).toEqual(["C3", "C4"]);
  });

  it("make a caption row when one cell is merged across the table and nothing else is on the row", () => {
    const base = grid([{ top: 2, left: 3, bottom: 4, right: 3 }]);
    const rows = [...base.rows, ["Ghi chú: chưa gồm thôn mới", null, null, null, null, null]];
    const caption = { top: 5, left: 1, bottom: 5, right: 6 };
    const read = readWorkbooks([
      { file: "x.xlsx", sheets: [{ ...base, rows, merges: [...base.merges!, caption] }] },
    ]);
    // Not a village: skipped, and listed in one information line.
    expect(read.dataset.issues.map((i) => [i.code, i.severity, i.cell])).toEqual([
      ["rows-skipped", "info", "A5"],
    ]);
    expect(read.dataset.villages).toHaveLength(3);
    // Not merged, a "Ghi chú:" line is still a note; other text alone is an incomplete village, reported.
    const plain = readWorkbooks([{ file: "x.xlsx", sheets: [{ ...base, rows }] }]);
    expect(plain.dataset.issues.map((i) => [i.code, i.cell])).toEqual([["rows-skipped", "A5"]]);
    const named = [...base.rows, ["Thôn Nà Lẹng", null, null, null, null, null]];
    const incomplete = readWorkbooks([{ file: "x.xlsx", sheets: [{ ...base, rows: named }] }]);
    expect(incomplete.dataset.issues.map((i) => i.cell)).toEqual(["C5", "D5"]);
  });

  it("are read from .xlsx files by the ExcelJS shell", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Thôn");
    ws.addRows(grid(undefined).rows as unknown[][]);
    ws.mergeCells("C2:C4");
    ws.mergeCells("A6:F6");
    ws.getCell("A6").value = "Ghi chú";
    const workbook = await readXlsxBuffer(new Uint8Array(await wb.xlsx.writeBuffer()), "x.xlsx");
    expect(workbook.sheets[0].merges).toEqual(
      expect.arrayContaining([
        { top: 2, left: 3, bottom: 4, right: 3 },
        { top: 6, left: 1, bottom: 6, right: 6 },
      ]),
    );
    const read = readWorkbooks([workbook]);
    expect(read.dataset.issues.map((i) => [i.code, i.severity, i.cell])).toEqual([
      ["rows-skipped", "info", "A6"],
    ]);
    expect(read.dataset.villages).toHaveLength(3);
  });
});
