/** @jest-environment jsdom */
/**
 * The pane's states with Testing Library, on the in-memory workbook through the real session and
 * workflows: an empty workbook, data with errors (and thousands of them), generation in progress
 * (with cancel), generation failed with a clear message, features missing from an older Excel.
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import * as React from "react";
import { clockOf } from "../../src/app/workflows";
import { showNotice } from "../../src/commands/shared";
import type { ExcelHost } from "../../src/excel/host";
import { memoryExcelHost } from "../../src/excel/memory/memoryHost";
import { createDemoWorkbook, createEmptyWorkbook } from "../../src/excel/memory/demoWorkbook";
import type { FakeWorkbook } from "../../src/excel/memory/fakeExcel";
import { WorkbookSession } from "../../src/excel/session";
import { App } from "../../src/taskpane/App";
import { ISSUES_PER_PAGE } from "../../src/taskpane/components/IssueList";
import { NTH_FUNCTIONS } from "../../src/taskpane/functionList";
import { PaneStore } from "../../src/taskpane/store";

// jsdom has no layout, hence no ResizeObserver; Fluent's MessageBar only needs it to exist.
beforeAll(() => {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
});

afterEach(() => showNotice(null));

const clock = (): ReturnType<typeof clockOf> => clockOf(new Date(2026, 0, 15));

function renderPane(host: ExcelHost): PaneStore {
  const store = new PaneStore(new WorkbookSession(host), clock);
  render(<App store={store} />);
  return store;
}

const click = (name: string | RegExp): void => {
  fireEvent.click(screen.getByRole("button", { name }));
};

it("shows the demo mode, the four sections and every NTH function", () => {
  renderPane(memoryExcelHost(createDemoWorkbook()));
  expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Nhất thể hóa — Tổng hợp");
  expect(screen.getByText("Chế độ thử")).toBeTruthy();
  expect(screen.getAllByRole("tab")).toHaveLength(4);
  for (const name of ["Dữ liệu", "Nhập", "Báo cáo", "Hàm NTH"])
    expect(screen.getByRole("tab", { name })).toBeTruthy();
  fireEvent.click(screen.getByRole("tab", { name: "Hàm NTH" }));
  for (const f of NTH_FUNCTIONS)
    expect(document.getElementById(`help-${f.id}`)?.textContent).toContain(f.syntax.vi);
});

it("empty workbook: says what to do, then creates the standard sheets", async () => {
  const book = createEmptyWorkbook();
  renderPane(memoryExcelHost(book));
  click("Kiểm tra dữ liệu");
  // One sentence of what the add-in needs, no empty workbook label ("trong “”"), and creating the
  // sheets becomes the primary action, first on the tab; both results reach the live region.
  const needs = await screen.findAllByText(/^Bổ trợ cần một trang Thôn/);
  expect(needs.length).toBe(1);
  expect(document.body.textContent).not.toContain("“”");
  expect(document.getElementById("nth-live")?.textContent).toMatch(
    /Chưa đọc được dữ liệu\. Bổ trợ cần một trang Thôn/,
  );
  const create = screen.getByRole("button", { name: "Tạo các trang chuẩn" });
  const check = screen.getByRole("button", { name: "Kiểm tra dữ liệu" });
  expect(create.compareDocumentPosition(check) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  click("Tạo các trang chuẩn");
  expect(await screen.findByText("Thôn, Cán bộ, Chỉ tiêu, Cài đặt báo cáo, Hướng dẫn")).toBeTruthy();
  expect(book.sheets.map((s) => s.name)).toEqual([
    "Sheet1",
    "Thôn",
    "Cán bộ",
    "Chỉ tiêu",
    "Cài đặt báo cáo",
    "Hướng dẫn",
  ]);
});

it("data with errors: counts, groups by sheet and severity, and a click selects the cell", async () => {
  const book = createDemoWorkbook();
  renderPane(memoryExcelHost(book));
  click("Kiểm tra dữ liệu");
  expect(await screen.findByText("1 lỗi · 3 cảnh báo")).toBeTruthy();
  // Announced as well, and the button keeps the focus it had (disabledFocusable while checking).
  expect(document.getElementById("nth-live")?.textContent).toBe("1 lỗi · 3 cảnh báo");
  expect(screen.getByText("Lỗi (1)")).toBeTruthy();
  expect(screen.getByText("Cảnh báo (2)")).toBeTruthy();
  const issue = screen.getByRole("button", { name: /Chọn ô Thôn!\s?F301/ });
  expect(issue.textContent).toMatch(/“có ạ” không phải giá trị Có\/Không/);
  fireEvent.click(issue);
  expect(await screen.findByText("Đã chọn Thôn!F301.")).toBeTruthy();
  expect(book.selectionOf(book.activeSheet())).toEqual({ top: 301, left: 6, bottom: 301, right: 6 });
  // The figures at a glance.
  const glance = screen.getByRole("region", { name: "Tổng quan — Lạng Sơn" });
  expect(within(glance).getByText("355")).toBeTruthy();
  expect(within(glance).getByRole("img").textContent).toMatch(/Bình Gia 47,6%/);
  // English.
  fireEvent.click(screen.getByRole("switch"));
  expect(screen.getByText("1 error · 3 warnings")).toBeTruthy();
  expect(screen.getByRole("button", { name: /Select cell Thôn!\s?F301/ }).textContent).toMatch(
    /is not a yes\/no value/,
  );
});

it("stays usable with thousands of issues: one page at a time", async () => {
  const book = createEmptyWorkbook();
  const rows: (string | number)[][] = [
    ["Tỉnh", "Xã", "Thôn", "Bí thư chi bộ", "Trưởng thôn", "Nhất thể hóa"],
  ];
  for (let i = 1; i <= 3000; i++)
    rows.push(["Lạng Sơn", `Xã ${i % 40}`, `Thôn ${i}`, `Người ${i}`, `Người ${i}`, "có lẽ"]);
  book.addSheetValues("Thôn", rows);
  renderPane(memoryExcelHost(book));
  click("Kiểm tra dữ liệu");
  expect(await screen.findByText("3.000 lỗi · 0 cảnh báo", {}, { timeout: 10_000 })).toBeTruthy();
  expect(screen.getAllByRole("button", { name: /^Chọn ô Thôn!/ })).toHaveLength(ISSUES_PER_PAGE);
  expect(screen.getByText("Trang 1 / 120")).toBeTruthy();
  // At either end the pager's button stays focusable (aria-disabled), so a keyboard user who pressed
  // it up to the end keeps focus there instead of losing it to the page body.
  const previous = screen.getByRole("button", { name: "Trang trước" });
  expect([previous.hasAttribute("disabled"), previous.getAttribute("aria-disabled")]).toEqual([
    false,
    "true",
  ]);
  click("Trang sau");
  expect(screen.getByText("Trang 2 / 120")).toBeTruthy();
  previous.focus();
  fireEvent.click(previous);
  expect(screen.getByText("Trang 1 / 120")).toBeTruthy();
  expect(document.activeElement).toBe(screen.getByRole("button", { name: "Trang trước" }));
  expect(screen.getByRole("button", { name: "Trang trước" }).hasAttribute("disabled")).toBe(false);
  click("Trang sau");
  expect(screen.getByText("Trang 2 / 120")).toBeTruthy();
  expect(screen.getAllByRole("button", { name: /^Chọn ô Thôn!/ })[0].textContent).toMatch(
    /^Chọn ô Thôn!\s?F27/,
  );
});

/** A host whose batches wait at a gate once `hold` is on (Excel busy), to see the pane mid-way. */
function gatedHost(book: FakeWorkbook): ExcelHost & { hold: boolean; release: () => void } {
  const inner = memoryExcelHost(book);
  let open: () => void = () => undefined;
  let gate = Promise.resolve();
  const host = {
    kind: inner.kind,
    isSetSupported: inner.isSetSupported,
    createWorkbook: inner.createWorkbook,
    describe: inner.describe,
    hold: false,
    release: () => open(),
    run: async <T,>(batch: Parameters<ExcelHost["run"]>[0]): Promise<T> => {
      if (host.hold) await gate;
      return inner.run(batch) as Promise<T>;
    },
  };
  gate = new Promise<void>((resolve) => (open = resolve));
  return host;
}

it("generation in progress: progress bar with the step, no second start, cancel between sheets", async () => {
  const book = createDemoWorkbook();
  const host = gatedHost(book);
  renderPane(host);
  fireEvent.click(screen.getByRole("tab", { name: "Báo cáo" }));
  host.hold = true;
  click("Lập báo cáo");
  const bar = await screen.findByRole("progressbar");
  expect(bar).toBeTruthy();
  expect(screen.getByText("Đang đọc dữ liệu…")).toBeTruthy();
  expect(screen.getByRole("button", { name: "Lập báo cáo" }).getAttribute("aria-disabled")).toBe("true");
  // By keyboard: focus is on "Dừng", which goes away with the progress.
  screen.getByRole("button", { name: "Dừng" }).focus();
  click("Dừng");
  // Shown under the progress bar and said in the live region.
  const stopping = screen.getAllByText("Đang dừng sau trang hiện tại…");
  expect(stopping.some((e) => e.id !== "nth-live")).toBe(true);
  expect(document.getElementById("nth-live")?.textContent).toBe("Đang dừng sau trang hiện tại…");
  await act(async () => {
    host.hold = false;
    host.release();
  });
  expect(await screen.findByText("Đã dừng")).toBeTruthy();
  expect(book.sheets.map((s) => s.name)).toEqual(["Thôn", "Cán bộ", "Chỉ tiêu"]);
  // Focus went back to "Lập báo cáo", not to the page body (hostile review, issue 14).
  await waitFor(() =>
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Lập báo cáo" })),
  );
});

it("check stopped by keyboard: focus goes back to “Kiểm tra dữ liệu”, not to the page body", async () => {
  const book = createDemoWorkbook();
  const host = gatedHost(book);
  renderPane(host);
  host.hold = true;
  click("Kiểm tra dữ liệu");
  const cancel = await screen.findByRole("button", { name: "Dừng" });
  cancel.focus();
  fireEvent.click(cancel);
  await act(async () => {
    host.hold = false;
    host.release();
  });
  // Cancelled, or finished first (the demo is read in one request): either way "Dừng" goes away.
  await waitFor(() => expect(screen.queryByRole("button", { name: "Dừng" })).toBeNull(), { timeout: 30_000 });
  await waitFor(() =>
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Kiểm tra dữ liệu" })),
  );
});

it("shows each sheet being written", async () => {
  const book = createDemoWorkbook();
  const store = renderPane(memoryExcelHost(book));
  fireEvent.click(screen.getByRole("tab", { name: "Báo cáo" }));
  act(() =>
    store.set({
      generation: {
        kind: "running",
        cancelling: false,
        progress: { step: { kind: "write", index: 2, total: 6, name: "Chất lượng bí thư" }, fraction: 4 / 9 },
      },
    }),
  );
  expect(screen.getByText("Đang ghi trang 3/6: Chất lượng bí thư")).toBeTruthy();
  expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe(String(4 / 9));
});

it("generation failed: a clear message, and no half-written sheet", async () => {
  // Excel on the web refuses a request over its payload limit: here 8 kB, so the first report fails.
  const book = createDemoWorkbook({ payloadLimit: 8_000 });
  renderPane(memoryExcelHost(book));
  fireEvent.click(screen.getByRole("tab", { name: "Báo cáo" }));
  click("Lập báo cáo");
  const alert = await screen.findByRole("alert");
  expect(alert.textContent).toMatch(/Lập báo cáo không thành công/);
  expect(alert.textContent).toMatch(
    /Lỗi khi ghi trang “Tổng hợp”: Một yêu cầu gửi tới Excel vượt giới hạn kích thước .*\(The request payload size has exceeded the limit\)/,
  );
  expect(alert.textContent).toMatch(/không trang nào của lần này được giữ lại/);
  expect(book.sheets.map((s) => s.name)).toEqual(["Thôn", "Cán bộ", "Chỉ tiêu"]);
});

it("generation done: links to the sheets made, figures and chart", async () => {
  const book = createDemoWorkbook();
  renderPane(memoryExcelHost(book));
  fireEvent.click(screen.getByRole("tab", { name: "Báo cáo" }));
  fireEvent.click(screen.getByRole("checkbox", { name: "Chi bộ thôn" }));
  click("Lập báo cáo");
  expect(await screen.findByText("Đã lập xong: 7 trang báo cáo")).toBeTruthy();
  expect(document.getElementById("nth-live")?.textContent).toBe("Đã lập xong: 7 trang báo cáo");
  expect(screen.getByText("Trang Tổng hợp có biểu đồ tỷ lệ theo đơn vị.")).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "Mở trang Tổng hợp" }));
  expect(await screen.findByText("Đã chọn Tổng hợp.")).toBeTruthy();
  expect(book.activeSheet().name).toBe("Tổng hợp");
  expect(book.find("Chi bộ thôn")).toBeUndefined();
  // The named annex is offered and made like the other reports.
  expect(book.find("Phụ lục danh sách")).toBeDefined();
  expect(screen.getByRole("checkbox", { name: "Phụ lục danh sách" })).toBeTruthy();
  // So is the planning sheet (quotas of the shortfall), as the command line makes it.
  expect(book.find("Kế hoạch nhất thể hóa")).toBeDefined();
  expect(screen.getByRole("checkbox", { name: "Kế hoạch nhất thể hóa" })).toBeTruthy();
  expect(screen.queryByText(/chế độ tính toán thủ công/)).toBeNull();
});

it("after a report run in manual calculation mode, says so in one line", async () => {
  const book = createDemoWorkbook();
  book.calculationMode = "Manual";
  renderPane(memoryExcelHost(book));
  fireEvent.click(screen.getByRole("tab", { name: "Báo cáo" }));
  click("Lập báo cáo");
  expect(await screen.findByText(/^Đã lập xong: \d+ trang báo cáo$/)).toBeTruthy();
  expect(screen.getByText(/^Excel đang ở chế độ tính toán thủ công/)).toBeTruthy();
  expect(book.calculations).toBe(1);
});

it("says which features an older Excel lacks instead of failing", () => {
  const minor = (v: string): number => Number(v.split(".")[1]);
  renderPane(memoryExcelHost(createDemoWorkbook(), (_, version) => minor(version) <= 7));
  expect(screen.getByText("Phiên bản Excel này thiếu một số tính năng")).toBeTruthy();
  expect(screen.getByText("Lập báo cáo — cần ExcelApi 1.12")).toBeTruthy();
  expect(screen.getByRole("button", { name: "Tạo các trang chuẩn" }).getAttribute("aria-disabled")).toBe(
    "true",
  );
  fireEvent.click(screen.getByRole("tab", { name: "Báo cáo" }));
  expect(screen.getByRole("button", { name: "Lập báo cáo" }).getAttribute("aria-disabled")).toBe("true");
});

it("shows a notice from the ribbon command, Vietnamese first", () => {
  renderPane(memoryExcelHost(createDemoWorkbook()));
  act(() =>
    showNotice({
      intent: "warning",
      title: { vi: "Chưa lập được báo cáo", en: "Reports are not available yet" },
      body: { vi: "Nội dung", en: "Body" },
    }),
  );
  expect(screen.getByText("Chưa lập được báo cáo")).toBeTruthy();
  expect(screen.getByText(/Reports are not available yet: Body/)).toBeTruthy();
});

it("runs the compatibility self-test from the about area and shows a copyable report", async () => {
  const book = createDemoWorkbook();
  const sheets = book.sheets.map((s) => s.name);
  const store = renderPane(memoryExcelHost(book));
  click("Kiểm tra tương thích");
  click("Chạy kiểm tra");
  const report = (await screen.findByRole(
    "textbox",
    { name: "Báo cáo kiểm tra" },
    { timeout: 30_000 },
  )) as HTMLTextAreaElement;
  expect(report.value).toMatch(/^nth-rollup compatibility self-test/);
  expect(report.value).toContain("Host: in-memory Excel (demo)");
  expect(report.value).not.toContain("[FAIL]");
  const state = store.getState().selfTest;
  expect(state.kind === "done" && state.report.checks.every((c) => c.passed)).toBe(true);
  expect(screen.getByText(/^Đạt \d+\/\d+ mục kiểm tra\.$/)).toBeTruthy();
  expect(book.sheets.map((s) => s.name)).toEqual(sheets);
  const writeText = jest.fn(async () => undefined);
  Object.assign(navigator, { clipboard: { writeText } });
  click("Sao chép báo cáo");
  expect(await screen.findByText("Đã sao chép.")).toBeTruthy();
  expect(writeText).toHaveBeenCalledWith(report.value);
  act(() => store.setLang("en"));
  expect(screen.getByRole("button", { name: "Copy the report" })).toBeTruthy();
  expect(screen.getByText(/checks passed\.$/)).toBeTruthy();
}, 60_000);

it("makes the submission from the Import tab: a new workbook opens in Excel", async () => {
  const book = createDemoWorkbook();
  renderPane(memoryExcelHost(book));
  fireEvent.click(screen.getByRole("tab", { name: "Nhập" }));
  expect(screen.queryByText(/nth-rollup export/)).toBeNull();
  fireEvent.change(screen.getByRole("textbox", { name: "Kỳ báo cáo" }), { target: { value: "Quý IV/2025" } });
  click("Tạo tệp nộp");
  expect(
    await screen.findByText(/Tệp nộp đã mở thành sổ tính mới trong Excel/, undefined, { timeout: 30_000 }),
  ).toBeTruthy();
  expect(screen.getByText(/Nop bao cao - .+ - Quý IV-2025\.xlsx/)).toBeTruthy();
  expect(book.createdWorkbooks).toHaveLength(1);
}, 60_000);
it("asks before inserting a formula over data, and never writes into a standard sheet's data silently", async () => {
  const book = createDemoWorkbook();
  renderPane(memoryExcelHost(book));
  // Select a data cell of the Thôn sheet through an issue of the check.
  click("Kiểm tra dữ liệu");
  await screen.findByText("1 lỗi · 3 cảnh báo");
  fireEvent.click(screen.getByRole("button", { name: /Chọn ô Thôn!\s?F301/ }));
  await screen.findAllByText("Đã chọn Thôn!F301.");
  const thon = book.find("Thôn")!;
  const before = book.cell(thon, 301, 6)?.value;
  fireEvent.click(screen.getByRole("tab", { name: "Hàm NTH" }));
  click("Chèn =NTH.CONSOLIDATION_RATE(68; 143) vào ô đang chọn");
  expect(await screen.findByText("Ô trong vùng dữ liệu của trang chuẩn")).toBeTruthy();
  expect(screen.getByText(/Ô Thôn!F301 nằm trong vùng dữ liệu của trang Thôn/)).toBeTruthy();
  fireEvent.click(screen.getByText("Không chèn"));
  await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  expect(book.cell(thon, 301, 6)?.value).toBe(before);
  expect(book.cell(thon, 301, 6)?.formula ?? null).toBeNull();
  // "Vẫn chèn" writes it, and says so.
  click("Chèn =NTH.CONSOLIDATION_RATE(68; 143) vào ô đang chọn");
  await screen.findByText("Ô trong vùng dữ liệu của trang chuẩn");
  fireEvent.click(screen.getByText("Vẫn chèn"));
  // The status line writes the formula as the clerk's Excel shows it (";"); Office.js gets ",".
  expect(
    (await screen.findAllByText(/^Đã chèn =NTH.CONSOLIDATION_RATE\(68; 143\) vào Thôn!F301/)).length,
  ).toBeGreaterThan(0);
  expect(book.cell(thon, 301, 6)?.formula).toBe("=NTH.CONSOLIDATION_RATE(68, 143)");
});

it("guards the standard sheets' data however Excel names them, and the cell the clerk agreed to", async () => {
  const book = createDemoWorkbook();
  // "Thôn (2)" is what "Tạo các trang chuẩn" names its sheet when "Thôn" is taken; Excel ignores case.
  const second = book.addSheetValues("Thôn (2)", [
    ["Tỉnh", "Huyện", "Xã", "Thôn"],
    ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm"],
  ]);
  const notes = book.addSheetValues("Ghi chú", [["ghi chú"]]);
  const units = book.addSheetValues("ĐƠN VỊ", [["Đơn vị", "Hạn nộp"]]);
  const select = (sheet: typeof notes, row: number, column: number): void => {
    book.activeSheetId = sheet.id;
    book.selections.set(sheet.id, { top: row, left: column, bottom: row, right: column });
  };
  renderPane(memoryExcelHost(book));
  fireEvent.click(screen.getByRole("tab", { name: "Hàm NTH" }));
  const insert = "Chèn =NTH.CONSOLIDATION_RATE(68; 143) vào ô đang chọn";
  for (const [sheet, address] of [
    [second, "'Thôn (2)'!F5"],
    [units, "'ĐƠN VỊ'!F5"],
  ] as const) {
    select(sheet, 5, 6);
    click(insert);
    expect(await screen.findByText("Ô trong vùng dữ liệu của trang chuẩn")).toBeTruthy();
    expect(
      screen.getByText(new RegExp(`Ô ${address.replace(/[()]/g, "\\$&")} nằm trong vùng dữ liệu`)),
    ).toBeTruthy();
    fireEvent.click(screen.getByText("Không chèn"));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(book.cell(sheet, 5, 6)?.formula ?? null).toBeNull();
  }
  // Asked about Ghi chú!A1; the clerk then clicks into the Thôn (2) data before saying "Vẫn chèn":
  // the cell now selected is asked about, and nothing is written without that answer.
  select(notes, 1, 1);
  click(insert);
  expect(await screen.findByText("Ghi đè ô đang có dữ liệu?")).toBeTruthy();
  select(second, 2, 2);
  fireEvent.click(screen.getByText("Vẫn chèn"));
  expect(await screen.findByText("Ô trong vùng dữ liệu của trang chuẩn")).toBeTruthy();
  expect(book.cell(second, 2, 2)?.value).toBe("Bình Gia");
  expect(book.cell(notes, 1, 1)?.value).toBe("ghi chú");
  fireEvent.click(screen.getByText("Không chèn"));
  await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  expect(book.cell(second, 2, 2)?.formula ?? null).toBeNull();
  // Back on the cell that was agreed to: written.
  select(notes, 1, 1);
  click(insert);
  await screen.findByText("Ghi đè ô đang có dữ liệu?");
  fireEvent.click(screen.getByText("Vẫn chèn"));
  await waitFor(() => expect(book.cell(notes, 1, 1)?.formula).toBe("=NTH.CONSOLIDATION_RATE(68, 143)"));
});

it("header block: each setting shows the value that will be printed and where it comes from", async () => {
  renderPane(memoryExcelHost(createDemoWorkbook()));
  click("Kiểm tra dữ liệu");
  fireEvent.click(screen.getByRole("tab", { name: "Báo cáo" }));
  fireEvent.click(
    await screen.findByRole("button", { name: "Phần đầu và chữ ký (lưu ở trang Cài đặt báo cáo)" }),
  );
  const issuing = screen.getByRole("textbox", { name: "Cơ quan ban hành" });
  const hint = (input: HTMLElement): string =>
    document.getElementById(input.getAttribute("aria-describedby") ?? "")?.textContent ?? "";
  expect(hint(issuing)).toMatch(/^Sẽ in: .+ \(từ số liệu\)$/);
  fireEvent.change(issuing, { target: { value: "HUYỆN ỦY THỬ" } });
  expect(hint(screen.getByRole("textbox", { name: "Cơ quan ban hành" }))).toBe(
    "Sẽ in: HUYỆN ỦY THỬ (đã nhập)",
  );
  expect(hint(screen.getByRole("textbox", { name: "Độ mật" }))).toBe("không in");
  for (const name of ["Số, ký hiệu", "Kèm theo (văn bản)", "Độ khẩn"])
    expect(screen.getByRole("textbox", { name })).toBeTruthy();
});

it("check of a large sheet: shows the rows read, cancels between chunks and announces that nothing changed", async () => {
  const book = createDemoWorkbook();
  book.addSheet(
    "Ghi chép",
    Array.from({ length: 8_000 }, (_, r) =>
      Array.from({ length: 20 }, (_, c) => `Ghi chú ${r + 1}.${c + 1}`),
    ),
  );
  const store = renderPane(memoryExcelHost(book));
  const names = book.sheets.map((s) => s.name);
  const shown: string[] = [];
  store.subscribe(() => {
    const c = store.getState().check;
    if (c.kind !== "running" || !c.progress) return;
    shown.push(`${c.progress.sheet} ${c.progress.rowsRead}/${c.progress.rowCount}`);
    if (c.progress.sheet === "Ghi chép" && !c.cancelling) store.cancelCheck();
  });
  // Everything the live region says, in order: a few quarter steps per sheet, not one per chunk.
  const said: string[] = [];
  const live = document.getElementById("nth-live")!;
  const observer = new MutationObserver(() => said.push(live.textContent ?? ""));
  observer.observe(live, { childList: true, characterData: true, subtree: true });
  click("Kiểm tra dữ liệu");
  expect(await screen.findByText("Đã dừng kiểm tra. Bảng tính không thay đổi.")).toBeTruthy();
  observer.disconnect();
  const reading = said.filter((t) => t.startsWith("Đang đọc trang"));
  for (const t of reading) expect(t).toMatch(/^Đang đọc trang .+: (0|25|50|75|100)%$/);
  expect(new Set(reading).size).toBe(reading.filter((t, i) => t !== reading[i - 1]).length);
  expect(reading.length).toBeLessThanOrEqual(5 * names.length);
  expect(document.getElementById("nth-live")?.textContent).toBe(
    "Đã dừng kiểm tra. Bảng tính không thay đổi.",
  );
  expect(shown.some((s) => /^Ghi chép \d+\/8000$/.test(s))).toBe(true);
  expect(shown.some((s) => s === "Ghi chép 8000/8000")).toBe(false);
  expect(book.sheets.map((s) => s.name)).toEqual(names);
});
