import { FakeWorkbook } from "../../src/excel/memory/fakeExcel";
import { memoryExcelHost } from "../../src/excel/memory/memoryHost";
import { SELF_TEST_CHECKS, SELF_TEST_SHEET, runSelfTest, type SelfTestCheck } from "../../src/excel/selfTest";
import { selfTestText } from "../../src/port/selfTest";

/**
 * The compatibility self-test's contract suite against the in-memory Excel: every check passes,
 * the workbook is left as it was, and the report is complete. In real Excel the same checks run
 * from the pane; a difference there is a difference between the in-memory Excel and Excel.
 */

function clerksBook(options: ConstructorParameters<typeof FakeWorkbook>[0] = {}): FakeWorkbook {
  const book = new FakeWorkbook(options);
  book.addSheet("Thôn", [
    ["Tỉnh", "Xã", "Thôn"],
    ["Lạng Sơn", "Yên Lỗ", "Pò Mầm"],
  ]);
  return book;
}

const state = (book: FakeWorkbook): unknown => ({
  sheets: book.sheets.map((s) => ({ name: s.name, sheet: book.snapshot(s) })),
  names: book.names.map((n) => n.name),
  tables: book.tables.length,
});

describe("the compatibility self-test on the in-memory Excel", () => {
  it("passes every check, removes its sheet and leaves the workbook as it was", async () => {
    const book = clerksBook();
    const before = state(book);
    const report = await runSelfTest(memoryExcelHost(book));
    expect(report.checks.filter((c) => !c.passed)).toEqual([]);
    expect(report.checks.map((c) => c.id)).toEqual(SELF_TEST_CHECKS.map((c) => c.id));
    expect(report.cleanedUp).toBe(true);
    expect(book.find(SELF_TEST_SHEET)).toBeUndefined();
    expect(state(book)).toEqual(before);
    expect(report.requirementSets).toContain("ExcelApi 1.13");
    expect(report.requirementSets).not.toContain("ExcelApi 1.14");
    expect(report.host).toMatch(/in-memory/);
  });

  it('the text-as-text check records that a leading \' stays literally in an "@" cell', async () => {
    const report = await runSelfTest(memoryExcelHost(clerksBook()));
    const text = report.checks.find((c) => c.id === "text-as-text")!;
    expect(JSON.parse(text.observed).values).toEqual([["=1+2", "'0123", "+84 912", "0123"]]);
  });

  it("passes while the clerk is typing in a cell (delayForCellEdit)", async () => {
    const book = clerksBook();
    book.cellEditMode = true;
    const report = await runSelfTest(memoryExcelHost(book));
    expect(report.checks.every((c) => c.passed)).toBe(true);
    expect(book.runs.every((r) => r.delayForCellEdit)).toBe(true);
  });

  it("gates the merged-area reading on ExcelApi 1.13 and passes with the fallback", async () => {
    const book = clerksBook({ excelApiMinor: 12 });
    const report = await runSelfTest(memoryExcelHost(book));
    const merges = report.checks.find((c) => c.id === "merges")!;
    expect(merges).toMatchObject({ passed: true });
    expect(JSON.parse(merges.observed).mergedAreas).toBe("unsupported");
  });

  it("fails a check whose host differs, with the observed value, and still removes its sheet", async () => {
    const book = clerksBook();
    const host = memoryExcelHost(book, (name, version) => !(name === "ExcelApi" && version === "1.11"));
    const report = await runSelfTest(host);
    const edit = report.checks.find((c) => c.id === "cell-edit")!;
    expect(edit.passed).toBe(false);
    expect(JSON.parse(edit.observed)).toEqual({ delayForCellEdit: false, batchRan: true });
    expect(book.find(SELF_TEST_SHEET)).toBeUndefined();
  });

  it("reports an error as the observation of a check that throws, and a protected sheet as such", async () => {
    const book = clerksBook();
    const broken: SelfTestCheck = {
      id: "broken",
      title: { vi: "hỏng", en: "broken" },
      expected: () => true,
      run: async (context) => {
        context.workbook.worksheets.getItem("Không có");
        await context.sync();
        return true;
      },
    };
    const report = await runSelfTest(memoryExcelHost(book), [broken]);
    expect(report.checks[0].passed).toBe(false);
    expect(report.checks[0].observed).toMatch(/^ItemNotFound: /);

    const locked = clerksBook();
    locked.protected = true;
    const refused = await runSelfTest(memoryExcelHost(locked));
    expect(refused.checks.every((c) => !c.passed)).toBe(true);
    expect(refused.checks[0].observed).toMatch(/temporary sheet not added: AccessDenied/);
  });

  it("gives a copyable text: host, platform, version, requirement sets, each check with its observation", async () => {
    const report = await runSelfTest(memoryExcelHost(clerksBook()));
    const text = selfTestText(report);
    expect(text).toMatch(/^nth-rollup compatibility self-test/);
    expect(text).toContain("Host: in-memory Excel (demo)");
    expect(text).toContain("Requirement sets: ExcelApi 1.1, ");
    expect(text).toContain(`Checks: ${SELF_TEST_CHECKS.length}/${SELF_TEST_CHECKS.length} passed`);
    for (const c of SELF_TEST_CHECKS) expect(text).toContain(`[PASS] ${c.id}: ${c.title.en}`);
    expect(selfTestText(report, "vi")).toContain(SELF_TEST_CHECKS[0].title.vi);
  });
});

describe("the self-test never touches a clerk's sheet", () => {
  it("a clerk's sheet named like the temporary sheets is kept, and the checks say why they could not run", async () => {
    const book = clerksBook();
    book.addSheet(SELF_TEST_SHEET, [["số liệu của tôi"]]);
    book.addSheet("NTH kiểm tra tạm 2", [["bản sao"]]);
    const before = state(book);
    const report = await runSelfTest(memoryExcelHost(book));
    expect(state(book)).toEqual(before);
    expect(report.checks.every((c) => !c.passed)).toBe(true);
    expect(report.checks[0].observed).toMatch(/temporary sheet not added: ItemAlreadyExists/);
  });

  it("a clerk's sheet named like the renamed one: that check fails, the workbook is left as it was", async () => {
    const book = clerksBook();
    book.addSheet("NTH kiểm tra tạm 2", [["bản sao"]]);
    const before = state(book);
    const report = await runSelfTest(memoryExcelHost(book));
    expect(report.checks.filter((c) => !c.passed).map((c) => c.id)).toEqual(["sheets"]);
    expect(report.cleanedUp).toBe(true);
    expect(state(book)).toEqual(before);
  });
});
