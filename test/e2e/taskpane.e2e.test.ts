/**
 * The task pane end to end in headless Chromium (Debian's /usr/bin/chromium, driven by
 * playwright-core; no downloaded browser). The production build with office.js served locally is
 * loaded from a local server; outside Office it opens in demo mode on the in-memory sample
 * workbook, with the same session code as in Excel. The test creates the standard sheets, checks
 * the data, clicks an issue, generates the reports, and asserts on what the in-memory workbook then
 * holds (through the read-only `window.__nthDemo`). It fails on any request to another origin, on
 * any Content-Security-Policy violation or page error, and on any axe finding of any level (one
 * documented exception). A keyboard walk at Excel's narrowest pane width (320 px) in both languages
 * checks that focus never falls to the page body, that every result is said in the live region and
 * that no tab scrolls sideways at 320 or 450 px. Screenshots of each step and of each tab in each
 * language go to test-output/e2e/; with NTH_UPDATE_DOCS=1 the README's pictures (docs/pane-*.png)
 * are written from the same run.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import type { DemoHandle } from "../../src/excel/memory/demoHandle";
import { serveFolder } from "./server";

const ROOT = path.resolve(__dirname, "../..");
const SHOTS = path.join(ROOT, "test-output/e2e");
const CHROMIUM = "/usr/bin/chromium";
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
/** The width of Excel's task pane. */
const VIEWPORT = { width: 360, height: 860 };

let out: string;
let server: { origin: string; close: () => Promise<void> };
let browser: Browser;
const foreign: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "nth-e2e-"));
  execFileSync(
    process.execPath,
    [path.join(ROOT, "node_modules/webpack/bin/webpack.js"), "--mode", "production", "--output-path", out],
    { cwd: ROOT, stdio: "pipe", env: { ...process.env, NTH_OFFICE_JS: "local" } },
  );
  server = await serveFolder(out);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  fs.mkdirSync(SHOTS, { recursive: true });
}, 400_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

interface Violation {
  readonly directive: string;
  readonly blocked: string;
  readonly source: string;
}
const violations: Violation[] = [];

/** A fresh page on the pane, watched for other origins, CSP violations and errors. */
async function openPane(query = "", viewport = VIEWPORT): Promise<Page> {
  const page = await browser.newPage({ viewport, locale: "vi-VN" });
  // Every Content-Security-Policy violation, with what was blocked and which script tried.
  await page.exposeFunction("__nthReportViolation", (v: Violation) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __nthReportViolation: (v: unknown) => void })
        .__nthReportViolation;
      report({ directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile });
    });
  });
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith(`${server.origin}/`) && !url.startsWith("data:") && !url.startsWith("blob:"))
      foreign.push(url);
  });
  page.on("console", (m) => {
    // CSP reports are checked one by one through the violation events above.
    if (m.type() === "error" && !/Content Security Policy/i.test(m.text())) problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(`${server.origin}/taskpane.html${query}`);
  await page.getByRole("heading", { level: 1 }).waitFor();
  return page;
}

/** The README's pictures, taken from this run when NTH_UPDATE_DOCS=1. */
const DOC_PICTURES: Record<string, string> = {
  "vi-320-data": "pane-check.png",
  "vi-320-reports-done": "pane-reports.png",
  "09-import-preview": "pane-import.png",
};

async function shot(page: Page, name: string, width = VIEWPORT.width): Promise<void> {
  // No hover or transition half-way in the picture.
  await page.mouse.move(width - 4, 4);
  await page.waitForTimeout(300);
  // Nothing wider than the task pane.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  if (process.env.NTH_UPDATE_DOCS === "1" && DOC_PICTURES[name])
    fs.copyFileSync(file, path.join(ROOT, "docs", DOC_PICTURES[name]));
}

/** Calls a method of the read-only demo handle in the page. */
async function demo<K extends keyof DemoHandle>(
  page: Page,
  method: K,
  ...args: Parameters<DemoHandle[K]>
): Promise<ReturnType<DemoHandle[K]>> {
  return page.evaluate(
    ([m, a]) => {
      const handle = (window as unknown as { __nthDemo: Record<string, (...x: unknown[]) => unknown> })
        .__nthDemo;
      return handle[m as string](...(a as unknown[]));
    },
    [method, args] as const,
  ) as Promise<ReturnType<DemoHandle[K]>>;
}

const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** Runs axe-core in the page (evaluated through the DevTools protocol, so the page's CSP stays on). */
async function axeFindings(page: Page): Promise<string[]> {
  // Colours are judged once every finite animation and transition has ended: a message fading in
  // is mid-way between its colours, and on a loaded machine axe met one there (a contrast finding
  // that was the fade, not the design). Endless ones (a spinner) are not waited for.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<unknown> } }).axe;
    return (await axe.run(document, { resultTypes: ["violations"] })) as {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: string[]; html: string }[];
      }[];
    };
  });
  return (
    results.violations
      // Every level counts. The one exception, documented: Fluent UI's focus manager (Tabster) puts
      // focusable, aria-hidden "dummy" elements around TabList and other arrow-key groups on
      // purpose, to hand focus on at once; the Fluent team calls the aria-hidden-focus finding on
      // them by design (microsoft/fluentui#27517, microsoft/tabster#288) and Accessibility Insights
      // suppresses it (accessibility-insights-web#7605).
      .map((v) =>
        v.id === "aria-hidden-focus"
          ? { ...v, nodes: v.nodes.filter((n) => !n.html.includes("data-tabster-dummy")) }
          : v,
      )
      .filter((v) => v.nodes.length > 0)
      .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)
  );
}

it("creates the standard sheets in an empty workbook: tables, drop-downs, frozen headers", async () => {
  const page = await openPane("?workbook=empty");
  await shot(page, "01-empty");
  await page.getByRole("button", { name: "Kiểm tra dữ liệu" }).click();
  await page
    .getByText(/Bổ trợ cần một trang Thôn/)
    .last()
    .waitFor();
  await page.getByRole("button", { name: "Tạo các trang chuẩn" }).click();
  await page.getByText("Đã tạo:").first().waitFor();
  await shot(page, "02-created");
  expect(await demo(page, "sheets")).toEqual([
    "Sheet1",
    "Thôn",
    "Cán bộ",
    "Chỉ tiêu",
    "Cài đặt báo cáo",
    "Hướng dẫn",
  ]);
  expect(await demo(page, "tables")).toEqual([
    { name: "NTH_Thon", sheet: "Thôn" },
    { name: "NTH_CanBo", sheet: "Cán bộ" },
    { name: "NTH_ChiTieu", sheet: "Chỉ tiêu" },
  ]);
  expect(await demo(page, "frozenRows", "Thôn")).toBe(1);
  expect((await demo(page, "cell", "Thôn", 1, 4))?.value).toBe("Thôn");
  const rules = await demo(page, "validations", "Cán bộ");
  expect(rules.map((r) => r.address)).toContain("'Cán bộ'!B2:B1048576");
  expect(await demo(page, "marks", "Hướng dẫn")).toEqual({ "nth-rollup-sheet": "instructions" });
  expect(await axeFindings(page)).toEqual([]);
  await page.close();
}, 60_000);

it("checks the data, selects an issue's cell, generates the reports, all in the in-memory workbook", async () => {
  const page = await openPane();
  await shot(page, "03-start");
  expect(await demo(page, "sheets")).toEqual(["Thôn", "Cán bộ", "Chỉ tiêu"]);

  // Create: the sample has the data sheets already; only the settings and instructions sheets are new.
  await page.getByRole("button", { name: "Tạo các trang chuẩn" }).click();
  await page.getByText("Đã tạo:").first().waitFor();
  expect(await demo(page, "sheets")).toEqual(["Thôn", "Cán bộ", "Chỉ tiêu", "Cài đặt báo cáo", "Hướng dẫn"]);

  // Check, with the keyboard only: Tab to the button, Enter.
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  let onCheck = false;
  for (let i = 0; i < 30 && !onCheck; i++) {
    await page.keyboard.press("Tab");
    onCheck = await page.evaluate(() => document.activeElement?.textContent === "Kiểm tra dữ liệu");
  }
  expect(onCheck).toBe(true);
  await page.keyboard.press("Enter");
  await page.getByText("1 lỗi · 3 cảnh báo").first().waitFor();
  await shot(page, "04-check");
  expect(await axeFindings(page)).toEqual([]);

  // The Thôn group (it has the error) is open; its issue F301 selects that cell, by keyboard too.
  const issue = page.getByRole("button", { name: /^Chọn ô Thôn!\s?F301/ });
  await issue.focus();
  await page.keyboard.press("Enter");
  await page.getByText("Đã chọn Thôn!F301.").first().waitFor();
  expect(await demo(page, "selection")).toBe("Thôn!F301");
  await page.getByRole("button", { name: /^Chọn ô Thôn!\s?E151/ }).click();
  await page.getByText("Đã chọn Thôn!E151.").first().waitFor();
  expect(await demo(page, "selection")).toBe("Thôn!E151");

  // Reports for the district of Bình Gia (the seed article's table), with a signer typed in the pane.
  // To the Reports tab with the arrow keys (past the Import tab), as a keyboard user moves along a tab list.
  await page.getByRole("tab", { name: "Dữ liệu" }).focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: "Lập báo cáo" }).waitFor();
  await page.getByLabel("Cấp báo cáo").selectOption("district");
  await page.getByLabel("Đơn vị báo cáo").selectOption({ label: "Bình Gia" });
  await page.getByRole("button", { name: /Phần đầu và chữ ký/ }).click();
  await page.getByLabel("Người ký", { exact: true }).fill("Hoàng Văn Minh");
  await page.getByRole("button", { name: "Lập báo cáo" }).click();
  await page.getByRole("progressbar").waitFor();
  await shot(page, "05-generating");
  await page.getByText("Đã lập xong: 8 trang báo cáo").first().waitFor({ timeout: 30_000 });
  await page.getByRole("button", { name: /Phần đầu và chữ ký/ }).click(); // fold the header block again
  await shot(page, "06-reports");
  expect(await axeFindings(page)).toEqual([]);

  const sheets = await demo(page, "sheets");
  const reports = [
    "Tổng hợp",
    "Chức danh cấp xã",
    "Chất lượng bí thư",
    "Chi bộ thôn",
    "Thôn chưa NTH",
    "Kế hoạch nhất thể hóa",
    "Phụ lục danh sách",
    "Kiểm tra dữ liệu",
  ];
  expect(sheets).toEqual(["Thôn", "Cán bộ", "Chỉ tiêu", "Cài đặt báo cáo", "Hướng dẫn", ...reports]);
  expect(await demo(page, "marks", "Tổng hợp")).toEqual({ "nth-rollup-report": "summary" });
  const summary = await demo(page, "texts", "Tổng hợp");
  expect(summary).toContain("HUYỆN ỦY BÌNH GIA");
  expect(summary).toContain("Hoàng Văn Minh");
  expect(summary).toContain("Yên Lỗ");
  expect(await demo(page, "charts", "Tổng hợp")).toEqual([
    { title: "Tỷ lệ nhất thể hóa theo đơn vị", series: ["Tỷ lệ", "Chỉ tiêu"] },
  ]);
  // The signer went to the settings sheet, where the command line reads it too.
  expect(await demo(page, "texts", "Cài đặt báo cáo")).toContain("Hoàng Văn Minh");
  expect(await demo(page, "settings")).toMatchObject({
    "nth-rollup.pane": { reports: expect.arrayContaining(["summary"]), language: "vi" },
  });
  // The data check lists the four typing mistakes, each linking to its cell.
  const check = await demo(page, "texts", "Kiểm tra dữ liệu");
  expect(check.join(" ")).toMatch(/khoảng 1959/);
  // At a glance: Bình Gia's 143 villages, 68 consolidated, 61 more needed.
  const glance = page.getByRole("region", { name: /Tổng quan — Bình Gia/ });
  await expect(glance.getByText("143", { exact: true }).count()).resolves.toBe(1);
  await expect(glance.getByText("61", { exact: true }).count()).resolves.toBe(1);

  // A link of the result opens its sheet.
  await page.getByRole("button", { name: "Mở trang Thôn chưa NTH" }).click();
  await page.getByText("Đã chọn Thôn chưa NTH.").first().waitFor();
  expect(await demo(page, "selection")).toMatch(/^'Thôn chưa NTH'!A1$/);

  // Regenerating replaces only the add-in's own sheets.
  await page.getByRole("button", { name: "Lập báo cáo" }).click();
  await page.getByText("Đã lập xong: 8 trang báo cáo").first().waitFor({ timeout: 30_000 });
  expect(await demo(page, "sheets")).toEqual(sheets);
  await expect(page.getByText("(thay bản cũ)").count()).resolves.toBe(8);

  // Function help: insert an example into the selected cell.
  await page.getByRole("tab", { name: "Hàm NTH" }).click();
  // The active cell holds the report's title: the pane asks before overwriting, and "Không chèn" keeps it.
  const before = await demo(page, "selection");
  await page.getByRole("button", { name: "Chèn =NTH.CONSOLIDATION_RATE(68; 143) vào ô đang chọn" }).click();
  await page
    .getByRole("dialog")
    .getByText(/^Ô .* đang có dữ liệu/)
    .waitFor();
  await page.getByRole("dialog").getByText("Không chèn").click();
  await page.getByRole("dialog").waitFor({ state: "detached" });
  expect(await demo(page, "selection")).toBe(before);
  expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toMatch(/^Chèn /);
  await shot(page, "07-functions");
  expect(await axeFindings(page)).toEqual([]);

  // English.
  await page.getByRole("switch").click();
  await page.getByRole("tab", { name: "Data" }).click();
  await page.getByRole("button", { name: "Check the data" }).waitFor();
  await shot(page, "08-english");
  await page.close();
}, 90_000);

it("imports two communes' submissions into the district's workbook, then reports for the district", async () => {
  // The district's workbook has only the list of the 19 communes that must report.
  const page = await openPane("?workbook=district");
  await page.getByRole("tab", { name: "Nhập" }).click();
  await page.getByRole("heading", { name: "Nhập báo cáo của đơn vị cấp dưới" }).waitFor();
  const samples = path.join(ROOT, "samples/submissions/binh-gia");
  // The files are read in the page (ExcelJS, loaded on demand under the page's CSP), not uploaded.
  await page
    .getByLabel("Tệp nộp báo cáo (.xlsx)")
    .setInputFiles([path.join(samples, "binh-la.xlsx"), path.join(samples, "yen-lo.xlsx")]);
  await page.getByText("2 tệp: 2 sẽ nhập").first().waitFor({ timeout: 30_000 });
  // The preview: each submission's unit, period and figures; who will have reported.
  const items = page.getByRole("listitem");
  await expect(
    items.filter({ hasText: "Bình La (xã, Bình Gia)" }).getByText("7 thôn · 2 nhất thể hóa").count(),
  ).resolves.toBe(1);
  await expect(
    items.filter({ hasText: "Yên Lỗ (xã, Bình Gia)" }).getByText("9 thôn · 3 nhất thể hóa").count(),
  ).resolves.toBe(1);
  await expect(page.getByText("Kỳ Quý III/2021").count()).resolves.toBe(2);
  await page.getByText("Không có điểm vênh giữa các nguồn.").first().waitFor();
  const after = page.getByRole("region", { name: "Sau khi nhập" });
  await expect(after.getByText("2/19").count()).resolves.toBe(1);
  await after.getByRole("button", { name: "Chưa nộp (17)" }).click();
  await after.getByText(/Thị trấn Bình Gia, Hoa Thám/).waitFor();
  await shot(page, "09-import-preview");
  expect(await axeFindings(page)).toEqual([]);
  // Nothing written before the clerk confirms.
  expect(await demo(page, "sheets")).toEqual(["Đơn vị"]);

  await page.getByRole("button", { name: "Nhập vào sổ" }).click();
  await page.getByText("Đã nhập: 2 tệp, 16 thôn").first().waitFor({ timeout: 30_000 });
  await shot(page, "10-imported");
  expect(await demo(page, "sheets")).toEqual([
    "Đơn vị",
    "Thôn",
    "Cán bộ",
    "Chỉ tiêu",
    "Cài đặt báo cáo",
    "Hướng dẫn",
    "Nhật ký nhập",
  ]);
  // The combined rows, each with its provenance (source file, unit, period, time of the import).
  expect((await demo(page, "cell", "Thôn", 1, 15))?.value).toBe("Đơn vị nộp");
  const thon = await demo(page, "texts", "Thôn");
  expect(thon.filter((v) => v === "Bình La (xã, Bình Gia)")).toHaveLength(7);
  expect(thon.filter((v) => v === "Yên Lỗ (xã, Bình Gia)")).toHaveLength(9);
  expect(thon.filter((v) => v === "binh-la.xlsx")).toHaveLength(7);
  expect(thon.filter((v) => v === "Quý III/2021")).toHaveLength(16);
  expect(await demo(page, "marks", "Nhật ký nhập")).toEqual({ "nth-rollup-sheet": "import-log" });

  // The district's reports: the summary of the two communes, and who has reported.
  await page.getByRole("button", { name: "Lập báo cáo →" }).click();
  await page.getByRole("heading", { name: "Lập báo cáo" }).waitFor();
  await page.getByLabel("Cấp báo cáo").selectOption("district");
  await page.getByLabel("Đơn vị báo cáo").selectOption({ label: "Bình Gia" });
  await page.getByRole("button", { name: "Lập báo cáo", exact: true }).click();
  // Six reports, the planning sheet (Bình Gia has a target), the named annex and who has reported.
  await page.getByText("Đã lập xong: 9 trang báo cáo").first().waitFor({ timeout: 30_000 });
  expect(await demo(page, "sheets")).toContain("Kế hoạch nhất thể hóa");
  expect(await demo(page, "sheets")).toContain("Tình hình nộp báo cáo");
  expect(await demo(page, "sheets")).toContain("Phụ lục danh sách");
  const summary: { values: unknown[]; formulas: (string | null)[] }[] = await page.evaluate(() => {
    const h = (window as unknown as { __nthDemo: DemoHandle }).__nthDemo;
    return Array.from({ length: 20 }, (_, r) => {
      const cells = Array.from({ length: 4 }, (_, c) => h.cell("Tổng hợp", r + 1, c + 1));
      return { values: cells.map((x) => x?.value ?? null), formulas: cells.map((x) => x?.formula ?? null) };
    });
  });
  const rowOf = (name: string) => summary.findIndex((r) => r.values[1] === name) + 1;
  const [binhLa, yenLo] = [rowOf("Bình La"), rowOf("Yên Lỗ")];
  expect(summary[binhLa - 1].values.slice(2)).toEqual([7, 2]);
  expect(summary[yenLo - 1].values.slice(2)).toEqual([9, 3]);
  // The totals row sums exactly those two rows: 16 villages, 5 consolidated.
  const total = summary.find((r) => r.values[1] === "Tổng cộng")!;
  const [first, last] = [Math.min(binhLa, yenLo), Math.max(binhLa, yenLo)];
  expect(total.formulas.slice(2)).toEqual([`=SUM(C${first}:C${last})`, `=SUM(D${first}:D${last})`]);
  expect(summary.flatMap((r) => r.values)).toContain("Đã nhận báo cáo của 2/19 đơn vị");
  const glance = page.getByRole("region", { name: /Tổng quan — Bình Gia/ });
  await expect(glance.getByText("16", { exact: true }).count()).resolves.toBe(1);
  await expect(glance.getByText("5", { exact: true }).count()).resolves.toBe(1);
  await shot(page, "11-import-reports");
  await page.close();
}, 90_000);

const TAB_NAMES = {
  vi: ["Dữ liệu", "Nhập", "Báo cáo", "Hàm NTH"],
  en: ["Data", "Import", "Reports", "NTH functions"],
} as const;
const FILE_NAMES = ["data", "import", "reports", "functions"] as const;

/** What the live region says now. */
async function live(page: Page): Promise<string> {
  return (await page.locator("#nth-live").textContent()) ?? "";
}

/** Waits until the live region says something matching. */
async function heard(page: Page, expected: RegExp): Promise<void> {
  await page.waitForFunction(
    ([source, flags]) =>
      new RegExp(source, flags).test(document.getElementById("nth-live")?.textContent ?? ""),
    [expected.source, expected.flags] as const,
    { timeout: 30_000 },
  );
}

/** Fails when focus is on the page body (or nowhere). */
async function expectFocusInPane(page: Page, where: string): Promise<void> {
  const tag = await page.evaluate(() => document.activeElement?.tagName ?? "NONE");
  if (tag === "BODY" || tag === "NONE" || tag === "HTML") throw new Error(`focus fell to the body ${where}`);
}

/** Presses Tab until the focused element's text or label matches; focus never on the body meanwhile. */
async function tabTo(page: Page, name: RegExp): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    await expectFocusInPane(page, `while tabbing to ${name}`);
    const label = await page.evaluate(
      () =>
        `${document.activeElement?.getAttribute("aria-label") ?? ""} ${document.activeElement?.textContent ?? ""}`,
    );
    if (name.test(label)) return;
  }
  throw new Error(`could not reach ${name} with Tab`);
}

/** No element of the page wider than the viewport: nothing scrolls sideways, no word is cut off. */
async function expectNoSidewaysScroll(page: Page, width: number, where: string): Promise<void> {
  const wide = await page.evaluate((w) => {
    const out: string[] = [];
    if (document.documentElement.scrollWidth > w) out.push(`page ${document.documentElement.scrollWidth}px`);
    for (const e of Array.from(document.querySelectorAll<HTMLElement>("body *"))) {
      const style = getComputedStyle(e);
      // Visually hidden text for screen readers (the live region, Fluent's hidden labels) is 1 px wide on purpose.
      if (e.clientWidth <= 1 && e.clientHeight <= 1) continue;
      if (e.scrollWidth > e.clientWidth + 1 && style.overflowX !== "visible" && e.clientWidth > 0)
        out.push(`${e.tagName.toLowerCase()}${e.id ? "#" + e.id : ""} ${e.scrollWidth}>${e.clientWidth}`);
      const r = e.getBoundingClientRect();
      if (r.width > 0 && r.right > w + 0.5 && style.visibility !== "hidden")
        out.push(`${e.tagName.toLowerCase()} ends at ${Math.round(r.right)}px`);
    }
    return out.slice(0, 6);
  }, width);
  expect({ where, wide }).toEqual({ where, wide: [] });
}

describe.each(["vi", "en"] as const)("by keyboard at 320 px (%s)", (lang) => {
  it("walks the whole flow: focus never on the body, every result announced, nothing wider than the pane", async () => {
    const page = await openPane(`?lang=${lang}`, { width: 320, height: 900 });
    const tabs = TAB_NAMES[lang];
    const say = (vi: string, en: string): string => (lang === "vi" ? vi : en);

    // Create the settings and instructions sheets, then check the data, all from the keyboard.
    await tabTo(page, new RegExp(say("Tạo các trang chuẩn", "Create the standard sheets")));
    await page.keyboard.press("Enter");
    await heard(page, new RegExp(say("Đã tạo", "Created")));
    await expectFocusInPane(page, "after creating the sheets");
    await page.locator("h1").click();
    await tabTo(page, new RegExp(`^\\s*${say("Kiểm tra dữ liệu", "Check the data")}\\s*$`));
    await page.keyboard.press("Enter");
    await expectFocusInPane(page, "right after starting the check");
    await heard(page, new RegExp(say("^1 lỗi · 3 cảnh báo$", "^1 error · 3 warnings$")));
    await expectFocusInPane(page, "after the check");
    await expect(
      page.getByText(say("1 lỗi · 3 cảnh báo", "1 error · 3 warnings"), { exact: true }).count(),
    ).resolves.toBeGreaterThan(0);
    await shot(page, `${lang}-320-data`);

    // Each tab at 320 and 450 px: nothing scrolls sideways, no axe finding.
    for (const [i, name] of tabs.entries()) {
      await page.getByRole("tab", { name }).focus();
      await page.keyboard.press("Enter");
      await page.getByRole("tabpanel").waitFor();
      for (const width of [320, 450]) {
        await page.setViewportSize({ width, height: 900 });
        await expectNoSidewaysScroll(page, width, `${name} at ${width}px`);
      }
      await page.setViewportSize({ width: 320, height: 900 });
      expect(await axeFindings(page)).toEqual([]);
      await shot(page, `${lang}-320-${FILE_NAMES[i]}`, 320);
    }

    // Reports by keyboard: the button keeps focus while it works, progress and result are said.
    await page.getByRole("tab", { name: tabs[2] }).focus();
    await page.keyboard.press("Enter");
    await tabTo(page, new RegExp(`^\\s*${say("Lập báo cáo", "Generate reports")}\\s*$`));
    await page.keyboard.press("Enter");
    await expectFocusInPane(page, "right after starting the reports");
    await heard(page, new RegExp(say("^Đã lập xong: \\d+ trang báo cáo$", "^Done: \\d+ report sheets$")));
    await expectFocusInPane(page, "after the reports");
    expect(await live(page)).toMatch(say("Đã lập xong", "Done"));
    await expectNoSidewaysScroll(page, 320, "reports done");
    expect(await axeFindings(page)).toEqual([]);
    await shot(page, `${lang}-320-reports-done`, 320);

    // Function help: the examples with the clerk's list separator (the demo has no Excel: ";" in
    // Vietnamese, "," in English); inserting says where it went.
    await page.getByRole("tab", { name: tabs[3] }).focus();
    await page.keyboard.press("Enter");
    const example = say("=NTH.CONSOLIDATION_RATE(68; 143)", "=NTH.CONSOLIDATION_RATE(68, 143)");
    await expect(page.locator("code", { hasText: example }).count()).resolves.toBe(1);
    await tabTo(page, new RegExp(say("^Chèn ", "^Insert ")));
    await page.keyboard.press("Enter");
    // A cell that holds something is overwritten only when the clerk says so, by keyboard too.
    await page.waitForTimeout(500);
    if ((await page.getByRole("dialog").count()) > 0) {
      await expectFocusInPane(page, "in the overwrite dialog");
      await tabTo(page, new RegExp(say("Vẫn chèn", "Insert anyway")));
      await page.keyboard.press("Enter");
    }
    await heard(page, new RegExp(say("^Đã chèn", "^Inserted")));
    await expectFocusInPane(page, "after inserting a formula");
    await page.close();
  }, 120_000);
});

it("opens a function's help from its help address", async () => {
  const page = await openPane("#help/UNITS_NEEDED");
  await page.getByRole("heading", { name: "Các hàm NTH" }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === "help-UNITS_NEEDED");
  await page.close();
}, 60_000);

it("sent nothing to another origin and broke no rule of the page", () => {
  expect(foreign).toEqual([]);
  expect(problems).toEqual([]);
  // The only violations allowed are office.js's own attempt, outside Office, to open Microsoft's
  // telemetry frame (an iframe with an inline style): the policy blocks both, so nothing is sent.
  for (const v of violations) {
    expect(v.source).toMatch(new RegExp(`^${server.origin}/office-js/`));
    expect(
      (v.directive === "frame-src" &&
        /^https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com/.test(v.blocked)) ||
        (v.directive === "style-src-attr" && v.blocked === "inline"),
    ).toBe(true);
  }
});
