import fc from "fast-check";
import { CLOSE, EOF, OPEN, TEXT, XmlProblem, XmlScanner } from "../../src/xlsx/xml/scanner";
import { readSharedStrings } from "../../src/xlsx/xml/sharedStrings";
import { formatCodeKind, numberKind, readStyles, DATE, PERCENT, PLAIN } from "../../src/xlsx/xml/styles";
import { decodeEscapes } from "../../src/xlsx/xml/text";

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

/** The tokens of a document as readable strings: "<name a=1>", "</name>", "text". */
function tokens(xml: string, attributes: string[] = []): string[] {
  const x = new XmlScanner(bytes(xml));
  const out: string[] = [];
  for (let k = x.next(); k !== EOF; k = x.next()) {
    if (k === OPEN) {
      const attrs = attributes.map((a) => (x.attr(a) >= 0 ? ` ${a}=${x.attrValue(a)}` : "")).join("");
      out.push(`<${x.localName()}${attrs}>`);
    } else if (k === CLOSE) out.push(`</${x.localName()}>`);
    else if (k === TEXT) out.push(x.text());
  }
  return out;
}

function problem(xml: string): XmlProblem {
  try {
    tokens(xml);
  } catch (error) {
    if (error instanceof XmlProblem) return error;
    throw error;
  }
  throw new Error("no problem raised");
}

describe("XmlScanner", () => {
  it("reads elements, self-closing ones, text, and skips the declaration, comments and PIs", () => {
    expect(tokens(`<?xml version="1.0"?><!-- a -- b --><a><b/>x<?pi y?>y</a>`)).toEqual([
      "<a>",
      "<b>",
      "</b>",
      "x",
      "y",
      "</a>",
    ]);
  });

  it("compares names by their local part (x:c is c), whatever the prefix", () => {
    expect(tokens(`<x:worksheet xmlns:x="urn:x"><x:c r="A1"/></x:worksheet>`, ["r"])).toEqual([
      "<worksheet>",
      "<c r=A1>",
      "</c>",
      "</worksheet>",
    ]);
  });

  it("finds attributes in any order, quoted either way, with spaces around '=', ignoring xmlns", () => {
    const xml = `<c t = 's' xmlns:r="urn:r" s="3"\n r="B7"/>`;
    expect(tokens(xml, ["r", "s", "t"])).toEqual(["<c r=B7 s=3 t=s>", "</c>"]);
    const x = new XmlScanner(bytes(`<c xmlns:r="urn:r"/>`));
    x.next();
    expect(x.attr("r")).toBe(-1);
  });

  it("finds the single-letter attributes of a cell in one pass", () => {
    const x = new XmlScanner(bytes(`<c x:r="A1" s="12" foo="1" t="str" r="C3"/>`));
    x.next();
    const out = new Int32Array(6);
    x.singleLetterAttributes(out);
    const at = (i: number): string => new TextDecoder().decode(x.bytes.subarray(out[i], out[i + 1]));
    expect([at(0), at(2), at(4)]).toEqual(["C3", "12", "str"]);
  });

  it("keeps a '>' inside an attribute value", () => {
    expect(tokens(`<a v="1>2"><b/></a>`, ["v"])).toEqual(["<a v=1>2>", "<b>", "</b>", "</a>"]);
  });

  it("decodes the five entities and character references, in text and attributes", () => {
    expect(tokens(`<t a="&lt;&#x1F600;&#65;">&amp;&lt;&gt;&quot;&apos;&#7871;&#x1EC7;</t>`, ["a"])).toEqual([
      "<t a=<😀A>",
      `&<>"'ếệ`,
      "</t>",
    ]);
  });

  it("reads CDATA as it is, with no entities", () => {
    expect(tokens(`<t>a<![CDATA[<b>&amp;]]]>c</t>`)).toEqual(["<t>", "a", "<b>&amp;]", "c", "</t>"]);
  });

  it("normalises line ends in text and attribute values", () => {
    expect(tokens(`<t a="x\r\ny">1\r\n2\r3</t>`, ["a"])).toEqual(["<t a=x y>", "1\n2\n3", "</t>"]);
  });

  it("reads UTF-8 text and skips a byte order mark", () => {
    expect(tokens(`\ufeff<t>Khuổi Chặng</t>`)).toEqual(["<t>", "Khuổi Chặng", "</t>"]);
  });

  it("skips mc:Choice and reads mc:Fallback of mc:AlternateContent", () => {
    const xml = `<r><mc:AlternateContent><mc:Choice Requires="x14"><c>new</c></mc:Choice><mc:Fallback><c>old</c></mc:Fallback></mc:AlternateContent></r>`;
    expect(tokens(xml)).toEqual([
      "<r>",
      "<AlternateContent>",
      "<Fallback>",
      "<c>",
      "old",
      "</c>",
      "</Fallback>",
      "</AlternateContent>",
      "</r>",
    ]);
  });

  it("refuses a DOCTYPE (no entity is ever expanded) and undeclared entities", () => {
    expect(problem(`<!DOCTYPE x [<!ENTITY a "b">]><t>&a;</t>`).kind).toBe("unsafe");
    expect(problem(`<t>&a;</t>`).kind).toBe("unsafe");
    expect(problem(`<t>a & b</t>`).kind).toBe("malformed");
    expect(problem(`<t>&#0;</t>`).kind).toBe("malformed");
  });

  it("refuses names of Object's own properties as entities (not Object's members as text)", () => {
    for (const name of ["constructor", "toString", "__proto__", "valueOf"])
      expect(problem(`<t>x&${name};y</t>`).kind).toBe("unsafe");
  });

  it("refuses character references to lone surrogate halves (not XML characters)", () => {
    expect(problem(`<t>&#xD800;</t>`).kind).toBe("malformed");
    expect(problem(`<t>&#57343;</t>`).kind).toBe("malformed");
    expect(tokens(`<t>&#xD7FF;&#xE000;</t>`)).toEqual(["<t>", "\uD7FF\uE000", "</t>"]);
  });

  it("reads UTF-16 XML (little- and big-endian, by its byte order mark) as the same document", () => {
    const xml = `<?xml version="1.0" encoding="UTF-16"?><t a="Pò Mầm">Khuổi &amp; 😀</t>`;
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(xml, "utf16le")]);
    const be = new Uint8Array([0xfe, 0xff, ...Buffer.from(xml, "utf16le").swap16()]);
    for (const doc of [le, be]) {
      const x = new XmlScanner(doc);
      const out: string[] = [];
      for (let k = x.next(); k !== EOF; k = x.next()) {
        if (k === OPEN) out.push(`<${x.localName()} a=${x.attrValue("a")}>`);
        else if (k === CLOSE) out.push(`</${x.localName()}>`);
        else out.push(x.text());
      }
      expect(out).toEqual(["<t a=Pò Mầm>", "Khuổi & 😀", "</t>"]);
    }
  });

  it("refuses nesting deeper than the limit, without recursion", () => {
    expect(problem("<a>".repeat(100_000)).kind).toBe("unsafe");
    expect(tokens("<a>".repeat(200) + "</a>".repeat(200))).toHaveLength(400);
  });

  it("refuses XML cut short or unbalanced", () => {
    expect(problem(`<a><b`).kind).toBe("malformed");
    expect(problem(`<a x="1`).kind).toBe("malformed");
    expect(problem(`<a>`).kind).toBe("malformed");
    expect(problem(`</a>`).kind).toBe("malformed");
    expect(problem(`<a><!-- x`).kind).toBe("malformed");
    expect(problem(`<a><![CDATA[ x`).kind).toBe("malformed");
  });

  it("skips an element's content on request", () => {
    const x = new XmlScanner(bytes(`<a><f>1<g/></f><v>2</v></a>`));
    x.next();
    x.next();
    x.skipElement();
    x.next();
    expect(x.localName()).toBe("v");
  });
});

describe("_xHHHH_ escapes", () => {
  it("decodes them, and an escaped underscore keeps a literal escape", () => {
    expect(decodeEscapes("a_x000D_b_x0041_")).toBe("a\rbA");
    expect(decodeEscapes("_x005F_x0041_")).toBe("_x0041_");
    expect(decodeEscapes("no escape_x12")).toBe("no escape_x12");
  });
});

describe("styles: which numbers are dates and percentages", () => {
  it("knows the built-in formats", () => {
    const none = new Map<number, string>();
    expect([0, 1, 2, 3, 4, 11, 49].map((id) => numberKind(id, none))).toEqual(Array(7).fill(PLAIN));
    expect([9, 10].map((id) => numberKind(id, none))).toEqual([PERCENT, PERCENT]);
    const dates = [14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47];
    expect(dates.map((id) => numberKind(id, none))).toEqual(Array(dates.length).fill(DATE));
  });

  it("reads custom codes: date letters outside quotes and brackets, % outside quotes", () => {
    expect(formatCodeKind("dd/mm/yyyy")).toBe(DATE);
    expect(formatCodeKind("[$-42A]d mmmm yyyy")).toBe(DATE);
    expect(formatCodeKind("h:mm:ss")).toBe(DATE);
    expect(formatCodeKind("0.0%")).toBe(PERCENT);
    expect(formatCodeKind('0" %"')).toBe(PLAIN);
    expect(formatCodeKind('0" ngày"')).toBe(PLAIN);
    expect(formatCodeKind("[Red]#,##0")).toBe(PLAIN);
    expect(formatCodeKind("General")).toBe(PLAIN);
  });

  it("maps cellXfs (not cellStyleXfs) to kinds, custom codes overriding built-in ids", () => {
    const xml = `<styleSheet xmlns="urn:x"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="9" formatCode="0.00"/></numFmts>
      <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
      <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="10"><alignment/></xf><xf numFmtId="9"/><xf numFmtId="22"/></cellXfs></styleSheet>`;
    expect(readStyles(bytes(xml))).toEqual([PLAIN, DATE, PERCENT, PLAIN, DATE]);
    expect(readStyles(null)).toEqual([]);
  });
});

describe("readSharedStrings", () => {
  it("reads a plain run (XmlScanner.simpleText) exactly as token by token, refusals included", () => {
    const outcome = (xml: string): unknown => {
      try {
        const { strings, tooLong } = readSharedStrings(bytes(`<sst>${xml}</sst>`));
        return { strings, tooLong: [...tooLong] };
      } catch (error) {
        return { refused: (error as Error).constructor.name, message: (error as Error).message };
      }
    };
    const long = "y".repeat(3_300_000); // past MAX_TEXT_BYTES: never decoded
    const text = fc.oneof(
      {
        weight: 30,
        arbitrary: fc.constantFrom(
          "Pò Mầm",
          "a",
          " x ",
          "",
          "a &amp; b",
          "&#x1EC7;\r\n",
          "_x0041_BC",
          "_x005F_x0041_",
          "&bad;",
          "a & b",
          "x".repeat(40_000),
        ),
      },
      { weight: 1, arbitrary: fc.constant(long) },
    );
    const open = fc.constantFrom(
      "<t>",
      `<t xml:space="preserve">`,
      `<t xml:space='preserve'>`,
      "<x:t>",
      "<t/>",
      "<t >",
    );
    const close = fc.constantFrom("</t>", "</x:t>", "</t >", "");
    const end = fc.constantFrom(
      "</si>",
      "</si >",
      "<rPh><t>ふ</t></rPh></si>",
      "<r><t>b</t></r></si>",
      "</x>",
      "",
    );
    const entry = fc.tuple(open, text, close, end).map(([o, t, c, e]) => `<si>${o}${t}${c}${e}`);
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 4 }), (entries) => {
        // A comment after <si> leaves the fast path: the token-by-token reading is the reference.
        const slow = entries.map((e) => e.replace(/^<si>/, "<si><!---->"));
        expect(outcome(entries.join(""))).toEqual(outcome(slow.join("")));
      }),
      { numRuns: 300 },
    );
  });
});
