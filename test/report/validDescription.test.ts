import {
  assertValidDescription,
  cellRange,
  type CellRange,
  type SheetDescription,
} from "../../src/report/description";
import { summaryReport } from "../../src/report/layouts/summary";
import { binhGia, settingsFor } from "./fixtures";

/** The plain definition of the merge check: in order, each merge inside the sheet and disjoint from every earlier one. */
function plainMergeFailure(d: SheetDescription): string | null {
  const inside = (g: CellRange): boolean =>
    g.top >= 1 &&
    g.left >= 1 &&
    g.top <= g.bottom &&
    g.left <= g.right &&
    g.right <= d.columnCount &&
    g.bottom <= d.cells.length;
  for (let i = 0; i < d.merges.length; i++) {
    const m = d.merges[i];
    if (!inside(m)) return `merge outside the sheet: ${JSON.stringify(m)}`;
    for (let j = 0; j < i; j++) {
      const o = d.merges[j];
      if (m.top <= o.bottom && o.top <= m.bottom && m.left <= o.right && o.left <= m.right)
        return "overlapping merges";
    }
  }
  return null;
}

function failureOf(d: SheetDescription): string | null {
  try {
    assertValidDescription(d);
    return null;
  } catch (e) {
    return (e as Error).message.replace(/^Invalid description of “[^”]*”: /, "");
  }
}

describe("assertValidDescription", () => {
  const base = summaryReport(binhGia().rollup, settingsFor(binhGia().rollup));

  test("a real report is valid", () => {
    expect(failureOf(base)).toBeNull();
  });

  test("merges: the same verdict and message as the pairwise definition, on random merges", () => {
    let seed = 11;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const rows = base.cells.length;
    const columns = base.columnCount;
    const verdicts = new Set<string | null>();
    for (let trial = 0; trial < 300; trial++) {
      const merges: CellRange[] = [];
      const count = 1 + next(12);
      for (let i = 0; i < count; i++) {
        const top = 1 + next(rows + 1);
        const left = 1 + next(columns + 1);
        merges.push(cellRange(top, left, top + next(3), left + next(4)));
      }
      const d = { ...base, merges };
      const expected = plainMergeFailure(d);
      verdicts.add(expected === null ? null : expected.slice(0, 12));
      expect(failureOf(d)).toBe(expected);
    }
    // All three verdicts came up.
    expect(verdicts).toEqual(new Set([null, "overlapping ", "merge outsid"]));
  });

  test("cells: plain strings Excel would change, non-finite numbers, formulas without =", () => {
    const withCell = (c: unknown): SheetDescription => ({
      ...base,
      cells: base.cells.map((row, r) => (r === 4 ? row.map((x, k) => (k === 1 ? (c as typeof x) : x)) : row)),
    });
    expect(failureOf(withCell("=A1"))).toBe("plain string “=A1” at row 5, column 2");
    expect(failureOf(withCell(Number.NaN))).toBe("non-finite number at row 5");
    expect(failureOf(withCell({ formula: "A1" }))).toBe('formula without "=" at row 5');
    expect(failureOf(withCell({ text: "=A1" }))).toBeNull();
    expect(failureOf(withCell(true))).toBeNull();
  });
});
