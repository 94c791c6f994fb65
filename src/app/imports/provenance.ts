import { cellText, isBlank, type CellValue } from "../../core/cells";
import type { Message } from "../../core/issues";
import type { UnitLevel } from "../../core/rollup/types";
import type { SubmissionManifest } from "../../core/submission/manifest";
import { districtOf, foldKey, unitKey } from "../../core/text/normalize";

/**
 * Where an imported row came from. Every row the pane's import writes carries four provenance
 * cells (the optional columns `PROVENANCE_COLUMNS` of src/core/schema/sheets.ts): the source file,
 * the submitting unit with its level ("Bình La (xã)"), the reporting period, and when it was
 * imported. A later submission of the same unit replaces exactly the rows whose submitting unit
 * and level are that unit's; rows without provenance (typed by the clerk) are never replaced.
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

/** The submitting-unit cell: "Bình La (xã)", "Bình Gia (huyện)". */
export function unitCell(unit: Pick<SubmittingUnit, "name" | "level">): string {
  return `${unit.name} (${LEVEL_WORDS[unit.level]})`;
}

/** Reads a submitting-unit cell back: its name and level; null when the cell is not one. */
export function parseUnitCell(value: CellValue): { name: string; level: UnitLevel } | null {
  if (isBlank(value)) return null;
  const m = /^(.*\S)\s*\(([^()]*)\)\s*$/u.exec(cellText(value));
  if (!m) return null;
  const word = foldKey(m[2]);
  const level = (Object.keys(LEVEL_WORDS) as UnitLevel[]).find((l) => foldKey(LEVEL_WORDS[l]) === word);
  return level ? { name: m[1], level } : null;
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
 * - when the import log records the import that wrote the row (its source file and import time,
 *   `logged`: the units it records for them) and names one unit of the row's name there, that unit
 *   is the row's: the row is this unit's when they are one unit (`unitIdentity`);
 * - else a place that does not contradict the unit's (the row's province, and for a commune its
 *   district, when the row has them; a district of no letter or digit, "-", is none). A commune with
 *   a district and a row with none, or the other way round, do not contradict (an office-holder row
 *   may leave the district out), unless the row is exactly another unit that `known` holds (the
 *   identities of the units in the import log and of the submissions taken).
 * So rows of Xuân Hòa in Bảo Thắng are never claimed by a Xuân Hòa with no district, nor its
 * office-holder rows that leave the district out.
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
  const writers = new Set(
    logged.filter((u) => u.level === unit.level && unitKey(u.level, u.name) === name).map(unitIdentity),
  );
  if (writers.size === 1) return writers.has(unitIdentity(unit));
  if (
    !isBlank(place.province) &&
    unitKey("province", cellText(place.province)) !== unitKey("province", unit.province)
  )
    return false;
  if (unit.level !== "commune") return true;
  const district = districtOf(unit.district);
  const rowDistrict = isBlank(place.district) ? null : districtOf(cellText(place.district));
  if (district !== null && rowDistrict !== null)
    return unitKey("district", rowDistrict) === unitKey("district", district);
  if (district === rowDistrict) return true;
  return !known.has(unitIdentity({ ...unit, district: rowDistrict }));
}

/** The key of an import in the log and in its rows' provenance: the source file and the import time. */
export function importKey(sourceFile: CellValue, importedAt: CellValue): string {
  const text = (v: CellValue): string => (isBlank(v) ? "" : cellText(v).trim());
  return `${text(sourceFile)}\u0000${text(importedAt)}`;
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
