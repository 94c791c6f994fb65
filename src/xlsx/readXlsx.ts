import { constants, promises as fs } from "fs";
import * as path from "path";
import type { WorkbookGrids } from "../core/grid";
import { UnusableInputError } from "./errors";
import { fileTooLarge, gridsFromXlsx } from "./grids";
import { LIMITS } from "./limits";
import { nodeCodec } from "./zip/nodeCodec";

/**
 * The Node shell for reading: an .xlsx file (or its bytes) → `WorkbookGrids`, the plain values the
 * core reads. The conversion itself is in grids.ts (shared with the task pane, which reads files in
 * the browser); this module adds the file system and Node's zlib. Only regular files are opened:
 * a folder, a named pipe, a device or a socket is refused from its `stat` before any open (a pipe
 * would block the read forever), and so is a file over `LIMITS.fileBytes`. Files that are not
 * workbooks at all throw `UnusableInputError`; everything inside a workbook, however odd, becomes a
 * value and is left to the core to judge.
 */

/** Reads an .xlsx file. `label` names it in messages (default: the file's base name). */
export async function readXlsxFile(
  filePath: string,
  label: string = path.basename(filePath),
): Promise<WorkbookGrids> {
  let bytes: Buffer;
  try {
    checkFile(await fs.stat(filePath), label);
    // O_NONBLOCK: should the path have become a pipe since the stat, opening it does not wait for a
    // writer; the fstat below then refuses it.
    const handle = await fs.open(filePath, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      checkFile(await handle.stat(), label);
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof UnusableInputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR")
      throw new UnusableInputError(label, "not-found", { cause: error });
    if (code === "EISDIR") throw new UnusableInputError(label, "directory", { cause: error });
    if (code === "ENXIO" || code === "EAGAIN")
      throw new UnusableInputError(label, "not-regular", { cause: error });
    throw error;
  }
  return readXlsxBuffer(bytes, label);
}

function checkFile(stat: { isFile(): boolean; isDirectory(): boolean; size: number }, label: string): void {
  if (stat.isDirectory()) throw new UnusableInputError(label, "directory");
  if (!stat.isFile()) throw new UnusableInputError(label, "not-regular");
  if (stat.size > LIMITS.fileBytes) throw fileTooLarge(label, stat.size);
}

/** Reads the bytes of an .xlsx file. `label` names it in messages and issues. */
export async function readXlsxBuffer(buffer: Uint8Array, label: string): Promise<WorkbookGrids> {
  return gridsFromXlsx(buffer, label, nodeCodec);
}
