import * as zlib from "node:zlib";
import type { SheetDescription } from "../report/description";
import { concatBytes } from "./bytes";
import { addReportSheetsStreamed } from "./write/reportSheet";
import { XlsxPackage } from "./write/workbook";
import { crc32, type Checksum, type Deflater, type StreamDeflater, type StreamingZip } from "./write/zip";

export { xlsxText } from "./write/xml";

/**
 * The report writer of the command line: report sheet descriptions → the bytes of an .xlsx
 * workbook, through the package writer in ./write (sheet XML written straight into bytes, zipped
 * with Node's zlib), not through a spreadsheet library's in-memory model: see docs/performance.md.
 */

/** Node's raw deflate, the fastest measured here. */
export const nodeDeflate: Deflater = (data) => zlib.deflateRawSync(data, { level: 6 });

/**
 * The report workbook's deflate level: 4, measured on the country's report (45 MB of sheet XML):
 * 0.2 s of CPU instead of 0.6 s at level 6, for a file 9 % larger (5.2 MB instead of 4.8 MB).
 * Submissions keep `nodeDeflate` (level 6, as the pane's fflate writes them).
 */
const REPORT_LEVEL = 4;

/** The report workbook's deflate, whole entries at a time (see `REPORT_LEVEL`). */
export const reportDeflate: Deflater = (data) => zlib.deflateRawSync(data, { level: REPORT_LEVEL });

/** Node's native CRC-32 (Node ≥ 20.15), else undefined: the zip writer's own is used. */
export const nodeCrc32: Checksum | undefined = (zlib as { crc32?: (d: Uint8Array) => number }).crc32;

const nativeCrc32 = (zlib as { crc32?: (d: Uint8Array, previous: number) => number }).crc32;

/**
 * A raw deflate fed chunk by chunk, run by Node's thread pool: each chunk is deflated while the
 * writer makes the next one (`write` resolves on the next turn of the event loop, which lets zlib
 * hand over what it has done and start on the next chunk). The output of a chunk fits one zlib
 * output buffer (`chunkSize` as large as an XML chunk), so a chunk is one trip to the pool.
 * Deflate's output does not depend on how its input is cut: the bytes are those of
 * `deflateRawSync` on the whole entry.
 */
export function nodeStreamDeflater(level: number): StreamDeflater {
  const z = zlib.createDeflateRaw({ level, chunkSize: 1 << 20 });
  const out: Buffer[] = [];
  z.on("data", (b: Buffer) => out.push(b));
  // The output in the pieces zlib gave (joined only if written out in one array).
  const done = new Promise<readonly Uint8Array[]>((resolve, reject) => {
    z.on("end", () => resolve(out));
    z.on("error", reject);
  });
  // Without a handler here, a failure before `end` is called would be an unhandled rejection.
  done.catch(() => undefined);
  return {
    write: (chunk, consumed) => {
      // The write's callback comes once zlib has read all of the chunk (without error: after a
      // failure the chunk is not given back, whatever zlib still does with it).
      z.write(chunk, consumed && ((error) => error || consumed()));
      return new Promise<void>((resolve) => setImmediate(resolve));
    },
    end: () => {
      z.end();
      return done;
    },
  };
}

/** The report workbook's zipping: `nodeStreamDeflater` at `REPORT_LEVEL`, native CRC-32. */
export const reportZip: StreamingZip = {
  deflater: () => nodeStreamDeflater(REPORT_LEVEL),
  checksum: nativeCrc32 ?? crc32,
};

/**
 * The bytes of an .xlsx file holding the report sheets, in order. `meanwhile`: work of the
 * caller's, run once the sheets' XML is written and the last parts are handed to the thread pool,
 * while they deflate (the main thread would otherwise wait for them).
 */
export async function reportXlsxBytes(
  descriptions: readonly SheetDescription[],
  meanwhile?: () => void,
): Promise<Uint8Array> {
  return concatBytes(await reportXlsxPieces(descriptions, meanwhile));
}

/** `reportXlsxBytes` in pieces, in order (for writing out without joining them first). */
export async function reportXlsxPieces(
  descriptions: readonly SheetDescription[],
  meanwhile?: () => void,
): Promise<Uint8Array[]> {
  const pkg = new XlsxPackage();
  await addReportSheetsStreamed(pkg, descriptions, reportZip);
  const pieces = pkg.piecesStreamed(reportZip);
  try {
    meanwhile?.();
  } catch (error) {
    pieces.catch(() => undefined); // the caller's failure is the one reported
    throw error;
  }
  return pieces;
}
