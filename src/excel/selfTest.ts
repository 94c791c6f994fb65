import type { Message } from "../core/issues";
import { errorCode } from "../port/errors";
import type { SelfTestCheckResult, SelfTestReport } from "../port/selfTest";
import {
  REQUEST_BUDGET_BYTES,
  assertWritable,
  escapedBytes,
  queueInputs,
  type XProtectionContext,
} from "./applier";
import type { ExcelHost } from "./host";
import type { XSessionContext, XSessionWorksheet } from "./objectModel";

/**
 * The compatibility self-test: a contract suite of the Office.js behaviours the add-in relies on
 * and the in-memory Excel (src/excel/memory) imitates. Each check is a description — an id, a
 * title, what it does on a temporary sheet and the result the in-memory Excel gives — run in its
 * own batch on any `ExcelHost`: real Excel from the pane's "Kiểm tra tương thích" entry, the
 * in-memory Excel in jest (test/excel/selfTest.test.ts), so the two can only drift apart visibly.
 * The temporary sheet is removed at the end, whatever the checks did.
 */

/** The temporary sheet (a space and Vietnamese letters: names are quoted and compared as in Excel). */
export const SELF_TEST_SHEET = "NTH kiểm tra tạm";
const RENAMED = "NTH kiểm tra tạm 2";
const SECOND = "NTH kiểm tra phụ";
const NAME = "_nth_selftest";
const PROPERTY = "nth-rollup-selftest";
/** The mark on the self-test's own sheets: only sheets carrying it are ever deleted (never a clerk's of the same name). */
const OWN_SHEET_MARK = "nth-rollup-selftest-sheet";
const QUOTED = `'${SELF_TEST_SHEET}'`;

export interface SelfTestCheck {
  readonly id: string;
  readonly title: Message;
  /** What the in-memory Excel gives (may depend on the host's requirement sets). */
  expected(host: ExcelHost): unknown;
  /** Runs in its own batch; returns the observed result (JSON-like). */
  run(context: XSessionContext, sheet: XSessionWorksheet, host: ExcelHost): Promise<unknown>;
}

const errorText = (error: unknown): string =>
  `${errorCode(error) ?? "Error"}: ${error instanceof Error ? error.message : String(error)}`;

/** A Vietnamese text near 57 escaped bytes a cell: the rows of the "request size" check. */
const BIG_TEXT = "Thôn Nà Lẹng, xã Bình Gia";

export const SELF_TEST_CHECKS: readonly SelfTestCheck[] = [
  {
    id: "load-sync",
    title: {
      vi: "Đọc thuộc tính trước load/sync bị từ chối; sau sync đọc được",
      en: "Reading before load/sync is refused; after sync it works",
    },
    expected: () => ({ before: "PropertyNotLoaded", after: [["a", 1]] }),
    async run(context, sheet) {
      const range = sheet.getRange("A1:B1");
      range.values = [["a", 1]];
      await context.sync();
      let before: string | null = null;
      try {
        // Deliberately read before load: Office.js must refuse it.
        // eslint-disable-next-line office-addins/load-object-before-read
        void range.values;
      } catch (error) {
        before = errorCode(error) ?? errorText(error);
      }
      range.load("values");
      await context.sync();
      return { before, after: range.values };
    },
  },
  {
    id: "arrays",
    title: {
      vi: "Giá trị, công thức và định dạng số ghi/đọc theo mảng 2 chiều",
      en: "Values, formulas and number formats as 2-D arrays",
    },
    expected: () => ({
      formulas: [
        [12, "Bình Gia", true, "=A2*2"],
        [0.5, "", false, "=SUM(A2:A3)"],
      ],
      values: [
        [12, "Bình Gia", true],
        [0.5, "", false],
      ],
      numberFormat: [
        ["General", "General", "General", "General"],
        ["0.0%", "General", "General", "General"],
      ],
    }),
    async run(context, sheet) {
      const range = sheet.getRange("A2:D3");
      range.formulas = [
        [12, "Bình Gia", true, "=A2*2"],
        [0.5, null, false, "=SUM(A2:A3)"],
      ];
      sheet.getRange("A3").numberFormat = [["0.0%"]];
      const plain = sheet.getRange("A2:C3");
      range.load("formulas,numberFormat");
      plain.load("values");
      await context.sync();
      return { formulas: range.formulas, values: plain.values, numberFormat: range.numberFormat };
    },
  },
  {
    id: "text-as-text",
    title: {
      vi: "Văn bản bắt đầu bằng “=” ghi vào ô “@” vẫn là văn bản; dấu ' đầu được giữ nguyên",
      en: "A text beginning with “=” written into an “@” cell stays text; a leading ' is kept literally",
    },
    expected: () => ({
      formulas: [["=1+2", "'0123", "+84 912", "0123"]],
      values: [["=1+2", "'0123", "+84 912", "0123"]],
      valueTypes: [["String", "String", "String", "String"]],
      numberFormat: [["@", "@", "@", "@"]],
    }),
    async run(context, sheet) {
      const range = sheet.getRange("A5:D5");
      const texts = [["=1+2", "'0123", "+84 912", "0123"]];
      // The applier's one way of writing text that must stay text ("@" first, then the text).
      queueInputs(range, { values: texts, formats: [["@", "@", "@", "@"]] }, "formulas");
      range.load("formulas,values,valueTypes,numberFormat");
      await context.sync();
      return {
        formulas: range.formulas,
        values: range.values,
        valueTypes: range.valueTypes,
        numberFormat: range.numberFormat,
      };
    },
  },
  {
    id: "merges",
    title: {
      vi: "Ô gộp: giá trị ở ô đầu, các ô khác rỗng; đọc vùng gộp (ExcelApi 1.13)",
      en: "Merged cells: the value in the first cell, the others empty; merged areas read (ExcelApi 1.13)",
    },
    expected: (host) => ({
      values: [
        ["Xã Yên Lỗ", "x"],
        ["", "y"],
        ["", "z"],
      ],
      mergedAreas: host.isSetSupported("ExcelApi", "1.13") ? `${QUOTED}!A7:A9` : "unsupported",
    }),
    async run(context, sheet, host) {
      sheet.getRange("A7:B9").values = [
        ["Xã Yên Lỗ", "x"],
        ["", "y"],
        ["", "z"],
      ];
      sheet.getRange("A7:A9").merge(false);
      const range = sheet.getRange("A7:B9");
      range.load("values");
      const gated = host.isSetSupported("ExcelApi", "1.13");
      const areas = gated ? range.getMergedAreasOrNullObject() : null;
      areas?.load("address");
      await context.sync();
      return {
        values: range.values,
        mergedAreas: areas ? (areas.isNullObject ? null : areas.address) : "unsupported",
      };
    },
  },
  {
    id: "marks",
    title: {
      vi: "Thuộc tính tùy chỉnh của trang và tên định nghĩa (hai dấu của trang báo cáo)",
      en: "Worksheet custom properties and defined names (the report sheets' two marks)",
    },
    expected: () => ({ property: "summary", missing: true, name: `${QUOTED}!$A$1` }),
    async run(context, sheet) {
      sheet.customProperties.add(PROPERTY, "summary");
      context.workbook.names.add(NAME, `=${QUOTED}!$A$1`, "nth-rollup self-test");
      await context.sync();
      const prop = sheet.customProperties.getItemOrNullObject(PROPERTY);
      prop.load("value");
      const missing = sheet.customProperties.getItemOrNullObject("nth-rollup-none");
      missing.load("value");
      const names = context.workbook.names;
      names.load("items/name,items/value");
      await context.sync();
      const name = names.items.find((n) => n.name === NAME);
      const observed = {
        property: prop.isNullObject ? null : prop.value,
        missing: missing.isNullObject,
        name: name ? name.value : null,
      };
      name?.delete();
      await context.sync();
      return observed;
    },
  },
  {
    id: "sheets",
    title: {
      vi: "Thêm, đổi tên và xóa trang tính",
      en: "Sheets added, renamed and deleted",
    },
    expected: () => ({ added: true, renamed: true, deleted: true }),
    async run(context) {
      const sheets = context.workbook.worksheets;
      const added = sheets.add(SECOND);
      added.customProperties.add(OWN_SHEET_MARK, "1");
      await context.sync();
      added.name = RENAMED;
      sheets.load("items/name");
      await context.sync();
      const names1 = sheets.items.map((s) => s.name);
      added.delete();
      const after = context.workbook.worksheets;
      after.load("items/name");
      await context.sync();
      const names2 = after.items.map((s) => s.name);
      return {
        added: !names1.includes(SECOND) && names1.includes(RENAMED),
        renamed: names1.includes(RENAMED),
        deleted: !names2.includes(RENAMED),
      };
    },
  },
  {
    id: "tables",
    title: { vi: "Bảng (Table) và thêm dòng vào bảng", en: "Tables and rows added to them" },
    expected: () => ({
      values: [
        ["Thôn", "Số"],
        ["Pò Mầm", 1],
        ["Nà Lẹng", 2],
        ["Khuổi Lù", 3],
      ],
    }),
    async run(context, sheet) {
      sheet.getRange("F1:G2").values = [
        ["Thôn", "Số"],
        ["Pò Mầm", 1],
      ];
      const table = sheet.tables.add("F1:G2", true);
      table.rows.add(undefined, [
        ["Nà Lẹng", 2],
        ["Khuổi Lù", 3],
      ]);
      const range = table.getRange();
      range.load("values");
      await context.sync();
      return { values: range.values };
    },
  },
  {
    id: "null-and-shift",
    title: {
      vi: "null trong mảng giữ nguyên ô; xóa ô đẩy các ô bên dưới lên (nhập số liệu dựa vào cả hai)",
      en: "null in an array leaves the cell as it is; deleting cells moves those below up (imports rely on both)",
    },
    expected: () => ({
      values: [
        ["a", "B"],
        ["e", "f"],
        ["g", "h"],
        ["", ""],
      ],
      numberFormat: [["General", "0%"]],
    }),
    async run(context, sheet) {
      sheet.getRange("I1:J4").values = [
        ["a", "b"],
        ["c", "d"],
        ["e", "f"],
        ["g", "h"],
      ];
      sheet.getRange("I1:J1").values = [[null, "B"]];
      sheet.getRange("I1:J1").formulas = [[null, null]];
      sheet.getRange("I1:J1").numberFormat = [[null, "0%"]];
      sheet.getRange("I2:J2").delete("Up");
      const range = sheet.getRange("I1:J4");
      const first = sheet.getRange("I1:J1");
      range.load("values");
      first.load("numberFormat");
      await context.sync();
      return { values: range.values, numberFormat: first.numberFormat };
    },
  },
  {
    id: "request-size",
    title: {
      vi: "Một yêu cầu gần giới hạn (ngân sách 4 MB tính theo byte đã thoát \\uXXXX) được chấp nhận",
      en: "One request near the limit (the 4 MB budget in escaped \\uXXXX bytes) is accepted",
    },
    expected: () => ({ nearBudget: true, lastRow: [BIG_TEXT, 9999] }),
    async run(context, sheet) {
      const perRow = escapedBytes([[BIG_TEXT, 9999]]);
      const rows = Math.floor((REQUEST_BUDGET_BYTES * 0.9) / perRow);
      const matrix = Array.from({ length: rows }, (_, i) => [BIG_TEXT, i === rows - 1 ? 9999 : i]);
      const bytes = escapedBytes(matrix);
      sheet.getRangeByIndexes(100, 0, rows, 2).values = matrix;
      await context.sync();
      const last = sheet.getRangeByIndexes(100 + rows - 1, 0, 1, 2);
      last.load("values");
      await context.sync();
      return {
        nearBudget: bytes > REQUEST_BUDGET_BYTES * 0.8 && bytes < REQUEST_BUDGET_BYTES,
        lastRow: last.values[0],
      };
    },
  },
  {
    id: "cell-edit",
    title: {
      vi: "delayForCellEdit có (ExcelApi 1.11): thao tác chờ khi đang gõ trong ô",
      en: "delayForCellEdit available (ExcelApi 1.11): batches wait while a cell is being edited",
    },
    expected: () => ({ delayForCellEdit: true, batchRan: true }),
    async run(context, sheet, host) {
      sheet.getRange("H1").values = [["ok"]];
      await context.sync();
      return { delayForCellEdit: host.isSetSupported("ExcelApi", "1.11"), batchRan: true };
    },
  },
  {
    id: "protection",
    title: {
      vi: "Nhận biết bảo vệ trang và sổ tính",
      en: "Sheet and workbook protection detected",
    },
    expected: () => ({ workbook: false, sheet: false, writable: true }),
    async run(context, sheet) {
      sheet.load("protection/protected");
      const book = context.workbook.protection;
      book.load("protected");
      await context.sync();
      const observed = { workbook: book.protected, sheet: sheet.protection.protected };
      await assertWritable(context as unknown as XProtectionContext, {
        structure: true,
        sheets: [SELF_TEST_SHEET],
      });
      return { ...observed, writable: true };
    },
  },
  {
    id: "calculation",
    title: {
      vi: "Chế độ tính toán đọc được; tính lại theo yêu cầu",
      en: "Calculation mode readable; recalculation on request",
    },
    expected: () => ({ known: true, recalculated: true }),
    async run(context) {
      const app = context.workbook.application;
      app.load("calculationMode");
      app.calculate("Recalculate");
      await context.sync();
      const mode = app.calculationMode;
      return { known: ["Automatic", "Manual", "Semiautomatic"].includes(mode), recalculated: true, mode };
    },
  },
];

/** The part of an observation compared with the expectation (the calculation mode is only shown). */
function compared(observed: unknown, expected: unknown): boolean {
  if (
    typeof observed === "object" &&
    observed !== null &&
    typeof expected === "object" &&
    expected !== null
  ) {
    const keys = Object.keys(expected as Record<string, unknown>);
    const pick = Object.fromEntries(keys.map((k) => [k, (observed as Record<string, unknown>)[k]]));
    return JSON.stringify(pick) === JSON.stringify(expected);
  }
  return JSON.stringify(observed) === JSON.stringify(expected);
}

const SETS: readonly [string, string][] = [
  ...Array.from({ length: 20 }, (_, i): [string, string] => ["ExcelApi", `1.${i + 1}`]),
  ["SharedRuntime", "1.1"],
  ["CustomFunctionsRuntime", "1.1"],
  ["RibbonApi", "1.1"],
];

/** Deletes the self-test's sheets (those carrying its mark) and name, if any are left. One batch. */
async function cleanUp(host: ExcelHost): Promise<boolean> {
  return host
    .run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      const names = context.workbook.names;
      names.load("items/name");
      await context.sync();
      names.items.filter((n) => n.name === NAME).forEach((n) => n.delete());
      const ours = new Set([SELF_TEST_SHEET, RENAMED, SECOND].map((n) => n.toLocaleLowerCase()));
      const candidates = sheets.items
        .filter((s) => ours.has(s.name.toLocaleLowerCase()))
        .map((ws) => {
          const mark = ws.customProperties.getItemOrNullObject(OWN_SHEET_MARK);
          mark.load("value");
          return { ws, mark };
        });
      await context.sync();
      // A clerk's sheet that happens to have one of these names is not the self-test's: kept.
      candidates.filter((c) => !c.mark.isNullObject).forEach((c) => c.ws.delete());
      await context.sync();
      return true;
    })
    .catch(() => false);
}

/**
 * Runs every check on a temporary sheet of the host's workbook and removes it again. Never
 * throws: a failed check carries the error as its observation.
 */
export async function runSelfTest(
  host: ExcelHost,
  checks: readonly SelfTestCheck[] = SELF_TEST_CHECKS,
): Promise<SelfTestReport> {
  const about = host.describe();
  const requirementSets = SETS.filter(([n, v]) => host.isSetSupported(n, v)).map(([n, v]) => `${n} ${v}`);
  const results: SelfTestCheckResult[] = [];
  await cleanUp(host);
  let setUp: string | null = null;
  try {
    await host.run(async (context) => {
      context.workbook.worksheets.add(SELF_TEST_SHEET).customProperties.add(OWN_SHEET_MARK, "1");
      await context.sync();
    });
  } catch (error) {
    setUp = errorText(error);
  }
  for (const check of checks) {
    const expected = check.expected(host);
    let observed: unknown;
    let passed = false;
    if (setUp !== null) observed = `temporary sheet not added: ${setUp}`;
    else {
      try {
        observed = await host.run((context) =>
          check.run(context, context.workbook.worksheets.getItem(SELF_TEST_SHEET), host),
        );
        passed = compared(observed, expected);
      } catch (error) {
        observed = errorText(error);
      }
    }
    results.push({
      id: check.id,
      title: check.title,
      passed,
      observed: typeof observed === "string" ? observed : JSON.stringify(observed),
      expected: JSON.stringify(expected),
    });
  }
  const cleanedUp = await cleanUp(host);
  return { ...about, requirementSets, checks: results, cleanedUp };
}
