import type { ExpectedUnitRecord, UnitListLevel } from "../model";
import { nameKey, unitKey } from "../text/normalize";

/**
 * The unit list as a dated map (docs/unit-list.md): which units exist on a day, and which units a
 * unit was formed from. Pure; the rows come from the `Đơn vị` sheet or the `--units` workbook.
 */

/** The reform that abolished the district level: "chính quyền địa phương hai cấp" (Nghị quyết 202/2025/QH15). */
export const TWO_TIER_REFORM = "2025-07-01";

/**
 * True when the row's unit exists on `date` (ISO): valid from on or before it, valid to on or
 * after it (both days included); a row without dates always exists. `date` null: every row exists.
 */
export function existsOn(
  row: Pick<ExpectedUnitRecord, "validFrom" | "validTo">,
  date: string | null,
): boolean {
  if (date === null) return true;
  const from = row.validFrom ?? null;
  const to = row.validTo ?? null;
  if (from !== null && from > date) return false;
  if (to !== null && to < date) return false;
  return true;
}

/** The key a level compares names by: unit kind words dropped for units ("Xã Yên Lỗ" = "Yên Lỗ"), whole names for villages. */
export function levelKey(level: UnitListLevel | null, name: string): string {
  if (level === "village") return nameKey(name);
  return unitKey(level ?? "commune", name);
}

/** A code as typed: 2 to 6 digits, kept as written (the crosswalk compares codes without their leading zeros). */
export function codeOf(text: string | null | undefined): string | null {
  if (!text) return null;
  const t = text.trim();
  return /^\d{2,6}$/.test(t) ? t : null;
}

/** A reference to a unit in a "Hình thành từ" or "Trực thuộc" cell: its code, or its name (with an optional "(huyện X)" qualifier). */
export interface UnitReference {
  readonly code: string | null;
  /** The name without the qualifier in parentheses; empty when the reference is a code. */
  readonly name: string;
  /** The text in parentheses after the name ("Thượng Hà (Bảo Yên)": "Bảo Yên"), or null. */
  readonly within: string | null;
  /** The level the words say ("huyện Bảo Yên": district; "thôn 5": village), or null. */
  readonly level: UnitListLevel | null;
}

const LEVEL_WORDS: readonly [RegExp, UnitListLevel][] = [
  [/^(tỉnh|tinh)\s/iu, "province"],
  [/^(huyện|huyen|quận|quan|thị xã|thi xa)\s/iu, "district"],
  [/^(xã|xa|phường|phuong|thị trấn|thi tran|đặc khu|dac khu)\s/iu, "commune"],
  [/^(thôn|thon|bản|ban|ấp|làng|xóm|xom|khối phố|khu phố|tổ dân phố|tổ)\s/iu, "village"],
];

/** Reads one item of a "Hình thành từ" cell: a code ("05011") or a name ("xã Thượng Hà (huyện Bảo Yên)"). */
export function parseReference(item: string): UnitReference {
  const code = codeOf(item);
  if (code) return { code, name: "", within: null, level: null };
  const m = /^(.*?)\s*\(([^)]*)\)\s*$/u.exec(item.trim());
  const name = (m ? m[1] : item).trim();
  const within = m ? m[2].trim() || null : null;
  const level = LEVEL_WORDS.find(([re]) => re.test(name))?.[1] ?? null;
  return { code: null, name, within, level };
}

/** The rows of the list that describe units (not villages) existing on `date`. */
export function unitsOn(list: readonly ExpectedUnitRecord[], date: string | null): ExpectedUnitRecord[] {
  return list.filter((row) => row.level !== "village" && existsOn(row, date));
}

/** The villages' rows of the list. */
export function villageRows(list: readonly ExpectedUnitRecord[]): ExpectedUnitRecord[] {
  return list.filter((row) => row.level === "village");
}

/**
 * True when the list says something about time (a valid-from, valid-to or formed-from cell
 * filled): a plain list of expected units, as before the dated columns, has none.
 */
export function isDated(list: readonly ExpectedUnitRecord[]): boolean {
  return list.some(
    (row) =>
      (row.validFrom ?? null) !== null || (row.validTo ?? null) !== null || (row.formedFrom ?? []).length > 0,
  );
}

/** "2025-07-01" from a day given as numbers (a report date, a period's date). */
export function isoDay(d: { readonly year: number; readonly month: number; readonly day: number }): string {
  const p = (n: number): string => String(n).padStart(2, "0");
  return `${d.year}-${p(d.month)}-${p(d.day)}`;
}

/** "30/6/2025" from "2025-06-30", as the sheets show dates. */
export function displayDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d}/${m}/${y}`;
}
