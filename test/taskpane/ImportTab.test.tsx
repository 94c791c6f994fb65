/** @jest-environment jsdom */
/**
 * The Import tab's states with Testing Library, on the in-memory workbook through the real session
 * and workflows (the files are given as grids: reading .xlsx in the browser is the end-to-end
 * test's): the preview with taken and refused files, the conflicts and who will have reported;
 * confirming; cancelling; the combined copy choice.
 */
import { fireEvent, render, screen, within } from "@testing-library/react";
import * as React from "react";
import type { IncomingFile } from "../../src/app/imports/plan";
import { clockOf } from "../../src/app/workflows";
import { memoryExcelHost } from "../../src/excel/memory/memoryHost";
import { createDistrictWorkbook } from "../../src/excel/memory/demoWorkbook";
import type { FakeWorkbook } from "../../src/excel/memory/fakeExcel";
import { WorkbookSession } from "../../src/excel/session";
import { App } from "../../src/taskpane/App";
import { PaneStore } from "../../src/taskpane/store";
import { submission, villages } from "../app/importFixtures";

beforeAll(() => {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
});

const NOW = new Date(2021, 8, 20, 8, 30);

const binhLa = submission({
  file: "binh-la.xlsx",
  commune: "Bình La",
  generatedAt: "2021-09-09T02:00:00.000Z",
  villages: villages("Nà", 3, 1),
});
const yenLo = submission({
  file: "yen-lo.xlsx",
  commune: "Yên Lỗ",
  generatedAt: "2021-09-16T02:00:00.000Z",
  period: "Quý IV/2021",
  villages: villages("Pò", 2, 2),
});
const notes: IncomingFile = {
  file: "ghi-chu.xlsx",
  workbook: { file: "ghi-chu.xlsx", sheets: [{ name: "Sheet1", rows: [["x"]] }] },
  error: null,
};

function renderPane(book: FakeWorkbook, files: readonly IncomingFile[]): PaneStore {
  const store = new PaneStore(
    new WorkbookSession(memoryExcelHost(book)),
    () => clockOf(NOW),
    { tab: "import", demo: "district" },
    { readFiles: async () => [...files], now: () => NOW },
  );
  render(<App store={store} />);
  return store;
}

/** Picks files through the (hidden) file input, as the clerk does with the button. */
function pick(count: number): void {
  const input = screen.getByLabelText("Tệp nộp báo cáo (.xlsx)") as HTMLInputElement;
  const files = Array.from({ length: count }, (_, i) => new File(["x"], `f${i}.xlsx`));
  fireEvent.change(input, { target: { files } });
}

it("shows what each file would do, the conflicts, who will have reported; then imports on confirm", async () => {
  const book = createDistrictWorkbook();
  renderPane(book, [binhLa, yenLo, notes]);
  expect(screen.getByRole("heading", { name: "Nhập báo cáo của đơn vị cấp dưới" })).toBeTruthy();
  pick(3);
  expect(await screen.findByText("3 tệp: 2 sẽ nhập · 1 không nhập")).toBeTruthy();
  const items = screen.getAllByRole("listitem");
  expect(within(items[0]).getByText("Bình La (xã, Bình Gia)")).toBeTruthy();
  expect(within(items[0]).getByText("Mới")).toBeTruthy();
  expect(within(items[0]).getByText("3 thôn · 1 nhất thể hóa")).toBeTruthy();
  expect(within(items[2]).getByText("Không phải tệp nộp")).toBeTruthy();
  expect(within(items[2]).getByText(/thiếu trang “Thông tin nộp”/)).toBeTruthy();
  // Another period: a conflict, named, before anything is written.
  expect(screen.getByText("Điểm vênh cần xem (1)")).toBeTruthy();
  expect(screen.getByText(/Quý IV\/2021/, { selector: "li" })).toBeTruthy();
  const after = screen.getByRole("region", { name: "Sau khi nhập" });
  expect(within(after).getByText("1/19")).toBeTruthy();
  expect(book.sheets.map((s) => s.name)).toEqual(["Đơn vị"]);

  fireEvent.click(screen.getByRole("button", { name: "Nhập vào sổ" }));
  expect(await screen.findByText("Đã nhập: 2 tệp, 5 thôn")).toBeTruthy();
  expect(book.sheets.map((s) => s.name)).toContain("Nhật ký nhập");
  // The check made after the import: who has reported, by the units sheet.
  const panel = await screen.findByRole("region", { name: "Tình hình nộp báo cáo" });
  expect(within(panel).getByText("1/19")).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "Lập báo cáo →" }));
  expect(screen.getByRole("heading", { name: "Lập báo cáo" })).toBeTruthy();
});

it("cancel leaves the workbook as it was; the combined copy is a choice until one exists", async () => {
  const book = createDistrictWorkbook();
  const store = renderPane(book, [binhLa]);
  fireEvent.click(screen.getByRole("radio", { name: /Bản gộp riêng/ }));
  pick(1);
  expect(await screen.findByText("1 tệp: 1 sẽ nhập")).toBeTruthy();
  expect(store.getState().importing).toMatchObject({ kind: "preview", plan: { mode: "copy" } });
  fireEvent.click(screen.getByRole("button", { name: "Hủy" }));
  expect(screen.queryByText("Xem trước khi nhập")).toBeNull();
  expect(book.sheets.map((s) => s.name)).toEqual(["Đơn vị"]);

  pick(1);
  await screen.findByText("1 tệp: 1 sẽ nhập");
  fireEvent.click(screen.getByRole("button", { name: "Nhập vào sổ" }));
  await screen.findByText(/^Đã nhập/);
  expect(book.sheets.map((s) => s.name)).toEqual(["Đơn vị", "Thôn (tổng hợp)", "Nhật ký nhập"]);
  // Picking the same file again: refused, and the mode is fixed to the copy.
  pick(1);
  expect(await screen.findByText("Đã nhập rồi")).toBeTruthy();
  expect(screen.getByText("Sổ đã có bản gộp: dữ liệu nhập tiếp vào bản gộp.")).toBeTruthy();
  expect((screen.getByRole("button", { name: "Nhập vào sổ" }) as HTMLButtonElement).disabled).toBe(true);
});

it("asks before replacing an accepted submission, in a dialog naming both files and hashes", async () => {
  const book = createDistrictWorkbook();
  const files: IncomingFile[] = [binhLa];
  const store = new PaneStore(
    new WorkbookSession(memoryExcelHost(book)),
    () => clockOf(NOW),
    { tab: "import", demo: "district" },
    { readFiles: async () => [...files], now: () => NOW },
  );
  render(<App store={store} />);
  pick(1);
  await screen.findByText("1 tệp: 1 sẽ nhập");
  fireEvent.click(screen.getByRole("button", { name: "Nhập vào sổ" }));
  await screen.findByText(/^Đã nhập/);
  // The clerk accepts Bình La's submission in the log's drop-down column.
  await memoryExcelHost(book).run(async (context) => {
    context.workbook.worksheets.getItem("Nhật ký nhập").getRange("M2").values = [["Đã nhận"]];
    await context.sync();
  });
  files[0] = submission({
    file: "binh-la-lan-2.xlsx",
    commune: "Bình La",
    generatedAt: "2021-09-12T02:00:00.000Z",
    villages: villages("Nà", 3, 2),
  });
  pick(1);
  expect(await screen.findByText("Thay bản đã nhận?")).toBeTruthy();
  expect((screen.getByRole("button", { name: "Nhập vào sổ" }) as HTMLButtonElement).disabled).toBe(true);
  fireEvent.click(screen.getByRole("button", { name: "Thay bản đã nhận…" }));
  const dialog = await screen.findByRole("dialog");
  expect(within(dialog).getByText("Thay bản nộp đã nhận?")).toBeTruthy();
  const text = dialog.textContent ?? "";
  expect(text).toContain("binh-la.xlsx");
  expect(text).toContain("binh-la-lan-2.xlsx");
  expect(text.match(/mã [0-9a-f]{8}/g)).toHaveLength(2);
  fireEvent.click(within(dialog).getByText("Thay bằng tệp này"));
  expect(await screen.findByText("Thay bản cũ")).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "Nhập vào sổ" }));
  await screen.findByText(/^Đã nhập/);
  expect(store.getState().importing.kind).toBe("done");
});
