import { promises as fs } from "fs";
import * as path from "path";
import type { SheetDescription } from "../report/description";
import { reportXlsxBytes } from "./writeReport";

/**
 * Writes the report workbook to `target` so that no reader ever sees half a file: the bytes go to a
 * temporary file in the same folder (created if missing), which is then renamed over the target.
 * On failure the temporary file is removed and an existing target is left as it was.
 */
export async function writeReportFile(
  target: string,
  descriptions: readonly SheetDescription[],
): Promise<void> {
  const bytes = await reportXlsxBytes(descriptions);
  const dir = path.dirname(path.resolve(target));
  await fs.mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.writeFile(temp, bytes);
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}
