import type { IncomingFile } from "../app/imports/plan";
import { isUnusableInputError } from "../xlsx/errors";

/**
 * Reads the files the clerk picked, in the pane: each file's bytes (File.arrayBuffer) go through
 * the same bounded reader as the command line (src/xlsx/grids.ts, inflating with fflate here
 * instead of Node's zlib), with the same limits and the same one-line refusals. Nothing is
 * uploaded. The reader is loaded on first use, from its own chunk, so that the pane's first load
 * stays small.
 */
export async function readPickedFiles(files: readonly File[]): Promise<IncomingFile[]> {
  const { gridsFromXlsx } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/grids");
  return Promise.all(
    files.map(async (f): Promise<IncomingFile> => {
      try {
        const bytes = new Uint8Array(await f.arrayBuffer());
        return { file: f.name, workbook: await gridsFromXlsx(bytes, f.name), error: null };
      } catch (error) {
        if (isUnusableInputError(error)) return { file: f.name, workbook: null, error: error.bilingual };
        const detail = error instanceof Error ? error.message : String(error);
        return {
          file: f.name,
          workbook: null,
          error: {
            vi: `Không đọc được tệp “${f.name}”: ${detail}`,
            en: `Cannot read “${f.name}”: ${detail}`,
          },
        };
      }
    }),
  );
}

/** Saves bytes as a downloaded file (where Excel cannot open a new workbook). Nothing is uploaded. */
export function downloadFile(bytes: Uint8Array, fileName: string): void {
  const blob = new Blob([bytes as BlobPart], {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
