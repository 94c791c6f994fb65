/**
 * Text that Excel would read as something else (a formula, a number, a logical value, an error)
 * stays the same text through every writer of the add-in: new sheets, cell writes, an import's
 * rows and own sheets, and report sheets. Read back from the in-memory Excel, which types strings
 * as Excel does.
 */
import { cellInputs } from "../../src/excel/applier";
import { applySheetEdit, writeOwnSheet } from "../../src/excel/importWriter";
import { FakeWorkbook, runFake, type FakeSheet } from "../../src/excel/memory/fakeExcel";
import { memoryExcelHost } from "../../src/excel/memory/memoryHost";
import { WorkbookSession } from "../../src/excel/session";
import { writeReportsToExcel, type XRequestContext } from "../../src/excel/writeReport";
import type { NewSheet } from "../../src/port/writes";
import { needsForcedText, text, type SheetDescription } from "../../src/report/description";

/** Strings a clerk's data may hold that Excel, given them as if typed, would not keep as the same text. */
const TRICKY = [
  "=1+1",
  '=HYPERLINK("http://x")',
  "+84 912 345 678",
  "-5 thôn",
  "@Bình Gia",
  "0123",
  "12/12",
  "47,5%",
  "TRUE",
  "false",
  "#N/A",
  "1E5",
  "2e-3",
  "'Pò Mầm",
];

function readBack(book: FakeWorkbook, sheet: FakeSheet, row: number, first: number): unknown[] {
  return TRICKY.map((_, k) => {
    const cell = book.cell(sheet, row, first + k);
    return cell?.formula ?? cell?.value ?? null;
  });
}

it("knows every tricky string must be forced", () => {
  expect(TRICKY.filter((s) => !needsForcedText(s))).toEqual([]);
});

it("writes them as text into new sheets and into existing cells", async () => {
  const book = new FakeWorkbook();
  book.addSheet("Cài đặt báo cáo", [["Khóa", "Giá trị"]]);
  const session = new WorkbookSession(memoryExcelHost(book));
  const sheet: NewSheet = {
    kind: "settings",
    name: "Mới",
    rows: [["Tiêu đề"], TRICKY],
    table: null,
    boldRows: [],
    titleRows: [],
    columnWidths: [],
    columnFormats: [],
    validations: [],
    freezeRows: 0,
    wrapColumns: [],
  };
  await session.createSheets([sheet]);
  expect(readBack(book, book.sheet("Mới"), 2, 1)).toEqual(TRICKY);
  await session.writeCells(
    "Cài đặt báo cáo",
    TRICKY.map((value, k) => ({ address: `${String.fromCharCode(65 + k)}3`, value })),
  );
  expect(readBack(book, book.sheet("Cài đặt báo cáo"), 3, 1)).toEqual(TRICKY);
});

it("writes them as text in an import's rows (written over, appended) and in its own sheets", async () => {
  const book = new FakeWorkbook();
  book.addSheetValues("Thôn", [
    ["Tỉnh", "Xã", "Thôn"],
    ["a", "b", "c"],
  ]);
  await runFake(book, (context) =>
    applySheetEdit(
      context,
      {
        sheet: "Thôn",
        headerRow: 1,
        table: null,
        addColumns: [],
        writes: [{ top: 2, left: 1, rows: [TRICKY] }],
        deletes: [],
        append: { top: 3, left: 1, rows: [TRICKY], viaTable: 0 },
      },
      4_000_000,
    ),
  );
  const ws = book.sheet("Thôn");
  expect(readBack(book, ws, 2, 1)).toEqual(TRICKY);
  expect(readBack(book, ws, 3, 1)).toEqual(TRICKY);
  await runFake(book, (context) =>
    writeOwnSheet(
      context,
      { name: "Nhật ký nhập", mark: "importLog", exists: false, rows: [["Tệp"], TRICKY], columnWidths: [] },
      "nth-rollup-sheet",
      4_000_000,
    ),
  );
  expect(readBack(book, book.sheet("Nhật ký nhập"), 2, 1)).toEqual(TRICKY);
});

it("writes them as text in report sheets", async () => {
  const book = new FakeWorkbook();
  book.addSheet("Thôn", [["x"]]);
  const description: SheetDescription = {
    reportId: "dataCheck",
    name: "Kiểm tra dữ liệu",
    cells: [TRICKY.map((s) => text(s))],
    columnCount: TRICKY.length,
    columnWidths: TRICKY.map(() => 10),
    rowHeights: [],
    styles: [],
    merges: [],
    conditionalFills: [],
    freeze: { rows: 0, columns: 0 },
    showGridlines: true,
    autoFitRows: null,
    print: {
      orientation: "portrait",
      fitToPagesWide: 1,
      fitToPagesTall: 0,
      margins: { left: 0.5, right: 0.5, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      centerHorizontally: true,
      printArea: { top: 1, left: 1, bottom: 1, right: TRICKY.length },
      titleRows: null,
      centerFooter: "",
    },
  } as unknown as SheetDescription;
  await runFake(book, (context) => writeReportsToExcel(context as unknown as XRequestContext, [description]));
  expect(readBack(book, book.sheet("Kiểm tra dữ liệu"), 1, 1)).toEqual(TRICKY);
});

it("forces exactly the cells that need it", () => {
  expect(cellInputs([["Thôn", "1E5"]], needsForcedText).formats).toEqual([[null, "@"]]);
});
