import type { CellContent, SheetDescription } from "../../src/report/description";
import { buildReports } from "../../src/report/reports";
import { reportRows, reportWorksheet } from "../../src/xlsx/write/reportSheet";
import { SharedStrings, worksheetChunks, type WriteCell, type WriteRow } from "../../src/xlsx/write/sheet";
import { StyleTable } from "../../src/xlsx/write/styles";
import { columnLetters, escapeXml, numberText } from "../../src/xlsx/write/xml";
import { asciiBytes, numberBytes, writeUint, XmlBytes } from "../../src/xlsx/write/xmlBytes";
import { concatBytes } from "../../src/xlsx/bytes";
import { binhGia, settingsFor } from "../report/fixtures";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Strings with every kind of UTF-16 content: ASCII, markup characters, Vietnamese, pairs, lone surrogates. */
const SAMPLES = [
  "",
  "a",
  "Yên Lỗ",
  'COUNTIFS(\'Danh sách thôn\'!$C:$C,"<>",A1)>0 & "x"',
  "NGHỊ QUYẾT ĐẢNG BỘ",
  "😀 emoji, 𠀀 (a CJK ideograph outside the BMP)",
  "lone \ud800 high, lone \udc00 low, pair reversed \udc00\ud800, at the end \ud83d",
  "\u0000\u0001\t\n\r\u007f\u0080\u07ff\u0800\uffff",
  "ω".repeat(5000),
];

function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe("XmlBytes (XML written straight into UTF-8)", () => {
  const randomStrings = (() => {
    const next = random(11);
    const pool = [
      0x41, 0x26, 0x3c, 0x3e, 0x22, 0x20, 0xe0, 0x1ec5, 0xd83d, 0xde00, 0xdc00, 0xd800, 0xfffd, 0x7ff,
    ];
    return Array.from({ length: 300 }, () =>
      String.fromCharCode(
        ...Array.from({ length: Math.floor(next() * 40) }, () => pool[Math.floor(next() * pool.length)]),
      ),
    );
  })();

  it("writes text as TextEncoder does, and escaped text as escapeXml then TextEncoder", () => {
    for (const s of [...SAMPLES, ...randomStrings]) {
      const plain = new XmlBytes(16);
      plain.text(s);
      expect(plain.take()).toEqual(encoder.encode(s));
      const escaped = new XmlBytes(16);
      escaped.escaped(s);
      expect(escaped.take()).toEqual(encoder.encode(escapeXml(s)));
    }
  });

  it("writes whole numbers and ASCII, growing past its chunk size and starting afresh after take", () => {
    const out = new XmlBytes(8);
    const numbers = [0, 7, 9, 10, 99, 100, 1234567890, Number.MAX_SAFE_INTEGER];
    for (const n of numbers) {
      out.uint(n);
      out.ascii(",");
    }
    expect(out.full).toBe(true);
    const first = out.take();
    expect(decoder.decode(first)).toBe(numbers.map((n) => `${n},`).join(""));
    expect(out.length).toBe(0);
    out.ascii("<x/>");
    expect(decoder.decode(out.take())).toBe("<x/>");
    // The chunk handed over is not overwritten by what is written next.
    expect(decoder.decode(first)).toBe(numbers.map((n) => `${n},`).join(""));
  });
});

describe("worksheetChunks", () => {
  it("gives the same XML whatever the chunk size", () => {
    const f = binhGia([
      ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "=1+1", null, null, "Có", 3, null],
      ["Lạng Sơn", "Bình Gia", 'Thôn <A> & "B"', "x", null, null, "Không", 2.5, null],
    ]);
    const sheets = buildReports(f.rollup, f.issues, settingsFor(f.rollup), { inThisWorkbook: () => false });
    const xmlOf = (chunkBytes?: number): { chunks: number; xml: string; strings: string } => {
      const styles = new StyleTable();
      const strings = new SharedStrings();
      const parts = sheets.flatMap((d, i) => [
        ...worksheetChunks(reportWorksheet(d, d.name, styles), strings, i === 0, chunkBytes),
      ]);
      const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      parts.reduce((at, p) => (bytes.set(p, at), at + p.length), 0);
      return {
        chunks: parts.length,
        xml: decoder.decode(bytes),
        strings: decoder.decode(strings.bytes()) + styles.xml(),
      };
    };
    const whole = xmlOf();
    const small = xmlOf(64);
    expect(small.chunks).toBeGreaterThan(whole.chunks * 10);
    expect(small.xml).toBe(whole.xml);
    expect(small.strings).toBe(whole.strings);
    // Escaped text in both: formulas and their results in the sheets, names in the strings.
    expect(whole.xml.includes("&quot;Chưa đạt&quot;))</f><v>Chưa đạt</v>")).toBe(true);
    expect(whole.strings.includes("Thôn &lt;A&gt; &amp; &quot;B&quot;")).toBe(true);
  });
});

describe("the writer's fast paths, against their plain definitions", () => {
  it("writeUint writes the digits String(n) gives, below and above 2³¹", () => {
    const next = random(5);
    const numbers = [0, 1, 9, 10, 11, 99, 100, 999, 1000, 65535, 1048576, 2 ** 31 - 1, 2 ** 31, 2 ** 32 + 5];
    for (let p = 10; p <= 1e15; p *= 10) numbers.push(p - 1, p, p + 1);
    numbers.push(Number.MAX_SAFE_INTEGER);
    for (let k = 0; k < 2000; k++) numbers.push(Math.floor(next() * 2 ** (1 + Math.floor(next() * 52))));
    for (const n of numbers) {
      const b = new Uint8Array(24).fill(0x2a);
      const end = writeUint(b, 2, n);
      expect(decoder.decode(b.subarray(2, end))).toBe(String(n));
      expect(b[end]).toBe(0x2a);
      const out = new XmlBytes(8);
      out.uint(n);
      expect(decoder.decode(out.take())).toBe(String(n));
    }
  });

  it("bytes writes what ascii writes for the same text, whole or its first characters", () => {
    const out = new XmlBytes(4);
    const plain = new XmlBytes(4);
    for (const s of ['<c r="AB', '" s="12', "", "x".repeat(100)]) {
      out.bytes(asciiBytes(s));
      plain.ascii(s);
      out.bytes(asciiBytes(s + "tail"), s.length);
      plain.ascii(s);
    }
    expect(out.take()).toEqual(plain.take());
  });

  it("indexAt numbers strings and counts uses exactly as indexOf, whatever the slots", () => {
    const next = random(9);
    const words = ["Nam", "Nữ", "Kinh", "Tày", "9/12", "12/12", "", "Nguyễn Văn A"];
    const fast = new SharedStrings();
    const plain = new SharedStrings();
    for (let k = 0; k < 5000; k++) {
      // Equal strings that are not the same object too (built at run time).
      const word = words[Math.floor(next() * words.length)];
      const s = next() < 0.5 ? word : [...word].join("");
      const slot = 1 + Math.floor(next() * 4);
      expect(fast.indexAt(s, slot)).toBe(plain.indexOf(s));
    }
    expect(decoder.decode(fast.bytes())).toBe(decoder.decode(plain.bytes()));
  });

  it("writes each cell as the plain definition of <c> does (references, styles, every kind of value)", () => {
    const next = random(3);
    const values: WriteCell["value"][] = [
      null,
      0,
      -3,
      12345678,
      2.5,
      -0.125,
      1e21,
      1 / 3,
      Number.MAX_SAFE_INTEGER,
      true,
      false,
      "Yên Lỗ",
      "a & <b>",
      "",
      { error: "#N/A" },
      { formula: 'IF(C7=0,"",D7/C7)', result: 0.5 },
      { formula: "SUM(E9:E12)", result: 7 },
      { formula: 'IF(A1>0,"Đạt","Chưa đạt")', result: "Chưa đạt" },
      { formula: "NOW()", result: null },
      { formula: "TODAY()" },
    ];
    const rows: WriteRow[] = [];
    for (const row of [1, 2, 9, 10, 99, 100, 12345, 1048576]) {
      const cells: WriteCell[] = [];
      let column = 0;
      while (column < 800) {
        column += 1 + Math.floor(next() * 60);
        const style = next() < 0.3 ? 0 : Math.floor(next() * 300);
        cells.push({ column, style, value: values[Math.floor(next() * values.length)] });
      }
      rows.push({ row, cells });
    }
    const plainStrings = new SharedStrings();
    const num = (n: number): string => String(n).replace("e", "E");
    const plainCell = (row: number, c: WriteCell): string => {
      const head = `<c r="${columnLetters(c.column)}${row}"${c.style ? ` s="${c.style}"` : ""}`;
      const v = c.value;
      if (v === null) return `${head}/>`;
      if (typeof v === "number") return `${head}><v>${num(v)}</v></c>`;
      if (typeof v === "boolean") return `${head} t="b"><v>${v ? 1 : 0}</v></c>`;
      if (typeof v === "string") return `${head} t="s"><v>${plainStrings.indexOf(v)}</v></c>`;
      if ("error" in v) return `${head} t="e"><v>${escapeXml(v.error)}</v></c>`;
      const f = `<f>${escapeXml(v.formula)}</f>`;
      if (v.result === undefined || v.result === null) return `${head}>${f}</c>`;
      if (typeof v.result === "number") return `${head}>${f}<v>${num(v.result)}</v></c>`;
      return `${head} t="str">${f}<v>${escapeXml(v.result)}</v></c>`;
    };
    const expected = rows.map(
      (r) => `<row r="${r.row}">${r.cells.map((c) => plainCell(r.row, c)).join("")}</row>`,
    );
    const strings = new SharedStrings();
    const xml = decoder.decode(
      concatBytes([
        ...worksheetChunks(
          {
            name: "x",
            rows,
            columnWidths: [],
            merges: [],
            freeze: { rows: 0, columns: 0 },
            showGridlines: true,
            conditionalFormats: [],
            print: null,
          },
          strings,
          false,
          256,
        ),
      ]),
    );
    expect(xml.slice(xml.indexOf("<sheetData>") + 11, xml.indexOf("</sheetData>"))).toBe(expected.join(""));
    expect(decoder.decode(strings.bytes())).toBe(decoder.decode(plainStrings.bytes()));
  });

  it("numberBytes and XmlBytes.number write what numberText writes, for any number, the cache full or not", () => {
    const next = random(17);
    const numbers = [
      0,
      -0,
      1,
      -1,
      0.5,
      1 / 3,
      -2 / 3,
      1e21,
      1e-7,
      123.456,
      2 ** 53,
      -(2 ** 53),
      NaN,
      Infinity,
      -Infinity,
    ];
    // Rates as the reports cache them (count / count), and doubles of every magnitude: more than the
    // cache holds, so it is emptied on the way.
    for (let k = 0; k < 70_000; k++) numbers.push(Math.floor(next() * 500) / (1 + Math.floor(next() * 500)));
    for (let k = 0; k < 2000; k++) numbers.push((next() - 0.5) * 10 ** Math.floor(next() * 40 - 20));
    const all = [...numbers, ...numbers.slice(0, 100)];
    const out = new XmlBytes(8);
    const each = all.map((n) => {
      out.number(n);
      out.ascii(",");
      return decoder.decode(numberBytes(n));
    });
    expect(each).toEqual(all.map(numberText));
    expect(decoder.decode(out.take())).toBe(all.map((n) => `${numberText(n)},`).join(""));
  });

  it("ReportRowsXml writes the rows of a description exactly as reportRows' WriteRows are written", () => {
    const next = random(23);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
    const contents: CellContent[] = [
      null,
      null,
      0,
      -7,
      42,
      0.475,
      1 / 3,
      1e21,
      true,
      false,
      "Yên Lỗ",
      "Nam",
      'a & <b> "c"',
      "_x0041_ and \u0001 control",
      "x".repeat(40_000),
      { text: "=not a formula" },
      { text: "007" },
      { formula: '=IF(C7=0,"",D7/C7)', result: 0.5 },
      { formula: "=SUM(E9:E12)", result: 7 },
      { formula: '=IF(A1>0,"Đạt","Chưa đạt")', result: "Chưa đạt & <x>" },
      { formula: "=NOW()", result: null },
      { formula: "=TODAY()" },
    ];
    const descriptions = Array.from({ length: 6 }, (_, k): SheetDescription => {
      const columnCount = 1 + Math.floor(next() * 30);
      const rows = 1 + Math.floor(next() * 120);
      const cells = Array.from({ length: rows }, () =>
        Array.from({ length: columnCount }, () => (next() < 0.3 ? null : pick(contents))),
      );
      // A sheet-wide first run (the base font) on some sheets, then runs anywhere.
      const runs = [
        ...(k % 2 === 0
          ? [
              {
                range: { top: 1, left: 1, bottom: rows, right: columnCount },
                style: { font: { name: "Times New Roman", size: 12 } },
              },
            ]
          : []),
        ...Array.from({ length: Math.floor(next() * 40) }, () => {
          const top = 1 + Math.floor(next() * rows);
          const left = 1 + Math.floor(next() * columnCount);
          return {
            range: {
              top,
              left,
              bottom: Math.min(rows, top + Math.floor(next() * 10)),
              right: Math.min(columnCount, left + Math.floor(next() * 5)),
            },
            style: pick([
              { font: { bold: true } },
              { fill: "#FFEEAA" },
              { numberFormat: "0.0%" },
              { border: "thin" as const },
              {},
            ]),
          };
        }),
      ];
      const rowHeights = Array.from({ length: Math.floor(next() * 5) }, () => {
        const first = 1 + Math.floor(next() * (rows + 3));
        return { first, last: first + Math.floor(next() * 4), height: pick([15, 18.75, 30]) };
      });
      return { name: `S${k}`, columnCount, cells, styles: runs, rowHeights } as unknown as SheetDescription;
    });
    const sheetXml = (fast: boolean): string => {
      const styles = new StyleTable();
      const strings = new SharedStrings();
      const xml = descriptions.map((d, i) => {
        const spec = reportWorksheet(
          {
            ...d,
            conditionalFills: [],
            columnWidths: [],
            merges: [],
            freeze: { rows: 0, columns: 0 },
            showGridlines: true,
            print: null,
          } as unknown as SheetDescription,
          d.name,
          styles,
        );
        const written = fast ? spec : { ...spec, rows: reportRows(d, styles) };
        return decoder.decode(concatBytes([...worksheetChunks(written, strings, i === 0, 200)]));
      });
      return xml.join("\n") + decoder.decode(strings.bytes()) + styles.xml();
    };
    const plain = sheetXml(false);
    expect(sheetXml(true)).toBe(plain);
    // Every kind of cell was there to compare.
    for (const part of ['t="s"', 't="b"', 't="str"', "<f>", "customHeight", "<v>0.475</v>", "E+21"])
      expect(plain.includes(part)).toBe(true);
  });
});
