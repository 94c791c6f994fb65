import * as fs from "node:fs";
import * as path from "node:path";
import {
  binaryWorkbook,
  compoundFile,
  excelLikeWorkbook,
  openDocumentSpreadsheet,
  reencodedWorkbook,
  wordDocument,
} from "./otherWriters";
import { deflatedRun, entry, runCrc, zipBytes, type RawEntry } from "./zipBytes";

/**
 * The hostile corpus (docs/reliability.md, "The file boundary"): files built to make an .xlsx
 * reader hang, crash or exhaust memory, each with what the CLI must do with it. Generated into a
 * folder at test time (test/xlsx/hostile.test.ts), never committed: the bombs declare gigabytes
 * but weigh kilobytes to a few megabytes.
 *
 *   node bin/dev/run-ts.js scripts/hostile/generate.ts OUTDIR
 */

export interface HostileCase {
  readonly name: string;
  readonly file: string;
  readonly what: string;
  /** The exit code the CLI must end with. */
  readonly exit: 0 | 1;
  /** Words its one line on stderr must hold (the reason, and where). */
  readonly words: readonly string[];
}

const HEADERS = ["Tỉnh", "Huyện", "Xã", "Thôn", "Bí thư chi bộ", "Trưởng thôn", "Nhất thể hóa"];
const VILLAGE = ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm", "Hoàng Văn A", "Hoàng Văn A", "x"];

const xmlText = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const inline = (ref: string, text: string): string =>
  `<c r="${ref}" t="inlineStr"><is><t>${xmlText(text)}</t></is></c>`;
const letters = (n: number): string =>
  (n <= 26 ? "" : letters(Math.floor((n - 1) / 26))) + String.fromCharCode(65 + ((n - 1) % 26));
const row = (r: number, values: readonly string[]): string =>
  `<row r="${r}">${values.map((v, i) => inline(`${letters(i + 1)}${r}`, v)).join("")}</row>`;

/** A worksheet part around some sheetData rows (and anything after sheetData). */
export function sheetXml(rows: string, after = ""): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    `<sheetData>${rows}</sheetData>${after}</worksheet>`
  );
}

/** A villages table: the headers on row 1 and one village on row 2. */
export const VILLAGES_ROWS = row(1, HEADERS) + row(2, VILLAGE);

/** The parts of a workbook around its sheets' entries (given as raw entries, honest or not). */
export function workbookEntries(
  sheets: readonly RawEntry[],
  extra: readonly RawEntry[] = [],
  workbookXml?: string,
): RawEntry[] {
  const names = sheets.map((_, i) => `Thôn${i === 0 ? "" : ` ${i + 1}`}`);
  return [
    entry(
      "[Content_Types].xml",
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/></Types>`,
    ),
    entry(
      "_rels/.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    entry(
      "xl/workbook.xml",
      workbookXml ??
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>` +
          names.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
          `</sheets></workbook>`,
    ),
    entry(
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        sheets
          .map(
            (_, i) =>
              `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
          )
          .join("") +
        `<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` +
        `</Relationships>`,
    ),
    ...sheets,
    ...extra,
  ];
}

/** A sheet entry whose inflated content is `size` bytes of spaces (a bomb); sizes honest or lying. */
function bombSheet(index: number, size: number, declared: number): RawEntry {
  return {
    name: `xl/worksheets/sheet${index}.xml`,
    stored: deflatedRun(size),
    method: 8,
    crc: runCrc(size),
    size: declared,
  };
}

const MIB = 1024 * 1024;

/** Writes every hostile file into `dir`; returns the cases. */
export function writeHostileCorpus(dir: string): HostileCase[] {
  fs.mkdirSync(dir, { recursive: true });
  const cases: HostileCase[] = [];
  const add = (name: string, what: string, bytes: Buffer | null, exit: 0 | 1, words: string[]): void => {
    const file = path.join(dir, name);
    if (bytes) fs.writeFileSync(file, bytes);
    cases.push({ name, file, what, exit, words });
  };
  const sheet = (xml: string): RawEntry => entry("xl/worksheets/sheet1.xml", xml);

  add(
    "merge-whole-sheet.xlsx",
    '<mergeCell ref="K1:XFD1048576"/> over a villages table: a range Excel allows, read without expanding it',
    zipBytes(
      workbookEntries([
        sheet(sheetXml(VILLAGES_ROWS, `<mergeCells count="1"><mergeCell ref="K1:XFD1048576"/></mergeCells>`)),
      ]),
    ),
    0,
    [],
  );
  const long = "a".repeat(40_000);
  add(
    "string-40000-characters.xlsx",
    "a shared string of 40,000 characters (Excel's limit is 32,767)",
    zipBytes(
      workbookEntries(
        [sheet(sheetXml(row(1, HEADERS) + `<row r="2"><c r="A2" t="s"><v>0</v></c></row>`))],
        [
          entry(
            "xl/sharedStrings.xml",
            `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>${long}</t></si></sst>`,
          ),
        ],
      ),
    ),
    1,
    ["32.767", "A2"],
  );
  const hundredMillion = 100 * MIB;
  add(
    "strings-100-million-characters.xlsx",
    "a shared string of 100 million characters (compressed 1,000 times)",
    zipBytes(
      workbookEntries(
        [sheet(sheetXml(row(1, HEADERS) + `<row r="2"><c r="A2" t="s"><v>0</v></c></row>`))],
        [
          {
            ...entry("xl/sharedStrings.xml", ""),
            // Not real XML around the run: the reader must refuse it before looking inside.
            stored: deflatedRun(hundredMillion, 0x61),
            crc: runCrc(hundredMillion, 0x61),
            size: hundredMillion,
          },
        ],
      ),
    ),
    1,
    ["sharedStrings.xml", "200"],
  );
  add(
    "row-2000000000.xlsx",
    '<row r="2000000000">: refused at once, rows are never walked one by one',
    zipBytes(
      workbookEntries([
        sheet(sheetXml(VILLAGES_ROWS + `<row r="2000000000"><c r="A2000000000"><v>1</v></c></row>`)),
      ]),
    ),
    1,
    ["1.048.576", "2000000000"],
  );
  add(
    "village-on-row-1048577.xlsx",
    "a village on row 1,048,577, which Excel cannot show",
    zipBytes(workbookEntries([sheet(sheetXml(VILLAGES_ROWS + row(1048577, VILLAGE)))])),
    1,
    ["1.048.576", "1048577"],
  );
  add(
    "cell-at-column-XFE.xlsx",
    "a cell at column XFE (16,385)",
    zipBytes(workbookEntries([sheet(sheetXml(VILLAGES_ROWS + `<row r="3">${inline("XFE3", "x")}</row>`))])),
    1,
    ["16.384", "XFE3"],
  );
  add(
    "zip-bomb-3mb.xlsx",
    "a sheet part of 3 GiB of spaces in about 3 MB, sizes honest",
    zipBytes(workbookEntries([bombSheet(1, 3 * 1024 * MIB, 3 * 1024 * MIB)])),
    1,
    ["sheet1.xml", "384 MB"],
  );
  add(
    "zip-bomb-3mb-lying.xlsx",
    "the same bomb declaring 4 KB",
    zipBytes(workbookEntries([bombSheet(1, 3 * 1024 * MIB, 4096)])),
    1,
    ["sheet1.xml", "kích thước đã khai"],
  );
  add(
    "zip-bomb-8x400mb.xlsx",
    "eight sheets of 400 MiB each, sizes honest",
    zipBytes(workbookEntries(Array.from({ length: 8 }, (_, i) => bombSheet(i + 1, 400 * MIB, 400 * MIB)))),
    1,
    ["sheet1.xml", "400 MB"],
  );
  add(
    "zip-bomb-8x400mb-lying.xlsx",
    "eight sheets of 400 MiB each declaring 1 KB",
    zipBytes(workbookEntries(Array.from({ length: 8 }, (_, i) => bombSheet(i + 1, 400 * MIB, 1024)))),
    1,
    ["sheet1.xml", "kích thước đã khai"],
  );
  const honest = sheetXml(VILLAGES_ROWS + `<row r="3"><c r="A3"><v>25</v></c></row>`);
  const altered = Buffer.from(honest.replace("<v>25</v>", "<v>95</v>"));
  add(
    "stored-entry-wrong-crc.xlsx",
    "a stored (uncompressed) sheet whose 25 became 95 after the CRC was computed",
    zipBytes(workbookEntries([{ ...entry("xl/worksheets/sheet1.xml", honest, 0), stored: altered }])),
    1,
    ["CRC", "sheet1.xml"],
  );
  add(
    "duplicate-entry.xlsx",
    "two parts named xl/worksheets/sheet1.xml (the second would win in jszip)",
    zipBytes(workbookEntries([sheet(sheetXml(VILLAGES_ROWS)), sheet(sheetXml(row(1, ["khác"])))])),
    1,
    ["sheet1.xml", "hai lần"],
  );
  const whole = zipBytes(workbookEntries([sheet(sheetXml(VILLAGES_ROWS))]));
  add(
    "truncated.xlsx",
    "a workbook cut at two thirds",
    whole.subarray(0, Math.floor((whole.length * 2) / 3)),
    1,
    ["mục lục"],
  );
  add(
    "trailing-bytes.xlsx",
    "a workbook with 1,000 bytes appended after the zip's end record (which Excel does not open)",
    Buffer.concat([whole, Buffer.alloc(1000, 0x20)]),
    1,
    ["1.000 byte thừa", "extra bytes"],
  );
  const mismatched = Buffer.concat([whole, Buffer.from("ghi chú dài hơn khai báo")]);
  mismatched.writeUInt16LE(4, whole.length - 2);
  add(
    "comment-length-mismatch.xlsx",
    "a zip comment longer than its declared length (the end record does not end the file)",
    mismatched,
    1,
    ["byte thừa", "extra bytes"],
  );
  const twoEnds = Buffer.concat([whole, whole.subarray(whole.length - 22)]);
  twoEnds.writeUInt16LE(22, whole.length - 2);
  add(
    "two-end-records.xlsx",
    "a second end-of-directory record inside the zip comment (readers could disagree on the directory)",
    twoEnds,
    1,
    ["hai phần kết", "two end-of-directory records"],
  );
  add(
    "zip64.xlsx",
    "a villages table in a ZIP64 archive (as .NET and Java libraries write when streaming): read",
    zipBytes(workbookEntries([sheet(sheetXml(VILLAGES_ROWS))]), { zip64: true }),
    0,
    [],
  );
  add(
    "central-directory-outside.xlsx",
    "a central directory whose offset points past the end of the file",
    zipBytes(workbookEntries([sheet(sheetXml(VILLAGES_ROWS))]), { centralOffsetDelta: 1_000_000 }),
    1,
    ["ngoài tệp"],
  );
  add(
    "shared-string-references-billion.xlsx",
    "a shared-string table declaring a billion references and a sheet of 380 MiB of references",
    zipBytes(
      workbookEntries(
        [
          {
            name: "xl/worksheets/sheet1.xml",
            stored: deflatedRun(380 * MIB, 0x20),
            method: 8,
            crc: runCrc(380 * MIB, 0x20),
            size: 380 * MIB,
          },
        ],
        [
          entry(
            "xl/sharedStrings.xml",
            `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1000000000" uniqueCount="1"><si><t>Pò Mầm</t></si></sst>`,
          ),
        ],
      ),
    ),
    1,
    ["sheet1.xml", "200"],
  );
  add(
    "deeply-nested.xlsx",
    "100,000 elements nested in a cell",
    zipBytes(
      workbookEntries([
        sheet(
          sheetXml(
            VILLAGES_ROWS +
              `<row r="3"><c r="A3">${"<x>".repeat(100_000)}${"</x>".repeat(100_000)}</c></row>`,
          ),
        ),
      ]),
    ),
    1,
    ["DOCTYPE", "sâu"],
  );
  const laughs =
    `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">` +
    Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? "" : i};`.repeat(10)}">`,
    ).join("") +
    `]>`;
  add(
    "billion-laughs.xlsx",
    "a DOCTYPE declaring nested entities (a billion 'lol's if expanded) used in a cell",
    zipBytes(
      workbookEntries([
        sheet(
          laughs +
            `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${VILLAGES_ROWS}<row r="3"><c r="A3" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>`,
        ),
      ]),
    ),
    1,
    ["DOCTYPE"],
  );
  add(
    "undeclared-entity.xlsx",
    "a reference to an entity no one declared",
    zipBytes(
      workbookEntries([
        sheet(sheetXml(VILLAGES_ROWS + `<row r="3"><c r="A3" t="inlineStr"><is><t>&xxe;</t></is></c></row>`)),
      ]),
    ),
    1,
    ["DOCTYPE"],
  );
  add(
    "encrypted-entry.xlsx",
    "a zip entry flagged as encrypted",
    zipBytes(workbookEntries([{ ...entry("xl/worksheets/sheet1.xml", sheetXml(VILLAGES_ROWS)), flags: 1 }])),
    1,
    ["mã hóa", "sheet1.xml"],
  );
  // Files other programs write, or Excel's other formats: read correctly, or refused saying what they are.
  add(
    "strict-open-xml.xlsx",
    "Excel's Strict Open XML (purl.oclc.org namespaces): read",
    excelLikeWorkbook({ strict: true }),
    0,
    [],
  );
  add(
    "date-1904.xlsx",
    "a workbook in the 1904 date system: read, dates right",
    excelLikeWorkbook({ date1904: true }),
    0,
    [],
  );
  add(
    "strict-open-xml-1904.xlsx",
    'Strict Open XML with date1904="true": read',
    excelLikeWorkbook({ strict: true, date1904: true }),
    0,
    [],
  );
  add(
    "xml-utf-16.xlsx",
    "XML parts in UTF-16 with a byte order mark: read",
    reencodedWorkbook("utf-16le"),
    0,
    [],
  );
  add(
    "xml-utf-16-no-bom.xlsx",
    "XML parts in UTF-16 without a byte order mark: read",
    reencodedWorkbook("utf-16le-no-bom"),
    0,
    [],
  );
  add(
    "xml-utf-8-bom.xlsx",
    "XML parts starting with a UTF-8 byte order mark: read",
    reencodedWorkbook("utf-8-bom"),
    0,
    [],
  );
  add(
    "xml-windows-1252.xlsx",
    'XML parts declaring encoding="windows-1252": decoded as declared',
    reencodedWorkbook("windows-1252"),
    0,
    [],
  );
  add(
    "number-format-out-of-range.xlsx",
    "cells whose style index is past cellXfs, styles with numFmtId 99999 and -7: plain numbers",
    zipBytes(
      workbookEntries(
        [
          sheet(
            sheetXml(
              VILLAGES_ROWS +
                `<row r="3"><c r="A3" s="999"><v>5</v></c><c r="B3" s="1"><v>6</v></c><c r="C3" s="2"><v>7</v></c></row>`,
            ),
          ),
        ],
        [
          entry(
            "xl/styles.xml",
            `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="99999"/><xf numFmtId="-7"/></cellXfs></styleSheet>`,
          ),
        ],
      ),
    ),
    0,
    [],
  );
  add("opendocument.xlsx", "LibreOffice's .ods renamed .xlsx", openDocumentSpreadsheet(), 1, [
    "OpenDocument",
    ".ods",
  ]);
  add("binary-workbook.xlsx", "an Excel binary workbook (.xlsb) renamed .xlsx", binaryWorkbook(), 1, [
    ".xlsb",
  ]);
  add("word-document.xlsx", "a Word .docx renamed .xlsx", wordDocument(), 1, [
    "tài liệu Word",
    "Word document",
  ]);
  add("xls-renamed.xlsx", "an Excel 97–2003 .xls (a compound file) renamed .xlsx", compoundFile("xls"), 1, [
    ".xls cũ",
  ]);
  add(
    "password-protected.xlsx",
    "a workbook saved with a password (a compound file holding EncryptedPackage)",
    compoundFile("encrypted"),
    1,
    ["mật khẩu", "password"],
  );
  const relsTo = (target: string): RawEntry =>
    entry(
      "xl/_rels/workbook.xml.rels",
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${target}"/></Relationships>`,
    );
  const villagesWith = (replace: (e: RawEntry) => RawEntry | null): Buffer =>
    zipBytes(
      workbookEntries([sheet(sheetXml(VILLAGES_ROWS))])
        .map(replace)
        .filter((e): e is RawEntry => e !== null),
    );
  add(
    "missing-sheet-part.xlsx",
    "workbook.xml names a sheet whose part is not in the zip",
    villagesWith((e) => (e.name.startsWith("xl/worksheets/") ? null : e)),
    1,
    ["“Thôn”", "xl/worksheets/sheet1.xml"],
  );
  add(
    "sheet-path-climbs-out.xlsx",
    'a sheet relationship with Target="../../../../etc/passwd" (never a file outside the zip)',
    villagesWith((e) => (e.name === "xl/_rels/workbook.xml.rels" ? relsTo("../../../../etc/passwd") : e)),
    1,
    ["“Thôn”", "etc/passwd"],
  );
  add(
    "shared-string-out-of-range.xlsx",
    "a cell referring to shared string 5 of a table of 1",
    zipBytes(
      workbookEntries(
        [sheet(sheetXml(VILLAGES_ROWS + `<row r="3"><c r="A3" t="s"><v>5</v></c></row>`))],
        [
          entry(
            "xl/sharedStrings.xml",
            `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>a</t></si></sst>`,
          ),
        ],
      ),
    ),
    1,
    ["A3", "chuỗi dùng chung"],
  );
  add(
    "shared-string-cell-with-text.xlsx",
    'a cell t="s" holding text instead of a shared-string number',
    zipBytes(
      workbookEntries([
        sheet(sheetXml(VILLAGES_ROWS + `<row r="3"><c r="A3" t="s"><v>Pò Mầm</v></c></row>`)),
      ]),
    ),
    1,
    ["A3", "shared string"],
  );
  add(
    "unknown-encoding.xlsx",
    "a sheet part declaring an encoding no decoder knows",
    zipBytes(
      workbookEntries([sheet(sheetXml(VILLAGES_ROWS).replace('encoding="UTF-8"', 'encoding="x-ma-hoa-la"'))]),
    ),
    1,
    ["x-ma-hoa-la", "sheet1.xml"],
  );
  // Files a shell has to refuse before reading them.
  const big = path.join(dir, "over-200mb.xlsx");
  fs.writeFileSync(big, whole);
  fs.truncateSync(big, 201 * MIB); // sparse: no disk space used
  add("over-200mb.xlsx", "a file of 201 MiB (sparse)", null, 1, ["200 MB"]);
  fs.mkdirSync(path.join(dir, "a-folder.xlsx"), { recursive: true });
  add("a-folder.xlsx", "a folder named like a workbook", null, 1, ["thư mục"]);
  return cases;
}
