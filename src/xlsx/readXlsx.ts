import { promises as fs } from "fs";
import * as path from "path";
import type { WorkbookGrids } from "../core/grid";
import { UnusableInputError } from "./errors";
import { gridsFromXlsx } from "./grids";

/**
 * The Node shell for reading: an .xlsx file (or its bytes) → `WorkbookGrids`, the plain values the
 * core reads. The conversion itself is in grids.ts (shared with the task pane, which reads files in
 * the browser); this module adds the file system. Files that are not workbooks at all throw
 * `UnusableInputError`; everything inside a workbook, however odd, becomes a value and is left to
 * the core to judge.
 */

/** Reads an .xlsx file. `label` names it in messages (default: the file's base name). */
export async function readXlsxFile(
  filePath: string,
  label: string = path.basename(filePath),
): Promise<WorkbookGrids> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(filePath);
    if (stat.isDirectory()) throw new UnusableInputError(label, "directory");
    bytes = await fs.readFile(filePath);
  } catch (error) {
    if (error instanceof UnusableInputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR")
      throw new UnusableInputError(label, "not-found", { cause: error });
    if (code === "EISDIR") throw new UnusableInputError(label, "directory", { cause: error });
    throw error;
  }
  return readXlsxBuffer(bytes, label);
}

/** Reads the bytes of an .xlsx file. `label` names it in messages and issues. */
export async function readXlsxBuffer(buffer: Uint8Array, label: string): Promise<WorkbookGrids> {
  // A Node Buffer over the same bytes: what ExcelJS's Node build has always been given here.
  return gridsFromXlsx(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength), label);
}
