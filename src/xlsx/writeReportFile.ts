import type { SheetDescription } from "../report/description";
import { writeFileAtomic } from "./files";
import { reportXlsxBytes } from "./writeReport";

/**
 * Writes the report workbook to `target` so that no reader ever sees half a file (see
 * `writeFileAtomic`): on failure an existing target is left as it was and no temporary file
 * remains; a file-system failure is a `FileSystemError` naming `target`.
 */
export async function writeReportFile(
  target: string,
  descriptions: readonly SheetDescription[],
): Promise<void> {
  await writeFileAtomic(target, await reportXlsxBytes(descriptions));
}
