/**
 * Hostile sequences against a report run (issue 12's review): a failure at every request of a run
 * over an earlier complete set, a cancel at every stage, and the clerk changing sheets while the
 * run writes. After each: exactly one complete set (the earlier one, or the new one), nothing
 * staged left, the lock free, and a message that says what happened.
 */
import { clockOf, generateReports } from "../../src/app/workflows";
import { runningTask } from "../../src/excel/applier";
import { createDemoWorkbook } from "../../src/excel/memory/demoWorkbook";
import type { FakeWorkbook } from "../../src/excel/memory/fakeExcel";
import { memoryExcelHost } from "../../src/excel/memory/memoryHost";
import { WorkbookSession } from "../../src/excel/session";
import { REPORT_IDS, REPORT_MARKER_KEY } from "../../src/report/description";

const clock = clockOf(new Date(2021, 8, 19));
const request = { unitId: null, reports: REPORT_IDS, language: "vi" as const, layout: "nested" as const };
const session = (book: FakeWorkbook, maxRequestBytes?: number): WorkbookSession =>
  new WorkbookSession(memoryExcelHost(book), { maxRequestBytes });

/** Name → report mark of every sheet, the report names and the staged sheets. */
function state(book: FakeWorkbook): { marks: Record<string, string | null>; names: string[] } {
  const marks: Record<string, string | null> = {};
  for (const s of book.sheets) marks[s.name] = s.customProperties.get(REPORT_MARKER_KEY) ?? null;
  const names = book.names
    .filter((n) => n.name.startsWith("_nth_report_"))
    .map((n) => `${n.name}→${n.sheetId === null ? "#REF!" : book.byId(n.sheetId)?.name}`)
    .sort();
  return { marks, names };
}

function contents(book: FakeWorkbook): unknown {
  return book.sheets.map((s) => [s.name, book.snapshot(s)]);
}

it("a failure at any request of a run leaves the earlier complete set exactly as it was", async () => {
  // How many requests a second run makes (20 kB requests: several per sheet).
  const probe = createDemoWorkbook();
  expect((await generateReports(session(probe, 20_000), request, clock)).status).toBe("done");
  const first = probe.syncs;
  expect((await generateReports(session(probe, 20_000), request, clock)).status).toBe("done");
  const total = probe.syncs - first;
  expect(total).toBeGreaterThan(12);
  for (let k = 1; k <= total; k++) {
    const book = createDemoWorkbook();
    expect((await generateReports(session(book, 20_000), request, clock)).status).toBe("done");
    const before = contents(book);
    const beforeState = state(book);
    (book.options as { failAtSync?: number }).failAtSync = book.syncs + k;
    const out = await generateReports(session(book, 20_000), request, clock);
    expect(runningTask()).toBeNull();
    if (out.status === "done") {
      // Failed after the commit (the recalculation or the chart): the new set stands, complete.
      expect(Object.values(state(book).marks).filter(Boolean).sort()).toEqual([...REPORT_IDS].sort());
      expect(state(book).names).toEqual(beforeState.names);
      continue;
    }
    expect([k, out.status]).toEqual([k, "failed"]);
    expect(out.message?.vi).toMatch(/Injected failure/);
    expect(out.message?.en).toMatch(/Injected failure/);
    expect(out.message?.vi).not.toMatch(/[A-Z][a-z]+ the /);
    expect([k, contents(book)]).toEqual([k, before]);
    expect(state(book)).toEqual(beforeState);
  }
});

it("a cancel at every stage (reading, each sheet, before the commit) leaves the earlier set", async () => {
  const stages: string[] = [];
  const probe = createDemoWorkbook();
  await generateReports(session(probe), request, clock, {
    onProgress: (p) => stages.push(p.step.kind === "write" ? `write${p.step.index}` : p.step.kind),
  });
  expect(stages.filter((s) => s.startsWith("write"))).toHaveLength(REPORT_IDS.length);
  for (const stage of stages.filter((s) => s !== "chart")) {
    const book = createDemoWorkbook();
    expect((await generateReports(session(book), request, clock)).status).toBe("done");
    const before = contents(book);
    const controller = new AbortController();
    const out = await generateReports(session(book), request, clock, {
      signal: controller.signal,
      onProgress: (p) => {
        const at = p.step.kind === "write" ? `write${p.step.index}` : p.step.kind;
        if (at === stage) controller.abort();
      },
    });
    expect([stage, out.status]).toEqual([stage, "cancelled"]);
    expect([stage, contents(book)]).toEqual([stage, before]);
    expect(runningTask()).toBeNull();
  }
});

describe("the clerk changes sheets while a run writes (between its first look and its commit)", () => {
  it("a sheet added with a later report's name: kept; the report takes a free name", async () => {
    const book = createDemoWorkbook();
    expect((await generateReports(session(book), request, clock)).status).toBe("done");
    book.deleteSheet(book.sheet("Kiểm tra dữ liệu"));
    const out = await generateReports(session(book), request, clock, {
      onProgress: (p) => {
        if (p.step.kind === "write" && p.step.index === 2) book.addSheet("Kiểm tra dữ liệu", [["của tôi"]]);
      },
    });
    expect(out.status).toBe("done");
    expect(book.sheet("Kiểm tra dữ liệu").cells.get(1)?.get(1)?.value).toBe("của tôi");
    const marks = state(book).marks;
    expect(marks["Kiểm tra dữ liệu"]).toBeNull();
    expect(Object.values(marks).filter(Boolean).sort()).toEqual([...REPORT_IDS].sort());
    expect(Object.keys(marks).filter((n) => n.startsWith("(chưa xong)"))).toEqual([]);
    expect(out.written.map((w) => w.name)).toContain("Kiểm tra dữ liệu (2)");
    expect(runningTask()).toBeNull();
  });

  it("an earlier report sheet deleted or renamed meanwhile: the new set is complete", async () => {
    const book = createDemoWorkbook();
    expect((await generateReports(session(book), request, clock)).status).toBe("done");
    const out = await generateReports(session(book), request, clock, {
      onProgress: (p) => {
        if (p.step.kind === "write" && p.step.index === 1) {
          book.deleteSheet(book.sheet("Chi bộ thôn"));
          book.sheet("Thôn chưa NTH").name = "Cũ";
        }
      },
    });
    expect(out.status).toBe("done");
    const { marks, names } = state(book);
    // The renamed earlier report is the clerk's to keep (still marked: never read as data).
    expect(marks["Cũ"]).toBe("toConsolidate");
    delete marks["Cũ"];
    expect(Object.values(marks).filter(Boolean).sort()).toEqual([...REPORT_IDS].sort());
    expect(out.written.map((w) => w.name)).toContain("Thôn chưa NTH");
    expect(names.every((n) => !n.includes("#REF!") && !n.includes("Cũ"))).toBe(true);
    expect(names).toHaveLength(REPORT_IDS.length);
    expect(runningTask()).toBeNull();
  });
});

it("a failure inside the commit (Excel applied part of it) is said as such; the next run mends the set", async () => {
  const book = createDemoWorkbook();
  expect((await generateReports(session(book), request, clock)).status).toBe("done");
  const deleteSheet = book.deleteSheet.bind(book);
  let calls = 0;
  const spy = jest.spyOn(book, "deleteSheet").mockImplementation((sheet) => {
    // The commit deletes the earlier reports: the third delete fails, as a raced one would.
    if (++calls === 3) throw Object.assign(new Error("The sheet was deleted."), { code: "ItemNotFound" });
    deleteSheet(sheet);
  });
  const out = await generateReports(session(book), request, clock);
  spy.mockRestore();
  expect(out.status).toBe("failed");
  expect(out.message?.vi).toMatch(/khi đang thay các báo cáo cũ.*Hãy lập lại báo cáo\.$/);
  expect(out.message?.en).toMatch(
    /while the earlier reports were being replaced.*Generate the reports again\.$/,
  );
  expect(out.message?.en).not.toMatch(/unchanged/);
  expect(Object.keys(state(book).marks).filter((n) => n.startsWith("(chưa xong)"))).toEqual([]);
  expect(runningTask()).toBeNull();
  const again = await generateReports(session(book), request, clock);
  expect(again.status).toBe("done");
  const { marks, names } = state(book);
  expect(Object.values(marks).filter(Boolean).sort()).toEqual([...REPORT_IDS].sort());
  expect(names).toHaveLength(REPORT_IDS.length);
  expect(names.every((n) => !n.includes("#REF!"))).toBe(true);
});

it.each([
  ["GeneralException", /Injected failure/, /Injected failure/],
  ["InvalidOperation", /Injected failure/, /Injected failure/],
  ["AccessDenied", /đang được bảo vệ/, /is protected/],
  ["InvalidOperationInCellEditMode", /chế độ sửa ô/, /editing a cell/],
  ["RequestPayloadSizeLimitExceeded", /vượt giới hạn kích thước/, /over its size limit/],
])(
  "Excel failing mid-run with %s: earlier set intact, lock free, said in both languages",
  async (code, vi, en) => {
    const book = createDemoWorkbook();
    expect((await generateReports(session(book, 20_000), request, clock)).status).toBe("done");
    const before = contents(book);
    Object.assign(book.options, { failAtSync: book.syncs + 9, failCode: code });
    const out = await generateReports(session(book, 20_000), request, clock);
    expect(out.status).toBe("failed");
    expect(out.message?.vi).toMatch(vi);
    expect(out.message?.en).toMatch(en);
    expect(out.message?.vi).toMatch(/Các báo cáo trước đó vẫn nguyên vẹn/);
    expect(out.message?.en).toMatch(/The earlier reports are unchanged/);
    expect(contents(book)).toEqual(before);
    expect(runningTask()).toBeNull();
  },
);

it("the clerk protects the workbook's structure mid-run: said, and the unfinished sheets said to be left", async () => {
  const book = createDemoWorkbook();
  expect((await generateReports(session(book), request, clock)).status).toBe("done");
  const out = await generateReports(session(book), request, clock, {
    onProgress: (p) => {
      if (p.step.kind === "write" && p.step.index === 2) book.protected = true;
    },
  });
  expect(out.status).toBe("failed");
  expect(out.message?.vi).toMatch(/đang được bảo vệ/);
  expect(out.message?.en).toMatch(/protected/);
  const staged = Object.keys(state(book).marks).filter((n) => n.startsWith("(chưa xong)"));
  expect(staged).toHaveLength(2);
  expect(out.message?.en).toMatch(/unfinished sheets “\(chưa xong\) …” could not be removed/);
  expect(out.message?.en).not.toMatch(/no sheet of this run was kept|Nothing was changed/);
  expect(out.message?.vi).not.toMatch(/Không có gì bị thay đổi/);
  expect(runningTask()).toBeNull();
  // Unprotected, the next run removes them and writes a complete set.
  book.protected = false;
  expect((await generateReports(session(book), request, clock)).status).toBe("done");
  const { marks } = state(book);
  expect(Object.keys(marks).filter((n) => n.startsWith("(chưa xong)"))).toEqual([]);
  expect(Object.values(marks).filter(Boolean).sort()).toEqual([...REPORT_IDS].sort());
});
