import { officeAddress, type FakeWorkbook } from "./fakeExcel";

/**
 * A read-only view of the demo workbook on `window.__nthDemo`, for the end-to-end browser test and
 * for anyone curious in the browser's console. Only in demo mode (never inside Excel). Every answer
 * is a copy: nothing here can change the workbook.
 */
export interface DemoHandle {
  /** Sheet names in order. */
  sheets(): string[];
  /** A cell's value and formula ("Thôn", 5, 4), or null when empty. */
  cell(sheet: string, row: number, column: number): { value: unknown; formula: string | null } | null;
  /** Every non-empty cell value of a sheet, row by row (for searching a text). */
  texts(sheet: string): string[];
  /** Worksheet custom properties (the add-in's marks). */
  marks(sheet: string): Record<string, string>;
  tables(): { name: string; sheet: string }[];
  charts(sheet: string): { title: string; series: string[] }[];
  validations(sheet: string): { address: string; rule: unknown }[];
  frozenRows(sheet: string): number;
  /** The active sheet and the selected range. */
  selection(): string;
  /** Workbook settings (the pane's saved choices). */
  settings(): Record<string, unknown>;
  syncs(): number;
}

const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v ?? null)) as T;

export function demoHandle(book: FakeWorkbook): DemoHandle {
  const sheet = (name: string) => book.sheet(name);
  return Object.freeze({
    sheets: () => book.sheets.map((s) => s.name),
    cell: (name: string, row: number, column: number) => {
      const c = book.cell(sheet(name), row, column);
      return c ? { value: copy(c.value), formula: c.formula } : null;
    },
    texts: (name: string) =>
      [...sheet(name).cells.entries()]
        .sort(([a], [b]) => a - b)
        .flatMap(([, row]) => [...row.entries()].sort(([a], [b]) => a - b).map(([, c]) => c.value))
        .filter((v): v is string | number | boolean => v !== null)
        .map(String),
    marks: (name: string) => Object.fromEntries(sheet(name).customProperties),
    tables: () =>
      book.tables.map((t) => ({
        name: t.name,
        sheet: book.sheets.find((s) => s.id === t.sheetId)?.name ?? "",
      })),
    charts: (name: string) =>
      sheet(name).charts.map((c) => ({ title: c.title, series: c.series.map((s) => s.name) })),
    validations: (name: string) =>
      sheet(name).validations.map((v) => ({ address: officeAddress(name, v.rect), rule: copy(v.rule) })),
    frozenRows: (name: string) => sheet(name).freeze?.rows ?? 0,
    selection: () => {
      const active = book.activeSheet();
      return officeAddress(active.name, book.selectionOf(active));
    },
    settings: () => copy(Object.fromEntries(book.settings)),
    syncs: () => book.syncs,
  });
}

/** Puts the handle on `window.__nthDemo` (demo mode only). */
export function exposeDemoHandle(book: FakeWorkbook): void {
  if (typeof window === "undefined") return;
  Object.defineProperty(window, "__nthDemo", {
    value: demoHandle(book),
    writable: false,
    configurable: false,
  });
}
