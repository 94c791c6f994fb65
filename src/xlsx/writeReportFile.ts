import type { SheetDescription } from "../report/description";
import { writeFileAtomic } from "./files";
import { reportXlsxPieces } from "./writeReport";

/**
 * Writes the report workbook to `target` so that no reader ever sees half a file (see
 * `writeFileAtomic`): on failure an existing target is left as it was and no temporary file
 * remains; a file-system failure is a `FileSystemError` naming `target`. `meanwhile`: see
 * `reportXlsxBytes` (the command line makes its JSON summary while the last parts deflate).
 */
export async function writeReportFile(
  target: string,
  descriptions: readonly SheetDescription[],
  meanwhile?: () => void,
): Promise<void> {
  await writeFileAtomic(target, await reportXlsxPieces(descriptions, meanwhile));
}
