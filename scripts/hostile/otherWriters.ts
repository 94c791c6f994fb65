import { entry, zipBytes, type RawEntry } from "./zipBytes";

/**
 * Files that other programs (or Excel's less common "Save as" types) write, for the hostile corpus
 * and the reader's tests: Strict Open XML, the 1904 date system, XML parts in UTF-16 or a legacy
 * code page, and files that are not workbooks at all though named .xlsx (OpenDocument, Word, an
 * old .xls, a password-protected workbook). Each is small and built here, byte by byte.
 */

const TRANSITIONAL = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
};
const STRICT = {
  main: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  r: "http://purl.oclc.org/ooxml/officeDocument/relationships",
};
const PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";

/** The villages table of these files: headers, then one village whose head took office on a date. */
export const OTHER_WRITERS_HEADERS = [
  "Tỉnh",
  "Huyện",
  "Xã",
  "Thôn",
  "Bí thư chi bộ",
  "Trưởng thôn",
  "Nhất thể hóa",
  "Ngày bầu",
];
export const OTHER_WRITERS_VILLAGE = [
  "Lạng Sơn",
  "Bình Gia",
  "Yên Lỗ",
  "Pò Mầm",
  "Hoàng Văn A",
  "Hoàng Văn A",
];
/** 2019-01-01 as a serial number in each date system (1900: 43466; 1904: 1,462 days fewer). */
export const SERIAL_2019_01_01 = { 1900: 43466, 1904: 42004 } as const;

const columnLetter = (i: number): string => String.fromCharCode(65 + i);

/**
 * A workbook as Excel writes one: shared strings, a styles part with the date format 14 (d/m/yyyy),
 * a villages sheet whose row 2 ends with a boolean "consolidated" flag and a date. `strict` uses
 * the Strict Open XML namespaces and relationship types (File > Save As > "Strict Open XML
 * Spreadsheet") and xsd:boolean attributes ("true"; a boolean cell's value stays 1, as LibreOffice
 * also expects); `date1904` the 1904 date system (Excel for Mac's
 * old default, still an option of every workbook).
 */
export function excelLikeWorkbook(options: { strict?: boolean; date1904?: boolean } = {}): Buffer {
  const ns = options.strict ? STRICT : TRANSITIONAL;
  const relType = (t: string): string =>
    options.strict
      ? `http://purl.oclc.org/ooxml/officeDocument/relationships/${t}`
      : `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${t}`;
  const strings = [...OTHER_WRITERS_HEADERS, ...OTHER_WRITERS_VILLAGE];
  const index = (s: string): number => strings.indexOf(s);
  const sharedCell = (ref: string, s: string): string => `<c r="${ref}" t="s"><v>${index(s)}</v></c>`;
  const serial = SERIAL_2019_01_01[options.date1904 ? 1904 : 1900];
  const row1 = OTHER_WRITERS_HEADERS.map((h, i) => sharedCell(`${columnLetter(i)}1`, h)).join("");
  const row2 =
    OTHER_WRITERS_VILLAGE.map((v, i) => sharedCell(`${columnLetter(i)}2`, v)).join("") +
    `<c r="G2" t="b"><v>1</v></c>` +
    `<c r="H2" s="1"><v>${serial}</v></c>`;
  const bool = options.strict ? "true" : "1";
  const entries: RawEntry[] = [
    entry(
      "[Content_Types].xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    ),
    entry(
      "_rels/.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${PACKAGE_RELS}">` +
        `<Relationship Id="rId1" Type="${relType("officeDocument")}" Target="xl/workbook.xml"/></Relationships>`,
    ),
    entry(
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${ns.main}" xmlns:r="${ns.r}"${options.strict ? ' conformance="strict"' : ""}>` +
        (options.date1904 ? `<workbookPr date1904="${bool}"/>` : `<workbookPr/>`) +
        `<sheets><sheet name="Thôn" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    entry(
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${PACKAGE_RELS}">` +
        `<Relationship Id="rId1" Type="${relType("worksheet")}" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${relType("sharedStrings")}" Target="sharedStrings.xml"/>` +
        `<Relationship Id="rId3" Type="${relType("styles")}" Target="styles.xml"/></Relationships>`,
    ),
    entry(
      "xl/worksheets/sheet1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${ns.main}" xmlns:r="${ns.r}">` +
        `<dimension ref="A1:H2"/><sheetData><row r="1">${row1}</row><row r="2">${row2}</row></sheetData></worksheet>`,
    ),
    entry(
      "xl/sharedStrings.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="${ns.main}" count="${strings.length}" uniqueCount="${strings.length}">` +
        strings.map((s) => `<si><t>${s}</t></si>`).join("") +
        `</sst>`,
    ),
    entry(
      "xl/styles.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="${ns.main}">` +
        `<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
        `<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="${bool}"/></cellXfs></styleSheet>`,
    ),
  ];
  return zipBytes(entries);
}

/**
 * The same workbook with every XML part re-encoded: `utf-16le` (with its byte order mark),
 * `utf-16le-no-bom`, `utf-8-bom`, or `windows-1252` (declared so, the text limited to Latin-1:
 * a village "Café" instead of Vietnamese names the code page cannot hold).
 */
export function reencodedWorkbook(
  encoding: "utf-16le" | "utf-16le-no-bom" | "utf-8-bom" | "windows-1252",
): Buffer {
  const text = (s: string): string => (encoding === "windows-1252" ? latin1Only(s) : s);
  const encode = (xml: string): Buffer => {
    const declared = (label: string): string => xml.replace('encoding="UTF-8"', `encoding="${label}"`);
    if (encoding === "utf-16le")
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(declared("UTF-16"), "utf16le")]);
    if (encoding === "utf-16le-no-bom") return Buffer.from(declared("UTF-16"), "utf16le");
    if (encoding === "utf-8-bom")
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml, "utf8")]);
    return Buffer.from(text(declared("windows-1252")), "latin1");
  };
  const strings = [...OTHER_WRITERS_HEADERS.slice(0, 7), ...OTHER_WRITERS_VILLAGE];
  const inline = (ref: string, s: string): string => `<c r="${ref}" t="inlineStr"><is><t>${s}</t></is></c>`;
  const sheet =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${TRANSITIONAL.main}"><sheetData>` +
    `<row r="1">${strings
      .slice(0, 7)
      .map((s, i) => inline(`${columnLetter(i)}1`, s))
      .join("")}</row>` +
    `<row r="2">${strings
      .slice(7)
      .map((s, i) => inline(`${columnLetter(i)}2`, s))
      .join("")}${inline("G2", "x")}</row>` +
    `</sheetData></worksheet>`;
  return zipBytes([
    entry(
      "_rels/.rels",
      encode(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PACKAGE_RELS}"><Relationship Id="rId1" Type="${TRANSITIONAL.r}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    ),
    entry(
      "xl/workbook.xml",
      encode(
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${TRANSITIONAL.main}" xmlns:r="${TRANSITIONAL.r}"><sheets><sheet name="${text("Thôn")}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    ),
    entry(
      "xl/_rels/workbook.xml.rels",
      encode(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PACKAGE_RELS}"><Relationship Id="rId1" Type="${TRANSITIONAL.r}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
    ),
    entry("xl/worksheets/sheet1.xml", encode(sheet)),
  ]);
}

/** Vietnamese letters Latin-1 lacks, replaced by their base letters plus "é" kept: "Café" survives. */
export function latin1Only(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/Po Mam/g, "Café");
}

/** An OpenDocument spreadsheet (LibreOffice's .ods) named .xlsx: the `mimetype` entry first, stored. */
export function openDocumentSpreadsheet(): Buffer {
  return zipBytes([
    entry("mimetype", "application/vnd.oasis.opendocument.spreadsheet", 0),
    entry(
      "content.xml",
      `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>`,
    ),
    entry(
      "META-INF/manifest.xml",
      `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>`,
    ),
  ]);
}

/** An Excel binary workbook (.xlsb, File > Save As) named .xlsx: its workbook part is `workbook.bin`. */
export function binaryWorkbook(): Buffer {
  return zipBytes([
    entry(
      "_rels/.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PACKAGE_RELS}"><Relationship Id="rId1" Type="${TRANSITIONAL.r}/officeDocument" Target="xl/workbook.bin"/></Relationships>`,
    ),
    // BrtBeginBook and a few records: binary, not XML.
    entry(
      "xl/workbook.bin",
      Buffer.from([0x83, 0x01, 0x00, 0x80, 0x01, 0x00, 0x99, 0x01, 0x04, 0, 0, 0, 0, 0x84, 0x01, 0x00]),
    ),
  ]);
}

/** A Word document (.docx) named .xlsx. */
export function wordDocument(): Buffer {
  return zipBytes([
    entry(
      "_rels/.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PACKAGE_RELS}"><Relationship Id="rId1" Type="${TRANSITIONAL.r}/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    entry(
      "word/document.xml",
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>`,
    ),
  ]);
}

/**
 * A compound-file (CFB) container as old .xls files and password-protected .xlsx files are: the
 * CFB signature, a header, then one directory sector naming its streams in UTF-16LE. With an
 * "EncryptedPackage" stream it is what Excel saves with a password ("Encrypt with Password");
 * with a "Workbook" stream, an Excel 97–2003 .xls.
 */
export function compoundFile(kind: "encrypted" | "xls"): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24);
  header.writeUInt16LE(0x0003, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  const directory = Buffer.alloc(512);
  const names =
    kind === "encrypted"
      ? ["Root Entry", "EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces"]
      : ["Root Entry", "Workbook", "\u0005SummaryInformation", "\u0005DocumentSummaryInformation"];
  names.forEach((name, i) => {
    const at = i * 128;
    directory.write(name, at, "utf16le");
    directory.writeUInt16LE((name.length + 1) * 2, at + 64);
    directory.writeUInt8(i === 0 ? 5 : 2, at + 66);
  });
  return Buffer.concat([header, directory]);
}
