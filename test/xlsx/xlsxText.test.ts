import fc from "fast-check";
import { xlsxText } from "../../src/xlsx/write/xml";
import { decodeEscapes } from "../../src/xlsx/xml/text";

/**
 * `xlsxText` (what the writers put in the XML for a text) read back through `decodeEscapes` (what
 * the reader, Excel and ExcelJS do with `_xHHHH_`) gives the text again, whatever sits next to
 * what: texts built from the pieces of escapes ("_", "x", hex digits) and the characters written as
 * escapes (controls, CR, DEL, U+FFFE, surrogate pairs). An unpaired surrogate is no character and
 * becomes U+FFFD, as `TextEncoder` writes it.
 */

const PIECES = ["_", "x", "X", "D", "d", "0", "4", "1", "F", "_x", "_xD000", "_x0041_", "a", "ơ", "\t", "\n"];
const ESCAPED = [
  "\u0000",
  "\u0001",
  "\u001b",
  "\r",
  "\u007f",
  "\ufffe",
  "\uffff",
  "😀",
  "𠀀",
  "\ud83d",
  "\ude00",
];

/** The text as a reader can have it: each unpaired surrogate replaced by U+FFFD. */
const wellFormed = (s: string): string =>
  s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");

describe("xlsxText and decodeEscapes", () => {
  it.each([
    ["_xD000😀_"],
    ["_x0041\u0001"],
    ["_xABCD\r"],
    ["_x0041_"],
    ["_x005F_x0041_"],
    ["_xd000\u007f_"],
    ["__x0041__"],
    ["_x004\u0001"],
    ["\u0001x0041_"],
  ])("%j reads back as itself", (text) => {
    expect(decodeEscapes(xlsxText(text))).toBe(text);
  });

  it("any text made of escapes' pieces and escaped characters reads back as itself", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES, ...ESCAPED), { maxLength: 12 }), (parts) => {
        const text = parts.join("");
        expect(decodeEscapes(xlsxText(text))).toBe(wellFormed(text));
      }),
      { numRuns: 20_000 },
    );
  });
});
