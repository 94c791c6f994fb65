import type { Language } from "../core/summary";
import { targetSourceOf, type TargetSource } from "../core/summary";
import type { Assessment } from "../core/rollup/types";

/**
 * The note under the summary table saying which target was applied and where it comes from: the
 * Targets row (sheet and cell, and the file when several are read) and whom that row names (a unit,
 * a level, every unit) with its year; or that no target applies. One line per distinct row used
 * by the printed units, in the order given (the caller puts the total first), at most `MAX_LINES`
 * (then how many more).
 */

const MAX_LINES = 3;

const LEVEL: Record<Language, Record<NonNullable<TargetSource["level"]>, string>> = {
  vi: { province: "mọi tỉnh", district: "mọi huyện", commune: "mọi xã" },
  en: { province: "every province", district: "every district", commune: "every commune" },
};

function percent(value: number, language: Language): string {
  const p = String(Number((value * 100).toPrecision(12)));
  return `${language === "vi" ? p.replace(".", ",") : p}%`;
}

function line(a: Assessment, source: TargetSource, withFile: boolean, language: Language): string {
  const vi = language === "vi";
  const comparator = a.comparator === ">" ? (vi ? "trên" : "above") : vi ? "đạt" : "at least";
  const file = withFile ? (vi ? `tệp “${source.file}”, ` : `file “${source.file}”, `) : "";
  const where = vi
    ? `${file}trang “${source.sheet}”, ô ${source.cell}`
    : `${file}sheet “${source.sheet}”, cell ${source.cell}`;
  const whom =
    source.unit !== null
      ? vi
        ? `đơn vị “${source.unit}”`
        : `the unit “${source.unit}”`
      : source.level !== null
        ? LEVEL[language][source.level]
        : vi
          ? "mọi đơn vị"
          : "every unit";
  const year = source.year !== null ? (vi ? `, năm ${source.year}` : `, ${source.year}`) : "";
  return vi
    ? `Chỉ tiêu ${comparator} ${percent(a.target, language)} lấy từ ${where} (áp dụng cho ${whom}${year}).`
    : `Target ${comparator} ${percent(a.target, language)} from ${where} (set for ${whom}${year}).`;
}

/** The note lines for the assessments of the printed rows (null: a row without a target). */
export function targetSourceLines(assessments: readonly (Assessment | null)[], language: Language): string[] {
  const used = new Map<string, { a: Assessment; source: TargetSource }>();
  for (const a of assessments) {
    if (!a) continue;
    const key = `${a.source.file}\u0000${a.source.sheet}\u0000${a.source.row}`;
    if (!used.has(key)) used.set(key, { a, source: targetSourceOf(a) });
  }
  if (used.size === 0)
    return [
      language === "vi"
        ? "Chưa có chỉ tiêu: không dòng nào trên trang “Chỉ tiêu” áp dụng cho các đơn vị trong bảng."
        : "No target: no row of the Targets sheet applies to the units in the table.",
    ];
  const all = [...used.values()];
  const withFile = new Set(all.map((u) => u.source.file)).size > 1;
  const lines = all.slice(0, MAX_LINES).map((u) => line(u.a, u.source, withFile, language));
  const more = all.length - MAX_LINES;
  if (more > 0)
    lines.push(
      language === "vi"
        ? `… và ${more} dòng chỉ tiêu khác (xem trang “${all[0].source.sheet}”).`
        : `… and ${more} more target rows (see the sheet “${all[0].source.sheet}”).`,
    );
  return lines;
}
