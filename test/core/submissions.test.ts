import type { CellValue } from "../../src/core/cells";
import type { WorkbookGrids } from "../../src/core/grid";
import { readWorkbooks } from "../../src/core/read/readWorkbook";
import { rollup } from "../../src/core/rollup/rollup";
import { checkSubmissions } from "../../src/core/submission/checks";
import { compareWithPrevious } from "../../src/core/submission/compare";
import { completeness, expectedUnits } from "../../src/core/submission/completeness";
import { diffVillages } from "../../src/core/submission/diff";
import { manifestRows, readManifest, type SubmissionManifest } from "../../src/core/submission/manifest";

const HEADER = ["Tỉnh", "Huyện", "Xã", "Thôn", "Nhất thể hóa"];

function manifest(over: Partial<SubmissionManifest>): SubmissionManifest {
  return {
    formatVersion: 1,
    unitName: "Yên Lỗ",
    unitLevel: "commune",
    province: "Lạng Sơn",
    district: "Bình Gia",
    commune: "Yên Lỗ",
    period: "Quý III/2025",
    generatedAt: "2025-09-20T08:00:00.000Z",
    villages: 2,
    consolidated: 1,
    addinVersion: "0.1.0",
    contentHash: null,
    ...over,
  };
}

function submission(file: string, m: SubmissionManifest | null, rows: CellValue[][]): WorkbookGrids {
  const sheets = [{ name: "Thôn", rows: [["BIỂU SỐ LIỆU"], HEADER, ...rows] }];
  if (m) sheets.push({ name: "Thông tin nộp", rows: manifestRows(m) });
  return { file, sheets };
}

const row = (commune: string, village: string, flag: CellValue, district = "Bình Gia"): CellValue[] => [
  "Lạng Sơn",
  district,
  commune,
  village,
  flag,
];

function runAll(workbooks: WorkbookGrids[], period?: string) {
  const read = readWorkbooks(workbooks);
  const result = rollup(read.dataset, { referenceYear: 2025 });
  const checks = checkSubmissions(read.submissions, result, { period });
  return { read, result, issues: [...read.dataset.issues, ...result.issues, ...checks] };
}

describe("the manifest", () => {
  it("round-trips through a sheet, and rejects a sheet that is not one", () => {
    const m = manifest({});
    expect(readManifest({ name: "x", rows: manifestRows(m) })).toEqual(m);
    expect(readManifest({ name: "x", rows: [["format", "something else"]] })).toBeNull();
    const broken = manifestRows(m).map((r) => (r[0] === "generatedAt" ? ["generatedAt", "hôm qua"] : r));
    expect(readManifest({ name: "x", rows: broken })).toBeNull();
  });
});

describe("combining submissions", () => {
  const yenLo = submission("yen-lo.xlsx", manifest({}), [
    row("Yên Lỗ", "Pò Mầm", "x"),
    row("Yên Lỗ", "Khuổi Mè", ""),
  ]);
  const tanVan = submission(
    "tan-van.xlsx",
    manifest({ unitName: "Tân Văn", commune: "Tân Văn", villages: 1, consolidated: 1 }),
    [row("Tân Văn", "Suối Cáp", "Có")],
  );

  it("sums submissions like one combined workbook, matching names across files", () => {
    const combined = runAll([
      submission("all.xlsx", null, [
        row("Yên Lỗ", "Pò Mầm", "x"),
        row("Yên Lỗ", "Khuổi Mè", ""),
        row("Tân Văn", "Suối Cáp", "Có"),
      ]),
    ]);
    const split = runAll([yenLo, tanVan]);
    const view = (r: typeof split) => r.result.units.map((u) => [u.id, u.villages, u.consolidated]);
    expect(view(split)).toEqual(view(combined));
    expect(split.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("matches Xuân Hòa, Xuân Hoà and decomposed Unicode as one commune", () => {
    const a = submission("a.xlsx", null, [["Lào Cai", null, "Xuân Hòa", "Xóm Thượng", "x"]]);
    const b = submission("b.xlsx", null, [
      ["Lào Cai", null, " xuân  hoà ".normalize("NFD"), "Xóm Dưới", "x"],
    ]);
    const { result } = runAll([a, b]);
    expect(result.units.filter((u) => u.level === "commune").map((u) => [u.name, u.villages])).toEqual([
      ["Xuân Hòa", 2],
    ]);
  });

  it("a newer submission of the same unit replaces its rows, and only those", () => {
    const newer = submission(
      "yen-lo-v2.xlsx",
      manifest({ generatedAt: "2025-09-25T08:00:00.000Z", villages: 3, consolidated: 3 }),
      [row("Yên Lỗ", "Pò Mầm", "x"), row("Yên Lỗ", "Khuổi Mè", "x"), row("Yên Lỗ", "Khuổi Chặng", "x")],
    );
    const { result, issues, read } = runAll([yenLo, tanVan, newer]);
    expect(read.submissions.map((s) => [s.file, s.used])).toEqual([
      ["yen-lo.xlsx", false],
      ["tan-van.xlsx", true],
      ["yen-lo-v2.xlsx", true],
    ]);
    const yl = result.units.find((u) => u.name === "Yên Lỗ")!;
    expect([yl.villages, yl.consolidated]).toEqual([3, 3]);
    expect(result.units.find((u) => u.name === "Tân Văn")!.villages).toBe(1);
    expect(issues.filter((i) => i.code === "submission-superseded").map((i) => i.file)).toEqual([
      "yen-lo.xlsx",
    ]);
    expect(issues.filter((i) => i.code === "village-in-two-submissions")).toEqual([]);
  });

  it("the same village in two submissions is a conflict naming both, newer used", () => {
    const district = submission(
      "binh-gia.xlsx",
      manifest({
        unitName: "Bình Gia",
        unitLevel: "district",
        commune: null,
        generatedAt: "2025-09-28T00:00:00.000Z",
        villages: 1,
        consolidated: 0,
      }),
      [row("Yên Lỗ", "Pò Mầm", "Không")],
    );
    const { result, issues } = runAll([yenLo, district]);
    const conflict = issues.filter((i) => i.code === "village-in-two-submissions");
    expect(conflict).toHaveLength(1);
    expect(conflict[0].file).toBe("yen-lo.xlsx");
    expect(conflict[0].message.vi).toContain("binh-gia.xlsx");
    expect(conflict[0].message.vi).toContain("yen-lo.xlsx");
    const pm = result.villages.find((v) => v.record.village === "Pò Mầm")!;
    expect([pm.record.source.file, pm.consolidated]).toEqual(["binh-gia.xlsx", false]);
  });

  it("stated totals that disagree with the rows are reported", () => {
    const wrong = submission("sai.xlsx", manifest({ villages: 9, consolidated: 3 }), [
      row("Yên Lỗ", "Pò Mầm", "x"),
    ]);
    const { issues } = runAll([wrong]);
    const mismatch = issues.find((i) => i.code === "submission-totals-mismatch")!;
    expect(mismatch.message.vi).toContain("3/9");
    expect(mismatch.message.vi).toContain("1/1");
  });

  it("a submission for another period is reported", () => {
    const old = submission(
      "cu.xlsx",
      manifest({
        unitName: "Tân Văn",
        commune: "Tân Văn",
        period: "Quý II/2025",
        villages: 1,
        consolidated: 1,
      }),
      [row("Tân Văn", "Suối Cáp", "x")],
    );
    const { issues } = runAll([yenLo, old], "Quý III/2025");
    expect(issues.filter((i) => i.code === "submission-other-period").map((i) => i.file)).toEqual([
      "cu.xlsx",
    ]);
  });

  it("a commune placed under two districts by two files is reported, unless codes differ", () => {
    const a = submission("a.xlsx", null, [row("Quang Trung", "Thôn 1", "x", "Bình Gia")]);
    const b = submission("b.xlsx", null, [row("Quang Trung", "Thôn 2", "x", "Văn Quan")]);
    expect(runAll([a, b]).issues.filter((i) => i.code === "commune-claimed-twice")).toHaveLength(1);
    const withCodes = (file: string, district: string, code: string, village: string): WorkbookGrids => ({
      file,
      sheets: [
        {
          name: "Thôn",
          rows: [
            [...HEADER, "Mã xã"],
            [...row("Quang Trung", village, "x", district), code],
          ],
        },
      ],
    });
    const c = withCodes("c.xlsx", "Bình Gia", "06121", "Thôn 1");
    const d = withCodes("d.xlsx", "Văn Quan", "06250", "Thôn 2");
    expect(runAll([c, d]).issues.filter((i) => i.code === "commune-claimed-twice")).toEqual([]);
  });
});

describe("completeness", () => {
  it("lists who reported, who is late and who is missing", () => {
    const units: WorkbookGrids = {
      file: "huyen.xlsx",
      sheets: [
        {
          name: "Đơn vị",
          rows: [
            ["Đơn vị", "Cấp", "Hạn nộp"],
            ["Yên Lỗ", "xã", "25/9/2025"],
            ["Tân Văn", "xã", "15/9/2025"],
            ["Hồng Phong", "xã", "25/9/2025"],
          ],
        },
      ],
    };
    const yenLo = submission("yen-lo.xlsx", manifest({}), [
      row("Yên Lỗ", "Pò Mầm", "x"),
      row("Yên Lỗ", "Khuổi Mè", ""),
    ]);
    const tanVan = submission(
      "tan-van.xlsx",
      manifest({ unitName: "Tân Văn", commune: "Tân Văn", villages: 1, consolidated: 1 }),
      [row("Tân Văn", "Suối Cáp", "x")],
    );
    const { read, result } = runAll([units, yenLo, tanVan]);
    const expected = expectedUnits(read.dataset.expectedUnits, null, [])!;
    const c = completeness(expected.basis, expected.units, read.submissions, result);
    expect([c.expected, c.reported]).toEqual([3, 2]);
    expect(c.units.map((u) => [u.name, u.status])).toEqual([
      ["Yên Lỗ", "reported"],
      ["Tân Văn", "late"],
      ["Hồng Phong", "missing"],
    ]);
  });
});

describe("previous period and re-import", () => {
  it("compares units with the previous period", () => {
    const before = runAll([
      submission("q2.xlsx", null, [row("Yên Lỗ", "Pò Mầm", "x"), row("Yên Lỗ", "Khuổi Mè", "")]),
    ]);
    const after = runAll([
      submission("q3.xlsx", null, [row("Yên Lỗ", "Pò Mầm", "x"), row("Yên Lỗ", "Khuổi Mè", "x")]),
    ]);
    const yl = compareWithPrevious(after.result, before.result).find((c) => c.name === "Yên Lỗ")!;
    expect(yl).toMatchObject({
      consolidated: 2,
      previousConsolidated: 1,
      consolidatedChange: 1,
      rateChange: 0.5,
    });
  });

  it("shows villages added, removed and flags changed", () => {
    const before = readWorkbooks([
      submission("a.xlsx", null, [row("Yên Lỗ", "Pò Mầm", "x"), row("Yên Lỗ", "Khuổi Mè", "")]),
    ]);
    const after = readWorkbooks([
      submission("b.xlsx", null, [row("Yên Lỗ", "Pò Mầm", "Không"), row("Yên Lỗ", "Nà Mò", "x")]),
    ]);
    const diff = diffVillages(before.dataset.villages, after.dataset.villages);
    expect(diff.added.map((v) => v.village)).toEqual(["Nà Mò"]);
    expect(diff.removed.map((v) => v.village)).toEqual(["Khuổi Mè"]);
    expect(diff.changed.map((c) => [c.village.village, c.field, c.before, c.after])).toEqual([
      ["Pò Mầm", "consolidatedFlag", true, false],
    ]);
  });
});
