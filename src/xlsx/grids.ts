import { REPORT_NAME_PREFIX, type SheetGrid, type WorkbookGrids } from "../core/grid";
import type { Message } from "../core/issues";
import { UnusableInputError, type UnusableReason } from "./errors";
import { LIMITS } from "./limits";
import { readRelationships, resolvePart } from "./xml/relationships";
import { readSharedStrings, TooManyStrings } from "./xml/sharedStrings";
import { XmlProblem } from "./xml/scanner";
import { readStyles } from "./xml/styles";
import { readWorkbookPart } from "./xml/workbookPart";
import { readWorksheet, SheetProblem, type SheetContext } from "./xml/worksheet";
import { WorksheetPieces } from "./xml/worksheetPieces";
import { browserCodec } from "./zip/browserCodec";
import type { ZipCodec } from "./zip/codec";
import { ZipArchive, ZipProblem } from "./zip/archive";

/**
 * An .xlsx file's bytes → `WorkbookGrids`, the plain values the core reads: the bounded reader
 * shared by the command line (through readXlsx.ts, which adds the file system and Node's zlib) and
 * the task pane (files picked in the pane, read in the browser with fflate; loaded lazily, in its
 * own chunk). No Node API here. The zip is read from its central directory (zip/), the parts by a
 * streaming scan (xml/): the workbook (sheets, their order and visibility, defined names), the
 * shared strings, the styles (dates and percentages) and each worksheet, nothing else. Files that
 * are not workbooks at all, or that pass a limit (src/xlsx/limits.ts), throw `UnusableInputError`
 * naming the file and what was wrong; everything inside a workbook, however odd, becomes a value
 * and is left to the core to judge.
 */

/**
 * Reads the bytes of an .xlsx, .xlsm or .xltx file. `label` names it in messages and issues.
 * `codec` inflates the parts: fflate by default (any browser); the CLI passes Node's zlib.
 */
export async function gridsFromXlsx(
  bytes: Uint8Array,
  label: string,
  codec: ZipCodec = browserCodec,
): Promise<WorkbookGrids> {
  const problem = sniff(bytes);
  if (problem) throw new UnusableInputError(label, problem);
  if (bytes.length > LIMITS.fileBytes) throw tooLarge(label, bytes.length);
  try {
    return await readWorkbook(bytes, label, codec);
  } catch (error) {
    throw asUnusable(error, label);
  }
}

async function readWorkbook(bytes: Uint8Array, label: string, codec: ZipCodec): Promise<WorkbookGrids> {
  const zip = new ZipArchive(bytes, codec);
  const rootRels = await zip.read("_rels/.rels");
  const officeDocument = rootRels
    ? [...inPart("_rels/.rels", () => readRelationships(rootRels, "")).values()].find(
        (r) => r.type === "officeDocument",
      )
    : undefined;
  const workbookName = officeDocument?.target ?? "xl/workbook.xml";
  const workbookBytes = await zip.read(workbookName);
  if (!workbookBytes || /^(word|ppt)\/|\.bin$/i.test(workbookName)) throw await whatElse(zip, workbookName);
  const folder = workbookName.slice(0, workbookName.lastIndexOf("/") + 1);
  const relsName = `${folder}_rels/${workbookName.slice(folder.length)}.rels`;
  const relsBytes = await zip.read(relsName);
  const rels = relsBytes ? inPart(relsName, () => readRelationships(relsBytes, folder)) : new Map();
  const workbook = inPart(workbookName, () => readWorkbookPart(workbookBytes));
  refuseSameNames(workbook.sheets);
  const relList = [...rels.values()];
  const partOf = (type: string, fallback: string): string =>
    relList.find((r) => r.type === type)?.target ?? resolvePart(folder, fallback);
  const stringsName = partOf("sharedStrings", "sharedStrings.xml");
  const stylesName = partOf("styles", "styles.xml");
  // The parts still to read, in the order they are read below, begun at once: with Node's zlib
  // the large sheets inflate on its thread pool while this thread parses the strings and the
  // sheets before them (the checks and the order of any failure are those of one read after
  // another), and are parsed in pieces while they inflate (xml/worksheetPieces.ts).
  const worksheets = workbook.sheets
    .map((sheet) => rels.get(sheet.relationshipId))
    .filter((rel) => rel?.type === "worksheet")
    .map((rel) => rel!.target);
  zip.readAhead([stringsName, stylesName, ...worksheets], new Set(worksheets));
  const stringsBytes = await zip.read(stringsName);
  const strings = inPart(stringsName, () => readSharedStrings(stringsBytes));
  zip.release(stringsBytes);
  const stylesBytes = await zip.read(stylesName);
  const styles = inPart(stylesName, () => readStyles(stylesBytes));
  zip.release(stylesBytes);
  const reports = reportSheetNames(workbook.definedNames);
  const budget = { cells: LIMITS.cells };
  const sheets: SheetGrid[] = [];
  for (const sheet of workbook.sheets) {
    const rel = rels.get(sheet.relationshipId);
    // A sheet listed without its relationship: dropping it silently could drop the villages.
    if (!rel)
      throw new NotAWorkbook({
        vi: `trang tính “${sheet.name}”: thiếu liên kết “${sheet.relationshipId}” đến nội dung của nó`,
        en: `sheet “${sheet.name}”: the relationship “${sheet.relationshipId}” to its cells is missing`,
      });
    // Chart sheets, dialog and macro sheets hold no cells the core could read: left out, as before.
    if (rel.type !== "worksheet") continue;
    const ctx: SheetContext = { name: sheet.name, strings, styles, date1904: workbook.date1904, budget };
    const grid = await readSheetPart(zip, rel.target, ctx);
    if (!grid)
      throw new NotAWorkbook({
        vi: `trang tính “${sheet.name}”: thiếu phần “${rel.target}” chứa nội dung của nó`,
        en: `sheet “${sheet.name}”: the part “${rel.target}” that holds its cells is missing`,
      });
    sheets.push({
      ...grid,
      visibility: sheet.visibility,
      ...(reports.has(sheet.name) ? { report: true } : {}),
    });
  }
  if (sheets.length === 0)
    throw new NotAWorkbook({
      vi: "sổ làm việc không có trang tính nào",
      en: "the workbook has no worksheet",
    });
  return { file: label, sheets };
}

/**
 * A worksheet part's grid (null when the zip has no such part): parsed in pieces while it
 * inflates when the codec inflates it so, else whole; the same grid, or the same error, either way.
 * A part whose reading in pieces was given up (see WorksheetPieces) is inflated again and read whole.
 */
async function readSheetPart(zip: ZipArchive, name: string, ctx: SheetContext): Promise<SheetGrid | null> {
  const pieces = new WorksheetPieces(ctx);
  const part = await zip.readInPieces(name, (piece) => pieces.push(piece));
  if (!part) return null;
  if ("pieces" in part) {
    const grid = inPart(name, () => pieces.end());
    if (grid) return grid;
  }
  const bytes = "bytes" in part ? part.bytes : await zip.readAgain(name);
  const grid = inPart(name, () => readWorksheet(bytes!, ctx));
  zip.release(bytes);
  return grid;
}

/**
 * Two sheets with one name (compared as Excel compares them, upper and lower case alike) are
 * refused, as Excel refuses to open such a file without repairing it: reading both would give two
 * sheets a clerk cannot tell apart in any message, and reading only the first would silently drop
 * the other's rows.
 */
function refuseSameNames(sheets: readonly { name: string }[]): void {
  const seen = new Map<string, string>();
  for (const { name } of sheets) {
    const key = name.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined)
      throw new NotAWorkbook({
        vi: `hai trang tính trùng tên: “${first}” và “${name}” (Excel coi chữ hoa và chữ thường là một)`,
        en: `two sheets have one name: “${first}” and “${name}” (Excel takes upper and lower case as the same)`,
      });
    seen.set(key, name);
  }
}

/**
 * Why a zip without its workbook part is not a workbook, as precisely as its parts tell: an
 * OpenDocument file (LibreOffice's .ods, or another OpenDocument type, by its `mimetype` entry),
 * an Excel binary workbook (.xlsb: its workbook part is `workbook.bin`), a Word or PowerPoint file
 * renamed, or just no workbook part.
 */
async function whatElse(zip: ZipArchive, workbookName: string): Promise<Error> {
  const mimetype = zip.has("mimetype") ? await zip.read("mimetype") : null;
  const type = mimetype ? new TextDecoder().decode(mimetype.subarray(0, 100)).trim() : "";
  if (type.startsWith("application/vnd.oasis.opendocument.")) return new OpenDocument(type);
  if (/\.bin$/i.test(workbookName))
    return new NotAWorkbook({
      vi: "đây là sổ làm việc nhị phân Excel (.xlsb): hãy mở bằng Excel rồi lưu dạng .xlsx",
      en: "it is an Excel binary workbook (.xlsb): open it in Excel and save it as .xlsx",
    });
  const other = /^(word|ppt)\//.exec(workbookName)?.[1];
  if (other === "word")
    return new NotAWorkbook({ vi: "đây là tài liệu Word (.docx)", en: "it is a Word document (.docx)" });
  if (other === "ppt")
    return new NotAWorkbook({
      vi: "đây là bản trình chiếu PowerPoint (.pptx)",
      en: "it is a PowerPoint presentation (.pptx)",
    });
  return new NotAWorkbook({
    vi: `không có phần sổ làm việc “${workbookName}”`,
    en: `there is no workbook part “${workbookName}”`,
  });
}

/** Runs a part's parser; XML it refuses is reported with the part's name. */
function inPart<T>(name: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof XmlProblem) throw new PartXmlProblem(name, error);
    throw error;
  }
}

/** XML refused in a named part. */
class PartXmlProblem extends Error {
  constructor(
    readonly part: string,
    readonly problem: XmlProblem,
  ) {
    super(problem.message);
  }
}

/** A zip that holds no workbook (or a workbook without worksheets, or one missing a sheet's part). */
class NotAWorkbook extends Error {
  constructor(readonly detail: Message) {
    super(detail.en);
  }
}

/** An OpenDocument file (by its `mimetype`), such as LibreOffice's .ods. */
class OpenDocument extends Error {
  constructor(readonly type: string) {
    super(type);
  }
}

/** Any failure of the parts above as the one-line `UnusableInputError` naming the file. */
function asUnusable(error: unknown, label: string): Error {
  if (error instanceof UnusableInputError) return error;
  const options = (reason: UnusableReason, detail?: Message) =>
    new UnusableInputError(label, reason, { cause: error, ...(detail ? { detail } : {}) });
  if (error instanceof ZipProblem) return options(error.kind, error.detail);
  if (error instanceof SheetProblem) return options(error.kind, error.detail);
  if (error instanceof PartXmlProblem) {
    const where = { vi: `phần “${error.part}”`, en: `the part “${error.part}”` };
    if (error.problem.kind === "unsafe") return options("unsafe-xml", where);
    if (error.problem.kind === "encoding")
      return options("corrupt", {
        vi: `${where.vi} dùng bảng mã “${error.problem.message}” mà máy này không đọc được`,
        en: `${where.en} uses the character encoding “${error.problem.message}”, which this system cannot read`,
      });
    return options("corrupt", { vi: `XML hỏng trong ${where.vi}`, en: `broken XML in ${where.en}` });
  }
  if (error instanceof TooManyStrings)
    return options("too-many-cells", {
      vi: `bảng chuỗi dùng chung có quá ${LIMITS.sharedStrings.toLocaleString("vi-VN")} chuỗi`,
      en: `the shared-string table has more than ${LIMITS.sharedStrings.toLocaleString("en-US")} strings`,
    });
  if (error instanceof NotAWorkbook) return options("corrupt", error.detail);
  if (error instanceof OpenDocument)
    return options(
      "opendocument",
      error.type.endsWith(".spreadsheet") ? undefined : { vi: error.type, en: error.type },
    );
  // A RangeError from a string or array past the engine's own limits, or anything unforeseen in a
  // broken file: still one line naming the file, never a stack trace.
  return options("corrupt");
}

function tooLarge(label: string, size: number): UnusableInputError {
  const mb = (n: number): string => `${Math.ceil(n / (1024 * 1024))} MB`;
  return new UnusableInputError(label, "too-large", {
    detail: {
      vi: `${mb(size)}, giới hạn là ${mb(LIMITS.fileBytes)}`,
      en: `${mb(size)}, the limit is ${mb(LIMITS.fileBytes)}`,
    },
  });
}

/** The refusal of a file over `LIMITS.fileBytes`, for shells that know the size before reading. */
export function fileTooLarge(label: string, size: number): UnusableInputError {
  return tooLarge(label, size);
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** The stream an encrypted OOXML file keeps inside its CFB container, as UTF-16LE directory text. */
const ENCRYPTED_PACKAGE = utf16le("EncryptedPackage");

/** Recognises what a file is from its first bytes, before reading it as a zip. */
export function sniff(buffer: Uint8Array): UnusableReason | null {
  if (buffer.length === 0) return "empty";
  if (startsWith(buffer, CFB_SIGNATURE)) {
    // Both old .xls and password-protected .xlsx are CFB containers; the encrypted one holds an
    // "EncryptedPackage" stream whose name sits in the directory sectors.
    return contains(buffer, ENCRYPTED_PACKAGE) ? "encrypted" : "legacy-xls";
  }
  if (!startsWith(buffer, ZIP_SIGNATURE)) return "not-zip";
  return null;
}

function startsWith(buffer: Uint8Array, signature: readonly number[]): boolean {
  return buffer.length >= signature.length && signature.every((byte, i) => buffer[i] === byte);
}

/** An ASCII string's UTF-16LE bytes (no Node Buffer: this module runs in the browser too). */
function utf16le(s: string): Uint8Array {
  const bytes = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) bytes[2 * i] = s.charCodeAt(i);
  return bytes;
}

/** True when `needle` occurs in `haystack` (a scan for its first byte, then a compare). */
function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  const last = haystack.length - needle.length;
  for (let i = haystack.indexOf(first); i !== -1 && i <= last; i = haystack.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && haystack[i + j] === needle[j]) j++;
    if (j === needle.length) return true;
  }
  return false;
}

/** Sheets marked as the add-in's reports by a `_nth_report_*` defined name (see src/xlsx/writeReport.ts). */
function reportSheetNames(definedNames: readonly { name: string; text: string }[]): Set<string> {
  const names = new Set<string>();
  for (const { name, text } of definedNames) {
    if (!name.startsWith(REPORT_NAME_PREFIX)) continue;
    for (const range of text.split(",")) {
      const m = /^'?(.*?)'?!/.exec(range.trim());
      if (m) names.add(m[1].replace(/''/g, "'"));
    }
  }
  return names;
}
