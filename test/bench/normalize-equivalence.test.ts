import fc from "fast-check";
import { isBlank } from "../../src/core/cells";
import { readWorkbooks } from "../../src/core/read/readWorkbook";
import { isTotalLabel } from "../../src/core/read/rows";
import { collapseSpaces, displayName, foldKey, nameKey, unitKey } from "../../src/core/text/normalize";
import {
  compareNames,
  isDitto,
  isSecretaryAlsoNote,
  isSecretaryReference,
  personKey,
  personLooseKey,
  PersonNames,
} from "../../src/core/text/personName";
import { referenceTonePlacement } from "../core/referenceText";

/**
 * The name keys are cached and computed word by word for speed (docs/performance.md). These
 * properties compare them with the plain definitions on text full of the awkward cases: tone marks
 * before and after spaces, decomposed and odd spaces, capitals with special lower cases (Σ, İ).
 */
const SPACES = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g;

function referenceCollapse(text: string): string {
  return text.replace(SPACES, " ").trim();
}

function referenceNameKey(text: string): string {
  const spaced = referenceCollapse(text)
    .replace(/\u00d0/g, "\u0110")
    .replace(/\u00f0/g, "\u0111");
  return referenceTonePlacement(spaced.normalize("NFD").toLowerCase()).normalize("NFC");
}

function referenceFoldKey(text: string): string {
  return referenceCollapse(text)
    .replace(/[\u00d0\u0110]/g, "D")
    .replace(/[\u00f0\u0111]/g, "d")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

const PIECES = [
  "a",
  "o",
  "y",
  "n",
  "H",
  "Ư",
  "ơ",
  "ò",
  "à",
  "Hòa",
  "Hoà",
  "Thủy",
  "Thuỷ",
  "Nguyễn",
  "Đ",
  "Ð",
  "ð",
  "xã ",
  "Xã ",
  "phường ",
  "tp. ",
  "1",
  "Σ",
  "ΟΣ",
  "İ",
  "ß",
  "-",
  ".",
  "'",
  " ",
  "  ",
  "\u00a0",
  "\t",
  "\u200b",
  "\u2003",
  "\ufeff",
  "\u0300",
  "\u0301",
  "\u0303",
  "\u0309",
  "\u0323",
  "\u0302",
  "\u031b",
  "\u0306",
  "K",
  "\u212a",
  "Å",
  "\ud835\udc00",
];
const messy = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((parts) => parts.join(""));
const anyText = fc.oneof(messy, fc.string({ maxLength: 12 }), fc.string({ unit: "grapheme", maxLength: 8 }));

describe("cached, word-by-word normalisation equals the plain definition", () => {
  it("nameKey", () => {
    fc.assert(
      fc.property(anyText, (t) => nameKey(t) === referenceNameKey(t)),
      { numRuns: 3000 },
    );
  });
  it("nameKey gives the same answer the second time (from the cache)", () => {
    fc.assert(fc.property(anyText, (t) => nameKey(t) === nameKey(t) && nameKey(t) === referenceNameKey(t)));
  });
  it("foldKey", () => {
    fc.assert(
      fc.property(anyText, (t) => foldKey(t) === referenceFoldKey(t)),
      { numRuns: 3000 },
    );
  });
  it("foldKey of text from the characters its table covers, and a few beyond (the table's fast path)", () => {
    const covered = fc
      .array(
        fc.oneof(
          fc.integer({ min: 0, max: 0x24f }),
          fc.integer({ min: 0x300, max: 0x36f }),
          fc.integer({ min: 0x1e00, max: 0x1eff }),
          fc.integer({ min: 0x2000, max: 0x2070 }),
          fc.constantFrom(0x212a, 0x3a3, 0x130, 0xdf, 0x1c4, 0x1f0, 0xfb01),
        ),
        { maxLength: 16 },
      )
      .map((codes) => String.fromCharCode(...codes));
    fc.assert(
      fc.property(covered, (t) => foldKey(t) === referenceFoldKey(t)),
      { numRuns: 5000 },
    );
    // Long text (past the table's first buffer of letters).
    fc.assert(
      fc.property(fc.array(covered, { minLength: 5, maxLength: 30 }), (parts) => {
        const t = parts.join("Nguyễn Thị Ánh ");
        return foldKey(t) === referenceFoldKey(t);
      }),
      { numRuns: 300 },
    );
    // Every character of the table alone, and after a letter and before one.
    const wrong: number[] = [];
    for (let c = 0; c < 0x2070; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const s = String.fromCharCode(c);
      for (const t of [s, `a${s}`, `${s}b`, `Ơ${s}\u0301`])
        if (foldKey(t) !== referenceFoldKey(t)) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });
  it("isDitto equals its definition (the early test for letters no ditto mark has)", () => {
    const reference = (text: string): boolean => {
      const t = text.trim();
      if (t === "") return false;
      if (/^["“”„〃'`’]+$/.test(t)) return true;
      const folded = referenceFoldKey(t);
      return folded === "nt" || folded === "nhutren" || folded === "ditto";
    };
    const dittoish = fc
      .array(
        fc.constantFrom(
          "n",
          "N",
          "t",
          "T",
          "nt",
          "NT",
          "như",
          "trên",
          "Như Trên",
          "ditto",
          "-",
          ".",
          " ",
          '"',
          "“",
          "〃",
          "\u0301",
          "g",
          "a",
          "1",
          "\u212a",
          "Ɗ",
        ),
        { maxLength: 6 },
      )
      .map((p) => p.join(""));
    fc.assert(
      fc.property(fc.oneof(dittoish, anyText), (t) => isDitto(t) === reference(t)),
      { numRuns: 5000 },
    );
  });
  it("isSecretaryAlsoNote and isSecretaryReference equal their definitions (the early test for a k or a b)", () => {
    const alsoNote = (text: string): boolean =>
      text.length <= 60 &&
      /^(?:dc|dongchi)?(?:bt|btcb|bithu|bithuchibo)?(?:kiem|kn)(?:nhiem)?(?:tt|truongthon|truongban|truongbanctmt|truongbancongtacmattran)?$/.test(
        referenceFoldKey(text),
      );
    const reference = (text: string): boolean =>
      alsoNote(text) ||
      (text.length <= 40 && /^(?:dc|dongchi)?(?:bt|btcb|bithu|bithuchibo)$/.test(referenceFoldKey(text)));
    const notes = fc
      .array(
        fc.constantFrom(
          "Kiêm",
          "kiêm",
          "KN",
          "nhiệm",
          "BT",
          "Bí thư",
          "bí thư",
          "chi bộ",
          "Đ/c",
          "đồng chí",
          " ",
          "(",
          ")",
          "Ḱ",
          "\u212a",
          "ƀ",
          "Hoàng",
          "Văn",
          "A",
          "trưởng thôn",
          "\u0301",
        ),
        { maxLength: 6 },
      )
      .map((p) => p.join(""));
    fc.assert(
      fc.property(
        fc.oneof(notes, anyText),
        (t) => isSecretaryAlsoNote(t) === alsoNote(t) && isSecretaryReference(t) === reference(t),
      ),
      { numRuns: 5000 },
    );
  });
  it("collapseSpaces and displayName", () => {
    fc.assert(
      fc.property(anyText, (t) => {
        return (
          collapseSpaces(t) === referenceCollapse(t) &&
          displayName(t) === referenceCollapse(t).normalize("NFC")
        );
      }),
      { numRuns: 3000 },
    );
  });
  it("unitKey drops the kind word and its short forms", () => {
    const prefixes = {
      commune: ["thị trấn", "đặc khu", "phường", "xã", "tt.", "tt", "x.", "p."],
      province: ["thành phố", "tỉnh", "tp.", "tp"],
    };
    const reference = (level: "commune" | "province", text: string): string => {
      const key = referenceNameKey(text);
      const spaced = key.replace(/^(tp|tx|tt|[hqpx])\.(?=\S)/u, "$1. ");
      for (const prefix of prefixes[level]) {
        const p = referenceNameKey(prefix);
        if (spaced.startsWith(p + " ") && spaced.length > p.length + 1)
          return spaced.slice(p.length + 1).replace(/^\. ?/, "");
      }
      return key;
    };
    fc.assert(
      fc.property(fc.constantFrom("commune" as const, "province" as const), anyText, (level, t) => {
        return unitKey(level, t) === reference(level, t);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("fast character tests", () => {
  it("isBlank equals the regular-expression definition for every BMP character", () => {
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const s = String.fromCharCode(c);
      if (isBlank(s) !== (s.replace(/[\s\u00a0\u200b\ufeff]/g, "") === "")) wrong.push(c);
      if (isBlank(`${s}a`) || isBlank(`a${s}`)) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });

  it("text made only of U+0000–U+02FF and U+1E00–U+1EFF is already NFC (displayName's fast path)", () => {
    const chars: string[] = [];
    for (let c = 0; c < 0x300; c++) chars.push(String.fromCharCode(c));
    for (let c = 0x1e00; c <= 0x1eff; c++) chars.push(String.fromCharCode(c));
    const wrong: string[] = [];
    for (const a of chars) {
      if (a.normalize("NFC") !== a) wrong.push(a);
      for (const b of chars) if ((a + b).normalize("NFC") !== a + b) wrong.push(a + b);
    }
    expect(wrong).toEqual([]);
  });
});

describe("totals rows (rows.ts)", () => {
  const PIECES = [
    "Tổng",
    "cộng",
    "TỔNG CỘNG",
    "Total",
    "Grand",
    "total",
    "tong",
    "so",
    "Số",
    " ",
    "\u00a0",
    ":",
    "“",
    "”",
    "-",
    "\u0301",
    "\u2003",
    "(",
    "Lạng",
    "Sơn",
    "Cao",
    "Thôn",
    "x",
    "1",
    "Ð",
    "Đ",
    "c",
    "g",
    "t",
    "\u212a",
  ];
  const text = fc
    .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 6 })
    .map((parts) => parts.join(""))
    .filter((s) => !isBlank(s) && !s.trim().startsWith("#"));

  it("counts the row as a village unless it is a total, and never drops a row without saying so", () => {
    fc.assert(
      fc.property(text, (s) => {
        const grid = {
          name: "Thôn",
          rows: [
            ["Tỉnh", "Xã", "Thôn"],
            ["Lạng Sơn", "Yên Lỗ", s],
          ],
        };
        const read = readWorkbooks([{ file: "t.xlsx", sheets: [grid] }]);
        const villages = read.dataset.villages.length;
        const said =
          read.unusable !== null ||
          read.dataset.issues.some((i) => i.code === "rows-skipped" || /^[A-Z]+2(?::|$)/.test(i.cell));
        if (isTotalLabel(s)) return villages === 0 && said;
        return villages === 1 || said;
      }),
      { numRuns: 2000 },
    );
  });
});

describe("PersonNames (keys kept for one pass, pairs told apart by their last letters) equals the plain definitions", () => {
  const NAME_PIECES = [
    "Hoàng",
    "hoàng",
    "Hoang",
    "Văn",
    "Van",
    "Thị",
    "An",
    "an",
    "Ân",
    "Anh",
    "Lan",
    "Bích",
    "Hòa",
    "Hoà",
    "Hoa",
    "Đức",
    "Dục",
    "Ðức",
    "Đ/c",
    "Đ/c",
    "đ.c",
    "Đồng chí",
    "Ông",
    "Bà",
    "Anh",
    "Chị",
    ":",
    "-",
    ".",
    "1",
    "E",
  ];
  const SEPARATORS = [" ", " ", " ", "  ", "\u00a0", "\t", "\u200b", "\u3000", "", "\ufeff"];
  const name = fc
    .array(fc.tuple(fc.constantFrom(...NAME_PIECES, ...PIECES), fc.constantFrom(...SEPARATORS)), {
      minLength: 1,
      maxLength: 5,
    })
    .map((parts) => parts.map(([w, sep]) => w + sep).join(""));
  const nameText = fc.oneof(name, name, anyText);

  it("compare and key, one pass over many pairs (so keys come from its cache too)", () => {
    const names = new PersonNames();
    fc.assert(
      fc.property(nameText, nameText, (a, b) => {
        return (
          names.compare(a, b) === compareNames(a, b) &&
          names.compare(b, a) === compareNames(b, a) &&
          names.key(a) === personKey(a)
        );
      }),
      { numRuns: 20000 },
    );
  });

  it("keyNumber: equal numbers exactly when the person keys are equal", () => {
    const names = new PersonNames();
    fc.assert(
      fc.property(nameText, nameText, (a, b) => {
        return (names.keyNumber(a) === names.keyNumber(b)) === (personKey(a) === personKey(b));
      }),
      { numRuns: 20000 },
    );
  });

  it("pairs that differ only in their last characters, every character of the fold table", () => {
    const names = new PersonNames();
    const wrong: string[] = [];
    const ends = ["", "a", "n", "N", "\u0301", " "];
    for (let c = 0; c < 0x2070; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      for (const end of ends) {
        for (const [a, b] of [
          [`Hoàng Văn A${ch}${end}`, `Hoàng Văn A${end}`],
          [`Hoàng Văn ${ch}${end}`, `Đ/c Hoàng Văn ${end}n`],
          [`Bà ${ch}${end}`, `Ông ${end}`],
          [`Hoàng Văn A${ch}`, `hoang van a${end}`],
        ]) {
          if (names.compare(a, b) !== compareNames(a, b)) wrong.push(JSON.stringify([a, b]));
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("the facts the last-letter test stands on: keys fold as the name without its form of address", () => {
    const wrong: number[] = [];
    for (let c = 0; c < 0x2070; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      for (const t of [ch, `a${ch}`, `${ch}\u0301`, `Ơ${ch}`, `Đ/c Hoàng ${ch}`]) {
        const key = personKey(t);
        if (referenceFoldKey(key) !== referenceFoldKey(personLooseKey(t))) wrong.push(c);
        if (key !== "" && !referenceFoldKey(t).endsWith(referenceFoldKey(key))) wrong.push(c);
      }
    }
    expect(wrong).toEqual([]);
  });
});
