import { createHash } from "crypto";
import fc from "fast-check";
import { cellError, type CellValue } from "../../src/core/cells";
import type { SheetGrid } from "../../src/core/grid";
import { contentHash, parseHash, sameHash, shortHash } from "../../src/core/submission/contentHash";
import { Sha256, sha256Hex } from "../../src/core/submission/sha256";

describe("SHA-256 in plain TypeScript", () => {
  test("agrees with Node's crypto on the standard vectors and on Vietnamese text", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    for (const s of [
      "a".repeat(55),
      "a".repeat(56),
      "a".repeat(64),
      "a".repeat(119),
      "Thôn Pò Mầm, xã Yên Lỗ 😀",
    ])
      expect(sha256Hex(s)).toBe(createHash("sha256").update(s, "utf8").digest("hex"));
  });

  test("property: any text, fed in any pieces, hashes as Node's crypto does", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "grapheme", maxLength: 90 }), { maxLength: 6 }), (parts) => {
        const h = new Sha256();
        parts.forEach((p) => h.updateText(p));
        expect(h.hex()).toBe(createHash("sha256").update(parts.join(""), "utf8").digest("hex"));
      }),
    );
  });
});

const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom("Yên Lỗ", "Pò Mầm", "x", "Có", " ", "Hòa", "Hoà"),
  fc.string({ maxLength: 8 }),
  fc.integer({ min: -5, max: 500 }),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(cellError("#N/A"), { kind: "date" as const, iso: "2021-09-19" }),
);
const rowsArb = fc.array(fc.array(cellArb, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 });
const sheetsArb = fc.array(rowsArb, { minLength: 1, maxLength: 3 });

const grids = (sheets: CellValue[][][], names?: string[]): SheetGrid[] =>
  sheets.map((rows, i) => ({ name: names?.[i] ?? `Sheet${i}`, rows }));

describe("content hash of a submission's data", () => {
  test("property: the same data gives the same hash whatever the sheets' names, order, merges and visibility", () => {
    fc.assert(
      fc.property(sheetsArb, fc.integer(), (sheets, seed) => {
        const a = grids(sheets);
        const order = sheets
          .map((_, i) => i)
          .sort((x, y) => ((x * 7919 + seed) % 13) - ((y * 7919 + seed) % 13));
        const b: SheetGrid[] = order.map((i) => ({
          name: `Renamed ${i} (${seed})`,
          rows: sheets[i].map((row) => [...row]),
          merges: [{ top: 1, left: 1, bottom: 1, right: 2 }],
          visibility: "hidden",
        }));
        expect(contentHash(b)).toBe(contentHash(a));
      }),
    );
  });

  test("property: trailing blank cells and the grid's origin written out do not matter, the cells' addresses do", () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const padded: SheetGrid = {
          name: "T",
          rows: [[], ...rows.map((r) => [null, ...r, null, ""])],
          firstRow: 0,
          firstColumn: 0,
        };
        expect(contentHash([padded])).toBe(contentHash([{ name: "T", rows }]));
      }),
    );
  });

  test("property: any change to one data cell changes the hash", () => {
    fc.assert(
      fc.property(sheetsArb, fc.nat(), fc.nat(), fc.nat(), cellArb, (sheets, s, r, c, replacement) => {
        const sheet = s % sheets.length;
        const row = r % sheets[sheet].length;
        const col = c % sheets[sheet][row].length;
        const before = sheets[sheet][row][col];
        const blank = (v: CellValue): boolean => v === null || v === "";
        fc.pre(!(blank(before) && blank(replacement)));
        fc.pre(
          JSON.stringify(before) !== JSON.stringify(replacement) &&
            !Object.is(before, -0) &&
            !Object.is(replacement, -0),
        );
        const changed = sheets.map((rows) => rows.map((cells) => [...cells]));
        changed[sheet][row][col] = replacement;
        expect(contentHash(grids(changed))).not.toBe(contentHash(grids(sheets)));
      }),
    );
  });

  test("a number is not its text, a moved value is a change, a removed sheet is a change", () => {
    const base = contentHash(grids([[["Yên Lỗ", 9]]]));
    expect(contentHash(grids([[["Yên Lỗ", "9"]]]))).not.toBe(base);
    expect(contentHash(grids([[["Yên Lỗ", null, 9]]]))).not.toBe(base);
    expect(contentHash(grids([[["Yên Lỗ", 9]], [["Thôn"]]]))).not.toBe(base);
    expect(contentHash(grids([[["Yên Lỗ", 9]], [["Thôn"]]]))).toBe(
      contentHash(grids([[["Thôn"]], [["Yên Lỗ", 9]]])),
    );
  });

  test("short form, comparison and parsing of typed hashes", () => {
    const h = contentHash(grids([[["a"]]]));
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(shortHash(h)).toBe(h.slice(0, 8));
    expect(sameHash(shortHash(h), h)).toBe(true);
    expect(sameHash(h.toUpperCase(), h)).toBe(true);
    expect(sameHash(h.slice(0, 7), h)).toBe(false);
    expect(sameHash("00000000", h)).toBe(h.startsWith("00000000"));
    expect(parseHash(` ${shortHash(h).toUpperCase()} `)).toBe(shortHash(h));
    expect(parseHash("xyz12345")).toBeNull();
  });
});
