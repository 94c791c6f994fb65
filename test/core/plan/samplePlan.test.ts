import * as path from "path";
import { analyse, planOfAnalysis, summaryOf, type Analysis } from "../../../src/core/pipeline";
import { readXlsxFile } from "../../../src/xlsx/readXlsx";
import { cellAt, plainText, type SheetDescription } from "../../../src/report/description";
import { comparisonReport } from "../../../src/report/layouts/submissions";
import { settingsFor } from "../../report/fixtures";

/**
 * The plan of the bundled samples, read from the committed .xlsx files: lang-son.xlsx (Bình Gia,
 * 15/9/2021: 68 of 143, "trên 90%" by 2025) with its previous period binh-gia-2020.xlsx (15/9/2020:
 * 56 of 143). Every figure below is counted by hand in the comments.
 */
const SAMPLES = path.join(__dirname, "..", "..", "..", "samples");
let analysis: Analysis;

beforeAll(async () => {
  const current = await readXlsxFile(path.join(SAMPLES, "lang-son.xlsx"));
  const previous = await readXlsxFile(path.join(SAMPLES, "binh-gia-2020.xlsx"));
  const result = analyse([current], { referenceYear: 2026, previous: [previous] });
  if (!result.ok) throw new Error(result.unusable.en);
  analysis = result.analysis;
});

describe("the plan of Bình Gia (lang-son.xlsx, previous period binh-gia-2020.xlsx)", () => {
  it("takes the 2025 target for data of 2021, deadline 31/12/2025", () => {
    const binhGia = planOfAnalysis(analysis).units.find((u) => u.name === "Bình Gia")!;
    expect(binhGia).toMatchObject({
      villages: 143,
      consolidated: 68,
      target: 0.9,
      comparator: ">",
      targetYear: 2025,
      deadline: "2025-12-31",
      needed: 61, // above 90% of 143 = 128.7 → 129; 129 − 68
      required: 129,
      status: "allocated",
      capacity: 75, // 143 − 68
      ownNeededTotal: 72, // each commune's "đạt 90%" rounded up on its own
    });
  });

  it("splits 61 over the 19 communes exactly (largest remainder, ties by name)", () => {
    const binhGia = planOfAnalysis(analysis).units.find((u) => u.name === "Bình Gia")!;
    const quotas = Object.fromEntries(binhGia.children.map((c) => [c.name, c.quota]));
    expect(Object.values(quotas).reduce((a, q) => a! + q!, 0)).toBe(61);
    // See test/core/plan/allocate.test.ts for the hand count.
    expect(quotas).toEqual({
      "Thị trấn Bình Gia": 4,
      "Hoa Thám": 3,
      "Quý Hòa": 2,
      "Hưng Đạo": 3,
      "Thiện Thuật": 2,
      "Thiện Hòa": 2,
      "Thiện Long": 2,
      "Hồng Thái": 2,
      "Hòa Bình": 3,
      "Quang Trung": 2,
      "Minh Khai": 2,
      "Mông Ân": 3,
      "Hoàng Văn Thụ": 3,
      "Tân Hòa": 2,
      "Bình La": 4,
      "Yên Lỗ": 5,
      "Tân Văn": 7,
      "Hồng Phong": 6,
      "Vĩnh Yên": 4,
    });
  });

  it("gives the pace from 15/9/2020 to 15/9/2021 and the date the target is reached", () => {
    const summary = summaryOf(analysis, "vi");
    const binhGia = summary.plan!.units.find((u) => u.name === "Bình Gia")!;
    expect(binhGia.previousConsolidated).toBe(56);
    expect(binhGia.pace).toEqual({
      from: { date: "2020-09-15", consolidated: 56 },
      to: { date: "2021-09-15", consolidated: 68 },
      days: 365,
      gained: 12,
      perYear: 12,
      needed: 61,
      deadline: "2025-12-31",
      // 15/9/2021 → 15/9/2025 is 1,461 days (29/2/2024), then 15 + 31 + 30 + 31 to 31/12.
      daysLeft: 1568,
      // ⌈61 × 365 / 12⌉ = ⌈1855.4⌉ = 1856 days after 15/9/2021: 1,461 + 365 + 30 → 15/10/2026.
      reachedOn: "2026-10-15",
      neededPerYear: (61 * 365) / 1568, // 14.2 villages a year
      onTime: false,
    });
    expect(summary.units.find((u) => u.name === "Bình Gia")).toMatchObject({
      targetYear: 2025,
      deadline: "2025-12-31",
    });
  });
});

describe("the files swapped (the “previous” period dated after the current one)", () => {
  it("warns once, at the previous period's date, and draws no pace (the counts would be the wrong way round)", async () => {
    const current = await readXlsxFile(path.join(SAMPLES, "binh-gia-2020.xlsx"));
    const later = await readXlsxFile(path.join(SAMPLES, "lang-son.xlsx"));
    const result = analyse([current], { referenceYear: 2026, previous: [later] });
    if (!result.ok) throw new Error(result.unusable.en);
    const warned = result.analysis.issues.filter((i) => i.code === "previous-not-earlier");
    expect(warned.map((i) => [i.file, i.message.vi, i.message.en])).toEqual([
      [
        "lang-son.xlsx",
        "Kỳ trước ghi ngày 15/9/2021, không sớm hơn kỳ này (15/9/2020): có thể đã chọn nhầm tệp. Vẫn so sánh, nhưng không tính tốc độ đến hạn.",
        "The previous period is dated 15/9/2021, not before this one (15/9/2020): the files may be swapped. Compared anyway, but no pace to the deadline is drawn.",
      ],
    ]);
    expect(planOfAnalysis(result.analysis).units.every((u) => u.pace === null)).toBe(true);
  });
});

describe("a previous period that covers only part of today's units (binh-gia-2020.xlsx: Bình Gia only)", () => {
  it("names the units without a previous figure on every unit above them, whose change includes theirs", () => {
    const changes = analysis.changes!;
    const row = (name: string) => changes.find((c) => c.name === name)!;
    // Lạng Sơn: 355 villages now, 143 before (Bình Gia only): the +212 is not growth.
    expect([row("Lạng Sơn").previousVillages, row("Lạng Sơn").villages]).toEqual([143, 355]);
    expect(row("Lạng Sơn").notes.map((n) => n.vi)).toEqual([
      "Kỳ trước không có số liệu của 2 đơn vị trực thuộc (Lộc Bình, Thành phố Lạng Sơn): phần tăng/giảm gồm cả số của các đơn vị này",
    ]);
    expect(changes.find((c) => c.level === "total")!.notes.map((n) => n.en)).toEqual([
      "No previous figure for 2 of its units (Lộc Bình, Thành phố Lạng Sơn): the change includes their figures",
    ]);
    // Bình Gia was covered whole; Lộc Bình itself has no previous figure (and no note of its own).
    expect(row("Bình Gia").notes).toEqual([]);
    expect([row("Lộc Bình").previousVillages, row("Lộc Bình").notes]).toEqual([null, []]);
  });

  it("the sheet says so in the notes column (the narrow change column stays empty) and keeps the province's note", () => {
    const sheet = comparisonReport(analysis.changes!, settingsFor(analysis.rollup));
    const rowOf = (d: SheetDescription, name: string): number => {
      for (let r = 1; r < 200; r++) if (plainText(cellAt(d, r, 2)).trim() === name) return r;
      throw new Error(name);
    };
    const locBinh = rowOf(sheet, "Lộc Bình");
    expect([plainText(cellAt(sheet, locBinh, 5)), plainText(cellAt(sheet, locBinh, 12))]).toEqual([
      "",
      "Không có số liệu kỳ trước",
    ]);
    expect(plainText(cellAt(sheet, rowOf(sheet, "Lạng Sơn"), 12))).toMatch(
      /^Kỳ trước không có số liệu của 2 đơn vị/,
    );
  });
});
