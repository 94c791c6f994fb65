import fc from "fast-check";
import type { SheetGrid } from "../../src/core/grid";
import { isUnusableInputError, type UnusableInputError } from "../../src/xlsx/errors";
import { readXlsxBuffer } from "../../src/xlsx/readXlsx";
import { readWorksheet } from "../../src/xlsx/xml/worksheet";
import { DATE, PERCENT, PLAIN } from "../../src/xlsx/xml/styles";
import { sheetXml, workbookEntries } from "../../scripts/hostile/corpus";
import { entry, zipBytes } from "../../scripts/hostile/zipBytes";

const NS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`;

function grid(
  rows: string,
  after = "",
  options: { styles?: number[]; strings?: string[]; date1904?: boolean; cells?: number } = {},
): SheetGrid {
  return readWorksheet(new TextEncoder().encode(sheetXml(rows, after)), {
    name: "Thôn",
    strings: { strings: options.strings ?? [], tooLong: new Set() },
    styles: (options.styles ?? []) as (0 | 1 | 2)[],
    date1904: options.date1904 ?? false,
    budget: { cells: options.cells ?? 1_000_000 },
  });
}

async function refusal(sheet: string, extra: ReturnType<typeof entry>[] = []): Promise<UnusableInputError> {
  try {
    await readXlsxBuffer(
      zipBytes(workbookEntries([entry("xl/worksheets/sheet1.xml", sheet)], extra)),
      "t.xlsx",
    );
  } catch (error) {
    if (isUnusableInputError(error)) return error;
    throw error;
  }
  throw new Error("read");
}

describe("readWorksheet: values", () => {
  it("reads every cell type, formula results, and leaves formulas without a result blank", () => {
    const g = grid(
      `<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="str"><f>A1&amp;"!"</f><v>Pò Mầm!</v></c>` +
        `<c r="C1" t="inlineStr"><is><r><t>Khuổi </t></r><r><rPr/><t>Chặng</t></r><rPh><t>ふりがな</t></rPh></is></c>` +
        `<c r="D1" t="b"><v>1</v></c><c r="E1" t="b"><v>0</v></c><c r="F1" t="e"><v>#N/A</v></c>` +
        `<c r="G1"><v>42.5</v></c><c r="H1" t="n"><f>1/3</f><v>0.33333333333333331</v></c>` +
        `<c r="I1" t="d"><v>2021-09-19T00:00:00</v></c><c r="J1"><f>NOW()</f></c><c r="K1" t="str"><f>""</f><v></v></c>` +
        `<c r="L1"><v>-7</v></c><c r="M1"><v>1E+3</v></c></row>`,
      "",
      { strings: ["x", "Yên Lỗ"] },
    );
    expect(g.rows).toEqual([
      [
        "Yên Lỗ",
        "Pò Mầm!",
        "Khuổi Chặng",
        true,
        false,
        { kind: "error", code: "#N/A" },
        42.5,
        0.3333333333333333,
        { kind: "date", iso: "2021-09-19" },
        null,
        null,
        -7,
        1000,
      ],
    ]);
  });

  it("reads a cell's usual content (<v>…</v> and its end tag) at once exactly as token by token", () => {
    const cells = [
      `<c r="A1" t="s"><v>1</v></c>`,
      `<c r="A1" t="str"><v>a &amp; b&#10;c\r\nd</v></c>`,
      `<c r="A1"><v> 12 </v></c>`,
      `<c r="A1" t="b"><v>1</v></c><c r="B1"><v>-0.5</v></c>`,
      `<c r="A1"><v></v></c><c r="B1"><v>2</v ></c><c r="C1"><v>3</v></c ><c r="D1"><v>4</v></x:c>`,
      `<c r="A1"><v>5</v><!-- sau --></c><c r="B1"><v>6</v>\n</c><c r="C1"><v>7</v><v>8</v></c>`,
      `<c r="A1" t="e"><v>#DIV/0!</v></c><c r="B1" t="d"><v>2021-09-19</v></c><c r="C1" s="1"><v>44458</v></c>`,
    ];
    for (const cell of cells) {
      const row = (c: string) => `<row r="1">${c.replace(/\\r/g, "\r").replace(/\\n/g, "\n")}</row>`;
      const options = { strings: ["x", "Yên Lỗ"], styles: [PLAIN, DATE] };
      // A comment before <v> leaves the fast path: the token-by-token reading is the reference.
      const slow = grid(row(cell.replace(/<v>/g, "<!----><v>")), "", options);
      expect(grid(row(cell), "", options)).toEqual(slow);
      expect(slow.rows.length).toBe(1);
    }
  });

  it("reads a whole cell in one pass (XmlScanner.cell) exactly as token by token, refusals included", () => {
    // Prefixed cells (x:c) never take the one-pass reading: they are the reference.
    const outcome = (rows: string): unknown => {
      try {
        return grid(rows, "", { strings: ["x", "Yên Lỗ"], styles: [PLAIN, DATE, PERCENT], cells: 40 });
      } catch (error) {
        return { refused: (error as Error).constructor.name, message: (error as Error).message };
      }
    };
    // Mostly what Excel writes, sometimes what it never does (each refusal ends the whole sheet).
    const rare = <T>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<T>): fc.Arbitrary<T> =>
      fc.oneof({ arbitrary: usual, weight: 12 }, { arbitrary: odd, weight: 1 });
    const quoted = (value: string): fc.Arbitrary<string> =>
      rare(fc.constantFrom(`="${value}"`, `='${value}'`), fc.constantFrom(` = "${value}"`, `="${value}`));
    const attribute = fc.oneof(
      rare(
        fc.constantFrom("A1", "B1", "C2", "D2"),
        fc.constantFrom("XFD3", "XFE1", "A0", "1A", "", "a1", " B1"),
      ).chain((v) => quoted(v).map((q) => `r${q}`)),
      rare(fc.constantFrom("0", "1", "2"), fc.constantFrom("7", "x")).chain((v) =>
        quoted(v).map((q) => `s${q}`),
      ),
      rare(fc.constantFrom("s", "str", "n", "b", "e", "d"), fc.constantFrom("inlineStr", "q")).chain((v) =>
        quoted(v).map((q) => `t${q}`),
      ),
      rare(
        fc.constantFrom(`foo="1"`, `cm="1"`, `v="<c>"`),
        fc.constantFrom(`x:r="Z9"`, `xmlns:x="urn:x"`, `r`),
      ),
    );
    const separator = rare(fc.constant(" "), fc.constantFrom("  ", "\n", "\t"));
    const spaces = rare(fc.constant(""), fc.constant(" "));
    // "§" stands for the cell's name: `c`, or `x:c` for the reference reading.
    const content = rare(
      fc.constantFrom(
        "/>",
        "><v>1</v></§>",
        "><v>0</v></§>",
        "><v>44458.25</v></§>",
        "><v>-3</v></§>",
        "><v>a &amp; b</v></§>",
        "><v>#N/A</v></§>",
        "><v>2021-09-19</v></§>",
        "><v>TRUE</v></§>",
      ),
      fc.constantFrom(
        " />",
        "/ >",
        "><v>0</v></§ >",
        "><v> 12 </v></§>",
        "><v>-3</v></x>",
        "><v></v></§>",
        "><v>1</v><v>0</v></§>",
        "><f>1+1</f><v>2</v></§>",
        "><is><t>Pò Mầm</t></is></§>",
        "><v>1</v>",
        "><v>1",
        "><v>",
        ">",
      ),
    );
    const cell = fc
      .tuple(fc.array(fc.tuple(separator, attribute), { maxLength: 4 }), spaces, content)
      .map(([attributes, space, end]) => `<§${attributes.map(([sp, a]) => sp + a).join("")}${space}${end}`);
    const rows = fc
      .array(
        fc.tuple(fc.constantFrom(`<row r="1">`, `<row r="2">`, `<row>`), fc.array(cell, { maxLength: 4 })),
        {
          minLength: 1,
          maxLength: 3,
        },
      )
      .map((list) => list.map(([row, cells]) => `${row}${cells.join("")}</row>`).join(""));
    fc.assert(
      fc.property(rows, (xml) => {
        expect(outcome(xml.replace(/§/g, "c"))).toEqual(outcome(xml.replace(/§/g, "x:c")));
      }),
      { numRuns: 1000 },
    );
  });

  it('reads a boolean written as xsd:boolean ("true", "false") as well as 1 and 0', () => {
    const g = grid(
      `<row r="1"><c r="A1" t="b"><v>true</v></c><c r="B1" t="b"><v>false</v></c><c r="C1" t="b"><v> FALSE </v></c>` +
        `<c r="D1" t="b"><v>1</v></c><c r="E1" t="b"><v>0</v></c></row>`,
    );
    expect(g.rows).toEqual([[true, false, false, true, false]]);
  });

  it("reads dates and percentages from the cell's style, also in the 1904 system", () => {
    const rows = `<row r="1"><c r="A1" s="1"><v>44458</v></c><c r="B1" s="1"><v>44458.354166666664</v></c><c r="C1" s="2"><v>0.905</v></c><c r="D1" s="0"><v>7</v></c><c r="E1" s="9"><v>8</v></c></row>`;
    expect(grid(rows, "", { styles: [PLAIN, DATE, PERCENT] }).rows).toEqual([
      [{ kind: "date", iso: "2021-09-19" }, { kind: "date", iso: "2021-09-19T08:30:00" }, "90.5%", 7, 8],
    ]);
    expect(
      grid(`<row r="1"><c r="A1" s="1"><v>42996</v></c></row>`, "", { styles: [PLAIN, DATE], date1904: true })
        .rows,
    ).toEqual([[{ kind: "date", iso: "2021-09-19" }]]);
  });

  it("reads prefixed elements (x:c) and cells and rows without references", () => {
    const xml = `<x:worksheet xmlns:x="urn:x"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row><x:c r="C2"><x:v>3</x:v></x:c><x:c><x:v>4</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const g = readWorksheet(new TextEncoder().encode(xml), {
      name: "Thôn",
      strings: { strings: [], tooLong: new Set() },
      styles: [],
      date1904: false,
      budget: { cells: 100 },
    });
    expect(g.rows).toEqual([
      ["a", 2],
      [null, null, 3, 4],
    ]);
  });

  it("ignores <dimension>, trims to the used range, and skips the rows between without walking them", () => {
    const g = grid(
      `<row r="3"><c r="C3"><v>1</v></c></row><row r="1048576"><c r="D1048576" t="inlineStr"><is><t>cuối</t></is></c></row>`,
    );
    expect(g.firstRow).toBe(3);
    expect(g.firstColumn).toBe(3);
    expect(g.rows.length).toBe(1048574);
    expect(g.rows[1048573]).toEqual([null, "cuối"]);
    expect(new Set(g.rows).size).toBe(3);
  });

  it("blanks cells a merge covers, keeps the top-left one, and clips a merge over the whole sheet", () => {
    const rows = `<row r="1"><c r="A1" t="inlineStr"><is><t>Tiêu đề</t></is></c><c r="B1"><v>9</v></c></row><row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c><c r="K2"><v>5</v></c></row><row r="3"><c r="A3"><v>3</v></c></row>`;
    const g = grid(
      rows,
      `<mergeCells><mergeCell ref="A1:B1"/><mergeCell ref="K2:XFD1048576"/><mergeCell ref="Z9:Z10"/></mergeCells>`,
    );
    expect(g.rows).toEqual([["Tiêu đề"], [1, 2, null, null, null, null, null, null, null, null, 5], [3]]);
    expect(g.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 2 },
      { top: 2, left: 11, bottom: 3, right: 12 },
    ]);
  });
});

describe("bounds, each an UnusableInputError naming the file and the place", () => {
  it("a row or a column beyond Excel", async () => {
    const row = await refusal(sheetXml(`<row r="1048577"><c r="A1048577"><v>1</v></c></row>`));
    expect(row.reason).toBe("beyond-excel");
    expect(row.message).toContain("dòng 1048577");
    const column = await refusal(sheetXml(`<row r="1"><c r="XFE1"><v>1</v></c></row>`));
    expect(column.message).toContain("ô XFE1");
    expect((await refusal(sheetXml(``, `<mergeCells><mergeCell ref="A1:XFE2"/></mergeCells>`))).reason).toBe(
      "beyond-excel",
    );
  });

  it("text over 32,767 characters, inline or shared, named at its cell", async () => {
    const long = "ư".repeat(32_768);
    const inline = await refusal(
      sheetXml(`<row r="1"><c r="B1" t="inlineStr"><is><t>${long}</t></is></c></row>`),
    );
    expect(inline.reason).toBe("text-too-long");
    expect(inline.message).toContain("ô B1");
    const sst = entry(
      "xl/sharedStrings.xml",
      `<sst ${NS}><si><t>ok</t></si><si><r><t>${"a".repeat(20_000)}</t></r><r><t>${"b".repeat(20_000)}</t></r></si></sst>`,
    );
    const shared = await refusal(
      sheetXml(`<row r="4"><c r="C4" t="s"><v>0</v></c><c r="D4" t="s"><v>1</v></c></row>`),
      [sst],
    );
    expect(shared.reason).toBe("text-too-long");
    expect(shared.message).toContain("ô D4");
    const exactly = "a".repeat(32_767);
    const ok = await readXlsxBuffer(
      zipBytes(
        workbookEntries([
          entry(
            "xl/worksheets/sheet1.xml",
            sheetXml(`<row r="1"><c r="A1" t="str"><v>${exactly}</v></c></row>`),
          ),
        ]),
      ),
      "t.xlsx",
    );
    expect(ok.sheets[0].rows[0][0]).toBe(exactly);
  });

  it("reads character references in a shared-string index and in a number, as XML means them", () => {
    const g = grid(
      `<row r="1"><c r="A1" t="s"><v>&#49;</v></c><c r="B1" t="s"><v> &#x30; </v></c>` +
        `<c r="C1"><v>&#49;2.5</v></c><c r="D1"><v>&#45;7</v></c></row>`,
      "",
      { strings: ["x", "Yên Lỗ"] },
    );
    expect(g.rows).toEqual([["Yên Lỗ", "x", 12.5, -7]]);
    // A reference after digits: the whole text is the number ("1&#50;" is 12, not 1).
    const after = grid(
      `<row r="1"><c r="A1"><v>1&#50;</v></c><c r="B1"><v>4&#52;000</v></c><c r="C1"><v>1&#x30;0</v></c></row>`,
    );
    expect(after.rows).toEqual([[12, 44000, 100]]);
  });

  it("a shared-string index is digits only, with or without references (no sign, exponent or hex)", () => {
    const read = (v: string) => () =>
      grid(`<row r="1"><c r="A1" t="s"><v>${v}</v></c></row>`, "", { strings: ["x", "Yên Lỗ"] });
    expect(read("&#49;")().rows).toEqual([["Yên Lỗ"]]);
    for (const v of ["&#43;1", "0&#x78;1", "&#49;e0", "&#49;.0", "&#45;0", "&#160;1", "1e0", "+1"])
      expect(read(v)).toThrow(/shared string that does not exist/);
  });

  it("a character reference that names no shared string is still refused", async () => {
    const e = await refusal(sheetXml(`<row r="1"><c r="A1" t="s"><v>&#55;</v></c></row>`));
    expect(e.reason).toBe("corrupt");
    expect(e.message).toContain("A1");
  });

  it("a reference to a shared string that does not exist", async () => {
    const e = await refusal(sheetXml(`<row r="1"><c r="A1" t="s"><v>7</v></c></row>`));
    expect(e.reason).toBe("corrupt");
    expect(e.message).toContain("A1");
  });

  it("more cells than the budget, including the width of sparse rows", () => {
    const many = Array.from({ length: 20 }, (_, i) => `<c r="A${i + 1}"><v>1</v></c>`).join("");
    expect(() => grid(`<row>${many}</row>`, "", { cells: 10 })).toThrow(/cells/);
    expect(() =>
      grid(`<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>1</v></c></row>`, "", { cells: 1000 }),
    ).toThrow(/cells/);
  });

  it("XML refused in a part names the part", async () => {
    const e = await refusal(`<!DOCTYPE x><worksheet ${NS}/>`);
    expect(e.reason).toBe("unsafe-xml");
    expect(e.message).toContain("xl/worksheets/sheet1.xml");
  });
});

describe("the workbook part", () => {
  it("gives sheets in order with their visibility, leaves chart sheets out, and reads report marks", async () => {
    const wb = `<workbook ${NS} xmlns:r="urn:r"><workbookPr date1904="1"/><sheets><sheet name="Thôn" sheetId="1" r:id="rId1"/><sheet name="Ẩn" sheetId="2" state="hidden" r:id="rId2"/><sheet name="Rất ẩn" sheetId="3" state="veryHidden" r:id="rId3"/></sheets><definedNames><definedName name="_nth_report_tong_hop">'Rất ẩn'!$A$1</definedName></definedNames></workbook>`;
    const sheet = (i: number) =>
      entry(`xl/worksheets/sheet${i}.xml`, sheetXml(`<row r="1"><c r="A1"><v>${i}</v></c></row>`));
    const entries = workbookEntries([sheet(1), sheet(2), sheet(3)], [], wb);
    const read = await readXlsxBuffer(zipBytes(entries), "t.xlsx");
    expect(read.sheets.map((s) => [s.name, s.visibility, s.report ?? false, s.rows])).toEqual([
      ["Thôn", "visible", false, [[1]]],
      ["Ẩn", "hidden", false, [[2]]],
      ["Rất ẩn", "veryHidden", true, [[3]]],
    ]);
  });
});

describe("parts in UTF-16 (legal XML, written by some tools)", () => {
  it("reads a UTF-16 worksheet and shared-string table as their UTF-8 equivalents", async () => {
    const utf16 = (xml: string): Uint8Array =>
      new Uint8Array([
        0xff,
        0xfe,
        ...Buffer.from(xml.replace(`encoding="UTF-8"`, `encoding="UTF-16"`), "utf16le"),
      ]);
    const sheet = sheetXml(
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>42</v></c>` +
        `<c r="C1" t="inlineStr"><is><t>Khuổi Chặng</t></is></c></row>`,
    );
    const strings =
      `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="1" uniqueCount="1">` +
      `<si><t>Pò Mầm</t></si></sst>`;
    const { sheets } = await readXlsxBuffer(
      zipBytes(
        workbookEntries(
          [entry("xl/worksheets/sheet1.xml", utf16(sheet))],
          [entry("xl/sharedStrings.xml", utf16(strings))],
        ),
      ),
      "utf16.xlsx",
    );
    expect(sheets[0].rows).toEqual([["Pò Mầm", 42, "Khuổi Chặng"]]);
  });
});
