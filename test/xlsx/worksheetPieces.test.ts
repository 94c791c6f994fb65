import * as zlib from "node:zlib";
import type { SheetGrid } from "../../src/core/grid";
import { isUnusableInputError } from "../../src/xlsx/errors";
import { gridsFromXlsx } from "../../src/xlsx/grids";
import { readXlsxBuffer } from "../../src/xlsx/readXlsx";
import { readWorksheet, type SheetContext } from "../../src/xlsx/xml/worksheet";
import { WorksheetPieces } from "../../src/xlsx/xml/worksheetPieces";
import { ZipArchive } from "../../src/xlsx/zip/archive";
import { browserCodec } from "../../src/xlsx/zip/browserCodec";
import { nodeCodec, PIECES_FROM } from "../../src/xlsx/zip/nodeCodec";
import { sheetXml, workbookEntries } from "../../scripts/hostile/corpus";
import { piecesCodec } from "./piecesCodec";
import { entry, zipBytes, type RawEntry } from "../../scripts/hostile/zipBytes";

/**
 * A worksheet read in pieces as it inflates (src/xlsx/xml/worksheetPieces.ts, ZipArchive's
 * `readInPieces`) against its plain definition, `readWorksheet` of the whole part: the same grid,
 * the same budget left, or the same error, wherever the pieces are cut (inside a tag, a multi-byte
 * character, an entity, a comment, between rows, one byte at a time). The reader-case corpus and the
 * samples go through the same path in test/xlsx/piecesCorpus.test.ts.
 */

const encode = (s: string): Uint8Array => new TextEncoder().encode(s);
const NS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`;

const STRINGS = ["không", "Bản Pò", "Yên Lỗ", "x"];

function ctx(cells = 1_000_000): SheetContext {
  return {
    name: "Thôn",
    strings: { strings: STRINGS, tooLong: new Set() },
    styles: [0, 1, 2],
    date1904: false,
    budget: { cells },
  };
}

type Outcome = { grid: SheetGrid; cellsLeft: number } | { error: string };

/** The plain definition: the whole part read at once. */
function whole(bytes: Uint8Array, cells?: number): Outcome {
  const c = ctx(cells);
  try {
    return { grid: readWorksheet(bytes, c), cellsLeft: c.budget.cells };
  } catch (error) {
    return { error: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

/**
 * The part in the given pieces, as grids.ts reads it: `end`, or the whole reading when the reading in
 * pieces was given up. `resumed` says whether it was not given up.
 */
function inPieces(pieces: readonly Uint8Array[], cells?: number): { outcome: Outcome; resumed: boolean } {
  const c = ctx(cells);
  const reader = new WorksheetPieces(c);
  // Each piece in a buffer of its own, overwritten after the call: nothing may be kept of it.
  for (const piece of pieces) {
    const own = new Uint8Array(piece);
    reader.push(own);
    own.fill(0x3c);
  }
  try {
    const grid = reader.end();
    if (grid) return { outcome: { grid, cellsLeft: c.budget.cells }, resumed: true };
  } catch (error) {
    return { outcome: { error: `${(error as Error).name}: ${(error as Error).message}` }, resumed: true };
  }
  return { outcome: whole(concat(pieces), cells), resumed: false };
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function splitAt(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    out.push(bytes.subarray(from, cut));
    from = cut;
  }
  return out;
}

function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/** Rows as Excel writes them, with text in several scripts (2-, 3- and 4-byte UTF-8) and every cell type. */
const EXCEL_ROWS =
  `<row r="1" spans="1:6"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>2</v></c><c r="C1" s="1"><v>45000</v></c>` +
  `<c r="D1" s="2"><v>0.25</v></c><c r="E1" t="b"><v>1</v></c><c r="F1" t="e"><v>#N/A</v></c></row>` +
  `<row r="2"><c r="A2" t="str"><f>A1</f><v>Nậm Pồ 😀 𠀀</v></c><c r="B2"><v>-12.5</v></c><c r="C2" t="s"/></row>` +
  `<row r="4" spans="1:3" x14ac:dyDescent="0.25"><c r="A4" t="inlineStr"><is><t>Khuổi Chặng</t></is></c>` +
  `<c r="C4" t="s"><v>0</v></c></row>` +
  `<row r="5"><c r="A5" t="str"><v>Lũng Cú &amp; Đồng Văn &lt;1&gt; &#7877; &#x1EC5;</v></c></row>`;

const EXCEL_SHEET = encode(
  `\ufeff<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet ${NS} ` +
    `xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"><dimension ref="A1:F5"/>` +
    `<sheetData>${EXCEL_ROWS}</sheetData><mergeCells count="1"><mergeCell ref="A4:B4"/></mergeCells></worksheet>`,
);

/** Odd spellings the scanner reads: where an "end of row" may sit inside something else. */
const ODD_SHEETS: Record<string, string> = {
  prefixed:
    `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
    `<x:row r="1"><x:c r="A1" t="s"><x:v>2</x:v></x:c><x:c r="B1"><x:v>7</x:v></x:c></x:row>` +
    `<x:row><x:c><x:v>8</x:v></x:c><x:c t="inlineStr"><x:is><x:t>Bản</x:t></x:is></x:c></x:row >` +
    `<x:row r="9"/><x:row r="3"><x:c r="C3"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
  "rows and cells without r, rows out of order": sheetXml(
    `<row><c><v>1</v></c><c><v>2</v></c></row><row><c t="s"><v>3</v></c></row>` +
      `<row r="7"><c><v>7</v></c></row><row r="5"><c r="B5"><v>5</v></c></row><row r="7"><c r="C7"><v>9</v></c></row>`,
  ),
  "comments, CDATA, processing instructions and texts holding </row>": sheetXml(
    `<row r="1"><c r="A1" t="str"><v><![CDATA[a</row>b&amp;]]></v></c><!-- </row> --><c r="B1"><!-- </x:row> --><v>1</v></c></row>` +
      `<!-- a comment between rows </row> --><?pi </row> ?>` +
      `<row r="2"><c r="A2" t="inlineStr"><is><t>x/row></t></is></c><c r="B2" t="str"><v>1 &gt; 0 row></v></c></row>` +
      `<row r="3"><c r="A3" t="inlineStr"><is><r><t>Tà </t></r><r><rPr><b/></rPr><t>Xùa</t></r><rPh><t>ー</t></rPh></is></c></row>`,
  ),
  "markup compatibility": sheetXml(
    `<row r="1"><c r="A1"><v>1</v></c></row>` +
      `<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">` +
      `<mc:Choice Requires="x14"><row r="2"><c r="A2"><v>99</v></c></row></mc:Choice>` +
      `<mc:Fallback><row r="2"><c r="A2"><v>2</v></c></row></mc:Fallback></mc:AlternateContent>` +
      `<row r="3"><c r="A3"><v>3</v></c></row>`,
  ),
  "quotes, spaces and line ends in tags": sheetXml(
    `<row r='1' ><c r = "A1" t = 's' ><v>1</v></c><c  r="B1"\n s="1"><v> 2 </v></c></row>\n` +
      `<row\tr="2"><c r="A2" t="str"><v>dòng\r\nhai\r</v></c><c r="B2" t="b"><v>true</v></c></row>`,
  ),
  "a broken cell reference on a later row": sheetXml(
    `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>` +
      `<row r="3"><c r="3A"><v>3</v></c></row>`,
  ),
  "a row beyond Excel": sheetXml(
    `<row r="1"><c r="A1"><v>1</v></c></row><row r="1048577"><c><v>1</v></c></row>`,
  ),
  "an undeclared entity": sheetXml(
    `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c t="str"><v>&nbsp;</v></c></row>`,
  ),
  "cut short": sheetXml(
    `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>`,
  ).slice(0, -30),
  "a merge over the whole sheet": sheetXml(
    `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"><c r="B2"><v>3</v></c></row>`,
    `<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>`,
  ),
};

describe("WorksheetPieces against readWorksheet of the whole part", () => {
  it("reads a sheet as Excel writes it in pieces cut at every byte, resuming every time", () => {
    const expected = whole(EXCEL_SHEET);
    expect("grid" in expected).toBe(true);
    for (let cut = 0; cut <= EXCEL_SHEET.length; cut++) {
      const { outcome, resumed } = inPieces(splitAt(EXCEL_SHEET, [cut]));
      expect({ cut, resumed }).toEqual({ cut, resumed: true });
      expect(outcome).toEqual(expected);
    }
  });

  it("reads it one byte at a time, and in pieces of every size up to 64 bytes", () => {
    const expected = whole(EXCEL_SHEET);
    for (let size = 1; size <= 64; size++) {
      const cuts = [];
      for (let at = size; at < EXCEL_SHEET.length; at += size) cuts.push(at);
      const { outcome, resumed } = inPieces(splitAt(EXCEL_SHEET, cuts));
      expect({ size, resumed }).toEqual({ size, resumed: true });
      expect(outcome).toEqual(expected);
    }
  });

  it("cuts inside a tag, a multi-byte character, an entity and between rows, as the test above does at every byte", () => {
    // The places named, found in the bytes, so that the test above is known to cover them.
    const text = new TextDecoder().decode(EXCEL_SHEET);
    const byteOffset = (s: string): number => encode(text.slice(0, text.indexOf(s))).length;
    const places = {
      "inside a tag": byteOffset(`r="A2"`) + 2,
      "inside a 4-byte character": byteOffset("😀") + 2,
      "inside a 3-byte character": byteOffset("ồ") + 1,
      "inside an entity": byteOffset("&amp;") + 3,
      "inside a character reference": byteOffset("&#x1EC5;") + 4,
      "between rows": byteOffset(`<row r="2">`),
      "inside an end of row": byteOffset(`</row><row r="4"`) + 3,
      "inside the byte order mark": 1,
    };
    const expected = whole(EXCEL_SHEET);
    for (const [place, cut] of Object.entries(places)) {
      const { outcome, resumed } = inPieces(splitAt(EXCEL_SHEET, [cut]));
      expect({ place, resumed }).toEqual({ place, resumed: true });
      expect(outcome).toEqual(expected);
    }
  });

  it.each(Object.keys(ODD_SHEETS))("reads odd XML the same way, wherever it is cut: %s", (name) => {
    const bytes = encode(ODD_SHEETS[name]);
    const expected = whole(bytes);
    for (let cut = 0; cut <= bytes.length; cut++)
      expect(inPieces(splitAt(bytes, [cut])).outcome).toEqual(expected);
    const next = random(bytes.length);
    for (let trial = 0; trial < 200; trial++) {
      const cuts = [
        ...new Set(
          Array.from({ length: 1 + Math.floor(next() * 12) }, () => Math.floor(next() * bytes.length)),
        ),
      ];
      expect(
        inPieces(
          splitAt(
            bytes,
            cuts.sort((a, b) => a - b),
          ),
        ).outcome,
      ).toEqual(expected);
    }
  });

  it("gives the same refusal of a part over the cell budget, and takes the budget only at the end", () => {
    const bytes = encode(
      sheetXml(
        Array.from(
          { length: 50 },
          (_, i) => `<row r="${i + 1}"><c><v>${i}</v></c><c><v>1</v></c></row>`,
        ).join(""),
      ),
    );
    for (const cells of [1000, 100, 99, 40]) {
      const expected = whole(bytes, cells);
      for (let cut = 0; cut <= bytes.length; cut += 7)
        expect(inPieces(splitAt(bytes, [cut]), cells).outcome).toEqual(expected);
    }
    const c = ctx(1000);
    const reader = new WorksheetPieces(c);
    reader.push(bytes.subarray(0, bytes.length - 40));
    expect(c.budget.cells).toBe(1000);
  });

  it("reads UTF-16 and legacy code pages whole (gives up the reading in pieces), with the same result", () => {
    const text = sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>Đồng Văn</t></is></c></row>`);
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, "utf16le"))]);
    // "é" as one windows-1252 byte.
    const latin = new Uint8Array(
      Buffer.from(
        text.replace(`encoding="UTF-8"`, `encoding="windows-1252"`).replace("Đồng Văn", "Caf\u00e9"),
        "latin1",
      ),
    );
    for (const bytes of [utf16, latin]) {
      const expected = whole(bytes);
      expect("grid" in expected).toBe(true);
      for (const cut of [1, 3, 5, 40, 90, bytes.length - 10]) {
        const { outcome, resumed } = inPieces(splitAt(bytes, [cut]));
        expect(resumed).toBe(false);
        expect(outcome).toEqual(expected);
      }
    }
  });
});

type FileOutcome = { sheets: unknown } | { reason: string; message: unknown };

async function readWith(
  bytes: Uint8Array,
  read: (b: Uint8Array) => Promise<{ sheets: unknown }>,
): Promise<FileOutcome> {
  try {
    return { sheets: (await read(bytes)).sheets };
  } catch (error) {
    if (!isUnusableInputError(error)) throw error;
    return { reason: error.reason, message: error.bilingual };
  }
}

/** A worksheet of `rows` rows as Excel writes them (about 200 bytes a row). */
function bigSheet(rows: number, every = 0, odd = ""): string {
  const out: string[] = [];
  for (let r = 1; r <= rows; r++)
    out.push(
      `<row r="${r}" spans="1:4"><c r="A${r}" t="s"><v>${r % STRINGS.length}</v></c><c r="B${r}"><v>${r * 3}</v></c>` +
        `<c r="C${r}" t="inlineStr"><is><t>Thôn ${r} &amp; “Nà Hẩu” 😀</t></is></c><c r="D${r}" s="1"><v>${40000 + r}</v></c></row>` +
        (every > 0 && r % every === 0 ? odd : ""),
    );
  return sheetXml(out.join(""));
}

const sharedStrings = entry(
  "xl/sharedStrings.xml",
  `<?xml version="1.0" encoding="UTF-8"?><sst ${NS}>${STRINGS.map((s) => `<si><t>${s}</t></si>`).join("")}</sst>`,
);

describe("a part read in pieces through the archive", () => {
  it("gives the grids of the whole reading, with pieces of any size (a codec that cuts small)", async () => {
    const sheets = [
      entry("xl/worksheets/sheet1.xml", new TextDecoder().decode(EXCEL_SHEET)),
      entry(
        "xl/worksheets/sheet2.xml",
        ODD_SHEETS["comments, CDATA, processing instructions and texts holding </row>"],
      ),
      entry("xl/worksheets/sheet3.xml", bigSheet(300)),
    ];
    const file = zipBytes(workbookEntries(sheets, [sharedStrings]));
    const expected = await readWith(file, (b) => gridsFromXlsx(b, "t.xlsx", browserCodec));
    expect("sheets" in expected).toBe(true);
    for (const size of [1, 2, 3, 17, 256, 4096, 1 << 20])
      expect(await readWith(file, (b) => gridsFromXlsx(b, "t.xlsx", piecesCodec(size)))).toEqual(expected);
  });

  it("refuses a wrong CRC and a size that lies with the whole reading's message, and nothing read leaks out", async () => {
    const xml = Buffer.from(bigSheet(200), "utf8");
    const honest = entry("xl/worksheets/sheet1.xml", xml);
    const cases: RawEntry[] = [
      { ...honest, crc: (honest.crc ^ 1) >>> 0 },
      { ...honest, size: honest.size - 1000 },
      { ...honest, size: honest.size + 1000 },
      { ...honest, stored: honest.stored.subarray(0, honest.stored.length >> 1) },
    ];
    for (const sheet of cases) {
      const file = zipBytes(workbookEntries([sheet], [sharedStrings]));
      const expected = await readWith(file, (b) => gridsFromXlsx(b, "t.xlsx", browserCodec));
      expect("reason" in expected).toBe(true);
      for (const size of [1000, 7777, 1 << 20])
        expect(await readWith(file, (b) => gridsFromXlsx(b, "t.xlsx", piecesCodec(size)))).toEqual(expected);
    }
  });
});

describe("a large part through Node's zlib in pieces (the command line's path)", () => {
  const rows = Math.ceil(PIECES_FROM / 150) + 5000;

  /** Node's reading, fflate's whole reading, how many parts went in pieces, how many were read again whole. */
  async function bothWays(sheet: RawEntry): Promise<[FileOutcome, FileOutcome, number, number]> {
    const file = zipBytes(workbookEntries([sheet], [sharedStrings]));
    const pieces = jest.spyOn(nodeCodec, "inflateRawPieces");
    const again = jest.spyOn(ZipArchive.prototype, "readAgain");
    try {
      const node = await readWith(file, (b) => readXlsxBuffer(b, "t.xlsx"));
      const streamed = pieces.mock.results.filter((r) => r.value !== null).length;
      const readAgain = again.mock.calls.length;
      return [
        node,
        await readWith(file, (b) => gridsFromXlsx(b, "t.xlsx", browserCodec)),
        streamed,
        readAgain,
      ];
    } finally {
      pieces.mockRestore();
      again.mockRestore();
    }
  }

  it("reads what the whole reading reads, also when an odd spelling makes it read the part again whole", async () => {
    // A comment holding "</row>" after every row: a piece then almost surely ends inside one.
    for (const [xml, readAgain] of [
      [bigSheet(rows), 0],
      [bigSheet(rows, 1, "<!-- </row> -->"), 1],
    ] as const) {
      const sheet = entry("xl/worksheets/sheet1.xml", xml);
      expect(sheet.size).toBeGreaterThan(PIECES_FROM);
      const [node, whole, streamed, again] = await bothWays(sheet);
      expect([streamed, again]).toEqual([1, readAgain]);
      expect("sheets" in whole).toBe(true);
      expect(node).toEqual(whole);
    }
  }, 60_000);

  it("refuses a wrong CRC, a cut stream and a bomb lying about its size as the whole reading does", async () => {
    const xml = Buffer.from(bigSheet(rows), "utf8");
    const honest = entry("xl/worksheets/sheet1.xml", xml);
    const spaces = Buffer.alloc(12 * PIECES_FROM, 0x20);
    const bomb: RawEntry = {
      name: "xl/worksheets/sheet1.xml",
      stored: zlib.deflateRawSync(spaces),
      method: 8,
      crc: zlib.crc32(spaces),
      size: PIECES_FROM + 1,
    };
    const cases: [RawEntry, string][] = [
      [
        { ...honest, crc: (honest.crc ^ 0x8000) >>> 0 },
        "the checksum (CRC) of the part “xl/worksheets/sheet1.xml” does not match",
      ],
      [{ ...honest, stored: honest.stored.subarray(0, honest.stored.length - 100) }, "cannot be inflated"],
      [bomb, "does not inflate to its declared size"],
    ];
    for (const [sheet, words] of cases) {
      const [node, whole, streamed, again] = await bothWays(sheet);
      expect([streamed, again]).toEqual([1, 0]);
      expect(node).toEqual(whole);
      expect(JSON.stringify(node)).toContain(words);
    }
  }, 60_000);
});
