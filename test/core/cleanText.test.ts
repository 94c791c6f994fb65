import fc from "fast-check";
import type { CellValue } from "../../src/core/cells";
import {
  cleanWorkbooks,
  displayFormRows,
  scanCell,
  scanFindings,
  scanSheet,
  scanText,
} from "../../src/core/read/clean";
import { readWorkbooks } from "../../src/core/read/readWorkbook";
import { rollup } from "../../src/core/rollup/rollup";
import type { Issue } from "../../src/core/issues";
import {
  decodeTcvn3,
  decodeVni,
  encodeTcvn3,
  encodeVni,
  isVietnameseSyllable,
  legacyEvidence,
  textEvidence,
} from "../../src/core/text/legacyEncoding";
import { hasInvisible, isInvisibleCode, removeInvisible } from "../../src/core/text/invisible";
import { isPlainNfc } from "../../src/core/text/normalize";
import { LEGACY_EVIDENCE_CODES, VNI_PAIR_MARK, VNI_PAIR_VOWEL } from "../../src/core/text/legacyEncoding";
import { VILLAGE_HEADER, workbook } from "./grids";

const VOWELS = "aăâeêioôơuưy";
const TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];
/** Every Vietnamese vowel with every tone (72), in lower case. */
const TONED = [...VOWELS].flatMap((v) => TONES.map((t) => (v + t).normalize("NFC")));
const ALL_LETTERS = [...TONED, "đ"];

describe("legacy encoding tables", () => {
  it("has 134 distinct letters to encode (72 toned vowels and đ, lower and upper case)", () => {
    const letters = new Set([...ALL_LETTERS, ...ALL_LETTERS.map((l) => l.toUpperCase())]);
    expect(letters.size).toBe(146);
  });

  it("TCVN3: every lower-case letter with every tone round-trips through one byte of its own", () => {
    const codes = new Set<string>();
    for (const letter of ALL_LETTERS) {
      const encoded = encodeTcvn3(letter);
      if (
        letter !== "a" &&
        letter !== "e" &&
        letter !== "i" &&
        letter !== "o" &&
        letter !== "u" &&
        letter !== "y"
      ) {
        expect(encoded).toHaveLength(1);
        expect(encoded.charCodeAt(0)).toBeGreaterThanOrEqual(0xa1);
        expect(encoded.charCodeAt(0)).toBeLessThanOrEqual(0xfe);
        codes.add(encoded);
      }
      expect(decodeTcvn3(encoded)).toBe(letter);
    }
    expect(codes.size).toBe(ALL_LETTERS.length - 6); // one code each
  });

  it("TCVN3: the capitals Ă Â Ê Ô Ơ Ư Đ have codes; capitals with a tone decode to the lower-case letter", () => {
    for (const capital of "ĂÂÊÔƠƯĐ") expect(decodeTcvn3(encodeTcvn3(capital))).toBe(capital);
    for (const letter of TONED.filter((l) => l.normalize("NFD").length > 1 && !"ăâêôơư".includes(l))) {
      const capital = letter.toUpperCase();
      expect(decodeTcvn3(encodeTcvn3(capital))).toBe(letter);
    }
  });

  it("TCVN3: the published codes of the examples clerks see", () => {
    expect(decodeTcvn3("Th«n")).toBe("Thôn");
    expect(decodeTcvn3("X·")).toBe("Xã");
    expect(decodeTcvn3("L¹ng S¬n")).toBe("Lạng Sơn");
    expect(decodeTcvn3("§¶ng bé")).toBe("Đảng bộ");
    expect(decodeTcvn3("Chñ tÞch")).toBe("Chủ tịch");
    expect(decodeTcvn3("Tr\u00adêng")).toBe("Trường"); // ư is 0xAD, the soft hyphen of Windows-1252
    expect(decodeTcvn3("§Æng")).toBe("Đặng");
  });

  it("VNI: every letter with every tone, lower and upper case, round-trips", () => {
    for (const letter of [...ALL_LETTERS, ...ALL_LETTERS.map((l) => l.toUpperCase())]) {
      expect(decodeVni(encodeVni(letter))).toBe(letter);
    }
  });

  it("VNI: the published forms of the examples clerks see", () => {
    expect(decodeVni("Thoân")).toBe("Thôn");
    expect(decodeVni("Laïng Sôn")).toBe("Lạng Sơn");
    expect(decodeVni("Hoaøng Vaên Tuaán")).toBe("Hoàng Văn Tuấn");
    expect(decodeVni("Nguyeãn Thò Mai")).toBe("Nguyễn Thị Mai");
    expect(decodeVni("Ñaûng uûy")).toBe("Đảng ủy");
    expect(encodeVni("Trưởng thôn")).toBe("Tröôûng thoân");
  });

  it("every toned vowel is a syllable; foreign words are not", () => {
    for (const v of TONED) expect(isVietnameseSyllable(v)).toBe(true);
    for (const w of ["müller", "naïve", "mỹller", "aung"]) expect(isVietnameseSyllable(w)).toBe(false);
  });
});

/** Real syllables: initial + nucleus + final + tone. */
const syllableArb = fc
  .tuple(
    fc.constantFrom(
      "",
      "b",
      "ch",
      "đ",
      "gi",
      "h",
      "kh",
      "l",
      "m",
      "ng",
      "nh",
      "ph",
      "qu",
      "th",
      "tr",
      "v",
      "x",
    ),
    fc.constantFrom(
      "a",
      "ă",
      "â",
      "e",
      "ê",
      "i",
      "o",
      "ô",
      "ơ",
      "u",
      "ư",
      "oa",
      "uô",
      "ươ",
      "iê",
      "uy",
      "ai",
      "ao",
      "ưa",
    ),
    fc.constantFrom("", "n", "ng", "m", "c", "t", "nh"),
    fc.constantFrom(...TONES),
    fc.boolean(),
  )
  .map(([initial, nucleus, final, tone, capital]) => {
    const open = ["ai", "ao", "ưa"].includes(nucleus);
    const word = (initial + nucleus[0] + tone + nucleus.slice(1) + (open ? "" : final)).normalize("NFC");
    return capital ? word.charAt(0).toUpperCase() + word.slice(1) : word;
  });
const phraseArb = fc.array(syllableArb, { minLength: 1, maxLength: 4 }).map((w) => w.join(" "));

describe("detection", () => {
  it("never fires on Unicode Vietnamese", () => {
    fc.assert(
      fc.property(phraseArb, (text) => {
        expect(textEvidence(text)).not.toBe("legacy");
        expect(legacyEvidence(text)).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it("never fires on ASCII text, nor on European words and signs", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        const ascii = text.replace(/[^\x20-\x7e]/g, "");
        expect(legacyEvidence(ascii)).toEqual([]);
      }),
    );
    for (const t of [
      "Müller",
      "naïve",
      "© 2024",
      "« Ghi chú »",
      "Zoë",
      "São Paulo",
      "Ångström",
      "½ suất",
      "§ 6",
    ])
      expect(legacyEvidence(t)).toEqual([]);
  });

  it("recognises a phrase typed in TCVN3 or VNI when it has evidence", () => {
    expect(legacyEvidence(encodeTcvn3("Lạng Sơn"))).toContain("tcvn3");
    expect(legacyEvidence(encodeVni("Lạng Sơn"))).toContain("vni");
  });
});

describe("invisible characters", () => {
  it("are removed, and nothing else is", () => {
    expect(removeInvisible("Tu\u00adấn\u200b\u200c\u200d\u2060\ufeff")).toBe("Tuấn");
    expect(removeInvisible("Hoàng Văn Tuấn")).toBe("Hoàng Văn Tuấn");
    expect(hasInvisible("Hoàng Văn Tuấn")).toBe(false);
  });

  it("fillers, tag characters and supplementary variation selectors are removed, pairs whole", () => {
    for (const code of [
      0x115f, 0x1160, 0x17b4, 0x17b5, 0x3164, 0xffa0, 0xe0001, 0xe0041, 0xe007f, 0xe0100, 0xe01ef,
    ]) {
      const dirty = `Hoàng${String.fromCodePoint(code)} Văn Tuấn`;
      expect(hasInvisible(dirty)).toBe(true);
      expect(removeInvisible(dirty)).toBe("Hoàng Văn Tuấn");
    }
    // Other characters beyond the BMP are kept (an emoji, a rare Han character).
    expect(removeInvisible("Tuấn 😀 𠀋")).toBe("Tuấn 😀 𠀋");
  });

  it("a sheet whose only unusual character is a tag character is cleaned", () => {
    const tagged = `Hoàng Văn Tuấn${String.fromCodePoint(0xe0020)}`;
    const wb = workbook("a.xlsx", {
      Thôn: [VILLAGE_HEADER, [1, "Lang Son", "Binh Gia", "Yen Lo", "Po Mam", tagged]],
    });
    const out = cleanWorkbooks([wb], []);
    expect(out[0].sheets[0].rows[1][5]).toBe("Hoàng Văn Tuấn");
  });

  it("a clean workbook is returned as it is (no copy)", () => {
    const wb = workbook("a.xlsx", {
      Thôn: [VILLAGE_HEADER, [1, "Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm"]],
    });
    const issues: Issue[] = [];
    expect(cleanWorkbooks([wb], issues)[0]).toBe(wb);
    expect(issues).toEqual([]);
  });
});

// ---- properties over whole sheets: the figures never change ----

const PEOPLE = [
  "Hoàng Văn Tuấn",
  "Nông Văn Hải",
  "Triệu Văn Sầm",
  "Lương Văn Pháo",
  "Vi Văn Cường",
  "Hà Thị Mai",
  "Lộc Văn Bình",
  "Nguyễn Thị Ỵ",
  "Đặng Văn Ước",
];
const COMMUNES = ["Yên Lỗ", "Tân Văn", "Hồng Phong", "Vĩnh Yên", "Quan Sơn"];
const VILLAGES = [
  "Pò Mầm",
  "Khuổi Chặng",
  "Khuổi Mè",
  "Nà Lẹng",
  "Suối Cáp",
  "Bản Đáng",
  "Xóm Thượng",
  "Thôn Ổ",
];

const rowArb = fc
  .tuple(
    fc.constantFrom(...COMMUNES),
    fc.constantFrom(...VILLAGES),
    fc.constantFrom(...PEOPLE),
    fc.constantFrom(...PEOPLE),
    fc.constantFrom<CellValue>(null, "x", "Có", "Không"),
    fc.nat({ max: 60 }),
  )
  .map(([commune, village, secretary, head, flag, members]): CellValue[] => [
    1,
    "Lạng Sơn",
    "Bình Gia",
    commune,
    village,
    secretary,
    head,
    flag,
    null,
    members,
  ]);
const sheetArb = fc.array(rowArb, { minLength: 1, maxLength: 20 });

function figures(rows: CellValue[][]): unknown {
  const read = readWorkbooks([workbook("a.xlsx", { Thôn: rows })]);
  const r = rollup(read.dataset, { referenceYear: 2025 });
  return {
    villages: read.dataset.villages.length,
    members: read.dataset.villages.reduce((s, v) => s + (v.partyMembers ?? 0), 0),
    units: r.units.map((u) => [u.level, u.villages, u.consolidated]),
    total: [r.total.villages, r.total.consolidated],
    issues: [...read.dataset.issues, ...r.issues]
      .filter((i) => i.code !== "legacy-encoding")
      .map((i) => i.code + i.cell),
  };
}

const INVISIBLE = ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"];

describe("cleaning never changes the figures", () => {
  it("inserting invisible characters anywhere in any name", () => {
    fc.assert(
      fc.property(
        sheetArb,
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...INVISIBLE))),
        (rows, inserts) => {
          const spoilt = rows.map((r) => [...r]);
          for (const [at, pos, ch] of inserts) {
            const row = spoilt[at % spoilt.length];
            const c = 3 + (at % 4); // commune, village, secretary, head
            const text = row[c] as string;
            const p = pos % (text.length + 1);
            row[c] = text.slice(0, p) + ch + text.slice(p);
          }
          expect(figures([VILLAGE_HEADER, ...spoilt])).toEqual(figures([VILLAGE_HEADER, ...rows]));
        },
      ),
      { numRuns: 60 },
    );
  });

  it.each([
    ["TCVN3", encodeTcvn3],
    ["VNI", encodeVni],
  ])("a whole sheet typed in %s (headers included)", (_name, encode) => {
    const enc = (row: CellValue[]): CellValue[] => row.map((c) => (typeof c === "string" ? encode(c) : c));
    fc.assert(
      fc.property(sheetArb, (rows) => {
        expect(figures([enc(VILLAGE_HEADER), ...rows.map(enc)])).toEqual(figures([VILLAGE_HEADER, ...rows]));
      }),
      { numRuns: 60 },
    );
  });
});

describe("scanSheet (src/core/read/clean.ts): a cell equal to a recent text of its column takes its finding", () => {
  /** The plain definition: every text cell scanned. */
  function plainScan(rows: CellValue[][]): unknown {
    const scan = { legacy: { tcvn3: 0, vni: 0 }, unicode: 0, invisible: false, ambiguous: false };
    const evidence = new Map<string, string[]>();
    for (const row of rows)
      for (const cell of row) {
        if (typeof cell !== "string") continue;
        const found = scanText(cell);
        if (found === 0) continue;
        if (found & 4) scan.invisible = true;
        if (found & 2) scan.unicode++;
        else if (found & 8) {
          const encodings = legacyEvidence(cell);
          evidence.set(cell, encodings);
          for (const encoding of encodings) scan.legacy[encoding]++;
        } else scan.ambiguous = true;
      }
    return { scan, evidence };
  }
  const textArb = fc.oneof(
    fc.constantFrom("", "Lạng Sơn", "Cà Mau", "Bí thư", "x", "Nam", "Nữ", "Tày", "Đại học"),
    fc.constantFrom("Lạng Sơn", "Bình Gia", "Hà Thị Mai").map(encodeTcvn3),
    fc.constantFrom("Lạng Sơn", "Bình Gia", "Hà Thị Mai").map(encodeVni),
    fc
      .array(fc.constantFrom("a", " ", "à", "µ", "¸", "ạ", "\u00ad", "\u200b", "\u0301", "Õ"), {
        maxLength: 5,
      })
      .map((cs) => cs.join("")),
  );
  const cellArb = fc.oneof(textArb, textArb, fc.constant(null), fc.nat({ max: 3 }));
  // Columns that repeat: each row copies the row above and changes a few cells; rows of any length.
  const rowsArb = fc
    .tuple(
      fc.array(cellArb, { maxLength: 6 }),
      fc.array(fc.tuple(fc.nat({ max: 7 }), cellArb, fc.nat({ max: 7 })), { maxLength: 25 }),
    )
    .map(([first, changes]) => {
      const rows: CellValue[][] = [first];
      for (const [column, cell, length] of changes) {
        const row = [...rows[rows.length - 1]].slice(0, length);
        while (row.length <= column) row.push(null);
        row[column] = cell;
        rows.push(row);
      }
      return rows;
    });

  it("adds up what scanning every cell adds up, for any sheet", () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        expect(scanSheet({ name: "Thôn", rows })).toEqual(plainScan(rows));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("scanCell (src/core/read/clean.ts): the clean pass's scan also finds the display form", () => {
  /** `scanText` as it was written before it also looked for the display form (the plain scan). */
  function referenceScanText(text: string): number {
    let found = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0xa0) continue;
      if (c >= 0x1ea0 && c <= 0x1ef9) return found | 2 | invisibleFrom(text, i + 1);
      if (c < 0x100) {
        found |= 1;
        if (LEGACY_EVIDENCE_CODES[c] !== 0) found |= 8;
        else if (VNI_PAIR_MARK[c] !== 0 && i > 0) {
          const previous = text.charCodeAt(i - 1);
          if (previous < 0x100 && (VNI_PAIR_MARK[c] & VNI_PAIR_VOWEL[previous]) !== 0) found |= 8;
        }
        if (c === 0xad) found |= 4;
      } else if (c === 0x34f || c === 0x61c || (c >= 0x115f && isInvisibleCode(c))) found |= 4;
      else return found | 2 | invisibleFrom(text, i + 1);
    }
    return found;
  }
  function invisibleFrom(text: string, from: number): number {
    for (let i = from; i < text.length; i++) if (isInvisibleCode(text.charCodeAt(i))) return 4;
    return 0;
  }
  // Characters on either side of every boundary the scans test, and legacy-encoded letters.
  const CHARS = [
    "a",
    "Z",
    "#",
    " ",
    "\t",
    "\n",
    "\u0001",
    "\u001f",
    "!",
    "\u007f",
    "\u0080",
    "\u009f",
    "\u00a0",
    "\u00a1",
    "\u00ad",
    "µ",
    "¸",
    "Õ",
    "à",
    "Ă",
    "ơ",
    "\u02ff",
    "\u0300",
    "\u0301",
    "\u034f",
    "\u061c",
    "\u115f",
    "\u1680",
    "\u1dff",
    "\u1e00",
    "\u1e9f",
    "\u1ea0",
    "ạ",
    "\u1ef9",
    "\u1efa",
    "\u1eff",
    "\u1f00",
    "\u2000",
    "\u200b",
    "\u202f",
    "\u2060",
    "\u3000",
    "\ufeff",
    "\udb40",
    "\udc20",
    "\uffff",
  ];
  const textArb = fc.oneof(
    fc.array(fc.constantFrom(...CHARS), { maxLength: 8 }).map((cs) => cs.join("")),
    fc.string({ unit: "binary", maxLength: 8 }),
    fc.constantFrom("Lạng Sơn", "Hà Thị Mai", " Hà Thị Mai", "Hà  Thị", "Hà Thị ").map((t) => t),
    fc.constantFrom("Lạng Sơn", "Bình Gia", "Hà Thị Mai").map(encodeTcvn3),
    fc.constantFrom("Lạng Sơn", "Bình Gia", "Hà Thị Mai").map(encodeVni),
    fc.constantFrom("Lạng Sơn", "Hòa Bình").map((t) => t.normalize("NFD")),
  );

  it("finds what scanText found, and NOT_DISPLAY exactly when isPlainNfc is false, for any text", () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const found = scanCell(text);
        expect(found & ~16).toBe(referenceScanText(text));
        expect(scanText(text)).toBe(referenceScanText(text));
        expect((found & 16) === 0).toBe(isPlainNfc(text));
      }),
      { numRuns: 20000 },
    );
  });

  it("every single character and every pair of the boundary characters", () => {
    const all: string[] = [];
    for (let c = 0; c < 0x10000; c++) all.push(String.fromCharCode(c));
    for (const a of CHARS) for (const b of CHARS) all.push(a + b, a + b + a, "x" + a + b);
    for (const text of all) {
      const found = scanCell(text);
      if ((found & ~16) !== referenceScanText(text) || ((found & 16) === 0) !== isPlainNfc(text))
        throw new Error(`scanCell differs on ${JSON.stringify(text)}`);
    }
  });

  /** `scanFindings`'s definition: `scanCell`, keeping only UNICODE, INVISIBLE and NOT_DISPLAY of a Unicode text. */
  function plainFindings(text: string): number {
    const found = scanCell(text);
    return found & 2 ? found & (2 | 4 | 16) : found;
  }

  it("scanFindings (the clean pass's scan, a table and no branch per character) is scanCell as scanSheet reads it, for any text", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          textArb,
          // Runs of spaces, letters and VNI marks after vowels ("oâ"), at any place.
          fc
            .array(
              fc.constantFrom(" ", " ", "a", "o", "E", "â", "à", "ú", "Ê", "ạ", "ơ", "\u00a0", "\u00ad", "§"),
              {
                maxLength: 10,
              },
            )
            .map((cs) => cs.join("")),
        ),
        (text) => {
          expect(scanFindings(text)).toBe(plainFindings(text));
        },
      ),
      { numRuns: 20000 },
    );
  });

  it("scanFindings: every single character, and every pair and triple of the boundary characters", () => {
    const all: string[] = [""];
    for (let c = 0; c < 0x10000; c++) all.push(String.fromCharCode(c));
    for (const a of CHARS)
      for (const b of CHARS) all.push(a + b, a + b + a, "x" + a + b, a + " " + b, " " + a + b + " ");
    for (const v of "aeoAEO")
      for (let c = 0xa0; c < 0x100; c++) all.push(v + String.fromCharCode(c), String.fromCharCode(c) + v);
    for (const text of all)
      if (scanFindings(text) !== plainFindings(text))
        throw new Error(`scanFindings differs on ${JSON.stringify(text)}`);
  });

  it("scanSheet marks a row in display form exactly when every text of it is; cleanWorkbooks keeps the marks of the grids it returns as they are", () => {
    const cellArb = fc.oneof(textArb, fc.constant(null), fc.nat({ max: 3 }));
    fc.assert(
      fc.property(fc.array(fc.array(cellArb, { maxLength: 5 }), { maxLength: 20 }), (rows) => {
        const grid = { name: "Thôn", rows };
        const marks = new Uint8Array((rows.length + 7) >> 3);
        scanSheet(grid, marks);
        rows.forEach((row, r) => {
          const plain = row.every((cell) => typeof cell !== "string" || isPlainNfc(cell));
          expect((marks[r >> 3] & (1 << (r & 7))) !== 0).toBe(plain);
        });
        const [cleaned] = cleanWorkbooks([{ file: "a.xlsx", sheets: [grid] }], []);
        if (cleaned.sheets[0] === grid) expect(displayFormRows(grid)).toEqual(marks);
        else expect(displayFormRows(cleaned.sheets[0])).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
  });
});
