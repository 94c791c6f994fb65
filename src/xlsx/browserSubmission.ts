import { deflateSync } from "fflate";
import type { SubmissionManifest } from "../core/submission/manifest";
import type { SheetDescription } from "../report/description";
import { submissionPackageBytes, type DataSheet } from "./write/submission";

/**
 * The submission workbook's bytes in the task pane (see `submissionPackageBytes`), zipped with
 * fflate's raw deflate: no Node API, loaded by the pane in its own chunk.
 */
export function submissionXlsxBytes(
  reports: readonly SheetDescription[],
  data: readonly DataSheet[],
  manifest: SubmissionManifest,
): Uint8Array {
  return submissionPackageBytes(reports, data, manifest, (bytes) => deflateSync(bytes, { level: 6 }));
}
