import type { CellValue } from "../../../src/core/cells";
import { readWorkbooks } from "../../../src/core/read/readWorkbook";
import { rollup } from "../../../src/core/rollup/rollup";
import { summarize } from "../../../src/core/summary";
import { VILLAGE_HEADER, village, workbook } from "../grids";

/** Ten villages in one district, 5 consolidated, and targets for several years. */
function data(targets: CellValue[][]) {
  const rows: CellValue[][] = [VILLAGE_HEADER];
  for (let i = 1; i <= 10; i++)
    rows.push(village(i, "Lạng Sơn", "Bình Gia", "Yên Lỗ", `Thôn ${i}`, `A${i}`, i <= 5 ? `A${i}` : `B${i}`));
  const read = readWorkbooks([
    workbook("t.xlsx", { Thôn: rows, "Chỉ tiêu": [["Chỉ tiêu", "Mục tiêu", "Năm"], ...targets] }),
  ]);
  return read.dataset;
}

const MAIN = "Bí thư chi bộ đồng thời là trưởng thôn";

describe("the target of the reporting period's year", () => {
  const targets = [
    [MAIN, "trên 90%", 2030],
    [MAIN, "đạt 70%", 2025],
    [MAIN, "đạt 50%", 2020],
  ];
  it.each([
    [2019, 0.5, 2020],
    [2020, 0.5, 2020],
    [2021, 0.7, 2025],
    [2025, 0.7, 2025],
    [2026, 0.9, 2030],
    [2030, 0.9, 2030],
  ])("period %i → the target %d of %i, with its deadline", (year, target, targetYear) => {
    const r = rollup(data(targets), { referenceYear: year });
    const a = r.total.assessments.village_secretary_head!;
    expect(a.target).toBe(target);
    expect(a.year).toBe(targetYear);
    expect(a.deadline).toBe(`${targetYear}-12-31`);
    expect(a.deadlinePassed).toBe(false);
    const s = summarize(r, [], "vi");
    expect(s.total.targetYear).toBe(targetYear);
    expect(s.total.deadline).toBe(`${targetYear}-12-31`);
  });

  it("after the last target's year: that target still applies, its deadline marked as passed", () => {
    const r = rollup(data(targets), { referenceYear: 2031 });
    const a = r.total.assessments.village_secretary_head!;
    expect(a.year).toBe(2030);
    expect(a.deadlinePassed).toBe(true);
  });

  it("a target without a year applies when no dated one is current, before a past one", () => {
    const r = rollup(
      data([
        [MAIN, "đạt 60%", null],
        [MAIN, "đạt 50%", 2020],
      ]),
      { referenceYear: 2026 },
    );
    const a = r.total.assessments.village_secretary_head!;
    expect(a.target).toBe(0.6);
    expect(a.deadline).toBeNull();
    const current = rollup(
      data([
        [MAIN, "đạt 60%", null],
        [MAIN, "đạt 80%", 2027],
      ]),
      { referenceYear: 2026 },
    );
    expect(current.total.assessments.village_secretary_head!.target).toBe(0.8);
  });
});
