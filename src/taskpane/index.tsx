/**
 * The task pane's entry, in the shared runtime. Inside Excel the pane works on the open workbook
 * (Office.js); in a plain browser (`Office.onReady` → host null, or office.js missing) it opens in
 * demo mode on the bundled Lạng Sơn sample held in memory, with the same session code. Registers
 * the ribbon's report generator either way.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { clockOf } from "../app/workflows";
import { setReportGenerator } from "../commands/shared";
import { memoryExcelHost, officeExcelHost } from "../excel/host";
import {
  createDemoWorkbook,
  createDistrictWorkbook,
  createEmptyWorkbook,
} from "../excel/memory/demoWorkbook";
import { exposeDemoHandle } from "../excel/memory/demoHandle";
import { WorkbookSession } from "../excel/session";
import { App } from "./App";
import { generateFromRibbon } from "./ribbon";
import { readPickedFiles } from "./readFiles";
import { officeDisplayLanguage } from "./officeLocale";
import { PaneStore, type DemoWorkbook } from "./store";
import { initialLanguage } from "./text";

/** Demo syncs wait a little, like Excel on the web, so progress is visible. */
const DEMO_LATENCY_MS = 40;

function demoOf(which: string | null): DemoWorkbook {
  return which === "empty" || which === "district" ? which : "sample";
}

function start(host: Office.HostType | null): void {
  const inExcel = typeof Excel !== "undefined" && host !== null && String(host) === "Excel";
  let session: WorkbookSession;
  if (inExcel) {
    session = new WorkbookSession(officeExcelHost());
  } else {
    const params = new URLSearchParams(window.location.search);
    const which = params.get("workbook");
    const options = { latencyMs: DEMO_LATENCY_MS };
    const book =
      which === "empty"
        ? createEmptyWorkbook(options)
        : which === "district"
          ? createDistrictWorkbook(options)
          : createDemoWorkbook(options);
    exposeDemoHandle(book);
    session = new WorkbookSession(memoryExcelHost(book));
  }
  setReportGenerator(() => generateFromRibbon(session));
  const store = new PaneStore(
    session,
    () => clockOf(new Date()),
    {
      lang: initialLanguage(officeDisplayLanguage(), new URLSearchParams(window.location.search).get("lang")),
      demo: demoOf(new URLSearchParams(window.location.search).get("workbook")),
    },
    { readFiles: readPickedFiles },
  );
  void store.loadChoices();
  const container = document.getElementById("container");
  if (container) createRoot(container).render(<App store={store} />);
}

if (typeof Office === "undefined") {
  start(null);
} else {
  void Office.onReady((info) => start(info.host ?? null));
}
