/**
 * The task pane's entry, in the shared runtime. What to open is decided by `bootMode`
 * (src/app/boot.ts): inside Excel the open workbook (Office.js); demo mode — the in-memory Excel
 * and the Lạng Sơn sample, loaded from their own chunk — only when asked (`?demo=1`) or plainly
 * outside Office; otherwise a clear message of what is wrong (office.js not loaded, no answer from
 * Office, another application). Registers the ribbon's report generator with the same session.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { bootMode, type BootFacts } from "../app/boot";
import { clockOf } from "../app/workflows";
import { setReportGenerator } from "../commands/shared";
import type { Message } from "../core/issues";
import { officeExcelHost } from "../excel/host";
import { WorkbookSession } from "../excel/session";
import type { WorkbookPort } from "../port/workbookPort";
import { App } from "./App";
import { generateFromRibbon } from "./ribbon";
import { officeDisplayLanguage } from "./officeLocale";
import { downloadFile, readPickedFiles } from "./readFiles";
import { PaneStore, type DemoWorkbook } from "./store";
import { initialLanguage } from "./text";

/** How long to wait for `Office.onReady` before saying Office does not answer. */
const OFFICE_READY_TIMEOUT_MS = 15_000;

function demoOf(which: string | null): DemoWorkbook {
  return which === "empty" || which === "district" ? which : "sample";
}

/** Shows why the pane cannot start, Vietnamese first (no React, no Fluent: nothing else may have loaded). */
function showStartError(message: Message): void {
  const container = document.getElementById("container") ?? document.body;
  container.replaceChildren();
  const box = document.createElement("div");
  box.setAttribute("role", "alert");
  box.style.cssText = "font-family: 'Segoe UI', sans-serif; padding: 16px; line-height: 1.4";
  for (const [lang, text] of [
    ["vi", message.vi],
    ["en", message.en],
  ] as const) {
    const p = document.createElement("p");
    p.lang = lang;
    p.textContent = text;
    box.appendChild(p);
  }
  container.appendChild(box);
}

function mount(session: WorkbookPort): void {
  const params = new URLSearchParams(window.location.search);
  setReportGenerator(() => generateFromRibbon(session));
  const store = new PaneStore(
    session,
    () => clockOf(new Date()),
    {
      lang: initialLanguage(officeDisplayLanguage(), params.get("lang")),
      demo: demoOf(params.get("workbook")),
    },
    // The package's version, put in by the build (webpack.config.js): the submission's manifest states it.
    { readFiles: readPickedFiles, download: downloadFile, version: __NTH_VERSION__ },
  );
  void store.loadChoices();
  const container = document.getElementById("container");
  if (container) createRoot(container).render(<App store={store} />);
}

async function officeHost(): Promise<string | null | "timeout"> {
  if (typeof Office === "undefined") return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), OFFICE_READY_TIMEOUT_MS);
  });
  const ready = Office.onReady().then((info) =>
    info.host === null || info.host === undefined ? null : String(info.host),
  );
  const host = await Promise.race([ready, timeout]);
  clearTimeout(timer);
  return host;
}

async function start(): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  const facts: BootFacts = {
    demoAsked: params.get("demo") === "1",
    officeLoaded: typeof Office !== "undefined",
    host: await officeHost(),
    excelApi: typeof Excel !== "undefined",
  };
  const mode = bootMode(facts);
  if (mode.kind === "error") {
    showStartError(mode.message);
    return;
  }
  if (mode.kind === "excel") {
    mount(new WorkbookSession(officeExcelHost()));
    return;
  }
  const { demoSession } = await import(/* webpackChunkName: "demo" */ "../excel/memory/demoSession");
  mount(demoSession(params.get("workbook")));
}

void start();
