import fc from "fast-check";
import { nameKey } from "../../src/core/text/normalize";
import { cellError, type CellValue } from "../../src/core/cells";
import {
  consolidationRate,
  countConsolidated,
  isConsolidated,
  isFormulaError,
  rollupRate,
  targetGap,
  unitsNeeded,
  type CellMatrix,
  type FormulaError,
  type FormulaErrorCode,
} from "../../src/core/formulas";

/** Asserts an error of the given code and returns it for message checks. */
function expectError(result: unknown, code: FormulaErrorCode): FormulaError {
  expect(isFormulaError(result)).toBe(true);
  const error = result as FormulaError;
  expect(error.error).toBe(code);
  expect(error.message.vi.length).toBeGreaterThan(0);
  expect(error.message.en.length).toBeGreaterThan(0);
  return error;
}

const column = (...values: CellValue[]): CellMatrix => values.map((v) => [v]);

describe("consolidationRate with a count and a total", () => {
  it("divides the counts (Bình Gia: 68 of 143)", () => {
    expect(consolidationRate(68, 143)).toBe(68 / 143);
    expect(consolidationRate([[68]], 143)).toBeCloseTo(0.4755, 4);
    expect(consolidationRate(0, 9)).toBe(0);
    expect(consolidationRate(94, 94)).toBe(1);
  });

  it("accepts numbers stored as text", () => {
    expect(consolidationRate(" 3 ", "9")).toBe(1 / 3);
  });

  it("returns #DIV/0! for a zero total", () => {
    const e = expectError(consolidationRate(0, 0), "divisionByZero");
    expect(e.message.vi).toBe("Tổng số phải lớn hơn 0");
    expect(e.message.en).toBe("Total must be greater than 0");
  });

  it("rejects consolidated > total", () => {
    const e = expectError(consolidationRate(10, 9), "invalidValue");
    expect(e.message.vi).toContain("(10)");
    expect(e.message.vi).toContain("(9)");
  });

  it("rejects negative, fractional and unreadable counts", () => {
    expect(expectError(consolidationRate(-1, 9), "invalidValue").message.vi).toContain("không được âm");
    expect(expectError(consolidationRate(3, -9), "invalidValue").message.en).toContain("negative");
    expect(expectError(consolidationRate("-2", 9), "invalidValue").message.en).toContain("negative");
    expect(expectError(consolidationRate(2.5, 9), "invalidValue").message.en).toContain("whole number");
    expect(expectError(consolidationRate("abc", 9), "invalidValue").message.vi).toContain("“abc”");
    expect(expectError(consolidationRate(true, 9), "invalidValue").message.en).toContain("TRUE");
    expectError(consolidationRate(Number.NaN, 9), "invalidValue");
  });

  it("rejects a range of several cells when a total is given", () => {
    expectError(consolidationRate(column(1, 2), 9), "invalidValue");
  });
});

describe("consolidationRate over a range of flags", () => {
  it("is yes / (yes + no) with blanks ignored", () => {
    // Yên Lỗ: 3 of 9 villages, with blank rows between them.
    const flags = column("x", null, "", "Không", "Có", "  ", "k", 0, true, "no", "N", false, "\u00a0");
    expect(consolidationRate(flags, null)).toBe(3 / 9);
  });

  it("reads every documented spelling, in any case and diacritics", () => {
    const yes = column(true, 1, "x", "X", "Có", "CÓ", "co", "C", "Yes", "y", "TRUE", "1", "đúng");
    const no = column(false, 0, "Không", "KHONG", "k", "No", "n", "FALSE", "0", "sai", "chưa");
    expect(consolidationRate(yes, null)).toBe(1);
    expect(consolidationRate(no, null)).toBe(0);
    expect(consolidationRate([["x", "k"]], null)).toBe(0.5);
  });

  it("names a bad flag and where it is", () => {
    const e = expectError(consolidationRate(column("x", "k", "maybe"), null), "invalidValue");
    expect(e.message.vi).toContain("“maybe”");
    expect(e.message.vi).toContain("dòng 3, cột 1");
    expect(e.message.en).toContain("row 3, column 1");
    expectError(consolidationRate(column("x", 2), null), "invalidValue");
    expectError(consolidationRate(column("x", cellError("#N/A")), null), "invalidValue");
  });

  it("hints at the missing total when a lone number is given", () => {
    const e = expectError(consolidationRate(68, null), "invalidValue");
    expect(e.message.vi).toContain("tổng số");
    expect(e.message.en).toContain("total");
  });

  it("returns #DIV/0! when the range holds no flags", () => {
    expectError(consolidationRate(column(null, "", " "), null), "divisionByZero");
    expectError(consolidationRate([], null), "divisionByZero");
  });

  it("stays within 0..1 and counts like a plain loop (property)", () => {
    const flag = fc.constantFrom<CellValue>(true, false, 1, 0, "x", "Có", "không", "", null);
    fc.assert(
      fc.property(fc.array(flag, { minLength: 1, maxLength: 60 }), (values) => {
        const yes = values.filter((v) => v === true || v === 1 || v === "x" || v === "Có").length;
        const no = values.filter((v) => v === false || v === 0 || v === "không").length;
        const result = consolidationRate(column(...values), null);
        if (yes + no === 0) return isFormulaError(result) && result.error === "divisionByZero";
        return result === yes / (yes + no) && result >= 0 && result <= 1;
      }),
    );
  });

  it("takes well under 20 ms over 100,000 cells", () => {
    const words: CellValue[] = ["x", "", "Có", "không", true, false, 1, 0, null, "k"];
    const range: CellValue[][] = Array.from({ length: 100_000 }, (_, i) => [words[i % words.length]]);
    consolidationRate(range, null); // warm up the JIT and the flag cache
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      const rate = consolidationRate(range, null);
      runs.push(performance.now() - start);
      expect(rate).toBe(0.5);
    }
    expect(Math.min(...runs)).toBeLessThan(20);
  });
});

describe("targetGap", () => {
  it("is target − actual, exactly from the decimals written", () => {
    expect(targetGap(0.4755, 0.9)).toBe(0.4245);
    expect(targetGap(0.4755, "90%")).toBe(0.4245);
    expect(targetGap(0.4755, 90)).toBe(0.4245);
    expect(targetGap(0.07, 0.1)).toBe(0.03);
    expect(targetGap("47,55%", "90%")).toBe(0.4245);
    expect(targetGap(68 / 143, 0.9)).toBeCloseTo(0.9 - 68 / 143, 15);
  });

  it("is zero or negative when the target is met", () => {
    expect(targetGap(0.9, 0.9)).toBe(0);
    expect(targetGap(1, 0.9)).toBe(-0.1);
  });

  it("rejects a target outside 0–100% and an unreadable one", () => {
    expect(expectError(targetGap(0.5, 150), "invalidValue").message.vi).toContain("0–100%");
    // Between 1 and 2 a number is ambiguous (150% or 1.5%?): refused, saying how to write it.
    expect(expectError(targetGap(0.005, 1.5), "invalidValue").message.vi).toContain('Viết "1,5%"');
    expect(targetGap(0.005, "1,5%")).toBe(0.01);
    expect(expectError(targetGap(0.5, "120%"), "invalidValue").message.en).toContain("outside");
    expectError(targetGap(0.5, -0.2), "invalidValue");
    expectError(targetGap(0.5, "-20%"), "invalidValue");
    expect(expectError(targetGap(0.5, "chín mươi"), "invalidValue").message.vi).toContain("không đọc được");
    expectError(targetGap(0.5, null), "invalidValue");
    expectError(targetGap(0.5, true), "invalidValue");
  });

  it("rejects an actual rate outside 0–1", () => {
    expectError(targetGap(1.2, 0.9), "invalidValue");
    expectError(targetGap(-0.1, 0.9), "invalidValue");
    expectError(targetGap("abc", 0.9), "invalidValue");
    expectError(targetGap(null, 0.9), "invalidValue");
  });
});

describe("unitsNeeded", () => {
  it("computes the exact count (DOMAIN.md figures)", () => {
    // 7% of 100 is exactly 7, although 0.07 × 100 is 7.000000000000001 in floating point.
    expect(unitsNeeded(0, 100, 0.07, false)).toBe(7);
    expect(unitsNeeded(0, 100, "7%", null)).toBe(7);
    // "above 29%" of 100 needs 30.
    expect(unitsNeeded(0, 100, 0.29, true)).toBe(30);
    // Bình Gia: above 90% of 143 needs 129 villages, so 61 more than 68.
    expect(unitsNeeded(68, 143, 0.9, true)).toBe(61);
    expect(unitsNeeded(68, 143, "90%", "trên")).toBe(61);
    expect(unitsNeeded(68, 143, 0.9, false)).toBe(61);
    // Exactly 90% of 100: at least → 90, above → 91.
    expect(unitsNeeded(0, 100, 0.9, false)).toBe(90);
    expect(unitsNeeded(0, 100, 0.9, true)).toBe(91);
  });

  it("is 0 when the target is already met", () => {
    expect(unitsNeeded(94, 94, 0.9, true)).toBe(0);
    expect(unitsNeeded(90, 100, 0.9, false)).toBe(0);
    expect(unitsNeeded(5, 10, 0, false)).toBe(0);
  });

  it("reads strict as TRUE/FALSE, 1/0, blank or a comparator word", () => {
    expect(unitsNeeded(0, 100, 0.9, 1)).toBe(91);
    expect(unitsNeeded(0, 100, 0.9, 0)).toBe(90);
    expect(unitsNeeded(0, 100, 0.9, "")).toBe(90);
    expect(unitsNeeded(0, 100, 0.9, ">")).toBe(91);
    expect(unitsNeeded(0, 100, 0.9, "≥")).toBe(90);
    expectError(unitsNeeded(0, 100, 0.9, "maybe"), "invalidValue");
    expectError(unitsNeeded(0, 100, 0.9, 2), "invalidValue");
  });

  it("returns #N/A when no number of units can reach the target", () => {
    const e = expectError(unitsNeeded(5, 10, 1, true), "notAvailable");
    expect(e.message.vi).toContain("trên 100%");
    expect(e.message.en).toContain("above 100%");
    expect(unitsNeeded(5, 10, 1, false)).toBe(5);
  });

  it("returns errors for zero total, consolidated > total, negatives and bad targets", () => {
    expectError(unitsNeeded(0, 0, 0.9, false), "divisionByZero");
    expectError(unitsNeeded(150, 143, 0.9, false), "invalidValue");
    expectError(unitsNeeded(-1, 143, 0.9, false), "invalidValue");
    expectError(unitsNeeded(1, -143, 0.9, false), "invalidValue");
    expectError(unitsNeeded(1.5, 143, 0.9, false), "invalidValue");
    expectError(unitsNeeded(1, 143, 120, false), "invalidValue");
    expectError(unitsNeeded(1, 143, "150%", false), "invalidValue");
    expectError(unitsNeeded(1, 143, "abc", false), "invalidValue");
  });

  it("always reaches the target exactly with the count it returns (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.boolean(),
        (total, consolidatedPermille, targetPermille, strict) => {
          const consolidated = Math.floor((total * consolidatedPermille) / 1000);
          const target = targetPermille / 1000;
          const needed = unitsNeeded(consolidated, total, target, strict);
          if (isFormulaError(needed)) return strict && targetPermille === 1000;
          // Integer arithmetic: (c + n) / total against targetPermille / 1000.
          const meets = (n: number): boolean =>
            strict
              ? (consolidated + n) * 1000 > targetPermille * total
              : (consolidated + n) * 1000 >= targetPermille * total;
          return meets(needed) && (needed === 0 || !meets(needed - 1));
        },
      ),
    );
  });
});

describe("isConsolidated", () => {
  it("is TRUE for the same name after normalisation", () => {
    expect(isConsolidated("Hoàng Văn Hòa", "Hoàng Văn Hòa")).toBe(true);
    // Old and new tone-mark placement.
    expect(isConsolidated("Nguyễn Thị Hoà", "Nguyễn Thị Hòa")).toBe(true);
    expect(isConsolidated("Lê Văn Thuỷ", "lê văn thủy")).toBe(true);
    // Decomposed (NFD) text, as pasted from some PDFs.
    expect(isConsolidated("Nông Văn Khỏe".normalize("NFD"), "Nông Văn Khoẻ")).toBe(true);
    // Non-breaking, repeated and outer spaces.
    expect(isConsolidated("Triệu\u00a0Văn  Minh ", " Triệu Văn Minh")).toBe(true);
  });

  it("is FALSE for different names or a blank", () => {
    expect(isConsolidated("Hoàng Văn Hòa", "Hoàng Văn Hoa")).toBe(false);
    expect(isConsolidated("Hoàng Văn Hòa", "Hoàng Văn Hải")).toBe(false);
    expect(isConsolidated("", "")).toBe(false);
    expect(isConsolidated(null, null)).toBe(false);
    expect(isConsolidated("Hoàng Văn Hòa", null)).toBe(false);
    expect(isConsolidated(" ", "\u00a0")).toBe(false);
  });

  it("returns #VALUE! for an error in a cell", () => {
    expectError(isConsolidated(cellError("#REF!"), "Hoàng Văn Hòa"), "invalidValue");
  });
});

describe("countConsolidated", () => {
  it("counts positions holding the same person", () => {
    const secretaries = column("Hoàng Văn Hòa", "Nông Thị Thủy", "Lý Văn Tú", null, "Vy Văn Khỏe");
    const heads = column("Hoàng Văn Hoà", "Nông Thị Lan", "lý văn tú", null, "Vy Văn Khoẻ".normalize("NFD"));
    expect(countConsolidated(secretaries, heads)).toBe(3);
    expect(countConsolidated([["An", "Bo"]], [["AN", "Cu"]])).toBe(1);
    // One letter or a mark is no name (the reader's rule): "-" beside "-" is nobody, not one person.
    expect(countConsolidated([["a", "-", "Ân".normalize("NFD")]], [["A", "-", "ân"]])).toBe(1);
    expect(countConsolidated([], [])).toBe(0);
  });

  it("counts a text beside itself exactly when it is a name by the definition (two letters, or a digit)", () => {
    // The sure beginning ("Đặng", "Ông") is decided without the regular expression; both must agree.
    const isNameByDefinition = (text: string): boolean => /\p{L}\p{M}*\p{L}|\p{Nd}/u.test(text);
    const piece = fc.constantFrom(
      "Đ",
      "ặ",
      "Ô",
      "n",
      "g",
      "A",
      "\u0302",
      "\u0301",
      "-",
      "x",
      " ",
      "?",
      "—",
      "7",
      "٣",
      "ß",
      "×",
      "ǀ",
      "Ꭰ",
      "\u200b",
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.array(piece, { maxLength: 4 }).map((p) => p.join("")),
          { maxLength: 12 },
        ),
        (texts) => {
          const row = [texts.map((t): CellValue => t)];
          const expected = texts.filter((t) => t !== "" && isNameByDefinition(t)).length;
          expect(countConsolidated(row, row)).toBe(expected);
          for (const t of texts) if (t !== "") expect(isConsolidated(t, t)).toBe(isNameByDefinition(t));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("returns #VALUE! for ranges of different shapes", () => {
    const e = expectError(countConsolidated(column("a", "b"), column("a", "b", "c")), "invalidValue");
    expect(e.message.vi).toContain("2×1");
    expect(e.message.en).toContain("3×1");
    expectError(countConsolidated([["a", "b"]], column("a", "b")), "invalidValue");
  });

  it("returns #VALUE! for an error cell, naming the position", () => {
    const e = expectError(
      countConsolidated(column("a", cellError("#N/A")), column("a", "b")),
      "invalidValue",
    );
    expect(e.message.vi).toContain("#N/A");
    expect(e.message.vi).toContain("dòng 2");
  });
});

describe("rollupRate", () => {
  it("is sum / sum, not an average of rates", () => {
    // Two communes: 3/9 and 94/94. The average of the rates would be 0.667; the rollup is 97/103.
    expect(rollupRate(column(3, 94), column(9, 94))).toBe(97 / 103);
    expect(rollupRate([[10, 11, 10]], [[21, 21, 21]])).toBe(31 / 63);
  });

  it("skips rows blank on both sides and counts a blank numerator as 0", () => {
    expect(rollupRate(column(3, null, null, "2"), column(9, null, 10, "5"))).toBe(5 / 24);
  });

  it("returns #DIV/0! when the denominators sum to 0", () => {
    expectError(rollupRate(column(0, null), column(0, null)), "divisionByZero");
  });

  it("rejects mismatched shapes, text, negatives and a numerator above its denominator", () => {
    expectError(rollupRate(column(1, 2), column(3)), "invalidValue");
    expect(expectError(rollupRate(column(1, "abc"), column(3, 4)), "invalidValue").message.vi).toContain(
      "“abc”",
    );
    expectError(rollupRate(column(1, -2), column(3, 4)), "invalidValue");
    expect(expectError(rollupRate(column(1, 5), column(3, 4)), "invalidValue").message.en).toContain(
      "row 2, column 1",
    );
    expectError(rollupRate(column(1, cellError("#DIV/0!")), column(3, 4)), "invalidValue");
  });

  it("equals the ratio of the sums for random counts (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(500), fc.nat(500)), { minLength: 1, maxLength: 40 }), (pairs) => {
        const rows = pairs.map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);
        const top = rows.reduce((s, [n]) => s + n, 0);
        const bottom = rows.reduce((s, [, d]) => s + d, 0);
        const result = rollupRate(
          rows.map(([n]) => [n]),
          rows.map(([, d]) => [d]),
        );
        if (bottom === 0) return isFormulaError(result);
        return result === top / bottom;
      }),
    );
  });
});

describe("countConsolidated's fast rejection of different names", () => {
  // Syllables with every kind of letter the shortcut skips or keeps, and a few it gives up on.
  const SYLLABLES = [
    "Nguyễn",
    "Hoàng",
    "Hòa",
    "Hoà",
    "Thủy",
    "Thuỷ",
    "Văn",
    "Thị",
    "Đức",
    "Ðức",
    "An",
    "Ân",
    "Lý",
    "Ly",
    "Quý",
    "Pò",
    "Mầm",
    "Núñez",
    "K2",
    "Kelvin\u212a",
  ];
  const name = fc
    .array(fc.constantFrom(...SYLLABLES), { minLength: 1, maxLength: 4 })
    .map((w) => w.join(" "));
  const spelled = fc.tuple(name, fc.integer({ min: 0, max: 6 })).map(([text, how]) => {
    switch (how) {
      case 0:
        return text.normalize("NFD");
      case 1:
        return ` ${text.replace(" ", "  ")} `;
      case 2:
        return text.replace(" ", "\u00a0");
      case 3:
        return text.toUpperCase();
      case 4:
        return text.toLowerCase();
      case 5:
        return text.replace("oà", "òa").replace("uỷ", "ủy");
      default:
        return text;
    }
  });

  it("counts exactly the pairs whose name keys are equal (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(spelled, spelled), { minLength: 1, maxLength: 20 }), (pairs) => {
        const expected = pairs.filter(([a, b]) => nameKey(a) === nameKey(b) && nameKey(a) !== "").length;
        expect(
          countConsolidated(
            pairs.map(([a]) => [a]),
            pairs.map(([, b]) => [b]),
          ),
        ).toBe(expected);
      }),
      { numRuns: 400 },
    );
  });

  it("still sees the same person through tone placement, Unicode form, case and spaces", () => {
    const a = "Hoàng Văn Hòa";
    for (const b of [a.normalize("NFD"), "HOÀNG VĂN HOÀ", " hoàng  văn hoà ", "Hoàng\u00a0Văn Hòa"])
      expect(countConsolidated([[a]], [[b]])).toBe(1);
    expect(countConsolidated([["Hoàng Văn An"]], [["Hoàng Văn Ân"]])).toBe(0);
    expect(countConsolidated([[null], [""]], [[null], ["  "]])).toBe(0);
  });
});
