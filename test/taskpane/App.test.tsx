/** @jest-environment jsdom */
import { act, render, screen } from "@testing-library/react";
import * as React from "react";
import { showNotice } from "../../src/commands/shared";
import { App } from "../../src/taskpane/App";
import { NTH_FUNCTIONS } from "../../src/taskpane/functionList";

// jsdom has no layout, hence no ResizeObserver; Fluent's MessageBar only needs it to exist.
beforeAll(() => {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
});

afterEach(() => showNotice(null));

it("shows the title, the preview badge outside Excel and every NTH function", () => {
  render(<App host={null} />);
  expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Nhất thể hóa — Tổng hợp");
  expect(screen.getByText(/Chế độ xem thử \(ngoài Excel\)/)).toBeTruthy();
  expect(NTH_FUNCTIONS).toHaveLength(6);
  for (const f of NTH_FUNCTIONS) expect(screen.getByText(f.syntax)).toBeTruthy();
});

it("says it runs in Excel when Office reports a host", () => {
  render(<App host={"Excel" as unknown as Office.HostType} />);
  expect(screen.queryByText(/Chế độ xem thử/)).toBeNull();
  expect(screen.getByText(/Đang chạy trong Excel/)).toBeTruthy();
});

it("shows a notice from a ribbon command, Vietnamese first", () => {
  render(<App host={null} />);
  expect(screen.queryByText("Chưa lập được báo cáo")).toBeNull();
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
