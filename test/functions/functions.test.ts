/**
 * The adapters as Excel calls them: numbers, strings, booleans, `null` for an omitted optional
 * argument, rows of values for ranges. A shim stands in for the global `CustomFunctions` that
 * Excel's runtime provides, so the errors the adapters throw can be checked.
 */
import { messageFor, toCell, toMatrix } from "../../src/functions/excelValues";
import * as nth from "../../src/functions/functions";

class ShimError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

beforeAll(() => {
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = { Error: ShimError, ErrorCode };
});

afterAll(() => {
  delete (globalThis as unknown as { CustomFunctions?: unknown }).CustomFunctions;
});

/** Runs an adapter and returns what it threw (failing the test if it returned). */
function thrown(run: () => unknown): ShimError {
  try {
    const value = run();
    throw new Error(`expected an Excel error, got ${JSON.stringify(value)}`);
  } catch (e) {
    expect(e).toBeInstanceOf(ShimError);
    return e as ShimError;
  }
}

// Excel passes omitted optional arguments as null; the TypeScript signatures say `?`.
const OMITTED = null as unknown as undefined;

describe("NTH.CONSOLIDATION_RATE", () => {
  it("divides a count by a total (a scalar arrives as a 1×1 matrix)", () => {
    expect(nth.consolidationRate([[68]], 143)).toBe(68 / 143);
  });

  it("computes yes / (yes + no) over a range of flags when the total is omitted", () => {
    expect(nth.consolidationRate([["x"], [""], ["Có"], ["Không"], [null], [true], [0]], OMITTED)).toBe(3 / 5);
  });

  it("throws #DIV/0! without a message for a zero total (Excel shows none for it)", () => {
    const e = thrown(() => nth.consolidationRate([[0]], 0));
    expect(e.code).toBe("#DIV/0!");
    expect(e.message).toBeUndefined();
  });

  it("throws #VALUE! with the Vietnamese message first for consolidated > total", () => {
    const e = thrown(() => nth.consolidationRate([[150]], 143));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe("Số đã nhất thể hóa (150) lớn hơn tổng số (143)");
  });

  it("throws #VALUE! naming a bad flag", () => {
    const e = thrown(() => nth.consolidationRate([["x"], ["có lẽ"]], OMITTED));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/^“có lẽ” \(dòng 2, cột 1 của vùng\) không phải giá trị Có\/Không/);
  });

  it("throws #VALUE! for a negative count", () => {
    expect(thrown(() => nth.consolidationRate([[-3]], 10)).message).toContain("không được âm");
  });
});

describe("NTH.TARGET_GAP", () => {
  it('returns target − actual for 0.9, 90 and "90%"', () => {
    expect(nth.targetGap(0.4755, 0.9)).toBe(0.4245);
    expect(nth.targetGap(0.4755, "90%")).toBe(0.4245);
    expect(nth.targetGap(0.95, 0.9)).toBe(-0.05);
  });

  it("throws #VALUE! for a target outside 0–100%", () => {
    const e = thrown(() => nth.targetGap(0.5, "120%"));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe("Mục tiêu “120%” nằm ngoài khoảng 0–100%");
  });
});

describe("NTH.UNITS_NEEDED", () => {
  it("returns the exact count, with strict omitted or given", () => {
    expect(nth.unitsNeeded(68, 143, 0.9, true)).toBe(61);
    expect(nth.unitsNeeded(0, 100, 0.07, OMITTED)).toBe(7);
    expect(nth.unitsNeeded(0, 100, "29%", true)).toBe(30);
  });

  it("throws #N/A with a message when the target cannot be reached", () => {
    const e = thrown(() => nth.unitsNeeded(5, 10, "100%", true));
    expect(e.code).toBe("#N/A");
    expect(e.message).toContain("trên 100%");
    expect(e.message).not.toContain("No number of units");
  });

  it("throws #DIV/0! for a zero total and #VALUE! for bad input", () => {
    expect(thrown(() => nth.unitsNeeded(0, 0, 0.9, OMITTED)).code).toBe("#DIV/0!");
    expect(thrown(() => nth.unitsNeeded("sáu mươi", 143, 0.9, OMITTED)).code).toBe("#VALUE!");
    expect(thrown(() => nth.unitsNeeded(68, 143, 0.9, "có thể")).code).toBe("#VALUE!");
  });
});

describe("NTH.IS_CONSOLIDATED and NTH.COUNT_CONSOLIDATED", () => {
  it("compares names after normalisation", () => {
    expect(nth.isConsolidated("Hoàng Văn Hoà", "hoàng văn hòa")).toBe(true);
    expect(nth.isConsolidated("Hoàng Văn Hoà", "")).toBe(false);
    expect(nth.isConsolidated(null, null)).toBe(false);
  });

  it("counts matching rows and rejects ranges of different sizes", () => {
    expect(nth.countConsolidated([["Lý Văn Tú"], ["A"]], [["Lý  Văn Tú"], ["B"]])).toBe(1);
    const e = thrown(() => nth.countConsolidated([["a"], ["b"]], [["a"]]));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("2×1");
  });
});

describe("NTH.ROLLUP_RATE", () => {
  it("returns sum / sum", () => {
    expect(nth.rollupRate([[3], [94]], [[9], [94]])).toBe(97 / 103);
  });

  it("throws #DIV/0! when the denominators sum to 0 and #VALUE! for text", () => {
    expect(thrown(() => nth.rollupRate([[0]], [[0]])).code).toBe("#DIV/0!");
    expect(thrown(() => nth.rollupRate([["ba"]], [[9]])).message).toContain("“ba” không phải số");
  });
});

describe("messages in the language of Office", () => {
  const message = { vi: "Tổng số phải lớn hơn 0", en: "Total must be greater than 0" };
  it("shows the Vietnamese message in Vietnamese Office and when the language is unknown", () => {
    expect(messageFor(message, "vi-VN")).toBe("Tổng số phải lớn hơn 0");
    expect(messageFor(message, null)).toBe("Tổng số phải lớn hơn 0");
  });
  it("shows English, then Vietnamese, in any other language", () => {
    expect(messageFor(message, "en-US")).toBe("Total must be greater than 0 / Tổng số phải lớn hơn 0");
    expect(messageFor(message, "fr-FR")).toBe("Total must be greater than 0 / Tổng số phải lớn hơn 0");
  });
});

describe("argument conversion", () => {
  it("uses Excel's rows as they are when every cell is a plain value", () => {
    const range = [["x", 1, true, null, ""]];
    expect(toMatrix(range)).toBe(range);
  });

  it("wraps scalars and single rows, and turns objects (entities, errors) into #VALUE!", () => {
    expect(toMatrix(5)).toEqual([[5]]);
    expect(toMatrix(["a", "b"])).toEqual([["a", "b"]]);
    expect(toCell(undefined)).toBeNull();
    expect(toCell({ code: "#N/A" })).toEqual({ kind: "error", code: "#N/A" });
    expect(toCell({ type: "Error", basicValue: "#DIV/0!" })).toEqual({ kind: "error", code: "#DIV/0!" });
    expect(toCell({ type: "Entity" })).toEqual({ kind: "error", code: "#VALUE!" });
    const entity = { type: "Entity", text: "Lạng Sơn" };
    expect(thrown(() => nth.consolidationRate([["x"], [entity]], OMITTED)).code).toBe("#VALUE!");
    expect(thrown(() => nth.countConsolidated([["a"], [entity]], [["a"], ["b"]])).message).toContain(
      "#VALUE!",
    );
    expect(thrown(() => nth.rollupRate([[1], [entity]], [[2], [3]])).code).toBe("#VALUE!");
    expect(thrown(() => nth.isConsolidated(entity, "a")).code).toBe("#VALUE!");
  });
});

describe("NTH.ALLOCATE", () => {
  // Bình Gia's communes in the order of the planning sheet, with their villages not consolidated.
  const names = [
    "Thị trấn Bình Gia",
    "Hoa Thám",
    "Quý Hòa",
    "Hưng Đạo",
    "Thiện Thuật",
    "Thiện Hòa",
    "Thiện Long",
    "Hồng Thái",
    "Hòa Bình",
    "Quang Trung",
    "Minh Khai",
    "Mông Ân",
    "Hoàng Văn Thụ",
    "Tân Hòa",
    "Bình La",
    "Yên Lỗ",
    "Tân Văn",
    "Hồng Phong",
    "Vĩnh Yên",
  ];
  const rooms = [5, 3, 3, 3, 3, 3, 2, 3, 3, 3, 3, 4, 3, 3, 5, 6, 8, 7, 5];
  const column = (xs: readonly unknown[]) => xs.map((x) => [x]);

  it("spills Bình Gia's 61 over its communes as the planning sheet does (ties by name)", () => {
    const quotas = nth.allocate(61, column(rooms), OMITTED, column(names)).map((r) => r[0]);
    expect(quotas.reduce((a, q) => a + q, 0)).toBe(61);
    expect(quotas).toEqual([4, 3, 2, 3, 2, 2, 2, 2, 3, 2, 2, 3, 3, 2, 4, 5, 7, 6, 4]);
  });

  it("without names, equal shares go to the upper rows; a row in gives a row out", () => {
    expect(nth.allocate(3, [[2, 2, 2, 2]])).toEqual([[1, 1, 1, 0]]);
    expect(nth.allocate("2", [[1], [null], ["1"]])).toEqual([[1], [0], [1]]);
  });

  it("a block of capacities spills a block of the same shape, read row by row", () => {
    expect(
      nth.allocate(6, [
        [1, 2],
        [3, 4],
      ]),
    ).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });

  it("refuses “1.000” typed as text (one thousand or one?) instead of reading it as 1", () => {
    expect(thrown(() => nth.allocate("1.000", column([600, 600]))).message).toMatch(
      /“1\.000”.*số nguyên không âm/,
    );
    expect(thrown(() => nth.allocate(1, column(["1,000", 5]))).message).toMatch(/“1,000” \(dòng 1, cột 1/);
    expect(nth.allocate(" 12 ", column([10, "2"]))).toEqual([[10], [2]]);
  });

  it("shares by weights when given, never more than a unit can do", () => {
    expect(nth.allocate(10, column([3, 10, 10]), column([90, 5, 5]))).toEqual([[3], [4], [3]]);
  });

  it("answers #N/A with a message when more is needed than the units can do", () => {
    const e = thrown(() => nth.allocate(10, column([4, 5])));
    expect(e.code).toBe("#N/A");
    expect(e.message).toBe("Cần thêm 10 nhưng các đơn vị chỉ còn 9 chưa nhất thể hóa: không chia được");
  });

  it("refuses fractions, negatives, text and ranges of another size, naming the cell", () => {
    expect(thrown(() => nth.allocate(2, column([1.5, 2]))).message).toMatch(
      /dòng 1, cột 1.*số nguyên không âm/,
    );
    expect(thrown(() => nth.allocate(2, column([1, "abc"]))).message).toMatch(/“abc” \(dòng 2, cột 1/);
    expect(thrown(() => nth.allocate(-1, column([1]))).code).toBe("#VALUE!");
    expect(thrown(() => nth.allocate(1, column([1, 1]), column([1]))).message).toMatch(/cùng kích thước/);
  });
});
