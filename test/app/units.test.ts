/** The pure parts of the pane's workflows: focus, figures, issue groups, chart plan, sheets plan, settings form, choices. */
import { restoreChoices, DEFAULT_CHOICES } from "../../src/app/choices";
import { focusHolders, focusRollup, unitChoices } from "../../src/app/focus";
import { glanceOf } from "../../src/app/glance";
import { groupIssues, pageOf } from "../../src/app/issueGroups";
import { settingsForm, settingsSheetWrites, shownValue } from "../../src/app/settingsForm";
import {
  freeName,
  planStandardSheets,
  POST_CHOICES,
  settingsSheet,
  validationRange,
  type ExistingWorkbook,
} from "../../src/app/standardSheets";
import { summaryChartPlan } from "../../src/app/summaryChart";
import { columnLetters } from "../../src/core/a1";
import { parseSettingsSheet } from "../../src/report/settingsSheet";
import { analyse } from "../../src/core/pipeline";
import type { Issue } from "../../src/core/issues";
import { reportScope } from "../../src/report/scope";
import { reportsFor } from "../../src/report/reports";
import { SAMPLE_GRIDS } from "../../src/excel/memory/demoWorkbook";

const today = { year: 2026, month: 1, day: 15 };
const result = analyse([SAMPLE_GRIDS], { referenceYear: 2026 });
if (!result.ok) throw new Error("sample unusable");
const rollup = result.analysis.rollup;
const binhGia = rollup.units.find((u) => u.level === "district" && u.name === "Bình Gia")!;
const yenLo = rollup.units.find((u) => u.level === "commune" && /Yên Lỗ/.test(u.name))!;

describe("focusRollup", () => {
  it("makes a district the reporting unit, with its communes and villages only", () => {
    const focused = focusRollup(rollup, binhGia.id);
    const scope = reportScope(focused);
    expect(scope.unit.id).toBe(binhGia.id);
    expect(focused.total.villages).toBe(143);
    expect(focused.villages).toHaveLength(143);
    expect(focused.units.filter((u) => u.level === "commune")).toHaveLength(binhGia.childIds.length);
    expect(focused.units.find((u) => u.level === "province")?.childIds).toEqual([binhGia.id]);
  });

  it("makes a commune the reporting unit", () => {
    const focused = focusRollup(rollup, yenLo.id);
    expect(reportScope(focused).unit.id).toBe(yenLo.id);
    expect(focused.villages.map((v) => v.record.village)).toContain("Pò Mầm");
    expect(focused.total.consolidated).toBe(3);
  });

  it("keeps the chosen unit's office-holders only, for the named annex", () => {
    const holders = result.analysis.read.dataset.officeHolders;
    expect(holders.some((h) => h.district === "Lộc Bình")).toBe(true);
    expect(focusHolders(rollup, holders, null)).toBe(holders);
    const inBinhGia = focusHolders(focusRollup(rollup, binhGia.id), holders, binhGia.id);
    expect(inBinhGia.filter((h) => h.district === "Lộc Bình")).toEqual([]);
    const locBinh = rollup.units.find((u) => u.level === "district" && u.name === "Lộc Bình")!;
    const inLocBinh = focusHolders(focusRollup(rollup, locBinh.id), holders, locBinh.id);
    expect(inLocBinh).toEqual(holders.filter((h) => h.district === "Lộc Bình"));
    const naDuong = rollup.units.find((u) => u.level === "commune" && u.name === "Thị trấn Na Dương")!;
    const inNaDuong = focusHolders(focusRollup(rollup, naDuong.id), holders, naDuong.id);
    expect(inNaDuong.length).toBeGreaterThan(0);
    expect(inNaDuong.every((h) => h.commune === "Thị trấn Na Dương")).toBe(true);
  });

  it("leaves the rollup as it is for null or an unknown id", () => {
    expect(focusRollup(rollup, null)).toBe(rollup);
    expect(focusRollup(rollup, "nowhere")).toBe(rollup);
  });

  it("lists every unit in tree order with its depth, and the data's own unit by default", () => {
    const { units, defaultId } = unitChoices(rollup);
    expect(units[0]).toMatchObject({ level: "province", name: "Lạng Sơn", depth: 0 });
    expect(units.find((u) => u.id === binhGia.id)?.depth).toBe(1);
    expect(units.find((u) => u.id === yenLo.id)?.depth).toBe(2);
    expect(defaultId).toBe(units[0].id);
  });
});

describe("glanceOf", () => {
  it("gives Bình Gia's published figures: 68 of 143, above 90% needs 61 more", () => {
    const g = glanceOf(focusRollup(rollup, binhGia.id));
    expect(g).toMatchObject({
      unitName: "Bình Gia",
      villages: 143,
      consolidated: 68,
      target: 0.9,
      comparator: ">",
      needed: 61,
      met: false,
    });
    expect(g.rate).toBeCloseTo(68 / 143, 12);
    expect(g.bars).toHaveLength(binhGia.childIds.length);
    expect(g.bars.find((b) => /Yên Lỗ/.test(b.name))).toMatchObject({ villages: 9, consolidated: 3 });
  });

  it("charts nothing for a commune (its rows would be villages at 0 or 100%)", () => {
    expect(glanceOf(focusRollup(rollup, yenLo.id)).bars).toEqual([]);
  });
});

describe("groupIssues", () => {
  const issue = (sheet: string, cell: string, severity: "error" | "warning"): Issue =>
    ({ severity, code: "bad-flag", file: "", sheet, cell, message: { vi: cell, en: cell } }) as Issue;

  it("groups by sheet in tab order, whole-workbook issues first, errors before warnings", () => {
    const groups = groupIssues(
      [
        issue("Cán bộ", "A2", "warning"),
        issue("Thôn", "B3", "warning"),
        issue("", "", "error"),
        issue("Thôn", "C4", "error"),
      ],
      ["Thôn", "Cán bộ"],
    );
    expect(groups.map((g) => [g.sheet, g.errors, g.warnings])).toEqual([
      ["", 1, 0],
      ["Thôn", 1, 1],
      ["Cán bộ", 0, 1],
    ]);
    expect(groups[1].groups.map((s) => s.severity)).toEqual(["error", "warning"]);
  });

  it("pages a long list and keeps the page in range", () => {
    const items = Array.from({ length: 60 }, (_, i) => i);
    expect(pageOf(items, 0, 25)).toEqual({ items: items.slice(0, 25), pages: 3, page: 0 });
    expect(pageOf(items, 9, 25).page).toBe(2);
    expect(pageOf([], 0, 25)).toEqual({ items: [], pages: 1, page: 0 });
  });
});

describe("summaryChartPlan", () => {
  it("charts the district's communes from a block of formulas beside the table, under the report", () => {
    const focused = focusRollup(rollup, binhGia.id);
    const built = reportsFor(focused, [], { workbooks: [], today });
    const summary = built.sheets.find((d) => d.reportId === "summary")!;
    const plan = summaryChartPlan(summary, focused, built.settings)!;
    expect(plan.block).toHaveLength(1 + binhGia.childIds.length);
    const firstBody = summary.table.bodyTop;
    expect(plan.block[1]).toEqual([
      `=B${firstBody}`,
      `=IF(ISNUMBER(E${firstBody}),E${firstBody},NA())`,
      `=IF(ISNUMBER(F${firstBody}),F${firstBody},NA())`,
    ]);
    // One blank column beside the table (its width depends on the indicators the data has).
    expect(plan.blockAddress.startsWith(columnLetters(summary.columnCount + 2))).toBe(true);
    expect(Number(/\d+/.exec(plan.position.start)![0])).toBeGreaterThan(summary.cells.length);
  });

  it("charts the districts (the subtotal rows) of a nested province report", () => {
    const built = reportsFor(rollup, [], { workbooks: [], today });
    const summary = built.sheets.find((d) => d.reportId === "summary")!;
    const plan = summaryChartPlan(summary, rollup, built.settings)!;
    const names = plan.block
      .slice(1)
      .map((r) => /^=B(\d+)$/.exec(r[0])![1])
      .map((row) => summary.cells[Number(row) - 1][1]);
    expect(names).toEqual(["Bình Gia", "Lộc Bình", "Thành phố Lạng Sơn"]);
  });

  it("makes no chart for a commune", () => {
    const focused = focusRollup(rollup, yenLo.id);
    const built = reportsFor(focused, [], { workbooks: [], today });
    expect(summaryChartPlan(built.sheets[0], focused, built.settings)).toBeNull();
  });
});

describe("planStandardSheets", () => {
  const empty: ExistingWorkbook = {
    sheetNames: ["Sheet1"],
    tableNames: [],
    foundKinds: new Map(),
    settingsSheet: null,
    instructionsSheet: null,
  };

  it("keeps every typed drop-down list within Excel's 255 characters", () => {
    for (const lang of ["vi", "en"] as const) {
      for (const sheet of planStandardSheets(empty, lang).create) {
        for (const v of sheet.validations)
          if (v.rule?.kind === "list") expect(v.rule.values.join(",").length).toBeLessThanOrEqual(255);
      }
    }
    expect(POST_CHOICES.join(",").length).toBeLessThanOrEqual(255);
  });

  it("skips kinds already there and picks free sheet and table names", () => {
    const plan = planStandardSheets(
      {
        sheetNames: ["Thôn", "Chỉ tiêu", "Báo cáo"],
        tableNames: ["NTH_CanBo"],
        foundKinds: new Map([["villages", "Thôn"]]),
        settingsSheet: null,
        instructionsSheet: null,
      },
      "vi",
    );
    expect(plan.skipped).toEqual([{ kind: "villages", sheet: "Thôn" }]);
    expect(plan.create.map((s) => [s.name, s.table?.name ?? null])).toEqual([
      ["Cán bộ", "NTH_CanBo2"],
      ["Chỉ tiêu (2)", "NTH_ChiTieu"],
      ["Cài đặt báo cáo", null],
      ["Hướng dẫn", null],
    ]);
  });

  it("covers whole columns below the header, or one row", () => {
    expect(validationRange({ column: 6, prompt: { vi: "", en: "" } })).toBe("F2:F1048576");
    expect(validationRange({ column: 2, row: 12, prompt: { vi: "", en: "" } })).toBe("B12");
    expect(freeName("Tổng hợp báo cáo nhất thể hóa cả tỉnh", ["Tổng hợp báo cáo nhất thể hóa c"])).toBe(
      "Tổng hợp báo cáo nhất thể h (2)",
    );
  });

  it("makes a settings sheet the report engine reads back", () => {
    const sheet = settingsSheet(
      "Cài đặt báo cáo",
      "vi",
      new Map([
        ["signerName", "Nguyễn Văn An"],
        ["date", "19/9/2021"],
      ]),
    );
    const parsed = parseSettingsSheet({ name: sheet.name, rows: sheet.rows });
    expect(parsed.problems).toEqual([]);
    expect(parsed.settings).toEqual({ signerName: "Nguyễn Văn An", date: { year: 2021, month: 9, day: 19 } });
  });
});

describe("settings form", () => {
  const grid = {
    name: "Cài đặt báo cáo",
    firstRow: 3,
    rows: [
      ["Mục", "Giá trị"],
      ["Người ký", "Hoàng Văn Minh"],
      ["Nơi nhận", "Ban Tổ chức Tỉnh ủy"],
      [null, "Lưu VP"],
      ["Cơ quan ban hành", null],
    ],
  };

  it("shows the sheet's values and the data's defaults as placeholders", () => {
    const form = settingsForm(focusRollup(rollup, binhGia.id), grid, today, "vi");
    const byKey = new Map(form.map((f) => [f.key, f]));
    expect(byKey.get("signerName")?.value).toBe("Hoàng Văn Minh");
    expect(byKey.get("recipients")?.value).toBe("Ban Tổ chức Tỉnh ủy\nLưu VP");
    expect(byKey.get("issuingBody")).toMatchObject({ value: "", placeholder: "HUYỆN ỦY BÌNH GIA" });
    expect(byKey.get("date")?.placeholder).toBe("15/1/2026");
  });

  it("shows the value that will be used and where it comes from: data, sheet, entry, or nothing", () => {
    const form = settingsForm(focusRollup(rollup, binhGia.id), grid, today, "vi", {
      period: "Số liệu đến ngày 30/6/2025",
    });
    const byKey = new Map(form.map((f) => [f.key, f]));
    expect(byKey.get("signerName")).toMatchObject({ effective: "Hoàng Văn Minh", source: "sheet" });
    expect(byKey.get("issuingBody")).toMatchObject({ effective: "HUYỆN ỦY BÌNH GIA", source: "data" });
    expect(byKey.get("period")).toMatchObject({ effective: "(Số liệu đến ngày 30/6/2025)", source: "data" });
    expect(byKey.get("date")).toMatchObject({ effective: "15/1/2026", source: "data" });
    // The four header settings of the reports work are offered too; optional lines default to none.
    for (const key of ["documentNumber", "attachedTo", "secrecy", "urgency"] as const)
      expect(byKey.has(key)).toBe(true);
    expect(byKey.get("secrecy")).toMatchObject({ effective: "", source: "none" });
    expect(byKey.get("documentNumber")?.source).toBe("data");
    const issuing = byKey.get("issuingBody")!;
    expect(shownValue(issuing, " HUYỆN ỦY X ")).toEqual({ effective: "HUYỆN ỦY X", source: "entered" });
    expect(shownValue(issuing, "")).toEqual({ effective: "HUYỆN ỦY BÌNH GIA", source: "data" });
    expect(shownValue(byKey.get("signerName")!, undefined).source).toBe("sheet");
    expect(shownValue(byKey.get("urgency")!, "khẩn")).toEqual({ effective: "khẩn", source: "entered" });
  });

  it("writes edited values in place, clears continuation rows, appends missing settings", () => {
    const writes = settingsSheetWrites(
      grid,
      new Map([
        ["signerName", "Lý Thị Hoa"],
        ["issuingBody", "HUYỆN ỦY BÌNH GIA"],
        ["recipients", "Như trên"],
        ["place", "Bình Gia"],
      ]),
      "vi",
    );
    expect(writes).toEqual([
      { address: "B4", value: "Lý Thị Hoa" },
      { address: "B7", value: "HUYỆN ỦY BÌNH GIA" },
      { address: "B5", value: "Như trên" },
      { address: "B6", value: null },
      { address: "A8", value: "Địa danh" },
      { address: "B8", value: "Bình Gia" },
    ]);
  });
});

describe("restoreChoices", () => {
  it("keeps what is valid in stored JSON and defaults the rest", () => {
    expect(restoreChoices(null)).toEqual(DEFAULT_CHOICES);
    expect(
      restoreChoices({ unitId: 7, reports: ["summary", "nope"], language: "fr", layout: "flat" }),
    ).toEqual({
      unitId: null,
      reports: ["summary"],
      language: "vi",
      layout: "flat",
    });
    expect(restoreChoices({ reports: [] }).reports).toEqual(DEFAULT_CHOICES.reports);
  });
});
