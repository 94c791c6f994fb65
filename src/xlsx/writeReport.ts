import * as zlib from "node:zlib";
import type { SheetDescription } from "../report/description";
import { addReportSheets } from "./write/reportSheet";
import { XlsxPackage } from "./write/workbook";
import type { Checksum, Deflater } from "./write/zip";

export { xlsxText } from "./write/xml";

/**
 * The report writer of the command line: report sheet descriptions → the bytes of an .xlsx
 * workbook, through the package writer in ./write (sheet XML built directly, zipped with Node's
 * zlib), not through a spreadsheet library's in-memory model: see docs/performance.md.
 */

/** Node's raw deflate, the fastest measured here. */
export const nodeDeflate: Deflater = (data) => zlib.deflateRawSync(data, { level: 6 });

/** Node's native CRC-32 (Node ≥ 20.15), else undefined: the zip writer's own is used. */
export const nodeCrc32: Checksum | undefined = (zlib as { crc32?: (d: Uint8Array) => number }).crc32;

/** The bytes of an .xlsx file holding the report sheets, in order. */
export function reportXlsxBytes(descriptions: readonly SheetDescription[]): Uint8Array {
  const pkg = new XlsxPackage();
  addReportSheets(pkg, descriptions);
  return pkg.bytes(nodeDeflate, nodeCrc32);
}
