/**
 * The project's rendering and recalculation check, for tests and the docs' pictures: runs
 * scripts/xlsx-check.sh (LibreOffice headless, formulas recalculated on load → PDF, one PNG per
 * page, one CSV per sheet) and reads its outputs back. Needs libreoffice-calc and poppler-utils,
 * which scripts/install-system-packages.sh installs.
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const XLSX_CHECK = path.join(ROOT, "scripts", "xlsx-check.sh");

/** Why the renderer cannot run here, or null when LibreOffice, pdftoppm and pdftotext are installed. */
export function missingRenderer(): string | null {
  const missing = ["libreoffice", "pdftoppm", "pdftotext"].filter(
    (p) => spawnSync("sh", ["-c", `command -v ${p}`]).status !== 0,
  );
  return missing.length === 0
    ? null
    : `${missing.join(", ")} missing: run scripts/install-system-packages.sh (as root) first`;
}

export interface Rendered {
  readonly pdf: string;
  /** The text of each printed page (pdftotext -layout), in order. */
  readonly pages: readonly string[];
  /** PNG files of the pages, in order. */
  readonly pngs: readonly string[];
  /** The CSV of a sheet, as rows of fields. */
  readonly csv: (sheet: string) => string[][];
}

/** Renders BOOK.xlsx into `outDir` with scripts/xlsx-check.sh and reads the pages and CSVs back. */
export function render(book: string, outDir: string): Rendered {
  execFileSync(XLSX_CHECK, [book, outDir], { stdio: "pipe", timeout: 300_000 });
  const stem = path.basename(book).replace(/\.[^.]+$/, "");
  const pdf = path.join(outDir, `${stem}.pdf`);
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 1 << 28 });
  const pages = text.split("\f");
  if (pages.length > 0 && pages[pages.length - 1].trim() === "") pages.pop();
  const pngs = fs
    .readdirSync(outDir)
    .filter((f) => f.startsWith(`${stem}-`) && f.endsWith(".png"))
    .sort()
    .map((f) => path.join(outDir, f));
  const csv = (sheet: string): string[][] =>
    parseCsv(fs.readFileSync(path.join(outDir, "csv", `${stem}-${sheet}.csv`), "utf8"));
  return { pdf, pages, pngs, csv };
}

/** A minimal RFC 4180 reader (quotes, doubled quotes, commas and newlines inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The pages of each sheet: a sheet's first page is the one with the header block's party or state name. */
export function pagesBySheet(pages: readonly string[], headerMark: RegExp): string[][] {
  const sheets: string[][] = [];
  for (const page of pages) {
    if (headerMark.test(page) || sheets.length === 0) sheets.push([page]);
    else sheets[sheets.length - 1].push(page);
  }
  return sheets;
}

/** Lines of a page without blank lines and the page-number footer. */
export function contentLines(page: string): string[] {
  return page
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !/^(Trang \d+\/\d+|Page \d+ of \d+)$/.test(l));
}
