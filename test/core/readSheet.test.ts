import fc from "fast-check";
import { cellError, type CellValue } from "../../src/core/cells";
import type { Issue } from "../../src/core/issues";
import { judgeSheet } from "../../src/core/read/candidates";
import { readField, readSheet, type FieldValue, type SkippedRows } from "../../src/core/read/readSheet";
import { cleanWorkbooks, displayFormRows } from "../../src/core/read/clean";
import { isBlank } from "../../src/core/cells";
import { a1 } from "../../src/core/a1";
import { foldsToLetter } from "../../src/core/text/normalize";
import {
  hasTwoLetters,
  lastAnswerKept,
  mayBeDitto,
  maySaySecretary,
  RecordList,
  TextTable,
} from "../../src/core/read/records";
import {
  parseEducationYears,
  parseGender,
  parseProfessional,
  parseTheory,
} from "../../src/core/read/qualifications";
import { isDitto, isSecretaryAlsoNote, isSecretaryReference } from "../../src/core/text/personName";
import { foldedNumber, foldNumber, readWorkbooks, villageKey } from "../../src/core/read/readWorkbook";
import { foldKey, nameKey } from "../../src/core/text/normalize";
import { rowSourceOf } from "../../src/core/model";
import { village, VILLAGE_HEADER, workbook } from "./grids";

const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom("Hòa", "Hoà", "Yên Lỗ", "Tân Văn", "", " ", "Tổng cộng", "nt", "Xã Yên Lỗ"),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -5, max: 200 }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom("x", "Có", "Không", "1", "0", "#N/A", "1.000", "2,5"),
  fc.constantFrom(cellError("#N/A"), { kind: "date" as const, iso: "2021-09-19" }),
);
// A Villages or an Office-holders header (their required columns), with other columns in any order.
const headerArb = fc
  .tuple(
    fc.constantFrom(["Tỉnh", "Xã", "Thôn"], ["Họ và tên", "Chức danh", "Xã"]),
    fc.shuffledSubarray(
      [
        ...VILLAGE_HEADER.filter((h) => !["Tỉnh", "Xã", "Thôn"].includes(h as string)),
        "Năm sinh",
        "Giới tính",
        "Nhiệm kỳ đến",
      ],
      { minLength: 0 },
    ),
  )
  .map(([required, others]) => [...required, ...others]);

describe("readSheet (src/core/read/readSheet.ts)", () => {
  it("hands `forEachRow` the same rows and values by slot as `rows` gives by key, with the same issues", () => {
    let rowsRead = 0;
    fc.assert(
      fc.property(
        headerArb,
        fc.array(fc.array(cellArb, { maxLength: 16 }), { maxLength: 30 }),
        (header, body) => {
          const grid = { name: "Sheet1", rows: [header, ...body] };
          const judgement = judgeSheet(grid);
          if (!judgement?.header) return;
          const byKeyIssues: Issue[] = [];
          const byKey = [...readSheet("a.xlsx", grid, judgement.header, byKeyIssues).rows];
          const bySlotIssues: Issue[] = [];
          const read = readSheet("a.xlsx", grid, judgement.header, bySlotIssues);
          const bySlot: { row: number; values: Record<string, FieldValue> }[] = [];
          read.forEachRow((r) => {
            const values: Record<string, FieldValue> = {};
            for (const key of read.columns.keys()) values[key] = r.fields[read.slot(key)];
            bySlot.push({ row: r.row, values });
            // Each value is its own cell read by its column's type (a blank commune may come from a heading).
            for (const [key, column] of read.columns) {
              const cell = grid.rows[r.row - 1][column - 1] ?? null;
              if (key === "commune" && isBlank(cell)) continue;
              const spec = read.spec.columns.find((c) => c.key === key)!;
              expect(values[key]).toEqual(
                readField(cell, spec, { place: () => ({ file: "", sheet: "", cell: "" }) }, []),
              );
            }
            rowsRead++;
            // A column the sheet lacks reads as a blank cell.
            expect(r.fields[read.slot("no such column")]).toBeNull();
          });
          expect(bySlot).toEqual(byKey);
          expect(bySlotIssues).toEqual(byKeyIssues);
        },
      ),
      { numRuns: 300 },
    );
    expect(rowsRead).toBeGreaterThan(100);
  });
});

describe("a text equal to the one above it in its column (readSheet's remembered values)", () => {
  /** The issues `readField` itself reports (the others come from rows, not cells). */
  const FIELD_CODES = new Set([
    "excel-error",
    "not-text",
    "bad-flag",
    "bad-count",
    "number-as-text",
    "year-from-date",
    "bad-year",
  ]);
  // Few texts, so that a cell often equals the one above it: good ones and ones that report an issue.
  const repeatedArb: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constantFrom("Yên Lỗ", "Hòa", " Hoà ", "x", "Có", "abc", "12", "1.000", "2,5", "#N/A", " #REF! "),
    fc.constantFrom("1990", "Nữ", "", "  ", "-", "Tổng cộng"),
    fc.integer({ min: -2, max: 3000 }),
    fc.constant(null),
    fc.constantFrom(cellError("#N/A"), { kind: "date" as const, iso: "1905-06-12" }),
  );
  // Each row a copy of the row above with some cells changed.
  const bodyArb = fc
    .tuple(
      fc.array(repeatedArb, { minLength: 12, maxLength: 12 }),
      fc.array(fc.array(fc.tuple(fc.nat(11), repeatedArb), { maxLength: 4 }), { maxLength: 25 }),
    )
    .map(([first, changes]) => {
      const rows: CellValue[][] = [first];
      for (const change of changes) {
        const row = [...rows[rows.length - 1]];
        for (const [c, v] of change) row[c] = v;
        rows.push(row);
      }
      return rows;
    });

  it("reads as `readField` of each cell, with the same issues at the same cells", () => {
    let remembered = 0;
    fc.assert(
      fc.property(headerArb, bodyArb, (header, body) => {
        const grid = { name: "Sheet1", rows: [header, ...body] };
        const judgement = judgeSheet(grid);
        if (!judgement?.header) return;
        const issues: Issue[] = [];
        const read = readSheet("a.xlsx", grid, judgement.header, issues);
        const expected: Issue[] = [];
        const keys = [...read.columns.keys()].sort((a, b) => read.slot(a) - read.slot(b));
        const rowsRead = new Set<number>();
        read.forEachRow((r) => {
          rowsRead.add(r.row);
          for (const key of keys) {
            const column = read.columns.get(key)!;
            const cell = grid.rows[r.row - 1][column - 1] ?? null;
            if (key === "commune" && isBlank(cell)) continue;
            const above = grid.rows[r.row - 2]?.[column - 1];
            if (typeof cell === "string" && cell === above) remembered++;
            const spec = read.spec.columns.find((c) => c.key === key)!;
            const place = { file: "a.xlsx", sheet: "Sheet1", cell: a1(r.row, column) };
            expect(r.fields[read.slot(key)]).toEqual(readField(cell, spec, { place: () => place }, expected));
          }
        });
        // A row lacking a required value reports its cells' issues too, but is not handed over:
        // the issues of the rows handed over are compared, each at its cell.
        const rowOf = (i: Issue): number => Number(/\d+$/.exec(i.cell)![0]);
        expect(issues.filter((i) => FIELD_CODES.has(i.code) && rowsRead.has(rowOf(i)))).toEqual(expected);
      }),
      { numRuns: 400 },
    );
    expect(remembered).toBeGreaterThan(200);
  });
});

describe("a row the clean pass found in display form (readSheet's texts read as they are)", () => {
  // Texts in display form and not, error codes and their look-alikes, blanks, names with odd spaces.
  const textArb: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constantFrom("Yên Lỗ", "Hòa", "Nguyễn Thị Mai", "x", "Có", "Không", "abc", "12", "1990", "Nữ"),
    fc.constantFrom(" Hoà ", "Hà  Mai", "Hà\u00a0Mai", "Hòa".normalize("NFD"), "Hà\nMai", "Tổng cộng"),
    fc.constantFrom("#N/A", "#REF!", "#x", "#", "", " ", "\u200b", "Xã Yên Lỗ", "-", "nt"),
    fc.string({ maxLength: 6 }),
  );
  const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
    textArb,
    textArb,
    fc.integer({ min: -2, max: 3000 }),
    fc.constant(null),
    fc.constantFrom(cellError("#N/A"), { kind: "date" as const, iso: "1905-06-12" }),
  );

  it("reads every row, value and issue as the same sheet read without the clean pass's marks", () => {
    let marked = 0;
    fc.assert(
      fc.property(
        headerArb,
        fc.array(fc.array(cellArb, { maxLength: 16 }), { maxLength: 30 }),
        (header, body) => {
          const grid = { name: "Sheet1", rows: [header, ...body] };
          const [cleaned] = cleanWorkbooks([{ file: "a.xlsx", sheets: [grid] }], []);
          if (cleaned.sheets[0] !== grid) return;
          const marks = displayFormRows(grid)!;
          for (let r = 1; r < grid.rows.length; r++) if (marks[r >> 3] & (1 << (r & 7))) marked++;
          const unmarked = { ...grid }; // the same rows, a grid the clean pass never saw
          expect(displayFormRows(unmarked)).toBeUndefined();
          const judgement = judgeSheet(grid);
          if (!judgement?.header) return;
          const read = (g: typeof grid, displayRows?: Uint8Array): unknown => {
            const issues: Issue[] = [];
            const skipped: SkippedRows[] = [];
            const rows: unknown[] = [];
            readSheet("a.xlsx", g, judgement.header!, issues, skipped, displayRows).forEachRow((r) =>
              rows.push([r.row, ...r.fields]),
            );
            return { rows, issues, skipped };
          };
          const plain = read(unmarked);
          expect(read(grid, marks)).toEqual(plain);
          // Marks are used only when given: a grid read without them reads the long way.
          expect(read(grid)).toEqual(plain);
        },
      ),
      { numRuns: 600 },
    );
    expect(marked).toBeGreaterThan(500);
  });
});

describe("the clean pass's marks are used only as given, for the grid as it is", () => {
  it("marks of a grid that has changed since (rows added, cells changed) do not decide how it reads", () => {
    const grid = {
      name: "Thôn",
      rows: [VILLAGE_HEADER, village(1, "Lạng Sơn", null, "Yên Lỗ", "Pò Mầm", "A", "A")] as CellValue[][],
    };
    cleanWorkbooks([{ file: "a.xlsx", sheets: [grid] }], []);
    const marks = displayFormRows(grid)!;
    expect(marks[0] & 2).toBe(2); // row 1 is in display form
    const header = judgeSheet(grid)!.header!;
    const villagesOf = (displayRows?: Uint8Array): unknown[] => {
      const out: unknown[] = [];
      readSheet("a.xlsx", grid, header, [], [], displayRows).forEachRow((r) =>
        out.push([r.row, ...r.fields]),
      );
      return out;
    };
    // The grid changed in place after the clean pass: the same number of rows, a village of spaces
    // and one with odd spacing. Read without the (stale) marks, as every caller but readWorkbooks does.
    grid.rows[1] = village(1, "Lạng Sơn", null, "Yên Lỗ", "  Bản   9 ", "A", "A");
    expect(JSON.stringify(villagesOf())).toContain('"Bản 9"');
    // Rows added since: marks of the wrong length are not used even when given.
    grid.rows.push(
      ...Array.from({ length: 8 }, (_, i) =>
        village(i + 2, "Lạng Sơn", null, "Yên Lỗ", ` T  ${i} `, "B", "C"),
      ),
    );
    expect(JSON.stringify(villagesOf(marks))).toContain('"T 7"');
  });

  it("blank rows below the data change nothing (the records' list is sized by the last row with data)", () => {
    const body = [1, 2, 3].map((i) =>
      village(i, "Lạng Sơn", null, "Yên Lỗ", `Thôn ${i}`, "A", i === 2 ? "B" : "A"),
    );
    const plain = readWorkbooks([workbook("a.xlsx", { Thôn: [VILLAGE_HEADER, ...body] })]);
    const padded = readWorkbooks([
      workbook("a.xlsx", {
        Thôn: [
          VILLAGE_HEADER,
          ...body,
          ...Array.from({ length: 20_000 }, (_, i) => (i % 2 ? [] : [null, "", " "])),
        ],
      }),
    ]);
    expect(padded.dataset.villages).toEqual(plain.dataset.villages);
    expect(padded.dataset.issues).toEqual(plain.dataset.issues);
  });
});

describe("one row per village (readWorkbooks)", () => {
  it("keeps each village's first row and reports each repeat, wherever the first repeat comes", () => {
    const rowArb = fc.tuple(
      fc.constantFrom("Lạng Sơn", "Cao Bằng"),
      fc.constantFrom("Yên Lỗ", "Xã Yên Lỗ", "Tân Văn", "Yên/Lỗ"),
      // Names whose folds meet ("Po Mam", "Pó Mầm", "Hoa") but whose keys differ, keys with tone
      // placement and composition apart ("Hoà", "Hòa", NFD), slashes, and texts beyond the fold table.
      fc.constantFrom(
        "Pò Mầm",
        "pò mầm",
        "Po Mam",
        "Pó Mầm",
        "PÒ MẦM",
        "Khuổi Mè",
        "Nà Slác",
        "Khu 1",
        "Hoà",
        "Hòa",
        "Ho\u0300a",
        "Hoa",
        "Nà/Slác",
        "nà/slác",
        "Khu/1",
        "Bản ﬁ",
        "Bản fi",
        "Bản \u{1d400}",
      ),
    );
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 16 }), (rows) => {
        const read = readWorkbooks([
          workbook("a.xlsx", {
            Thôn: [VILLAGE_HEADER, ...rows.map(([p, c, v], i) => village(i + 1, p, null, c, v, "A", "A"))],
          }),
        ]);
        const seen = new Set<string>();
        const firsts: number[] = [];
        rows.forEach((row, i) => {
          const key = villageKey({ province: row[0], district: null, commune: row[1], village: row[2] });
          if (!seen.has(key)) firsts.push(i + 2);
          seen.add(key);
        });
        expect(read.dataset.villages.map((v) => v.row)).toEqual(firsts);
        const repeats = read.dataset.issues.filter((i) => i.code === "duplicate-village");
        expect(repeats.length).toBe(rows.length - firsts.length);
      }),
      { numRuns: 600 },
    );
  });

  it("keeps each village's first row in a commune of hundreds of villages (looked up by map beyond 64)", () => {
    const names = (n: number) => [`Thôn ${n}`, `Bản ${n}`, `Thon ${n}`, `Thồn ${n}`, `Tổ ${n}`, `To ${n}/A`];
    const rowArb = fc.tuple(fc.integer({ min: 1, max: 90 }), fc.integer({ min: 0, max: 5 }), fc.boolean());
    // 70 villages first, so that the rows after them are looked up by map, in either commune.
    const first = Array.from({ length: 140 }, (_, i): [number, number, boolean] => [i >> 1, 1, i % 2 === 0]);
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 200 }), (drawn) => {
        const rows = [...first, ...drawn];
        const body = rows.map(([n, spelling, other], i) =>
          village(i + 1, "Lạng Sơn", null, other ? "Tân Văn" : "Yên Lỗ", names(n)[spelling], "A", "A"),
        );
        const read = readWorkbooks([workbook("a.xlsx", { Thôn: [VILLAGE_HEADER, ...body] })]);
        const seen = new Set<string>();
        const firsts: number[] = [];
        body.forEach((row, i) => {
          const key = villageKey({
            province: row[1] as string,
            district: null,
            commune: row[3] as string,
            village: row[4] as string,
          });
          if (!seen.has(key)) firsts.push(i + 2);
          seen.add(key);
        });
        expect(read.dataset.villages.map((v) => v.row)).toEqual(firsts);
        const repeats = read.dataset.issues.filter((i) => i.code === "duplicate-village");
        expect(repeats.length).toBe(rows.length - firsts.length);
      }),
      { numRuns: 100 },
    );
  });

  it("finds a village's name by its fold number (foldNumber), which equal name keys share", () => {
    const pieces = [
      "Pò",
      "Mầm",
      "Hoà",
      "Hòa",
      "o\u0300",
      "Đ",
      "Ð",
      "ð",
      "đ",
      "ﬁ",
      "İ",
      "\u212a",
      " ",
      "  ",
      "/",
      "\u00a0",
      "1",
    ];
    const text = fc.oneof(
      fc.array(fc.constantFrom(...pieces), { maxLength: 6 }).map((p) => p.join("")),
      fc.string({ maxLength: 12 }),
      fc.string({ unit: "grapheme", maxLength: 8 }),
      fc.string({ unit: "binary", maxLength: 8 }),
    );
    fc.assert(
      fc.property(text, (t) => {
        // The fast path against its definition: the number of the folded string.
        expect(foldNumber(t)).toBe(foldedNumber(foldKey(t)));
        // Equal name keys, equal folds (so equal numbers); a name key has a "/" exactly when its text has.
        expect(foldKey(nameKey(t))).toBe(foldKey(t));
        expect(nameKey(t).includes("/")).toBe(t.includes("/"));
      }),
      { numRuns: 5000 },
    );
  });
});

describe("record sources (src/core/read/records.ts)", () => {
  it("one source per sheet, shared by its records, each record with its own row", () => {
    const read = readWorkbooks([
      workbook("a.xlsx", {
        Thôn: [
          ["DANH SÁCH"],
          VILLAGE_HEADER,
          village(1, "Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm", "A", "A"),
          village(2, "Lạng Sơn", "Bình Gia", "Yên Lỗ", "Khuổi Mè", "B", "C"),
        ],
      }),
    ]);
    const [first, second] = read.dataset.villages;
    expect([first.source.file, first.source.sheet, first.row]).toEqual(["a.xlsx", "Thôn", 3]);
    expect(second.row).toBe(4);
    expect(second.source).toBe(first.source);
    expect(first.source.columns.get("village")).toBe(5);
    expect(rowSourceOf(second)).toEqual({
      file: "a.xlsx",
      sheet: "Thôn",
      row: 4,
      columns: first.source.columns,
    });
  });
});

describe("lastAnswerKept (src/core/read/records.ts)", () => {
  it("answers as the test itself, for any texts in any order", () => {
    const textArb = fc.constantFrom("nt", "NT", "như trên", '"', "Yên Lỗ", "Lạng Sơn", "", "x", "-nt-");
    fc.assert(
      fc.property(fc.array(textArb, { maxLength: 20 }), (texts) => {
        let calls = 0;
        const kept = lastAnswerKept((t) => (calls++, isDitto(t)));
        let before: string | null = null;
        let expectedCalls = 0;
        for (const t of texts) {
          expect(kept(t)).toBe(isDitto(t));
          if (t !== before) expectedCalls++;
          before = t;
        }
        expect(calls).toBe(expectedCalls);
      }),
      { numRuns: 1000 },
    );
  });
});

/**
 * A cheap pre-check (`precheck`) may answer false only for texts the full test (`accepts`) rejects:
 * texts joined from up to `pieces` of `parts`, and any texts of up to `chars` code units or
 * `graphemes` graphemes, 5,000 of them.
 */
function expectNeverFalseWhere(
  precheck: (t: string) => boolean,
  accepts: (t: string) => boolean,
  parts: string[],
  max: { pieces: number; chars: number; graphemes: number },
): void {
  const joined = fc.array(fc.constantFrom(...parts), { maxLength: max.pieces }).map((p) => p.join(""));
  fc.assert(
    fc.property(
      fc.oneof(
        joined,
        fc.string({ maxLength: max.chars }),
        fc.string({ unit: "grapheme", maxLength: max.graphemes }),
      ),
      (t) => {
        if (!precheck(t)) expect(accepts(t)).toBe(false);
      },
    ),
    { numRuns: 5000 },
  );
}

describe("maySaySecretary (src/core/read/records.ts)", () => {
  it("is true for every text isSecretaryAlsoNote or isSecretaryReference accepts", () => {
    const forms = [
      "Kiêm",
      "Kiêm nhiệm",
      "KN",
      "BT kiêm",
      "Bí thư kiêm",
      "(Bí thư kiêm nhiệm)",
      "Đ/c Bí thư kiêm",
      "Đồng chí BTCB kiêm trưởng ban công tác mặt trận",
      "Bí thư chi bộ kiêm trưởng thôn",
      "bí thư chi bộ kiêm nhiệm Trưởng ban CTMT",
      "BT kiêm TT",
      "Bí thư",
      "BT",
      "Bí thư chi bộ",
      "Đ/c BT",
      "ĐỒNG CHÍ BÍ THƯ",
    ];
    for (const form of forms) {
      expect(isSecretaryReference(form)).toBe(true);
      expect(maySaySecretary(form)).toBe(true);
    }
    expectNeverFalseWhere(
      maySaySecretary,
      (t) => isSecretaryAlsoNote(t) || isSecretaryReference(t),
      [
        ...forms,
        "Lục Văn Sơn",
        "Hoàng",
        "Trần Thị",
        " ",
        "(",
        "/",
        "\u0301",
        "Ḱ",
        "\u212a",
        "ƀ",
        "1",
        "ﬁ",
        "\u1e9e",
        // Single letters and marks, so that every start of a note or title is tried, and near misses.
        "Đ",
        "đ",
        "D",
        "B",
        "b",
        "K",
        "k",
        "c",
        "o",
        "ô",
        "ồ",
        "i",
        "í",
        "t",
        "n",
        "h",
        "ư",
        "g",
        "\u0110\u0300",
        "\u00d0",
      ],
      { pieces: 6, chars: 12, graphemes: 8 },
    );
    // It rules out most names: what it is for, most at their first or second letter.
    expect(
      [
        "Lục Văn Sơn",
        "Nguyễn Thị Hoa",
        "Phạm Kim Chi",
        "Vi Thị Trang",
        "Hoàng Thị Thu",
        "Trần Thị Huệ",
        "Đinh Thị Thu",
        "Bùi Thị Thu",
        "Đào Thị Thu",
      ].some(maySaySecretary),
    ).toBe(false);
    // A title or note needs its start: "bt", "bi", "dc", "do", "ki", "kn"; an uncovered character
    // before the second letter leaves the start to the definition.
    expect(["BT", "Bí", "Đ/c", "Đồng", "Kiêm", "KN", "B\u{1d400}u"].every(maySaySecretary)).toBe(true);
  });
});

describe("hasTwoLetters (src/core/read/records.ts)", () => {
  it("is /\\p{L}{2}/u.test, for any text", () => {
    const textArb = fc
      .array(
        fc.constantFrom(
          "a",
          "Z",
          "x",
          "-",
          "?",
          " ",
          "1",
          "@",
          "[",
          "`",
          "{",
          "Đ",
          "ạ",
          "\u0301",
          "_",
          "Ư",
          "ª",
          "µ",
          "²",
          "ﬁ",
        ),
        {
          maxLength: 5,
        },
      )
      .map((cs) => cs.join(""));
    fc.assert(
      fc.property(
        fc.oneof(textArb, fc.string({ maxLength: 5 }), fc.string({ unit: "binary", maxLength: 4 })),
        (text) => {
          expect(hasTwoLetters(text)).toBe(/\p{L}{2}/u.test(text));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("takes a character that folds to an ASCII letter as a letter: true of every UTF-16 code", () => {
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if (foldsToLetter(c) && !/\p{L}/u.test(String.fromCharCode(c))) wrong.push(c);
    }
    expect(wrong).toEqual([]);
    // What it is for: names beginning with a letter beyond ASCII.
    expect(["Đặng", "Ông", "Ánh", "Ưng"].every((t) => foldsToLetter(t.charCodeAt(0)))).toBe(true);
  });
});

describe("qualification columns (officeHolderRecords' per-column readers)", () => {
  it("read each cell as its parser does, and report every unrecognised cell, whatever the order", () => {
    const pick = (...texts: (string | null)[]) => fc.constantFrom(...texts);
    const rowArb = fc.tuple(
      pick("Nam", "Nữ", "nam", "?", "khác", null),
      pick("12/12", "9/12", "10/10", "THPT", "lớp 13", "xx", null),
      pick("Đại học", "Trung cấp", "Không", "abc", null),
      pick("Sơ cấp", "Trung cấp", "Cao cấp", "??", null),
    );
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 15 }), (rows) => {
        const read = readWorkbooks([
          workbook("a.xlsx", {
            "Cán bộ": [
              [
                "Họ và tên",
                "Chức danh",
                "Tỉnh",
                "Xã",
                "Giới tính",
                "Trình độ văn hóa",
                "Chuyên môn",
                "Lý luận chính trị",
              ],
              ...rows.map((r, i) => [`Người ${i}`, "Chủ tịch UBND xã", "Lạng Sơn", "Yên Lỗ", ...r]),
            ],
            Thôn: [VILLAGE_HEADER, village(1, "Lạng Sơn", null, "Yên Lỗ", "Pò Mầm", "A", "A")],
          }),
        ]);
        const holders = read.dataset.officeHolders;
        expect(holders.length).toBe(rows.length);
        const parsers = [parseGender, parseEducationYears, parseProfessional, parseTheory] as const;
        const expectedIssues: string[] = [];
        rows.forEach((r, i) => {
          const plain = r.map((t, k) =>
            t === null ? null : ((parsers[k] as (t: string) => unknown)(t) ?? null),
          );
          const h = holders[i];
          expect([h.gender, h.educationYears, h.professional, h.politicalTheory]).toEqual(plain);
          r.forEach((t, k) => {
            if (t !== null && plain[k] === null) expectedIssues.push(`${a1(i + 2, 5 + k)} ${t}`);
          });
        });
        const reported = read.dataset.issues
          .filter((x) => x.code === "unknown-qualification")
          .map((x) => `${x.cell} ${/“([^”]*)”/.exec(x.message.en)![1]}`);
        expect(reported.sort()).toEqual(expectedIssues.sort());
      }),
      { numRuns: 300 },
    );
  });
});

describe("RecordList (src/core/read/records.ts)", () => {
  it("gives the records pushed, in order, as one array, on either side of every chunk boundary and with any capacity", () => {
    const check = (n: number, capacity = 0): void => {
      const list = new RecordList<{ k: number }>(capacity);
      const plain: { k: number }[] = [];
      for (let k = 0; k < n; k++) {
        const record = { k };
        list.push(record);
        plain.push(record);
      }
      const out = list.toArray();
      expect(Array.isArray(out)).toBe(true);
      expect(out.length).toBe(n);
      expect(out.every((record, k) => record === plain[k])).toBe(true);
    };
    for (const n of [0, 1, 4095, 4096, 4097, 8192, 8193, 3 * 4096 + 5]) check(n);
    // Allocated at a capacity (the rows below the header): fewer records, as many, or more.
    for (const [n, capacity] of [
      [0, 5000],
      [4097, 4097],
      [4000, 9000],
      [9000, 5000],
    ])
      check(n, capacity);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20000 }), fc.integer({ min: 0, max: 20000 }), (n, capacity) =>
        check(n, capacity),
      ),
      { numRuns: 30 },
    );
  });
});

describe("TextTable (src/core/read/records.ts)", () => {
  it("answers each text as the function does, computing a text again only beyond its 512 texts", () => {
    // Few characters, so that slots collide; fresh string objects, as the grids hand them over.
    const textArb = fc.oneof(
      fc.constantFrom(
        "",
        "Bí thư chi bộ",
        "BTCB",
        "Trưởng thôn",
        "Trưởng bản",
        "Bí thư chi bộ kiêm Trưởng thôn",
      ),
      fc.string({ unit: fc.constantFrom("a", "b", "ư", " ", "ộ"), maxLength: 6 }),
      fc.nat(2000).map((k) => `Chức vụ ${k}`),
    );
    fc.assert(
      fc.property(fc.array(textArb, { maxLength: 1500 }), (texts) => {
        const computed = new Map<string, number>();
        const table = new TextTable((t: string) => {
          computed.set(t, (computed.get(t) ?? 0) + 1);
          return { text: t };
        });
        const first = new Map<string, { text: string }>();
        for (const t of texts) {
          const fresh = JSON.parse(JSON.stringify(t)) as string;
          const answer = table.get(fresh);
          expect(answer.text).toBe(t);
          const before = first.get(t);
          // Within the table's texts, the same answer object every time.
          if (before !== undefined && first.size <= 512) expect(answer).toBe(before);
          if (before === undefined) first.set(t, answer);
        }
        const distinct = new Set(texts).size;
        if (distinct <= 512) expect([...computed.values()].every((c) => c === 1)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe("mayBeDitto (src/core/read/records.ts)", () => {
  it("is true for every text isDitto accepts, and rules out most names at their first letter", () => {
    const marks = [
      "nt",
      "NT",
      "N.T",
      "-nt-",
      "như trên",
      "Như Trên",
      "NHƯ TRÊN",
      '"',
      "“",
      "”",
      "〃",
      "''",
      "ditto",
      " nt ",
      "-//-",
      "//",
      "—//—",
    ];
    for (const mark of marks) {
      expect(isDitto(mark)).toBe(true);
      expect(mayBeDitto(mark)).toBe(true);
    }
    expectNeverFalseWhere(
      mayBeDitto,
      isDitto,
      [
        ...marks,
        "n",
        "t",
        "h",
        "ư",
        "Ư",
        "d",
        "Đ",
        "i",
        "o",
        "ê",
        "r",
        "Trần Thị Thu",
        "Hà Nội",
        " ",
        "-",
        "/",
        "\u0301",
        "\u0303",
        "1",
        "ﬁ",
        "\u212a",
      ],
      { pieces: 6, chars: 10, graphemes: 6 },
    );
    expect(
      ["Trần Thị Thu", "Hà Nội", "Nguyễn Thị Nhung", "Đinh Thị Thu", "Lê Hữu Đạt"].some(mayBeDitto),
    ).toBe(false);
  });
});
