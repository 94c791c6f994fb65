import { WorkbookSession } from "../session";
import { exposeDemoHandle } from "./demoHandle";
import { createDemoWorkbook, createDistrictWorkbook, createEmptyWorkbook } from "./demoWorkbook";
import { memoryExcelHost } from "./memoryHost";

/**
 * Demo mode's session: the in-memory Excel with one of the demo workbooks (`?workbook=empty`,
 * `district`, or the Lạng Sơn sample). The pane loads this module lazily, in its own chunk
 * ("demo"), only in demo mode: the production bundle that runs inside Excel carries neither the
 * in-memory Excel nor the 78 KB sample.
 */

/** Demo syncs wait a little, like Excel on the web, so progress is visible. */
const DEMO_LATENCY_MS = 40;

export function demoSession(which: string | null): WorkbookSession {
  const options = { latencyMs: DEMO_LATENCY_MS };
  const book =
    which === "empty"
      ? createEmptyWorkbook(options)
      : which === "district"
        ? createDistrictWorkbook(options)
        : createDemoWorkbook(options);
  exposeDemoHandle(book);
  return new WorkbookSession(memoryExcelHost(book));
}
