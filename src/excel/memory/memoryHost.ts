import type { ExcelHost } from "../host";
import type { XSessionContext } from "../objectModel";
import { runFake, type FakeWorkbook } from "./fakeExcel";

/**
 * The host over an in-memory workbook (demo mode, tests): batches run with `delayForCellEdit`, as
 * inside Excel; `isSetSupported` answers by the fake's ExcelApi version unless `supported` is given;
 * a workbook "created" from bytes is kept in `book.createdWorkbooks`.
 */
export function memoryExcelHost(
  book: FakeWorkbook,
  supported: (name: string, version: string) => boolean = (name, version) =>
    name !== "ExcelApi" || book.supportsExcelApi(Number(version.split(".")[1] ?? 0)),
): ExcelHost {
  return {
    kind: "demo",
    run: <T>(batch: (context: XSessionContext) => Promise<T>): Promise<T> =>
      runFake(book, batch, { delayForCellEdit: true }),
    isSetSupported: supported,
    createWorkbook: async (base64) => {
      book.createdWorkbooks.push(base64);
    },
    describe: () => ({ host: "in-memory Excel (demo)", platform: "browser", version: "-" }),
  };
}
