import { cellText } from "../cells";
import { excelColumnOf, excelRowOf, type SheetGrid } from "../grid";

/**
 * The period a sheet's data is for, as its title rows state it: "(số liệu đến 30/6/2025)",
 * "Số liệu có đến ngày 31-12-2024", "Tính đến ngày 15/9/2021", "Quý III/2021", "quý II/2025",
 * "6 tháng đầu năm 2025", "tháng 6/2025". Clerks write it in a title row above the table; statistical forms (12-HD/BTCTW) label it
 * "Số liệu có đến ngày …". Pure: a grid in, the phrase out, or null.
 */
export interface DataPeriod {
  /** The phrase as written, without surrounding parentheses or spaces. */
  readonly text: string;
  /** The cut-off date when the phrase states one. */
  readonly date: { readonly year: number; readonly month: number; readonly day: number } | null;
  /** The year the phrase is about (the date's, else the last year it names), or null. */
  readonly year: number | null;
}

/** Where a period phrase was found: a sheet's title rows (with the cell), or the submissions' manifests. */
export type DataPeriodSource =
  | { readonly kind: "title"; readonly sheet: string; readonly file: string; readonly cell: string }
  | { readonly kind: "submissions" };

/** Lower case without diacritics (đ → d), for matching cue words whatever the typing. */
function plain(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ");
}

/** Words that say a text is about the period of the data (matched on the plain form). */
const CUES: readonly RegExp[] = [
  /\bso lieu (co )?(den|tinh den|tai)\b/,
  /\btinh den\b/,
  /\bden ngay\b/,
  /\bky bao cao\b/,
  /\bthoi diem\b/,
  /\bquy (i|ii|iii|iv|[1-4])\b/,
  /\b(\d{1,2}|sau|chin) thang (dau|cuoi) nam\b/,
  // "tháng 6/2025", "tháng 6 năm 2025", "tháng 06-2025"; not the date of a place-and-date line
  // ("Bình Gia, ngày 19 tháng 9 năm 2021"), which says when a document was signed.
  /(?<!\bngay \d{1,2} )\bthang \d{1,2}(\s*[/.-]\s*| nam )\d{4}\b/,
];

const DATE_NUMERIC = /(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/;
const DATE_WORDS = /ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})/;
const YEAR = /\b(19\d\d|20\d\d|21\d\d)\b/g;

function validDate(year: number, month: number, day: number): DataPeriod["date"] {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day
    ? { year, month, day }
    : null;
}

/**
 * Reads a period phrase: null unless the text has a cue ("số liệu đến", "tính đến", "quý III",
 * "6 tháng đầu năm", "tháng 6/2025"…) and a date or a year. A period without a day ("quý II/2025")
 * has no cut-off date: none is made up. Only the parenthesised part, or the ";"-separated part,
 * with the cue is kept ("DANH SÁCH THÔN (số liệu đến 30/6/2025)" → "số liệu đến 30/6/2025").
 */
export function periodOfText(raw: string): DataPeriod | null {
  const whole = raw.normalize("NFC").replace(/\s+/g, " ").trim();
  if (whole === "") return null;
  // Narrowest first: the ";"-separated parts of each parenthesis, the parentheses, the parts, the whole.
  const parens = [...whole.matchAll(/\(([^()]*)\)/g)].map((m) => m[1].trim());
  const parts = (t: string): string[] => t.split(";").map((x) => x.trim());
  const candidates = [...parens.flatMap(parts), ...parens, ...parts(whole), whole];
  for (const text of candidates) {
    const p = plain(text);
    if (!CUES.some((cue) => cue.test(p))) continue;
    const numeric = DATE_NUMERIC.exec(p);
    const words = DATE_WORDS.exec(p);
    const m = numeric ?? words;
    const date = m ? validDate(Number(m[3]), Number(m[2]), Number(m[1])) : null;
    const years = [...p.matchAll(YEAR)].map((y) => Number(y[1]));
    const year = date?.year ?? (years.length > 0 ? years[years.length - 1] : null);
    if (date === null && year === null) continue;
    return { text: text.replace(/^[(\s]+|[)\s]+$/g, ""), date, year };
  }
  return null;
}

/** The year a period written by a clerk names ("Quý III/2021" → 2021, "2025-09" → 2025), or null. */
export function yearOfPeriod(text: string): number | null {
  const p = plain(text.normalize("NFC"));
  const numeric = DATE_NUMERIC.exec(p) ?? DATE_WORDS.exec(p);
  if (numeric) return Number(numeric[3]);
  const years = [...p.matchAll(YEAR)].map((y) => Number(y[1]));
  return years.length > 0 ? years[years.length - 1] : null;
}

/**
 * The period phrase in the title rows of a sheet: the rows above its recognised header row
 * (`headerIndex`, 0-based into `grid.rows`), nearest the header first. Returns the phrase and its
 * cell (A1), or null when no title row states a period.
 */
export function periodInTitleRows(
  grid: SheetGrid,
  headerIndex: number,
): { readonly period: DataPeriod; readonly row: number; readonly column: number } | null {
  for (let r = Math.min(headerIndex, grid.rows.length) - 1; r >= 0; r--) {
    const row = grid.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      if (typeof value !== "string") continue;
      const period = periodOfText(cellText(value));
      if (period) return { period, row: excelRowOf(grid, r), column: excelColumnOf(grid, c) };
    }
  }
  return null;
}
