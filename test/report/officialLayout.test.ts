import type { CellValue } from "../../src/core/cells";
import type { ExpectedUnitRecord } from "../../src/core/model";
import { cellAt, isFormula, plainText, type SheetDescription } from "../../src/report/description";
import { signaturePageBreaks } from "../../src/report/frame";
import { communePostsReport, secretariesReport } from "../../src/report/layouts/indicatorTable";
import { partyCellsReport } from "../../src/report/layouts/partyCells";
import { summaryReport } from "../../src/report/layouts/summary";
import { inOfficialOrder } from "../../src/report/order";
import { reportsFor } from "../../src/report/reports";
import {
  BINH_GIA,
  binhGia,
  locBinh,
  OFFICE_HEADER,
  roll,
  settingsFor,
  synthetic,
  TARGET_HEADER,
  VILLAGE_HEADER,
  villageRows,
} from "./fixtures";

/** Issue 13: what a clerk would otherwise edit by hand in each report. */

const texts = (d: SheetDescription): string[] =>
  d.cells.flatMap((r) => r.map(plainText)).filter((t) => t !== "");

const headerLabels = (d: SheetDescription): string[] =>
  d.cells
    .slice(d.table.headerTop - 1, d.table.headerBottom)
    .flatMap((r) => r.map(plainText))
    .filter((t) => t !== "");

/** Village rows with a type column and a Front committee head column. */
function typedWorkbook(types: readonly string[], front: boolean) {
  const header: CellValue[] = [...VILLAGE_HEADER, "Loại", "Trưởng ban CTMT"];
  const rows = villageRows("Lạng Sơn", "Bình Gia", BINH_GIA.slice(0, 4)).map((r, i) => [
    ...r,
    types[i % types.length],
    front && i % 3 === 0 ? r[4] : front ? "Người Khác" : null,
  ]);
  return roll({
    file: "",
    sheets: [
      { name: "Thôn", rows: [header, ...rows] },
      {
        name: "Chỉ tiêu",
        rows: [
          TARGET_HEADER,
          ["village_secretary_head", null, null, "90%", "trên", 2025],
          ["village_secretary_head_or_front", null, null, "95%", "đạt", 2025],
        ],
      },
    ],
  });
}

describe("item 4: the data's village types drive the wording", () => {
  it("thôn and khối phố (Lạng Sơn city); bản and khu phố (Quan Sơn)", () => {
    const city = typedWorkbook(["thôn", "Khối phố"], false);
    const d = summaryReport(city.rollup, settingsFor(city.rollup));
    expect(texts(d)).toContain("KẾT QUẢ NHẤT THỂ HÓA BÍ THƯ CHI BỘ KIÊM TRƯỞNG THÔN, KHỐI PHỐ");
    expect(headerLabels(d)).toContain("Số thôn, khối phố");
    const qs = typedWorkbook(["khu phố", "bản"], false);
    expect(texts(summaryReport(qs.rollup, settingsFor(qs.rollup)))).toContain(
      "KẾT QUẢ NHẤT THỂ HÓA BÍ THƯ CHI BỘ KIÊM TRƯỞNG BẢN, KHU PHỐ",
    );
    expect(texts(secretariesReport(qs.rollup, settingsFor(qs.rollup)))).toContain(
      "CHẤT LƯỢNG ĐỘI NGŨ BÍ THƯ CHI BỘ BẢN, KHU PHỐ",
    );
  });

  it("without a type column: thôn, tổ dân phố", () => {
    const f = binhGia();
    expect(texts(summaryReport(f.rollup, settingsFor(f.rollup)))).toContain(
      "KẾT QUẢ NHẤT THỂ HÓA BÍ THƯ CHI BỘ KIÊM TRƯỞNG THÔN, TỔ DÂN PHỐ",
    );
  });
});

describe("item 5: the Front-committee and combined indicators, targets everywhere", () => {
  it("the summary prints both, with target, gap and assessment for the combined one", () => {
    const f = typedWorkbook(["thôn"], true);
    const d = summaryReport(f.rollup, settingsFor(f.rollup));
    const labels = headerLabels(d);
    expect(labels).toContain("Bí thư kiêm trưởng ban công tác Mặt trận");
    expect(labels).toContain("Bí thư kiêm trưởng thôn hoặc trưởng ban CTMT (*)");
    const total = d.table.totalRow!;
    const t = f.rollup.total.indicators;
    const results = d.cells[total - 1].map((c) => (isFormula(c) ? c.result : c));
    // villages, consolidated; Front: with data, count; combined: count; the combined target 95%.
    expect(results).toEqual(
      expect.arrayContaining([t.village_secretary_front.denominator, t.village_secretary_front.numerator]),
    );
    expect(results).toContain(t.village_secretary_head_or_front.numerator);
    expect(results).toContain(0.95);
    expect(t.village_secretary_head_or_front.numerator).toBeGreaterThan(t.village_secretary_head.numerator);
    const assessment = f.rollup.total.assessments.village_secretary_head_or_front!;
    expect(results).toContain(assessment.met ? "Đạt" : "Chưa đạt");
  });

  it("no Front data: says so under the table instead of printing zeros", () => {
    const f = binhGia();
    const d = summaryReport(f.rollup, settingsFor(f.rollup));
    expect(texts(d).some((t) => /Mặt trận.*chưa có số liệu/.test(t))).toBe(true);
    expect(headerLabels(d)).not.toContain("Bí thư kiêm trưởng ban công tác Mặt trận");
  });

  it("commune posts carry the Lộc Bình target (secretary also PC chair 40%) with gap and assessment", () => {
    const base = locBinh();
    const wb = {
      ...base.workbook,
      sheets: [
        ...base.workbook.sheets,
        {
          name: "Chỉ tiêu",
          rows: [
            TARGET_HEADER,
            ["commune_secretary_committee_chair", "Lộc Bình", "huyện", "40%", "đạt", 2022],
          ],
        },
      ],
    };
    const f = roll(wb);
    const d = communePostsReport(f.rollup, settingsFor(f.rollup));
    const total = d.cells[d.table.totalRow! - 1].map((c) => (isFormula(c) ? c.result : c));
    expect(total.slice(2, 5)).toEqual([21, 10, 10 / 21]);
    expect(total.slice(5, 8)).toEqual([0.4, 0.4 - 10 / 21, "Đạt"]);
    expect((cellAt(d, d.table.totalRow!, 7) as { formula: string }).formula).toMatch(/F\d+-E\d+/);
    expect((cellAt(d, d.table.totalRow!, 8) as { formula: string }).formula).toMatch(
      /IF\(E\d+>=F\d+,"Đạt","Chưa đạt"\)/,
    );
  });

  it("party cells carry a villages-with-own-cell target (Lào Cai's 95%)", () => {
    const f = roll({
      file: "",
      sheets: [
        {
          name: "Thôn",
          rows: [
            VILLAGE_HEADER,
            ...villageRows("Lào Cai", null, [
              { name: "Xuân Hòa", villages: 30, consolidated: 27 },
              { name: "Bảo Yên", villages: 12, consolidated: 6 },
            ]),
          ],
        },
        { name: "Chỉ tiêu", rows: [TARGET_HEADER, ["villages_own_cell", null, "tỉnh", "95%", null, 2025]] },
      ],
    });
    const d = partyCellsReport(f.rollup, settingsFor(f.rollup));
    const total = d.cells[d.table.totalRow! - 1].map((c) => (isFormula(c) ? c.result : c));
    expect(total[5]).toBe(0.95);
    expect(total[7]).toBe(f.rollup.total.assessments.villages_own_cell!.met ? "Đạt" : "Chưa đạt");
  });
});

describe("item 6: missing data is said, not printed as 0", () => {
  it("secretaries named only in the village sheet: “chưa có số liệu”, blank counts", () => {
    const f = binhGia();
    const noHolders = roll({ file: "", sheets: f.workbook.sheets.filter((s) => s.name !== "Cán bộ") });
    const d = secretariesReport(noHolders.rollup, settingsFor(noHolders.rollup));
    const body = d.cells[d.table.bodyTop - 1];
    expect(body[2]).toBeNull();
    expect(body[body.length - 1]).toBe("Chưa có số liệu");
    expect(texts(d)).toContain("Chất lượng bí thư chi bộ: chưa có số liệu.");
    const posts = communePostsReport(noHolders.rollup, settingsFor(noHolders.rollup));
    expect(texts(posts)).toContain("Chức danh chủ chốt cấp xã: chưa có số liệu.");
  });

  it("a partial base is printed with its base: “có số liệu 87/355 bí thư chi bộ”", () => {
    const f = binhGia();
    const some = roll({
      file: "",
      sheets: f.workbook.sheets.map((s) =>
        s.name === "Cán bộ"
          ? {
              ...s,
              rows: [
                OFFICE_HEADER,
                ...s.rows
                  .slice(1)
                  .filter((r) => r[1] !== "Bí thư chi bộ" || Number(String(r[13]).slice(3)) <= 87),
              ],
            }
          : s,
      ),
    });
    const d = secretariesReport(some.rollup, settingsFor(some.rollup));
    expect(texts(d)).toContain(
      "Chất lượng bí thư chi bộ: có số liệu 87/143 bí thư chi bộ; tỷ lệ tính trên số có số liệu.",
    );
    expect(texts(d)).toEqual(expect.arrayContaining([expect.stringMatching(/^Có số liệu \d+\/\d+$/)]));
  });
});

describe("item 7: the unit list's order wins, then data order", () => {
  it("communes printed in the order of the Đơn vị sheet", () => {
    const f = binhGia();
    const list = ["Vĩnh Yên", "Hồng Phong", "Yên Lỗ"].map((unit): ExpectedUnitRecord => ({
      unit,
      level: "commune",
      province: "Lạng Sơn",
      district: "Bình Gia",
      deadline: null,
      source: { file: "", sheet: "Đơn vị", columns: new Map() },
      row: 1,
    }));
    const ordered = inOfficialOrder(f.rollup, list);
    const d = summaryReport(ordered, settingsFor(ordered));
    const names = d.cells.slice(d.table.bodyTop - 1, d.table.bodyTop + 4).map((r) => plainText(r[1]));
    expect(names).toEqual(["Vĩnh Yên", "Hồng Phong", "Yên Lỗ", "Tân Văn", "Thị trấn Bình Gia"]);
    const built = reportsFor(f.rollup, [], {
      workbooks: [],
      today: { year: 2021, month: 9, day: 19 },
      unitOrder: list,
    });
    expect(plainText(built.sheets[0].cells[built.sheets[0].table.bodyTop - 1][1])).toBe("Vĩnh Yên");
    // Figures unchanged.
    expect(ordered.total).toMatchObject({ villages: 143, consolidated: 68 });
  });
});

describe("document identity and page breaks", () => {
  it("number and symbol, secrecy and urgency marks, the annex line", () => {
    const f = binhGia();
    const plain = summaryReport(f.rollup, settingsFor(f.rollup));
    expect(texts(plain)).toContain("Số \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0-BC/HU");
    const d = summaryReport(
      f.rollup,
      settingsFor(f.rollup, {
        documentNumber: "25",
        secrecy: "mật",
        urgency: "Khẩn",
        attachedTo: "Kèm theo Báo cáo số 25-BC/HU, ngày 19/9/2021 của Ban Thường vụ Huyện ủy",
      }),
    );
    const t = texts(d);
    expect(t).toEqual(
      expect.arrayContaining([
        "Số 25-BC/HU",
        "MẬT",
        "KHẨN",
        "(Kèm theo Báo cáo số 25-BC/HU, ngày 19/9/2021 của Ban Thường vụ Huyện ủy)",
      ]),
    );
    expect(t.indexOf("Số 25-BC/HU")).toBeLessThan(t.indexOf("MẬT"));
    expect(t.indexOf("MẬT")).toBeLessThan(t.indexOf("KHẨN"));
    const province = settingsFor(locBinh().rollup, {});
    expect(province.documentNumber).toMatch(/-BC\/HU$/);
  });

  it("a long report breaks before its last three rows; a short one has no break", () => {
    const big = synthetic(3000);
    const d = summaryReport(big.rollup, settingsFor(big.rollup));
    expect(d.print.fitToPagesTall).toBe(0);
    expect(d.print.pageBreaks).toEqual([d.table.bodyBottom - 2]);
    const small = binhGia();
    expect(summaryReport(small.rollup, settingsFor(small.rollup)).print.pageBreaks).toEqual([]);
    expect(
      signaturePageBreaks(() => undefined, 20, [10, 10], {
        headerTop: 5,
        headerBottom: 5,
        bodyTop: 6,
        bodyBottom: 15,
        totalRow: 16,
        left: 1,
        right: 2,
      }),
    ).toEqual([]);
  });
});

describe("the named annex", () => {
  it("lists the secretaries who are also heads and the commune leaders holding two posts, by commune", async () => {
    const { readWorkbooks } = await import("../../src/core/read/readWorkbook");
    const { annexReport } = await import("../../src/report/layouts/annex");
    const f = binhGia();
    const holders = readWorkbooks([f.workbook]).dataset.officeHolders;
    const d = annexReport(f.rollup, holders, settingsFor(f.rollup, { documentNumber: "25" }));
    const t = texts(d);
    expect(t).toEqual(
      expect.arrayContaining([
        "PHỤ LỤC",
        "BÍ THƯ CHI BỘ KIÊM TRƯỞNG THÔN (68)",
        "(Kèm theo Báo cáo số 25-BC/HU, ngày 19/9/2021)",
        "Pò Mầm",
      ]),
    );
    const pm = d.cells.find((r) => plainText(r[2]) === "Pò Mầm")!;
    // Name, village, birth year, gender, ethnic group, education, qualification, theory from Office-holders.
    expect(typeof pm[3]).toBe("number");
    expect(["Nam", "Nữ"]).toContain(plainText(pm[4]));
    expect(plainText(pm[6])).toMatch(/^\d+\/12$/);
    // Commune leaders: in the fixture the secretary chairs the People's Committee in every other
    // commune and the Council in every third; one row per person, posts joined with "kiêm".
    expect(t.some((x) => /^CÁN BỘ CHỦ CHỐT CẤP XÃ KIÊM NHIỆM \(\d+\)$/.test(x))).toBe(true);
    expect(t).toContain("Bí thư Đảng ủy kiêm chủ tịch UBND kiêm chủ tịch HĐND");
  });
});

describe("a commune without Front data among communes with (attack on issue 13)", () => {
  it("its Front count is blank, not “0”; the total counts only the communes with data", () => {
    const [a, b] = BINH_GIA.slice(0, 2);
    const header: CellValue[] = [...VILLAGE_HEADER, "Trưởng ban CTMT"];
    const rows = villageRows("Lạng Sơn", "Bình Gia", [a, b]).map((r) => [
      ...r,
      r[2] === a.name ? r[4] : null,
    ]);
    const f = roll({ file: "", sheets: [{ name: "Thôn", rows: [header, ...rows] }] });
    const d = summaryReport(f.rollup, settingsFor(f.rollup));
    const labels = d.cells[d.table.headerBottom - 1].map(plainText);
    const known = labels.indexOf("Số thôn có số liệu");
    expect(known).toBeGreaterThan(0);
    const value = (row: number, c: number) => {
      const cell = d.cells[row - 1][c];
      return isFormula(cell) ? cell.result : cell;
    };
    const rowOf = (name: string) => d.cells.findIndex((r) => r.map(plainText).includes(name)) + 1;
    // The commune without Front data: "with data" 0, the count blank (never "0 villages").
    expect(value(rowOf(b.name), known)).toBe(0);
    expect(value(rowOf(b.name), known + 1)).toBeNull();
    // The commune with Front data: every village's secretary is its Front head.
    expect(value(rowOf(a.name), known)).toBe(a.villages);
    expect(value(rowOf(a.name), known + 1)).toBe(a.villages);
    expect(value(d.table.totalRow!, known + 1)).toBe(a.villages);
  });
});
