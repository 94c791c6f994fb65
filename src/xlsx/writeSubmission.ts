import type { SubmissionManifest } from "../core/submission/manifest";
import type { SheetDescription } from "../report/description";
import { submissionPackageBytes, type DataSheet } from "./write/submission";
import { nodeCrc32, nodeDeflate } from "./writeReport";

export { CellTooLongError, isCellTooLongError, type DataSheet } from "./write/submission";

/** The submission workbook's bytes (see `submissionPackageBytes`), zipped with Node's zlib. */
export function submissionXlsxBytes(
  reports: readonly SheetDescription[],
  data: readonly DataSheet[],
  manifest: SubmissionManifest,
): Uint8Array {
  return submissionPackageBytes(reports, data, manifest, nodeDeflate, nodeCrc32);
}
