import { cellText, isBlank, isCellDate, type CellValue } from "../../core/cells";
import type { Message } from "../../core/issues";
import type { UnitLevel } from "../../core/rollup/types";
import type { SubmissionManifest } from "../../core/submission/manifest";
import { districtOf, foldKey, unitKey } from "../../core/text/normalize";

/**
 * Where an imported row came from. Every row the pane's import writes carries four provenance
 * cells (the optional columns `PROVENANCE_COLUMNS` of src/core/schema/sheets.ts): the source file,
 * the submitting unit with its level ("Bình La (xã)"; "Bình La (xã, Bình Gia)" for a commune in a
 * district), the reporting period, and when it was imported. A later submission of the same unit
 * replaces exactly the rows that are that unit's (`rowBelongsTo`); rows without provenance (typed
 * by the clerk) are never replaced.
 */

/** The unit that sent a submission, as its manifest names it. */
export interface SubmittingUnit {
  readonly name: string;
  readonly level: UnitLevel;
  readonly province: string;
  /** The district above a commune (null in two-tier data, and for a district or province). */
  readonly district: string | null;
}

export interface Provenance {
  readonly sourceFile: string;
  readonly unit: SubmittingUnit;
  readonly period: string;
  /** Local time of the import, "2026-01-15 10:20". */
  readonly importedAt: string;
}

/** The provenance column keys, in the order the import writes them. */
export const PROVENANCE_KEYS = ["sourceFile", "submittingUnit", "period", "importedAt"] as const;
export type ProvenanceKey = (typeof PROVENANCE_KEYS)[number];

/** The word of each level in a submitting-unit cell (Vietnamese, as the level column of the sheets). */
const LEVEL_WORDS: Readonly<Record<UnitLevel, string>> = {
  province: "tỉnh",
  district: "huyện",
  commune: "xã",
};

export const LEVEL_NAMES: Readonly<Record<UnitLevel, Message>> = {
  province: { vi: "tỉnh", en: "province" },
  district: { vi: "huyện", en: "district" },
  commune: { vi: "xã", en: "commune" },
};

export function unitOfManifest(m: SubmissionManifest): SubmittingUnit {
  return {
    name: m.unitName,
    level: m.unitLevel,
    province: m.province,
    district: m.unitLevel === "commune" ? m.district : null,
  };
}

/**
 * The submitting-unit cell: "Bình Gia (huyện)"; a commune in a district names it, "Bình La (xã,
 * Bình Gia)", so a row says which of two communes of one name wrote it without the import log
 * (unless the district's brackets do not pair, "Bình Gia (cũ").
 * (Rows written before the district was named read "Bình La (xã)" for both.)
 */
export function unitCell(
  unit: Pick<SubmittingUnit, "name" | "level"> & { readonly district?: string | null },
): string {
  const district = unit.level === "commune" ? districtOf(unit.district ?? null) : null;
  // A district whose brackets do not pair could not be read back: such rows go by the log and the
  // place, as rows written before the cell named the district do.
  return district && balanced(district)
    ? `${unit.name} (${LEVEL_WORDS[unit.level]}, ${district})`
    : `${unit.name} (${LEVEL_WORDS[unit.level]})`;
}

/** A submitting-unit cell read back: its name, level and, when the cell names one, district. */
export interface ParsedUnitCell {
  readonly name: string;
  readonly level: UnitLevel;
  /**
   * The district the cell names ("Bình La (xã, Bình Gia)"): null when it names one of no letter or
   * digit ("-"), undefined when it names none, as every cell of a unit without a district and every
   * cell written before districts were named.
   */
  readonly district?: string | null;
}

/**
 * Reads a submitting-unit cell back; null when the cell is not one. The level is the first bracket
 * that opens with a level's word and closes at the end, its district's brackets balanced: a name
 * may hold brackets before it ("Bình La (cũ) (xã)", even "X (tỉnh, cũ) (xã)") and a district inside
 * it ("Bình La (xã, Sa Pa (thị xã))").
 */
export function parseUnitCell(value: CellValue): ParsedUnitCell | null {
  if (isBlank(value)) return null;
  const text = cellText(value).trim();
  if (!text.endsWith(")")) return null;
  for (let open = text.indexOf("("); open >= 0; open = text.indexOf("(", open + 1)) {
    const name = text.slice(0, open).trim();
    const inner = text.slice(open + 1, -1);
    const comma = inner.indexOf(",");
    const word = comma < 0 ? inner : inner.slice(0, comma);
    if (!name || /[()]/u.test(word)) continue;
    const folded = foldKey(word);
    const level = (Object.keys(LEVEL_WORDS) as UnitLevel[]).find((l) => foldKey(LEVEL_WORDS[l]) === folded);
    if (!level) continue;
    if (comma < 0) return { name, level };
    const district = inner.slice(comma + 1).trim();
    // "Bình La (xã, Bình Gia) (bổ sung)": the district would be "Bình Gia) (bổ sung".
    if (!balanced(district)) continue;
    return { name, level, district: districtOf(district === "" ? null : district) };
  }
  return null;
}

/** True when every ")" of a text closes a "(" before it and every "(" is closed. */
function balanced(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === "(") depth++;
    else if (c === ")" && --depth < 0) return false;
  }
  return depth === 0;
}

/** The identity of a submitting unit: level, province, district (for a commune) and name, normalised. */
export function unitIdentity(unit: SubmittingUnit): string {
  // A district of no letter or digit ("-") is none, as the reader reads it (`districtOf`).
  const district = districtOf(unit.district);
  return [
    unit.level,
    unitKey("province", unit.province),
    district ? unitKey("district", district) : "",
    unitKey(unit.level, unit.name),
  ].join("/");
}

/** A row's place (its province, district and commune cells), for telling apart units of one name. */
export interface RowPlace {
  readonly province: CellValue;
  readonly district: CellValue;
}

/**
 * True when a row's provenance names this unit: the same name and level in the submitting-unit
 * cell, and then, in this order:
 * - when the cell names the district ("Bình La (xã, Bình Gia)"), the row is this unit's when the
 *   unit's district is that one (a district of no letter or digit, "-", is none) and the row's
 *   province cell, when it has one, does not contradict the unit's;
 * - when the import log records the import that wrote the row (its source file and import time,
 *   `logged`: the units it records for them) and names one unit of the row's name there, that unit
 *   is the row's: the row is this unit's when they are one unit (`unitIdentity`);
 * - else a place that does not contradict the unit's (the row's province, and for a commune its
 *   district, when the row has them). A commune with a district and a row with none, or the other
 *   way round, do not contradict (an office-holder row may leave the district out), unless the row
 *   is exactly another unit that `known` holds (the identities of the units in the import log and
 *   of the submissions taken).
 * So the rows the add-in writes for Xuân Hòa in Bảo Thắng are never claimed by a Xuân Hòa with no
 * district, nor the other way round; only rows written before the cell named the district, whose
 * import the log no longer tells apart, fall to the place.
 */
export function rowBelongsTo(
  unitCellValue: CellValue,
  place: RowPlace,
  unit: SubmittingUnit,
  known: ReadonlySet<string> = new Set(),
  logged: readonly SubmittingUnit[] = [],
): boolean {
  const parsed = parseUnitCell(unitCellValue);
  if (!parsed || parsed.level !== unit.level) return false;
  const name = unitKey(unit.level, unit.name);
  if (unitKey(unit.level, parsed.name) !== name) return false;
  const province = (): boolean =>
    isBlank(place.province) ||
    unitKey("province", cellText(place.province)) === unitKey("province", unit.province);
  const district = unit.level === "commune" ? districtOf(unit.district) : null;
  if (parsed.district !== undefined && unit.level === "commune") {
    const sameDistrict =
      district === null || parsed.district === null
        ? district === parsed.district
        : unitKey("district", district) === unitKey("district", parsed.district);
    return sameDistrict && province();
  }
  const writers = new Set(
    logged.filter((u) => u.level === unit.level && unitKey(u.level, u.name) === name).map(unitIdentity),
  );
  if (writers.size === 1) return writers.has(unitIdentity(unit));
  if (!province()) return false;
  if (unit.level !== "commune") return true;
  const rowDistrict = isBlank(place.district) ? null : districtOf(cellText(place.district));
  if (district !== null && rowDistrict !== null)
    return unitKey("district", rowDistrict) === unitKey("district", district);
  if (district === rowDistrict) return true;
  return !known.has(unitIdentity({ ...unit, district: rowDistrict }));
}

/**
 * The key of an import in the log and in its rows' provenance: the source file and the import time.
 * The time is taken to the minute however the cell came back: the text the add-in writes
 * ("2025-06-20 09:00"), with seconds or without the leading zero ("2025-06-20 9:00"), as
 * "20/06/2025 09:00", or as a date or a serial number when a program made the text a date.
 */
export function importKey(sourceFile: CellValue, importedAt: CellValue): string {
  const text = (v: CellValue): string => (isBlank(v) ? "" : cellText(v).trim());
  return `${text(sourceFile)}\u0000${importMinute(importedAt) ?? text(importedAt)}`;
}

/**
 * An import time as "YYYY-MM-DD HH:MM" (seconds dropped); null when the cell holds no date and
 * time. A number, or a text that is one (the log's own cell, read as text), is an Excel serial date
 * of the 1900 system; a date alone is its midnight; "20/06/2025 09:00" is read day first, as in
 * Vietnam, and month first only when the day-first reading is no date ("6/20/2025 9:00").
 */
function importMinute(value: CellValue): string | null {
  const two = (n: number): string => String(n).padStart(2, "0");
  const valid = (y: number, mo: number, d: number, h: number, mi: number): boolean =>
    mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate() && h <= 23 && mi <= 59;
  const minute = (y: number, mo: number, d: number, h: number, mi: number): string | null =>
    valid(y, mo, d, h, mi) ? `${y}-${two(mo)}-${two(d)} ${two(h)}:${two(mi)}` : null;
  const serial =
    typeof value === "number"
      ? value
      : typeof value === "string" && /^\s*\d+(\.\d+)?\s*$/u.test(value)
        ? Number(value)
        : null;
  if (serial !== null) {
    // Days since 1899-12-30; to the second first (a serial of 9:00 may be a hair under it), then
    // the minute it falls in, as a text's seconds are dropped.
    if (!(serial >= 1 && serial < 2958466)) return null;
    const seconds = Math.round(serial * 86_400);
    const t = new Date(Date.UTC(1899, 11, 30) + Math.floor(seconds / 60) * 60_000);
    return minute(
      t.getUTCFullYear(),
      t.getUTCMonth() + 1,
      t.getUTCDate(),
      t.getUTCHours(),
      t.getUTCMinutes(),
    );
  }
  const text = isCellDate(value) ? value.iso : typeof value === "string" ? value : null;
  if (text === null) return null;
  const n = Number;
  const iso =
    /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{1,2})(?::\d{1,2}(?:\.\d*)?)?)?\s*(?:Z)?\s*$/u.exec(
      text,
    );
  if (iso) return minute(n(iso[1]), n(iso[2]), n(iso[3]), n(iso[4] ?? 0), n(iso[5] ?? 0));
  const slashed = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{1,2})(?::\d{1,2})?\s*$/u.exec(text);
  if (!slashed) return null;
  const [a, b, y, h, mi] = slashed.slice(1).map(n);
  return minute(y, b, a, h, mi) ?? minute(y, a, b, h, mi);
}

/** The four provenance cells of an imported row, by key. */
export function provenanceCells(p: Provenance): Readonly<Record<ProvenanceKey, string>> {
  return {
    sourceFile: p.sourceFile,
    submittingUnit: unitCell(p.unit),
    period: p.period,
    importedAt: p.importedAt,
  };
}

/** "2026-01-15 10:20": a local time as the clerk reads it (written to cells as text). */
export function localTimeText(date: Date): string {
  const two = (n: number): string => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}
