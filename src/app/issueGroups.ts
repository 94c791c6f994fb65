import type { Issue, Severity } from "../core/issues";

/** Issues of one sheet and one severity. */
export interface SeverityGroup {
  readonly severity: Severity;
  readonly issues: readonly Issue[];
}

/** Issues of one sheet ("" for the whole workbook), errors before warnings before information. */
export interface SheetGroup {
  /** Stable key for the UI: file and sheet. */
  readonly key: string;
  readonly file: string;
  readonly sheet: string;
  readonly errors: number;
  readonly warnings: number;
  /** Information lines (sheets and rows the reader skipped): not problems, never counted as such. */
  readonly infos: number;
  readonly groups: readonly SeverityGroup[];
}

export interface IssueCounts {
  readonly errors: number;
  readonly warnings: number;
  /** Information lines: what the reader skipped; not errors or warnings. */
  readonly infos: number;
}

export function countIssues(issues: readonly Issue[]): IssueCounts {
  let errors = 0;
  let warnings = 0;
  for (const i of issues) {
    if (i.severity === "error") errors++;
    else if (i.severity === "warning") warnings++;
  }
  return { errors, warnings, infos: issues.length - errors - warnings };
}

/**
 * Groups issues by sheet and by severity, keeping each group in the engine's order (by place).
 * Whole-workbook issues first, then sheets in `sheetOrder` (the workbook's tab order), then any
 * other sheet in the order it first appears. Linear in the issue count.
 */
export function groupIssues(issues: readonly Issue[], sheetOrder: readonly string[] = []): SheetGroup[] {
  const bySheet = new Map<
    string,
    { file: string; sheet: string; error: Issue[]; warning: Issue[]; info: Issue[] }
  >();
  for (const i of issues) {
    const key = `${i.file}\u0000${i.sheet}`;
    let g = bySheet.get(key);
    if (!g) bySheet.set(key, (g = { file: i.file, sheet: i.sheet, error: [], warning: [], info: [] }));
    g[i.severity].push(i);
  }
  const groups = [...bySheet.entries()].map(([key, g]) => ({
    key,
    file: g.file,
    sheet: g.sheet,
    errors: g.error.length,
    warnings: g.warning.length,
    infos: g.info.length,
    groups: (["error", "warning", "info"] as const)
      .filter((s) => g[s].length > 0)
      .map((severity) => ({ severity, issues: g[severity] })),
  }));
  // Problems of the whole workbook (no sheet) first: they are usually why nothing else can be read.
  const rank = (g: SheetGroup): number => {
    if (g.sheet === "") return -1;
    const i = sheetOrder.indexOf(g.sheet);
    return i < 0 ? sheetOrder.length : i;
  };
  return groups
    .map((g, i) => ({ g, i }))
    .sort((a, b) => rank(a.g) - rank(b.g) || a.i - b.i)
    .map(({ g }) => g);
}

/** The page of a list: `size` items from page `page` (0-based), and the number of pages. */
export function pageOf<T>(
  items: readonly T[],
  page: number,
  size: number,
): { items: readonly T[]; pages: number; page: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(0, page), pages - 1);
  return { items: items.slice(p * size, (p + 1) * size), pages, page: p };
}
