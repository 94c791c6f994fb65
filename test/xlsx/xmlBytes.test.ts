import { buildReports } from "../../src/report/reports";
import { reportWorksheet } from "../../src/xlsx/write/reportSheet";
import { SharedStrings, worksheetChunks } from "../../src/xlsx/write/sheet";
import { StyleTable } from "../../src/xlsx/write/styles";
import { escapeXml } from "../../src/xlsx/write/xml";
import { XmlBytes } from "../../src/xlsx/write/xmlBytes";
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
