import { runFake, type FakeWorkbook } from "./memory/fakeExcel";
import type { XSessionContext } from "./objectModel";

/**
 * Where the session's batches run: Excel through Office.js (`Excel.run`), or the in-memory
 * workbook of demo mode. The session code is the same for both.
 */
export interface ExcelHost {
  /** "excel" inside Office; "demo" in a plain browser (and in tests). */
  readonly kind: "excel" | "demo";
  /** Runs one batch with a fresh request context, like `Excel.run`. */
  run<T>(batch: (context: XSessionContext) => Promise<T>): Promise<T>;
  /** `Office.context.requirements.isSetSupported`; always true in demo mode. */
  isSetSupported(name: string, version: string): boolean;
}

/** The host inside Excel. Call only after `Office.onReady` reported Excel. */
export function officeExcelHost(): ExcelHost {
  return {
    kind: "excel",
    run: <T>(batch: (context: XSessionContext) => Promise<T>): Promise<T> =>
      Excel.run((context) => batch(context)),
    isSetSupported: (name, version) => {
      try {
        return Office.context.requirements.isSetSupported(name, version);
      } catch {
        return false;
      }
    },
  };
}

/** The host over an in-memory workbook (demo mode, tests). */
export function memoryExcelHost(
  book: FakeWorkbook,
  supported: (name: string, version: string) => boolean = () => true,
): ExcelHost {
  return {
    kind: "demo",
    run: <T>(batch: (context: XSessionContext) => Promise<T>): Promise<T> => runFake(book, batch),
    isSetSupported: supported,
  };
}
