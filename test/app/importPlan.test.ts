/**
 * Planning an import (src/app/imports): which submissions are taken, what they change, the
 * conflicts, the provenance of every row written, replacing exactly one unit's rows, refusing an
 * older submission, the combined copy, and who has reported.
 */
import type { WorkbookGrids } from "../../src/core/grid";
import { readWorkbooks } from "../../src/core/read/readWorkbook";
import {
  planImport,
  type ImportOptions,
  type ReceivingState,
  type SheetEdit,
} from "../../src/app/imports/plan";
import { parseUnitCell, rowBelongsTo, unitCell } from "../../src/app/imports/provenance";
import { importLogRows, readImportLog, type ImportLogEntry } from "../../src/app/imports/importLog";
import { dataWorkbook } from "../../src/app/imports/combined";
import {
  PROVENANCE_HEADER,
  receivingVillages,
  submission,
  unitsSheet,
  VILLAGE_HEADER,
  villages,
} from "./importFixtures";

const OPTIONS: ImportOptions = {
  mode: "sheets",
  importedAt: "2021-09-20 08:30",
  language: "vi",
  referenceYear: 2021,
};

function receiving(
  workbook: Partial<WorkbookGrids> & Pick<WorkbookGrids, "sheets">,
  extra: Partial<ReceivingState> = {},
): ReceivingState {
  const wb = { file: "", ...workbook };
  return {
    workbook: wb,
    marks: wb.sheets.map((s) => ({ name: s.name, own: null })),
    tables: [],
    log: [],
    ...extra,
  };
}

const EMPTY = receiving({ sheets: [{ name: "Sheet1", rows: [] }] });

const entry = (commune: string, generatedAt: string, file = `${commune}.xlsx`): ImportLogEntry => ({
  unit: { name: commune, level: "commune", province: "Lạng Sơn", district: "Bình Gia" },
  period: "Quý II/2021",
  generatedAt,
  file,
  importedAt: "2021-06-20 09:00",
  villages: 3,
  consolidated: 1,
  contentHash: null,
  content: null,
  review: "pending",
  note: null,
});

describe("provenance cells", () => {
  it("name the unit with its level, and are read back whatever the spelling", () => {
    expect(unitCell({ name: "Bình La", level: "commune" })).toBe("Bình La (xã)");
    expect(unitCell({ name: "Bình Gia", level: "district" })).toBe("Bình Gia (huyện)");
    expect(parseUnitCell("Xuân Hoà (Xã)")).toEqual({ name: "Xuân Hoà", level: "commune" });
    expect(parseUnitCell("Bình Gia ( HUYỆN )")).toEqual({ name: "Bình Gia", level: "district" });
    expect(parseUnitCell("Bình Gia")).toBeNull();
    expect(parseUnitCell("Bình Gia (cũ)")).toBeNull();
  });

  it("tell a commune from the district of the same name, and communes of one name apart by district", () => {
    const commune = {
      name: "Thị trấn Bình Gia",
      level: "commune" as const,
      province: "Lạng Sơn",
      district: "Bình Gia",
    };
    const place = { province: "Lạng Sơn", district: "Bình Gia" };
    expect(rowBelongsTo("Thị trấn Bình Gia (xã)", place, commune)).toBe(true);
    expect(rowBelongsTo("Bình Gia (huyện)", place, commune)).toBe(false);
    expect(
      rowBelongsTo(
        "Xuân Hòa (xã)",
        { province: "Lạng Sơn", district: "Văn Lãng" },
        {
          ...commune,
          name: "Xuân Hoà",
        },
      ),
    ).toBe(false);
    // Normalised: tone placement, case, Unicode form.
    expect(rowBelongsTo("XUÂN HÒA (xã)".normalize("NFD"), place, { ...commune, name: "Xuân Hoà" })).toBe(
      true,
    );
  });

  it("the import log is read back as written", () => {
    const entries = [
      entry("Bình La", "2021-09-09T02:00:00.000Z"),
      entry("Yên Lỗ", "2021-09-10T02:00:00.000Z"),
    ];
    const rows = importLogRows(entries, "vi");
    expect(readImportLog({ name: "Nhật ký nhập", rows })).toEqual(entries);
  });
});

describe("planImport into an empty workbook", () => {
  const a = submission({
    file: "binh-la.xlsx",
    commune: "Bình La",
    generatedAt: "2021-09-09T02:00:00.000Z",
    villages: villages("Nà", 4, 2),
  });
  const b = submission({
    file: "yen-lo.xlsx",
    commune: "Yên Lỗ",
    generatedAt: "2021-09-10T02:00:00.000Z",
    villages: villages("Pò", 3, 1),
  });
  const plan = planImport(EMPTY, [a, b], OPTIONS);

  it("takes both submissions as new, with their unit, period, time and counts", () => {
    expect(
      plan.submissions.map((s) => [s.file, s.status, s.unit?.name, s.period, s.villages, s.consolidated]),
    ).toEqual([
      ["binh-la.xlsx", "new", "Bình La", "Quý III/2021", 4, 2],
      ["yen-lo.xlsx", "new", "Yên Lỗ", "Quý III/2021", 3, 1],
    ]);
    expect(plan.conflicts).toEqual([]);
    expect(plan.unusable).toBeNull();
  });

  it("creates the standard sheets with the provenance columns, and fills the villages table", () => {
    const writes = plan.writes!;
    expect(writes.create.map((s) => s.name)).toEqual([
      "Thôn",
      "Cán bộ",
      "Chỉ tiêu",
      "Cài đặt báo cáo",
      "Hướng dẫn",
    ]);
    const thon = writes.create[0];
    expect(thon.rows[0]).toEqual([...VILLAGE_HEADER, ...PROVENANCE_HEADER]);
    expect(writes.edits.map((e) => e.sheet)).toEqual(["Thôn"]);
    const edit = writes.edits[0];
    expect(edit.table).toBe("NTH_Thon");
    expect(edit.addColumns).toEqual([]);
    // Row 2 is the table's empty row; the other six rows are added to the table.
    expect(edit.append).toMatchObject({ top: 2, left: 1, viaTable: 6 });
    expect(edit.append!.rows).toHaveLength(7);
  });

  it("gives every row its provenance: source file, unit, period, time of the import", () => {
    const rows = plan.writes!.edits[0].append!.rows;
    const provenance = rows.map((r) => r.slice(VILLAGE_HEADER.length));
    expect(provenance[0]).toEqual([
      "binh-la.xlsx",
      "Bình La (xã, Bình Gia)",
      "Quý III/2021",
      "2021-09-20 08:30",
    ]);
    expect(provenance[6]).toEqual([
      "yen-lo.xlsx",
      "Yên Lỗ (xã, Bình Gia)",
      "Quý III/2021",
      "2021-09-20 08:30",
    ]);
    expect(rows[0].slice(0, 4)).toEqual(["Lạng Sơn", "Bình Gia", "Bình La", "Nà 1"]);
  });

  it("writes the import log last", () => {
    const own = plan.writes!.ownSheets;
    expect(own.map((o) => [o.name, o.mark, o.exists])).toEqual([["Nhật ký nhập", "import-log", false]]);
    expect(readImportLog({ name: "x", rows: own[0].rows })).toEqual(plan.writes!.entries);
  });

  it("says who has reported: the units of the data, both of them", () => {
    expect(plan.completeness).toMatchObject({ basis: "previous-period", expected: 2, reported: 2 });
  });
});

describe("re-importing a unit", () => {
  // Rows of Bình La and Yên Lỗ imported before, and a clerk's own row of Hòa Bình between them.
  const grid = receivingVillages([
    { commune: "Bình La", v: { village: "Nà 1", consolidated: false }, unit: "Bình La (xã)" },
    { commune: "Bình La", v: { village: "Nà 2", consolidated: false }, unit: "Bình La (xã)" },
    { commune: "Bình La", v: { village: "Nà 3", consolidated: true }, unit: "Bình La (xã)" },
    { commune: "Hòa Bình", v: { village: "Còn Chang", consolidated: true }, unit: null },
    { commune: "Yên Lỗ", v: { village: "Pò Mầm", consolidated: true }, unit: "Yên Lỗ (xã)" },
  ]);
  const state = receiving(
    { sheets: [grid, { name: "Ghi chú", rows: [["Ghi chú của văn thư"]] }] },
    { log: [entry("Bình La", "2021-06-10T02:00:00.000Z"), entry("Yên Lỗ", "2021-06-11T02:00:00.000Z")] },
  );

  it("replaces only that unit's rows, in their places, and deletes those left over", () => {
    // Two villages now, Nà 2 consolidated; Nà 3 gone, Nà 4 new.
    const newer = submission({
      file: "binh-la-v2.xlsx",
      commune: "Bình La",
      generatedAt: "2021-09-09T02:00:00.000Z",
      villages: [
        { village: "Nà 1", consolidated: false },
        { village: "Nà 2", consolidated: true },
        { village: "Nà 4", consolidated: true },
      ],
    });
    const plan = planImport(state, [newer], OPTIONS);
    const s = plan.submissions[0];
    expect([s.status, s.replacedRows, s.keptVillages, s.previous?.generatedAt]).toEqual([
      "replaces",
      3,
      0,
      "2021-06-10T02:00:00.000Z",
    ]);
    expect(s.diff!.added.map((v) => v.village)).toEqual(["Nà 4"]);
    expect(s.diff!.removed.map((v) => v.village)).toEqual(["Nà 3"]);
    expect(s.diff!.changed.map((c) => [c.village.village, c.field, c.before, c.after])).toEqual([
      ["Nà 2", "consolidatedFlag", false, true],
      ["Nà 2", "head", "Trưởng Nà 2", "Bí thư Nà 2"],
    ]);
    const edit: SheetEdit = plan.writes!.edits[0];
    // Rows 2–4 were Bình La's: the three new rows go there; nothing is deleted or appended.
    expect(edit.writes.map((w) => [w.top, w.rows.length])).toEqual([[2, 3]]);
    expect(edit.writes[0].rows.map((r) => r[3])).toEqual(["Nà 1", "Nà 2", "Nà 4"]);
    expect(edit.deletes).toEqual([]);
    expect(edit.append).toBeNull();
    expect(edit.addColumns).toEqual([]);
    // Nothing else is touched: not the clerk's row 5, not Yên Lỗ's row 6, not the other sheet.
    expect(plan.writes!.edits.map((e) => e.sheet)).toEqual(["Thôn"]);
  });

  it("deletes the rows a smaller submission leaves over, and appends what a bigger one adds", () => {
    const smaller = submission({
      file: "binh-la-v2.xlsx",
      commune: "Bình La",
      generatedAt: "2021-09-09T02:00:00.000Z",
      villages: villages("Nà", 1, 1),
    });
    const edit = planImport(state, [smaller], OPTIONS).writes!.edits[0];
    expect(edit.writes.map((w) => w.top)).toEqual([2]);
    expect(edit.deletes).toEqual([{ top: 3, bottom: 4, left: 1, right: 17 }]);
    expect(edit.append).toBeNull();

    const bigger = submission({
      file: "binh-la-v2.xlsx",
      commune: "Bình La",
      generatedAt: "2021-09-09T02:00:00.000Z",
      villages: villages("Nà", 5, 1),
    });
    const grow = planImport(state, [bigger], OPTIONS).writes!.edits[0];
    expect(grow.writes.map((w) => [w.top, w.rows.length])).toEqual([[2, 3]]);
    expect(grow.append).toMatchObject({ top: 7, viaTable: 0 });
    expect(grow.append!.rows.map((r) => r[3])).toEqual(["Nà 4", "Nà 5"]);
  });

  it("refuses a submission older than the one imported, and the very same one", () => {
    const older = submission({
      file: "binh-la-old.xlsx",
      commune: "Bình La",
      generatedAt: "2021-06-01T02:00:00.000Z",
      villages: villages("Nà", 3, 3),
    });
    const same = submission({
      file: "yen-lo.xlsx",
      commune: "Yên Lỗ",
      generatedAt: "2021-06-11T02:00:00.000Z",
      villages: villages("Pò", 1, 1),
    });
    const plan = planImport(state, [older, same], OPTIONS);
    expect(plan.submissions.map((s) => s.status)).toEqual(["older", "same"]);
    expect(plan.submissions[0].reason!.vi).toMatch(/cũ hơn bản đã nhập của Bình La.*Bình La\.xlsx/);
    expect(plan.submissions[0].reason!.en).toMatch(/before the submission of Bình La already imported/);
    expect(plan.writes).toBeNull();
  });

  it("of two files of one unit, takes the newer", () => {
    const v2 = submission({
      file: "v2.xlsx",
      commune: "Bình La",
      generatedAt: "2021-09-09T02:00:00.000Z",
      villages: villages("Nà", 3, 1),
    });
    const v3 = submission({
      file: "v3.xlsx",
      commune: "Xã Bình La",
      generatedAt: "2021-09-12T02:00:00.000Z",
      villages: villages("Nà", 3, 2),
    });
    const plan = planImport(state, [v2, v3], OPTIONS);
    expect(plan.submissions.map((s) => s.status)).toEqual(["superseded", "replaces"]);
    expect(plan.submissions[0].reason!.vi).toContain("v3.xlsx");
  });

  it("shows every conflict: the clerk's own rows of a commune against its submission, another period", () => {
    const hoaBinh = submission({
      file: "hoa-binh.xlsx",
      commune: "Hòa Bình",
      generatedAt: "2021-09-09T02:00:00.000Z",
      period: "Quý IV/2021",
      villages: [{ village: "Còn Chang", consolidated: false }],
    });
    const binhLa = submission({
      file: "binh-la-v2.xlsx",
      commune: "Bình La",
      generatedAt: "2021-09-09T02:00:00.000Z",
      villages: villages("Nà", 3, 1),
    });
    const plan = planImport(state, [hoaBinh, binhLa], OPTIONS);
    const codes = plan.conflicts.map((i) => i.code).sort();
    expect(codes).toEqual(["submission-other-period", "village-in-two-submissions"]);
    const twice = plan.conflicts.find((i) => i.code === "village-in-two-submissions")!;
    expect(twice.message.vi).toContain("sổ đang mở");
    expect(twice.message.vi).toContain("hoa-binh.xlsx");
    // Hòa Bình's row typed by the clerk stays: the preview says so.
    expect(plan.submissions[0].keptVillages).toBe(1);
    expect(plan.submissions[0].diff!.changed.map((c) => c.field)).toEqual(["consolidatedFlag", "head"]);
  });

  it("never counts the replaced rows as conflicts", () => {
    const newer = submission({
      file: "binh-la-v2.xlsx",
      commune: "Bình La",
      generatedAt: "2021-09-09T02:00:00.000Z",
      villages: villages("Nà", 3, 1),
    });
    expect(planImport(state, [newer], OPTIONS).conflicts).toEqual([]);
  });
});

describe("what is not a submission", () => {
  it("a file that could not be read, a workbook without a manifest, a submission without villages", () => {
    const plain = submission({
      file: "plain.xlsx",
      commune: "Bình La",
      generatedAt: "2021-09-09T02:00:00.000Z",
      villages: villages("Nà", 2, 1),
    });
    const noManifest = {
      ...plain,
      workbook: { ...plain.workbook!, sheets: plain.workbook!.sheets.slice(0, 1) },
    };
    const empty = submission({
      file: "empty.xlsx",
      commune: "Yên Lỗ",
      generatedAt: "2021-09-09T02:00:00.000Z",
      villages: [],
    });
    const unreadable = {
      file: "old.xls",
      workbook: null,
      error: { vi: "tệp .xls cũ", en: "an old .xls file" },
    };
    const plan = planImport(EMPTY, [noManifest, empty, unreadable], OPTIONS);
    expect(plan.submissions.map((s) => s.status)).toEqual(["not-submission", "no-rows", "unreadable"]);
    expect(plan.submissions[0].reason!.vi).toContain("Thông tin nộp");
    expect(plan.submissions[2].reason).toEqual(unreadable.error);
    expect(plan.writes).toBeNull();
  });
});

describe("the combined copy", () => {
  const grid = receivingVillages([
    { commune: "Hòa Bình", v: { village: "Còn Chang", consolidated: true }, unit: null },
  ]);
  const state = receiving({ sheets: [grid] });
  const a = submission({
    file: "binh-la.xlsx",
    commune: "Bình La",
    generatedAt: "2021-09-09T02:00:00.000Z",
    villages: villages("Nà", 2, 1),
  });

  it("leaves the clerk's sheets alone and writes the workbook's rows and the submissions' into the add-in's own sheet", () => {
    const plan = planImport(state, [a], { ...OPTIONS, mode: "copy" });
    expect(plan.mode).toBe("copy");
    expect(plan.writes!.edits).toEqual([]);
    expect(plan.writes!.create).toEqual([]);
    const [copy, log] = plan.writes!.ownSheets;
    expect([copy.name, copy.mark, copy.exists]).toEqual(["Thôn (tổng hợp)", "combined-villages", false]);
    expect(copy.rows.map((r) => r[3])).toEqual(["Thôn", "Còn Chang", "Nà 1", "Nà 2"]);
    expect(copy.rows[2].slice(-4)).toEqual([
      "binh-la.xlsx",
      "Bình La (xã, Bình Gia)",
      "Quý III/2021",
      "2021-09-20 08:30",
    ]);
    expect(log.mark).toBe("import-log");
  });

  it("once made, is where the data is read from, and later imports go to it", () => {
    const first = planImport(state, [a], { ...OPTIONS, mode: "copy" });
    const copy = first.writes!.ownSheets[0];
    const after = receiving(
      { sheets: [grid, { name: copy.name, rows: copy.rows.map((r) => [...r]) }] },
      { log: first.writes!.entries },
    );
    const marks = [
      { name: "Thôn", own: null },
      { name: copy.name, own: copy.mark },
    ];
    const withMarks = { ...after, marks };
    // The engine reads the copy, not the original.
    const read = readWorkbooks([dataWorkbook(withMarks.workbook, marks)]);
    expect(read.dataset.villages.map((v) => v.village)).toEqual(["Còn Chang", "Nà 1", "Nà 2"]);
    // A newer Bình La replaces its rows in the copy; "sheets" is not offered any more.
    const b = submission({
      file: "binh-la-2.xlsx",
      commune: "Bình La",
      generatedAt: "2021-09-12T02:00:00.000Z",
      villages: villages("Nà", 3, 3),
    });
    const second = planImport(withMarks, [b], { ...OPTIONS, mode: "sheets" });
    expect([second.mode, second.modeLocked]).toEqual(["copy", true]);
    expect(second.submissions[0].status).toBe("replaces");
    const rewritten = second.writes!.ownSheets[0];
    expect([rewritten.name, rewritten.exists]).toEqual([copy.name, true]);
    expect(rewritten.rows.map((r) => r[3])).toEqual(["Thôn", "Còn Chang", "Nà 1", "Nà 2", "Nà 3"]);
  });
});

describe("completeness", () => {
  it("against the units sheet: two of three reported, the third missing, late after the deadline", () => {
    const state = receiving({ sheets: [unitsSheet(["Bình La", "Yên Lỗ", "Hoa Thám"], "9/9/2021")] });
    const a = submission({
      file: "binh-la.xlsx",
      commune: "Bình La",
      generatedAt: "2021-09-09T02:00:00.000Z",
      villages: villages("Nà", 2, 1),
    });
    const b = submission({
      file: "yen-lo.xlsx",
      commune: "Yên Lỗ",
      generatedAt: "2021-09-12T02:00:00.000Z",
      villages: villages("Pò", 2, 1),
    });
    const plan = planImport(state, [a, b], OPTIONS);
    const c = plan.completeness!;
    expect([c.basis, c.expected, c.reported]).toEqual(["units-sheet", 3, 2]);
    expect(c.units.map((u) => [u.name, u.status])).toEqual([
      ["Bình La", "reported"],
      ["Yên Lỗ", "late"],
      ["Hoa Thám", "missing"],
    ]);
  });
});
