import type { XSessionContext } from "./objectModel";

/**
 * Where the session's batches run: Excel through Office.js (`Excel.run`), or the in-memory
 * workbook of demo mode and the tests (src/excel/memory, loaded only there). The session code is
 * the same for both.
 */
export interface ExcelHost {
  /** "excel" inside Office; "demo" over the in-memory workbook. */
  readonly kind: "excel" | "demo";
  /**
   * Runs one batch with a fresh request context, like `Excel.run`, with `delayForCellEdit` where
   * the host has it (ExcelApi 1.11): a batch waits while the clerk is typing in a cell instead of
   * failing.
   */
  run<T>(batch: (context: XSessionContext) => Promise<T>): Promise<T>;
  /** `Office.context.requirements.isSetSupported`. */
  isSetSupported(name: string, version: string): boolean;
  /** `Excel.createWorkbook(base64)` (ExcelApi 1.8): opens a new workbook from .xlsx bytes. */
  createWorkbook(base64: string): Promise<void>;
  /** What the self-test reports about the host: host, platform, version. */
  describe(): { host: string; platform: string; version: string };
}

/** The host inside Excel. Call only after `Office.onReady` reported Excel. */
export function officeExcelHost(): ExcelHost {
  const isSetSupported = (name: string, version: string): boolean => {
    try {
      return Office.context.requirements.isSetSupported(name, version);
    } catch {
      return false;
    }
  };
  const delay = isSetSupported("ExcelApi", "1.11");
  return {
    kind: "excel",
    run: <T>(batch: (context: XSessionContext) => Promise<T>): Promise<T> =>
      delay
        ? Excel.run({ delayForCellEdit: true }, (context) => batch(context as unknown as XSessionContext))
        : Excel.run((context) => batch(context as unknown as XSessionContext)),
    isSetSupported,
    createWorkbook: (base64) => Excel.createWorkbook(base64),
    describe: () => {
      const d = Office.context.diagnostics;
      return {
        host: String(d?.host ?? "Excel"),
        platform: String(d?.platform ?? "?"),
        version: String(d?.version ?? "?"),
      };
    },
  };
}
