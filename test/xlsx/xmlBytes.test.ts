import { buildReports } from "../../src/report/reports";
import { reportWorksheet } from "../../src/xlsx/write/reportSheet";
import { SharedStrings, worksheetChunks, type WriteCell, type WriteRow } from "../../src/xlsx/write/sheet";
import { StyleTable } from "../../src/xlsx/write/styles";
import { columnLetters, escapeXml } from "../../src/xlsx/write/xml";
import { asciiBytes, writeUint, XmlBytes } from "../../src/xlsx/write/xmlBytes";
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
});
