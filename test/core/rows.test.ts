import type { CellValue } from "../../src/core/cells";
import { readWorkbooks } from "../../src/core/read/readWorkbook";
import fc from "fast-check";
import {
  endsWithTotal,
  headingOf,
  isTotalLabel,
  sameLowered,
  startsWithTotalWord,
} from "../../src/core/read/rows";
import { foldKey } from "../../src/core/text/normalize";

describe("row labels (src/core/read/rows.ts)", () => {
  it.each([
    "Tổng cộng",
    "Tổng cộng (6 thôn)",
    "TỔNG CỘNG",
    "Cộng",
    "Tổng",
    "Cộng xã Yên Lỗ",
    "Cộng xã Cộng Hòa",
    "Cộng toàn xã",
    "Toàn huyện",
    "Toàn tỉnh",
    "Tổng số thôn",
    "Tổng số",
    "Total",
    "Grand Total",
    "Yên Lỗ Total",
    "Tổng Cuối",
  ])("“%s” labels a subtotal or total", (text) => {
    expect(isTotalLabel(text)).toBe(true);
  });

  it.each([
    "Cộng Hòa",
    "Tô Văn Tổng",
    "Tổng Văn Lâm",
    "Tổ dân phố 1",
    "Toàn Thắng",
    "Tân Văn",
    "Lạng Sơn",
    "Thôn Cộng Hòa",
    "Gia Cát",
    "Số đảng viên",
  ])("“%s” is a name, not a total", (text) => {
    expect(isTotalLabel(text)).toBe(false);
  });

  it("reads commune headings, numbered or not, and gives their commune", () => {
    expect(headingOf("Xã Yên Lỗ")).toEqual({ commune: "Yên Lỗ" });
    expect(headingOf("I. XÃ YÊN LỖ")).toEqual({ commune: "Yên Lỗ" });
    expect(headingOf("2. Phường Hoàng Văn Thụ")).toEqual({ commune: "Hoàng Văn Thụ" });
    expect(headingOf("THỊ TRẤN BÌNH GIA")).toEqual({ commune: "Bình Gia" });
    // A name that folds to a kind word is a name, not a kind word: the heading keeps it whole.
    expect(headingOf("III. XÀ PHÌN")).toEqual({ commune: "Xà Phìn" });
    expect(headingOf("Huyện Bình Gia")).toEqual({ commune: null });
    expect(headingOf("II. Nhóm thôn vùng cao")).toEqual({ commune: null });
    expect(headingOf("Xóm Bãi")).toBeUndefined();
    expect(headingOf("Pò Mầm")).toBeUndefined();
    expect(headingOf("Xã")).toBeUndefined();
    // The count in brackets is no part of the name: before, the villages under it went to a commune
    // “Yên Lỗ (9 thôn)” without a word.
    expect(headingOf("Xã Yên Lỗ (9 thôn)")).toEqual({ commune: "Yên Lỗ" });
    expect(headingOf("I. XÃ TÂN VĂN (6 THÔN):")).toEqual({ commune: "Tân Văn" });
  });
});

describe("rows under the header, as clerks lay them out (attacks on issue 10)", () => {
  const HEADER: CellValue[] = [
    "STT",
    "Tỉnh",
    "Huyện",
    "Xã",
    "Thôn",
    "Bí thư chi bộ",
    "Trưởng thôn",
    "Nhất thể hóa",
  ];
  const row = (n: number, name: string): CellValue[] => [
    n,
    "Lạng Sơn",
    "Bình Gia",
    "Yên Lỗ",
    name,
    "Hoàng Văn A",
    "Hoàng Văn A",
    "x",
  ];
  const read = (rows: CellValue[][]) =>
    readWorkbooks([{ file: "f.xlsx", sheets: [{ name: "Thôn", rows }] }]).dataset;

  it("a numbering row with a column added later (“1 2 … 6 6a 7”) is numbering, not a village “4” of commune “4”", () => {
    const data = read([
      HEADER,
      [1, 2, 3, 4, 5, 6, "6a", 7],
      row(1, "Pò Mầm"),
      [1, 2, 3, "(4)", 5, "5b", 6, 7],
      row(2, "Nà Lốc"),
    ]);
    expect(data.villages.map((v) => v.village)).toEqual(["Pò Mầm", "Nà Lốc"]);
    expect(data.issues.filter((i) => i.severity !== "info")).toEqual([]);
  });
});

describe("a header repeated in the body", () => {
  const HEADER: CellValue[] = [
    "STT",
    "Tỉnh",
    "Huyện",
    "Xã",
    "Thôn",
    "Bí thư chi bộ",
    "Trưởng thôn",
    "Nhất thể hóa",
  ];
  const row = (n: number, name: string): CellValue[] => [
    n,
    "Lạng Sơn",
    "Bình Gia",
    "Yên Lỗ",
    name,
    "Hoàng Văn A",
    "Hoàng Văn A",
    "x",
  ];

  it("typed again with line breaks, double spaces and capitals is a header, not a village “Thôn” of commune “Xã”", () => {
    const again: CellValue[] = [
      "STT",
      "TỈNH",
      "Huyện ",
      "Xã",
      "THÔN",
      "Bí thư\nchi bộ",
      "Trưởng  thôn",
      "Nhất thể\r\nhóa",
    ];
    const data = readWorkbooks([
      {
        file: "f.xlsx",
        sheets: [{ name: "Thôn", rows: [HEADER, row(1, "Pò Mầm"), again, row(2, "Nà Lốc")] }],
      },
    ]).dataset;
    expect(data.villages.map((v) => v.village)).toEqual(["Pò Mầm", "Nà Lốc"]);
    expect(data.issues.filter((i) => i.severity !== "info")).toEqual([]);
    expect(data.issues.map((i) => i.code)).toContain("rows-skipped");
  });

  it("is a header whatever lies above the header row: nothing, a blank row, a title, a title and a blank row", () => {
    const title: CellValue[] = ["DANH SÁCH THÔN"];
    for (const above of [[], [[]], [title], [title, []], [[], title]] as CellValue[][][]) {
      const data = readWorkbooks([
        {
          file: "f.xlsx",
          sheets: [
            {
              name: "Thôn",
              rows: [...above, HEADER, row(1, "Pò Mầm"), ["STT", "TỈNH", "Huyện"], row(2, "Nà Lốc"), title],
            },
          ],
        },
      ]).dataset;
      expect(data.villages.map((v) => v.village)).toEqual(["Pò Mầm", "Nà Lốc"]);
      const skipped = data.issues.filter((i) => i.code === "rows-skipped").map((i) => i.message.en);
      expect(skipped.join(" ")).toMatch(/header/i);
    }
  });
});

describe("a signature block under the table", () => {
  const HEADER: CellValue[] = [
    "STT",
    "Tỉnh",
    "Huyện",
    "Xã",
    "Thôn",
    "Bí thư chi bộ",
    "Trưởng thôn",
    "Nhất thể hóa",
  ];
  const row = (n: number, name: string): CellValue[] => [
    n,
    "Lạng Sơn",
    "Bình Gia",
    "Yên Lỗ",
    name,
    "Hoàng Văn A",
    "Hoàng Văn A",
    "x",
  ];

  it.each([
    ["Người lập biểu", "Thủ trưởng đơn vị"],
    ["NGƯỜI LẬP BIỂU", "TM. ĐẢNG ỦY"],
    [null, "Bình Gia, ngày 5 tháng 3 năm 2025"],
    ["Xác nhận của UBND xã", "KT. CHỦ TỊCH"],
  ])("(“%s”, “%s”): the signers' names are no villages and raise no error", (left, right) => {
    const rows: CellValue[][] = [
      HEADER,
      row(1, "Pò Mầm"),
      row(2, "Nà Lốc"),
      [],
      [null, null, null, null, left, null, right],
      [null, null, null, null, "(Ký, ghi rõ họ tên)", null, "(Ký tên, đóng dấu)"],
      [null, null, null, null, "Nguyễn Văn Bình", null, "Trần Văn Cường"],
      [null, null, "Nông Thị Hoa"],
    ];
    const data = readWorkbooks([{ file: "f.xlsx", sheets: [{ name: "Thôn", rows }] }]).dataset;
    expect(data.villages.map((v) => v.village)).toEqual(["Pò Mầm", "Nà Lốc"]);
    expect(data.issues.filter((i) => i.severity !== "info")).toEqual([]);
    expect(data.issues.map((i) => i.code)).toEqual(["rows-skipped"]);
  });

  it("a village named like a date word or “Kỳ Lừa” is still read", () => {
    const data = readWorkbooks([
      {
        file: "f.xlsx",
        sheets: [{ name: "Thôn", rows: [HEADER, row(1, "Kỳ Lừa"), row(2, "Tháng Năm"), row(3, "Pò Mầm")] }],
      },
    ]).dataset;
    expect(data.villages.map((v) => v.village)).toEqual(["Kỳ Lừa", "Tháng Năm", "Pò Mầm"]);
  });
});

describe("a commune heading supplies its commune only until the next heading of its rank", () => {
  const HEADER: CellValue[] = [
    "STT",
    "Tỉnh",
    "Huyện",
    "Xã",
    "Thôn",
    "Bí thư chi bộ",
    "Trưởng thôn",
    "Nhất thể hóa",
  ];
  const row = (n: number, name: string): CellValue[] => [
    n,
    "Lạng Sơn",
    "Bình Gia",
    null,
    name,
    "Hoàng Văn A",
    "Hoàng Văn A",
    "x",
  ];
  const read = (rows: CellValue[][]) =>
    readWorkbooks([{ file: "f.xlsx", sheets: [{ name: "Thôn", rows }] }]).dataset;

  it("an ordinal in its own cell (“I” | “Xã Yên Lỗ”) still gives the commune", () => {
    const data = read([HEADER, ["I", null, null, "Xã Yên Lỗ"], row(1, "Pò Mầm")]);
    expect(data.villages.map((v) => [v.commune, v.village])).toEqual([["Yên Lỗ", "Pò Mầm"]]);
    expect(data.issues.filter((i) => i.severity !== "info")).toEqual([]);
  });

  it.each([
    ["II. TÂN VĂN", ["I. XÃ YÊN LỖ"]],
    ["Huyện Văn Quan", ["Xã Yên Lỗ"]],
    [
      ["II", null, null, "TÂN VĂN"],
      ["I", null, null, "Xã Yên Lỗ"],
    ],
  ] as [CellValue | CellValue[], CellValue[]][])(
    "after “%s” the villages are not silently Yên Lỗ's: their commune is missing, an error",
    (next, first) => {
      const data = read([
        HEADER,
        first,
        row(1, "Pò Mầm"),
        Array.isArray(next) ? next : [next],
        row(2, "Nà Lốc"),
      ]);
      expect(data.villages.map((v) => [v.commune, v.village])).toEqual([["Yên Lỗ", "Pò Mầm"]]);
      expect(data.issues.filter((i) => i.severity === "error").map((i) => i.code)).toEqual(["missing-value"]);
    },
  );

  it("a group heading numbered below the commune's rank keeps the commune", () => {
    const data = read([HEADER, ["I. XÃ YÊN LỖ"], ["1. Nhóm thôn vùng cao"], row(1, "Pò Mầm")]);
    expect(data.villages.map((v) => [v.commune, v.village])).toEqual([["Yên Lỗ", "Pò Mầm"]]);
  });
});

describe("sameLowered (src/core/read/rows.ts)", () => {
  const textArb = fc
    .array(fc.constantFrom("I", "i", "\u0130", "\u0307", "T", "h", "ô", "Ô", "n", " ", "Σ", "ς"), {
      maxLength: 8,
    })
    .map((cs) => cs.join(""));
  it("is text.toLowerCase() === lowered, for any texts", () => {
    fc.assert(
      fc.property(textArb, textArb, fc.boolean(), (text, other, lowerOther) => {
        const lowered = lowerOther ? other.toLowerCase() : other;
        expect(sameLowered(text, lowered)).toBe(text.toLowerCase() === lowered);
        expect(sameLowered(text, text.toLowerCase())).toBe(true);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 6 }),
        fc.string({ unit: "grapheme", maxLength: 6 }),
        (a, b) => {
          expect(sameLowered(a, b.toLowerCase())).toBe(a.toLowerCase() === b.toLowerCase());
        },
      ),
    );
  });
});

describe("the total tests without copies (src/core/read/rows.ts)", () => {
  // Pieces of totals, of names that begin or end like them, spaces of every kind, marks, characters
  // beyond the fold table and single letters, in any order.
  const pieceArb = fc.oneof(
    fc.constantFrom(
      "Tổng",
      "tổng",
      "TỔNG",
      "Cộng",
      "cộng",
      "Toàn",
      "Total",
      "TOTAL",
      "Grand",
      "Sum",
      "số",
      "Sô",
    ),
    fc.constantFrom(
      "Tô",
      "Công",
      "Cô",
      "Tống",
      "Tòng",
      "Tôn",
      "Văn",
      "Hà",
      "xã",
      "Yên Lỗ",
      "Tổngcộng",
      "ToTaL",
    ),
    fc.constantFrom(
      " ",
      "  ",
      "\u00a0",
      "\t",
      "\n",
      "\u3000",
      "\ufeff",
      "\u200b",
      "-",
      ".",
      "(6)",
      "\u0301",
      "\u0300",
    ),
    fc.constantFrom("L", "l", "a", "Ł", "İ", "ǅ", "\u2160", "😀", "ß", "ﬀ", "Ⓣ"),
    fc.string({ maxLength: 3 }),
  );
  const textArb = fc.array(pieceArb, { maxLength: 6 }).map((p) => p.join(""));
  const FIRST_WORDS = new Set(["tong", "cong", "toan", "total", "grand", "sum", "tongcong", "tongso"]);
  const plainFirstWord = (text: string): string => {
    const t = text.trimStart();
    const space = t.indexOf(" ");
    return space < 0 ? t : t.slice(0, space);
  };

  it("startsWithTotalWord is FIRST_WORDS.has(foldKey(firstWord(text)))", () => {
    fc.assert(
      fc.property(textArb, (text) => {
        expect(startsWithTotalWord(text)).toBe(FIRST_WORDS.has(foldKey(plainFirstWord(text))));
      }),
      { numRuns: 20000 },
    );
    for (const t of ["Tổng cộng", "TỔNG SỐ", "Cộng xã", " Tổng", "Total:", "Tô Văn", "Tổngcộngg"])
      expect(startsWithTotalWord(t)).toBe(FIRST_WORDS.has(foldKey(plainFirstWord(t))));
  });

  it('endsWithTotal is text.trimEnd().toLowerCase().endsWith("total")', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        expect(endsWithTotal(text)).toBe(text.trimEnd().toLowerCase().endsWith("total"));
      }),
      { numRuns: 20000 },
    );
    for (const t of ["", "Yên Lỗ Total", "TOTAL\u00a0", "total\t", "Totaİ", "xtotaL"])
      expect(endsWithTotal(t)).toBe(t.trimEnd().toLowerCase().endsWith("total"));
  });
});
