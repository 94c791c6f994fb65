import fc from "fast-check";
import { INDICATORS } from "../../src/core/indicators";
import { readWorkbooks } from "../../src/core/read/readWorkbook";
import { groupPeople } from "../../src/core/rollup/people";
import { rollup } from "../../src/core/rollup/rollup";
import { summarize } from "../../src/core/summary";
import { nameKey, unitKey } from "../../src/core/text/normalize";
import type { CellValue } from "../../src/core/cells";
import type { WorkbookGrids } from "../../src/core/grid";
import { manifestRows, type SubmissionManifest } from "../../src/core/submission/manifest";
import { village, VILLAGE_HEADER, workbook } from "./grids";

function run(sheets: Parameters<typeof workbook>[1], file = "test.xlsx") {
  const read = readWorkbooks([workbook(file, sheets)]);
  const result = rollup(read.dataset, { referenceYear: 2025 });
  return { read, result, issues: [...read.dataset.issues, ...result.issues] };
}

const unit = (r: ReturnType<typeof run>["result"], name: string) => r.units.find((u) => u.name === name)!;

describe("unit indicators", () => {
  it("lists every indicator in INDICATORS order, each a ratio of its sums (the JSON's order)", () => {
    const { result } = run({
      Thôn: [
        VILLAGE_HEADER,
        village(1, "Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm", "Hoàng Văn A", "Lý Văn B", "x"),
        village(2, "Lạng Sơn", "Bình Gia", "Minh Tân", "Khuổi Chặng", "Nông Thị Hoà", "Nông Thị Hoà"),
      ],
    });
    const ids = INDICATORS.map((spec) => spec.id);
    for (const u of [...result.units, result.total]) {
      expect(Object.keys(u.indicators)).toEqual(ids);
      for (const id of ids) {
        const r = u.indicators[id];
        expect(r).toEqual({
          numerator: r.numerator,
          denominator: r.denominator,
          rate: r.denominator > 0 ? r.numerator / r.denominator : null,
        });
      }
      expect(u.indicators.village_secretary_head.denominator).toBe(u.villages);
    }
    expect(result.total.villages).toBe(2);
    expect(result.total.consolidated).toBe(2);
  });
});

describe("village status", () => {
  it("uses the flag, then the names, then office-holders, else unknown", () => {
    const { result, issues } = run({
      Thôn: [
        ["DANH SÁCH THÔN"],
        [],
        VILLAGE_HEADER,
        village(1, "Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm", "Hoàng Văn A", "Lý Văn B", "x"),
        village(2, "Lạng Sơn", "Bình Gia", "Yên Lỗ", "Khuổi Chặng", "Nông Thị Hoà", "nông thị  hòa"),
        village(3, "Lạng Sơn", "Bình Gia", "Yên Lỗ", "Khuổi Mè", null, null),
        village(4, "Lạng Sơn", "Bình Gia", "Yên Lỗ", "Nà Slảng", null, null),
        village(5, "Lạng Sơn", "Bình Gia", "Yên Lỗ", "Khuổi Khe", "Vi Văn C", "Vi Văn D"),
      ],
      "Cán bộ": [
        ["Họ và tên", "Chức danh", "Tỉnh", "Huyện", "Xã", "Thôn"],
        ["Lộc Văn E", "Bí thư chi bộ kiêm Trưởng thôn", "Lạng Sơn", "Bình Gia", "Yên Lỗ", "Khuổi Mè"],
      ],
    });
    const statuses = result.villages.map((v) => [v.record.village, v.consolidated, v.basis]);
    expect(statuses).toEqual([
      ["Pò Mầm", true, "flag"],
      ["Khuổi Chặng", true, "names"],
      ["Khuổi Mè", true, "officeHolders"],
      ["Nà Slảng", null, "unknown"],
      ["Khuổi Khe", false, "names"],
    ]);
    const yenLo = unit(result, "Yên Lỗ");
    expect([yenLo.consolidated, yenLo.villages]).toEqual([3, 5]);
    expect(issues.map((i) => [i.code, i.sheet, i.cell])).toEqual(
      expect.arrayContaining([
        ["flag-contradicts-names", "Thôn", "H4"],
        ["consolidation-unknown", "Thôn", "E7"],
      ]),
    );
  });
});

describe("hierarchy and sums", () => {
  const sheets = {
    Thôn: [
      VILLAGE_HEADER,
      village(1, "Lạng Sơn", "Bình Gia", "Yên Lỗ", "A", null, null, "Có"),
      village(2, "Lạng Sơn", "Bình Gia", "Yên Lỗ", "B", null, null, "Không"),
      village(3, "Lạng Sơn", "Bình Gia", "Xã Tân Văn", "C", null, null, 1),
      village(4, "Lạng Sơn", "Huyện Bình Gia", "Tân Văn", "D", null, null, 1),
      village(5, "Lạng Sơn", "Lộc Bình", "Tú Đoạn", "E", null, null, 0),
    ],
    "Chỉ tiêu": [
      ["Chỉ tiêu", "Đơn vị", "Cấp", "Mục tiêu", "So sánh", "Năm"],
      ["village_secretary_head", "Bình Gia", "huyện", "90%", "trên", 2025],
      ["Bí thư kiêm trưởng thôn", "", "xã", 0.5, "", 2025],
    ],
  };

  it("sums children into parents and matches unit spellings", () => {
    const { result } = run(sheets);
    expect(result.units.map((u) => [u.level, u.name, u.consolidated, u.villages])).toEqual([
      ["province", "Lạng Sơn", 3, 5],
      ["district", "Bình Gia", 3, 4],
      ["commune", "Yên Lỗ", 1, 2],
      ["commune", "Xã Tân Văn", 2, 2],
      ["district", "Lộc Bình", 0, 1],
      ["commune", "Tú Đoạn", 0, 1],
    ]);
    expect([result.total.consolidated, result.total.villages]).toEqual([3, 5]);
    expect(result.twoTier).toBe(false);
  });

  it("applies the most specific target, exactly", () => {
    const { result } = run(sheets);
    const binhGia = unit(result, "Bình Gia").assessments.village_secretary_head!;
    expect(binhGia).toMatchObject({ target: 0.9, comparator: ">", needed: 1, met: false });
    expect(binhGia.gap).toBeCloseTo(0.15, 12);
    expect(unit(result, "Yên Lỗ").assessments.village_secretary_head).toMatchObject({
      target: 0.5,
      comparator: ">=",
      needed: 0,
      met: true,
    });
    expect(unit(result, "Lạng Sơn").assessments.village_secretary_head).toBeUndefined();
  });

  it("summarises as the documented JSON", () => {
    const { read, result } = run(sheets);
    const s = summarize(result, read.dataset.issues, "vi");
    const binhGia = s.units.find((u) => u.name === "Bình Gia")!;
    expect(binhGia).toMatchObject({
      level: "district",
      province: "Lạng Sơn",
      district: "Bình Gia",
      commune: null,
      villages: 4,
      consolidated: 3,
      rate: 0.75,
      target: 0.9,
      comparator: ">",
      needed: 1,
    });
    expect(binhGia.indicators.village_secretary_head).toMatchObject({
      numerator: 3,
      denominator: 4,
      rate: 0.75,
    });
    expect(s.total).toMatchObject({ level: "total", villages: 5, consolidated: 3 });
  });

  it("says in the JSON which Targets row each unit's target comes from", () => {
    const { read, result } = run(sheets);
    const s = summarize(result, read.dataset.issues, "vi");
    const file = s.units.find((u) => u.name === "Bình Gia")!.targetSource?.file;
    expect(s.units.find((u) => u.name === "Bình Gia")!.targetSource).toEqual({
      file,
      sheet: "Chỉ tiêu",
      cell: "D2",
      unit: "Bình Gia",
      level: "district",
      year: 2025,
    });
    expect(s.units.find((u) => u.name === "Yên Lỗ")!.targetSource).toEqual({
      file,
      sheet: "Chỉ tiêu",
      cell: "D3",
      unit: null,
      level: "commune",
      year: 2025,
    });
    // No row names the province: no target, and no source.
    expect(s.units.find((u) => u.name === "Lạng Sơn")).toMatchObject({ target: null, targetSource: null });
  });
});

describe("two-tier and mixed data", () => {
  it("hangs communes under the province when no row has a district", () => {
    const { result, issues } = run({
      Thôn: [
        VILLAGE_HEADER,
        village(1, "Lào Cai", null, "Xuân Hòa", "Xóm Thượng", null, null, "x"),
        village(2, "Lào Cai", "", "Xuân Hoà", "Xóm Dưới", null, null, ""),
      ],
    });
    expect(result.twoTier).toBe(true);
    expect(result.units.map((u) => [u.level, u.name, u.villages])).toEqual([
      ["province", "Lào Cai", 2],
      ["commune", "Xuân Hòa", 2],
    ]);
    expect(issues.filter((i) => i.code === "mixed-hierarchy")).toEqual([]);
  });

  it("reports a province that mixes rows with and without districts", () => {
    const { issues, result } = run({
      Thôn: [
        VILLAGE_HEADER,
        village(1, "Lạng Sơn", "Bình Gia", "Yên Lỗ", "A", null, null, "x"),
        village(2, "Lạng Sơn", null, "Yên Lỗ", "B", null, null, "x"),
        village(3, "Lạng Sơn", null, "Na Sầm", "C", null, null, "x"),
      ],
    });
    expect(issues.filter((i) => i.code === "mixed-hierarchy").map((i) => i.cell)).toEqual(["C3"]);
    // B joins the known commune; C goes under a visible "no district" group, nothing is lost.
    expect(result.total.villages).toBe(3);
    expect(unit(result, "Yên Lỗ").villages).toBe(2);
  });
});

describe("a district cell that marks 'no district'", () => {
  it("reads a district of no letter and no digit as blank, on every sheet; a district with a digit stays", () => {
    const { read, result, issues } = run({
      Thôn: [
        VILLAGE_HEADER,
        village(1, "Lào Cai", "-", "Xuân Hòa", "Xóm Thượng", "Hoàng Văn A", "Hoàng Văn A", "x"),
        village(2, "Lào Cai", "/", "Xuân Hòa", "Xóm Dưới", null, null, ""),
        village(3, "Lào Cai", "—", "Bảo Hà", "Bản 1", null, null, "x"),
        village(4, "Lào Cai", " … ", "Bảo Hà", "Bản 2", null, null, ""),
        village(5, "Lào Cai", null, "Bảo Hà", "Bản 3", null, null, ""),
        village(6, "Hồ Chí Minh", "5", "Phường 7", "Khu phố 1", null, null, "x"),
      ],
      "Cán bộ": [
        ["Họ và tên", "Chức danh", "Tỉnh", "Huyện", "Xã", "Thôn"],
        ["Hoàng Văn A", "Bí thư chi bộ kiêm trưởng thôn", "Lào Cai", "-", "Xuân Hòa", "Xóm Thượng"],
      ],
    });
    expect(read.dataset.villages.map((v) => v.district)).toEqual([null, null, null, null, null, "5"]);
    expect(read.dataset.officeHolders.map((h) => h.district)).toEqual([null]);
    expect(issues.filter((i) => i.code === "mixed-hierarchy")).toEqual([]);
    expect(result.units.filter((u) => u.level === "district").map((u) => u.name)).toEqual(["5"]);
    expect(unit(result, "Xuân Hòa").villages).toBe(2);
    expect(unit(result, "Bảo Hà").villages).toBe(3);
  });

  it("takes a ditto mark in the district column from the row above, and a ditto under '-' as nothing", () => {
    const { read, issues } = run({
      Thôn: [
        VILLAGE_HEADER,
        village(1, "Lạng Sơn", "Bình Gia", "Yên Lỗ", "A", null, null, "x"),
        village(2, "Lạng Sơn", '"', "Yên Lỗ", "B", null, null, "x"),
        village(3, "Lạng Sơn", "-//-", "Yên Lỗ", "C", null, null, "x"),
        village(4, "Lào Cai", "-", "Xuân Hòa", "D", null, null, "x"),
        village(5, "Lào Cai", "nt", "Xuân Hòa", "E", null, null, "x"),
      ],
    });
    expect(read.dataset.villages.map((v) => v.district)).toEqual([
      "Bình Gia",
      "Bình Gia",
      "Bình Gia",
      null,
      null,
    ]);
    const ditto = issues.filter((i) => i.code.startsWith("ditto-"));
    expect(ditto.map((i) => [i.code, i.cell])).toEqual([
      ["ditto-value", "C3"],
      ["ditto-value", "C4"],
      ["ditto-nothing-above", "C6"],
    ]);
    // The mark under "-" does not claim that "-" was used.
    expect(JSON.stringify(ditto[2])).not.toContain("“-”");
  });

  it("counts a village once when one row gives its district and another '-' (a province mixing the two)", () => {
    for (const [first, second] of [
      ["Bảo Thắng", "-"],
      [null, "Bảo Thắng"],
    ]) {
      const { read, issues, result } = run({
        Thôn: [
          VILLAGE_HEADER,
          village(1, "Lào Cai", first, "Xuân Hòa", "A", null, null, "x"),
          village(2, "Lào Cai", second, "Xuân Hòa", "A", null, null, "x"),
          village(3, "Lào Cai", "Bảo Thắng", "Xuân Hòa", "B", null, null, ""),
        ],
      });
      expect(read.dataset.villages.map((v) => v.village)).toEqual(["A", "B"]);
      expect(unit(result, "Xuân Hòa").villages).toBe(2);
      expect(unit(result, "Xuân Hòa").consolidated).toBe(1);
      // The first row counts and the repeat is said at the second, whichever gives the district.
      const duplicate = issues.filter((i) => i.code === "duplicate-village");
      expect(duplicate.map((i) => i.cell)).toEqual(["E3"]);
      expect(read.dataset.villages[0]).toMatchObject({ district: "Bảo Thắng", row: 2 });
    }
  });

  it("in two files, keeps the first file's row of a village written with its district and with '-'", () => {
    const read = readWorkbooks([
      workbook("bao-thang.xlsx", {
        Thôn: [VILLAGE_HEADER, village(1, "Lào Cai", "Bảo Thắng", "Xuân Hòa", "A", null, null, "x")],
      }),
      workbook("xuan-hoa.xlsx", {
        Thôn: [VILLAGE_HEADER, village(1, "Lào Cai", "-", "Xuân Hòa", "A", null, null, "")],
      }),
    ]);
    expect(read.dataset.villages.map((v) => [v.village, v.source.file])).toEqual([["A", "bao-thang.xlsx"]]);
    const conflict = read.dataset.issues.filter((i) => i.code === "village-in-two-submissions");
    expect(conflict.map((i) => [i.file, i.cell])).toEqual([["xuan-hoa.xlsx", "E2"]]);
  });

  /** A unit's submission (the district Bảo Thắng's, or a commune's): its Villages sheet and a manifest made at `generatedAt`. */
  function submitted(file: string, generatedAt: string, unit: string, rows: CellValue[][]): WorkbookGrids {
    const level = unit === "Bảo Thắng" ? "district" : "commune";
    const manifest: SubmissionManifest = {
      formatVersion: 1,
      unitName: unit,
      unitLevel: level,
      province: "Lào Cai",
      district: null,
      commune: level === "commune" ? unit : null,
      period: "Quý III/2025",
      generatedAt,
      villages: rows.length,
      consolidated: 0,
      addinVersion: "",
      contentHash: null,
    };
    return workbook(file, {
      Thôn: [VILLAGE_HEADER, ...rows],
      "Thông tin nộp": manifestRows(manifest) as CellValue[][],
    });
  }

  it("uses the newer submission's row written with '-' in the place of the older one's, in the same commune", () => {
    const older = submitted("bao-thang.xlsx", "2025-09-01T00:00:00Z", "Bảo Thắng", [
      village(1, "Lào Cai", "Bảo Thắng", "Phong Niên", "A", null, null, ""),
    ]);
    const newer = submitted("phong-nien.xlsx", "2025-09-02T00:00:00Z", "Phong Niên", [
      village(1, "Lào Cai", "-", "Phong Niên", "A", null, null, "x"),
    ]);
    // Either order of the files: the village is kept once, the newer row's, in Bảo Thắng.
    for (const files of [
      [older, newer],
      [newer, older],
    ]) {
      const read = readWorkbooks(files);
      const result = rollup(read.dataset, { referenceYear: 2025 });
      expect(read.dataset.villages.map((v) => [v.village, v.district, v.source.file])).toEqual([
        ["A", "Bảo Thắng", "phong-nien.xlsx"],
      ]);
      expect(result.units.filter((u) => u.level === "district").map((u) => [u.name, u.villages])).toEqual([
        ["Bảo Thắng", 1],
      ]);
      expect(unit(result, "Phong Niên").consolidated).toBe(1);
      const issues = [...read.dataset.issues, ...result.issues];
      expect(issues.filter((i) => i.code === "village-in-two-submissions").map((i) => i.file)).toEqual([
        "bao-thang.xlsx",
      ]);
      expect(issues.filter((i) => i.severity === "error").map((i) => i.code)).toEqual([
        "village-in-two-submissions",
      ]);
    }
  });

  it("without manifests, uses the first file's row whether it gives the district or not, as with one district", () => {
    const one = (district: string | null, flag: string) =>
      workbook("one.xlsx", {
        Thôn: [VILLAGE_HEADER, village(1, "Lào Cai", district, "Phong Niên", "A", null, null, flag)],
      });
    const two = (district: string | null, flag: string) =>
      workbook("two.xlsx", {
        Thôn: [VILLAGE_HEADER, village(1, "Lào Cai", district, "Phong Niên", "A", null, null, flag)],
      });
    const used = (files: WorkbookGrids[]) => {
      const read = readWorkbooks(files);
      const result = rollup(read.dataset, { referenceYear: 2025 });
      return {
        rows: read.dataset.villages.map((v) => [v.source.file, v.district]),
        consolidated: unit(result, "Phong Niên").consolidated,
        conflict: [...read.dataset.issues, ...result.issues]
          .filter((i) => i.code === "village-in-two-submissions")
          .map((i) => i.file),
      };
    };
    for (const [a, b] of [
      ["-", "Bảo Thắng"],
      ["Bảo Thắng", "-"],
      ["Bảo Thắng", "Bảo Thắng"],
    ]) {
      expect(used([one(a, "x"), two(b, "")])).toEqual({
        rows: [["one.xlsx", "Bảo Thắng"]],
        consolidated: 1,
        conflict: ["two.xlsx"],
      });
      expect(used([two(b, ""), one(a, "x")])).toEqual({
        rows: [["two.xlsx", "Bảo Thắng"]],
        consolidated: 0,
        conflict: ["one.xlsx"],
      });
    }
  });

  it("neither loses a village nor counts one twice, in provinces mixing rows with a district and without (property)", () => {
    const rowArb = fc.record({
      province: fc.constantFrom("Lào Cai", "Tỉnh Lào Cai", "LÀO CAI", "Yên Bái"),
      district: fc.constantFrom(null, "-", "Bảo Thắng", "Huyện Bảo Thắng", "Bảo Yên"),
      commune: fc.constantFrom("Xuân Hòa", "Xã Xuân Hoà", "Xuan Hoa", "Phong Niên"),
      village: fc.constantFrom("A", "a", "Nà", "Na", "Thôn 1", "thôn  1", "B"),
    });
    const fileArb = fc.record({
      generatedAt: fc.constantFrom(null, "2025-09-01T00:00:00Z", "2025-09-02T00:00:00Z"),
      rows: fc.array(rowArb, { minLength: 1, maxLength: 7 }),
    });
    const triple = (v: { province: string; commune: string; village: string }) =>
      `${unitKey("province", v.province)}|${unitKey("commune", v.commune)}|${nameKey(v.village)}`;
    fc.assert(
      fc.property(fc.array(fileArb, { minLength: 1, maxLength: 3 }), (files) => {
        const grids = files.map((f, i) => {
          const rows = f.rows.map((r, n) =>
            village(n + 1, r.province, r.district, r.commune, r.village, null, null, "x"),
          );
          // Each file its own unit, so that none supersedes another whole.
          return f.generatedAt === null
            ? workbook(`f${i}.xlsx`, { Thôn: [VILLAGE_HEADER, ...rows] })
            : submitted(`f${i}.xlsx`, f.generatedAt, `Đơn vị ${i}`, rows);
        });
        const read = readWorkbooks(grids);
        const result = rollup(read.dataset, { referenceYear: 2025 });
        const counted = new Set(result.villages.map((s) => triple(s.record)));
        for (const f of files) for (const r of f.rows) expect(counted.has(triple(r))).toBe(true);
        const perCommune = result.villages.map((s) => `${s.communeId}|${nameKey(s.record.village)}`);
        expect(new Set(perCommune).size).toBe(perCommune.length);
      }),
      { numRuns: 400 },
    );
  });

  it("in a newer submission holding a village twice, its first row counts though an older file gave the row without a district first", () => {
    const files = (second: string) => [
      workbook("old.xlsx", {
        Thôn: [VILLAGE_HEADER, village(1, "Lào Cai", "-", "Phong Niên", "A", null, null, "")],
      }),
      submitted("new.xlsx", "2025-09-02T00:00:00Z", "Phong Niên", [
        village(1, "Lào Cai", "Bảo Thắng", "Phong Niên", "A", null, null, "x"),
        village(2, "Lào Cai", second, "Phong Niên", "A", null, null, ""),
      ]),
    ];
    for (const second of ["Bảo Thắng", "-"]) {
      const read = readWorkbooks(files(second));
      const result = rollup(read.dataset, { referenceYear: 2025 });
      expect(read.dataset.villages.map((v) => [v.source.file, v.row])).toEqual([["new.xlsx", 2]]);
      expect(result.total.consolidated).toBe(1);
      const duplicate = read.dataset.issues.filter((i) => i.code === "duplicate-village");
      expect(duplicate.map((i) => `${i.file}!${i.cell}`)).toEqual(["new.xlsx!E3"]);
    }
  });

  it("chooses the rows, and says the issues, that the same files with the district on every row would (property)", () => {
    const fileArb = fc.record({
      // Equal times included: a tie between submissions goes as it goes with one district.
      generatedAt: fc.constantFrom(null, "2025-09-01T00:00:00Z", "2025-09-02T00:00:00Z"),
      rows: fc.array(
        fc.record({
          district: fc.constantFrom(null, "-", "Bảo Thắng", "Huyện Bảo Thắng"),
          village: fc.constantFrom("A", "a", "B", "Thôn 1", "thôn 1"),
          flag: fc.constantFrom("x", ""),
        }),
        { minLength: 1, maxLength: 4 },
      ),
    });
    const outcome = (
      files: {
        generatedAt: string | null;
        rows: { district: string | null; village: string; flag: string }[];
      }[],
      every: boolean,
    ) => {
      const grids = files.map((f, i) => {
        const rows = f.rows.map((r, n) =>
          village(
            n + 1,
            "Lào Cai",
            every ? "Bảo Thắng" : r.district,
            "Phong Niên",
            r.village,
            null,
            null,
            r.flag,
          ),
        );
        return f.generatedAt === null
          ? workbook(`f${i}.xlsx`, { Thôn: [VILLAGE_HEADER, ...rows] })
          : submitted(`f${i}.xlsx`, f.generatedAt, `Đơn vị ${i}`, rows);
      });
      const read = readWorkbooks(grids);
      const result = rollup(read.dataset, { referenceYear: 2025 });
      return {
        rows: read.dataset.villages.map((v) => `${v.source.file}:${v.row}`),
        districts: [
          ...new Set(read.dataset.villages.map((v) => v.district && unitKey("district", v.district))),
        ],
        consolidated: result.total.consolidated,
        issues: read.dataset.issues
          .filter((i) => i.code === "duplicate-village" || i.code === "village-in-two-submissions")
          .map((i) => JSON.stringify([i.code, i.file, i.cell, i.message.vi])),
      };
    };
    fc.assert(
      fc.property(fc.array(fileArb, { minLength: 1, maxLength: 4 }), (files) => {
        // Only when some row gives the district is the province mixed: then every repeat is decided
        // as if each row gave it (rows of villages no row with a district names keep none).
        if (!files.some((f) => f.rows.some((r) => r.district && r.district !== "-"))) return;
        const named = new Set(
          files.flatMap((f) =>
            f.rows.filter((r) => r.district && r.district !== "-").map((r) => nameKey(r.village)),
          ),
        );
        if (!files.every((f) => f.rows.every((r) => named.has(nameKey(r.village))))) return;
        const mixed = outcome(files, false);
        const every = outcome(files, true);
        expect(mixed).toEqual(every);
        expect(mixed.districts).toEqual([unitKey("district", "Bảo Thắng")]);
      }),
      { numRuns: 1000 },
    );
  });

  it("leaves a village without a district alone when two districts have a commune of its commune's name", () => {
    const { read, issues } = run({
      Thôn: [
        VILLAGE_HEADER,
        village(1, "Lào Cai", "Bảo Thắng", "Xuân Hòa", "A", null, null, "x"),
        village(2, "Lào Cai", "Bảo Yên", "Xuân Hòa", "A", null, null, "x"),
        village(3, "Lào Cai", "-", "Xuân Hòa", "A", null, null, "x"),
      ],
    });
    expect(read.dataset.villages).toHaveLength(3);
    expect(issues.filter((i) => i.code === "duplicate-village")).toEqual([]);
  });

  it("says a ditto mark with nothing above in the commune or province column leaves the row uncounted", () => {
    const { read, issues, result } = run({
      Thôn: [
        VILLAGE_HEADER,
        village(1, "//", "-", "-//-", "A", "Hoàng Văn A", "Hoàng Văn A", "x"),
        village(2, "Lào Cai", "-", "Xuân Hòa", "C", null, null, "x"),
      ],
    });
    expect(read.dataset.villages.map((v) => v.village)).toEqual(["C"]);
    expect(unit(result, "Xuân Hòa").villages).toBe(1);
    const ditto = issues.filter((i) => i.code.startsWith("ditto-"));
    expect(ditto.map((i) => [i.code, i.severity, i.cell])).toEqual([
      ["ditto-nothing-above-required", "error", "B2"],
      ["ditto-nothing-above-required", "error", "D2"],
    ]);
    expect(ditto[0].message.vi).toContain("dòng này không được tính");
    expect(ditto[0].message.en).toContain("this row is not counted");
  });
});

describe("commune posts", () => {
  it("counts a commune's pair when some person holds both posts, and leaves out communes without commune posts", () => {
    const POSTS = ["Bí thư đảng ủy", "Phó bí thư", "Chủ tịch UBND", "Chủ tịch HĐND", "Trưởng thôn"];
    const rowArb = fc.record({
      name: fc.constantFrom("Hoàng Văn A", "Lý Thị B", "Vi Văn C"),
      posts: fc.array(fc.constantFrom(...POSTS), { minLength: 1, maxLength: 2 }),
      commune: fc.constantFrom("Tú Đoạn", "Khánh Xuân"),
    });
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 10 }), (rows) => {
        const read = readWorkbooks([
          workbook("t.xlsx", {
            Thôn: [
              VILLAGE_HEADER,
              village(1, "Lạng Sơn", "Lộc Bình", "Tú Đoạn", "A", null, null, "x"),
              village(2, "Lạng Sơn", "Lộc Bình", "Khánh Xuân", "B", null, null, "x"),
            ],
            "Cán bộ": [
              ["Họ và tên", "Chức danh", "Tỉnh", "Huyện", "Xã"],
              ...rows.map((r) => [r.name, r.posts.join(" kiêm "), "Lạng Sơn", "Lộc Bình", r.commune]),
            ],
          }),
        ]);
        const result = rollup(read.dataset, { referenceYear: 2025 });
        // The plain definition over the grouped persons of each commune.
        const holders = read.dataset.officeHolders;
        const people = groupPeople(holders, (i) => holders[i].commune);
        const expected = { committee: [0, 0], council: [0, 0], deputy: [0, 0] };
        for (const list of people.byCommune.values()) {
          const persons = [...list].map((p) => people.records(p).flatMap((r) => r.posts));
          const has = (post: string): boolean => persons.some((posts) => posts.some((q) => q === post));
          if (
            ![
              "communeSecretary",
              "communeDeputySecretary",
              "peoplesCommitteeChair",
              "peoplesCouncilChair",
            ].some(has)
          )
            continue;
          const both = (a: string, b: string): number =>
            persons.some((posts) => posts.some((q) => q === a) && posts.some((q) => q === b)) ? 1 : 0;
          expected.committee[0] += both("communeSecretary", "peoplesCommitteeChair");
          expected.council[0] += both("communeSecretary", "peoplesCouncilChair");
          expected.deputy[0] += both("communeDeputySecretary", "peoplesCouncilChair");
          for (const k of ["committee", "council", "deputy"] as const) expected[k][1] += 1;
        }
        const got = result.total.indicators;
        expect([
          got.commune_secretary_committee_chair.numerator,
          got.commune_secretary_committee_chair.denominator,
        ]).toEqual(expected.committee);
        expect([
          got.commune_secretary_council_chair.numerator,
          got.commune_secretary_council_chair.denominator,
        ]).toEqual(expected.council);
        expect([
          got.commune_deputy_council_chair.numerator,
          got.commune_deputy_council_chair.denominator,
        ]).toEqual(expected.deputy);
      }),
      { numRuns: 150 },
    );
  });

  it("counts the Lộc Bình pairs from office-holders", () => {
    const holders = [
      ["Họ và tên", "Chức danh", "Tỉnh", "Huyện", "Xã", "Mã cán bộ"],
      ["Hoàng Văn A", "Bí thư đảng ủy kiêm Chủ tịch HĐND", "Lạng Sơn", "Lộc Bình", "Tú Đoạn", ""],
      ["Lý Thị B", "Phó bí thư đảng ủy", "Lạng Sơn", "Lộc Bình", "Tú Đoạn", ""],
      ["Lý Thị B", "Chủ tịch UBND", "Lạng Sơn", "Lộc Bình", "Tú Đoạn", ""],
      ["Vi Văn C", "Bí thư Đảng ủy xã", "Lạng Sơn", "Lộc Bình", "Khánh Xuân", "LB01"],
      ["Vi Van C", "Chủ tịch Ủy ban nhân dân", "Lạng Sơn", "Lộc Bình", "Khánh Xuân", "LB01"],
      ["Nông Văn D", "Phó bí thư", "Lạng Sơn", "Lộc Bình", "Khánh Xuân", ""],
      ["Nông Văn D", "CT HĐND", "Lạng Sơn", "Lộc Bình", "Khánh Xuân", ""],
      ["Lộc Văn E", "Bí thư", "Lạng Sơn", "Lộc Bình", "Khánh Xuân", ""],
    ];
    const { result, issues } = run({
      Thôn: [
        VILLAGE_HEADER,
        village(1, "Lạng Sơn", "Lộc Bình", "Tú Đoạn", "A", null, null, "x"),
        village(2, "Lạng Sơn", "Lộc Bình", "Khánh Xuân", "B", null, null, "x"),
        village(3, "Lạng Sơn", "Lộc Bình", "Xuân Dương", "C", null, null, "x"),
      ],
      "Cán bộ": holders,
    });
    const lb = unit(result, "Lộc Bình").indicators;
    expect(lb.commune_secretary_committee_chair).toMatchObject({ numerator: 1, denominator: 2 });
    expect(lb.commune_secretary_council_chair).toMatchObject({ numerator: 1, denominator: 2 });
    expect(lb.commune_deputy_council_chair).toMatchObject({ numerator: 1, denominator: 2 });
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
  });
});

describe("secretaries' quality", () => {
  it("counts qualifications of village cell secretaries", () => {
    const { result, issues } = run({
      Thôn: [VILLAGE_HEADER, village(1, "Thanh Hóa", "Quan Sơn", "Sơn Lư", "Bản Din", null, null, "x")],
      "Cán bộ": [
        [
          "Họ và tên",
          "Chức danh",
          "Xã",
          "Thôn",
          "Năm sinh",
          "Giới tính",
          "Dân tộc",
          "Trình độ văn hóa",
          "Chuyên môn",
          "Lý luận chính trị",
          "Bồi dưỡng nghiệp vụ",
        ],
        [
          "Hà Văn Ơn",
          "Bí thư chi bộ",
          "Sơn Lư",
          "Bản Din",
          1990,
          "Nam",
          "Thái",
          "12/12",
          "Trung cấp",
          "Sơ cấp",
          "x",
        ],
        ["Lò Thị Xa", "Bí thư chi bộ", "Sơn Lư", "Bản Hẹ", 1970, "Nữ", "Kinh", "10/10", "Đại học", "", ""],
        [
          "Phạm Văn Ba",
          "Bí thư chi bộ",
          "Sơn Lư",
          "Bản Mới",
          "19x0",
          "Nam",
          "Mường",
          "9/12",
          "kỹ năng mềm",
          "Trung cấp",
          "Không",
        ],
      ],
    });
    const q = unit(result, "Quan Sơn").indicators;
    expect(q.secretary_education_12).toMatchObject({ numerator: 2, denominator: 3 });
    expect(q.secretary_professional).toMatchObject({ numerator: 2, denominator: 3 });
    expect(q.secretary_university).toMatchObject({ numerator: 1, denominator: 3 });
    expect(q.secretary_theory).toMatchObject({ numerator: 2, denominator: 3 });
    expect(q.secretary_trained).toMatchObject({ numerator: 1, denominator: 3 });
    expect(q.secretary_women).toMatchObject({ numerator: 1, denominator: 3 });
    expect(q.secretary_minority).toMatchObject({ numerator: 2, denominator: 3 });
    expect(q.secretary_under_40).toMatchObject({ numerator: 1, denominator: 3 });
    expect(issues.map((i) => [i.code, i.cell]).sort()).toEqual([
      ["bad-year", "E4"],
      ["unknown-qualification", "I4"],
    ]);
  });
});

describe("party cells", () => {
  it("counts own cells, small cells and members per cell", () => {
    const { result } = run({
      Thôn: [
        VILLAGE_HEADER,
        village(1, "Lào Cai", null, "Xuân Hòa", "A", null, null, "x", "x", 6),
        village(2, "Lào Cai", null, "Xuân Hòa", "B", null, null, "x", "x", 2),
        village(3, "Lào Cai", null, "Xuân Hòa", "C", null, null, "x", "Không", 1),
      ],
    });
    const x = unit(result, "Xuân Hòa").indicators;
    expect(x.villages_own_cell).toMatchObject({ numerator: 2, denominator: 3 });
    expect(x.small_cells).toMatchObject({ numerator: 1, denominator: 2 });
    expect(x.members_per_cell).toMatchObject({ numerator: 8, denominator: 2, rate: 4 });
  });
});

describe("the JSON summary of what the reader skipped (issue 10)", () => {
  it("counts issues by severity and lists skipped sheets and rows by kind, with their row numbers", () => {
    const { read, result } = run({
      Thôn: [
        VILLAGE_HEADER,
        village(1, "Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn"),
        ["Cộng xã Yên Lỗ"],
        VILLAGE_HEADER,
        village(2, "Lạng Sơn", "Bình Gia", "Tân Văn", "Suối Cáp", "Vi Văn Cường", "Lộc Văn Bình"),
        ["Tổng cộng"],
      ],
      "Tổng hợp": [
        ["Xã", "Số thôn", "Nhất thể hóa", "Tỷ lệ"],
        ["Yên Lỗ", 1, 1, 1],
      ],
    });
    const s = summarize(result, read.dataset.issues, "vi", {
      skippedSheets: read.skippedSheets,
      skippedRows: read.skippedRows,
    });
    expect(s.total.villages).toBe(2);
    expect(s.skipped.sheets).toEqual([
      { file: "test.xlsx", sheet: "Tổng hợp", reason: expect.stringContaining("bảng tổng hợp") },
    ]);
    expect(s.skipped.rows).toEqual(
      expect.arrayContaining([
        { file: "test.xlsx", sheet: "Thôn", kind: "total", rows: [3, 6] },
        { file: "test.xlsx", sheet: "Thôn", kind: "header", rows: [4] },
      ]),
    );
    expect(s.skipped.rows).toHaveLength(2);
    expect(s.issueCounts).toEqual({ errors: 0, warnings: 0, infos: 3 });
    expect(s.issues.filter((i) => i.severity === "info").map((i) => i.message)).toContain(
      "Trang “Thôn”: bỏ qua 2 dòng cộng/tổng (dòng 3, 6).",
    );
  });
});
