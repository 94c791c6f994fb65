import type { Language } from "../core/summary";
import { REPORT_IDS, type ReportId } from "../report/description";

/**
 * The clerk's report choices, saved in the workbook (Office.js workbook settings) so that the next
 * generation, from the pane or the ribbon, makes the same reports. The header block itself is in the
 * "Cài đặt báo cáo" sheet (see settingsForm.ts).
 */
export interface PaneChoices {
  /** The reporting unit's id in the rollup; null: the unit the data itself reports as. */
  readonly unitId: string | null;
  readonly reports: readonly ReportId[];
  readonly language: Language;
  readonly layout: "nested" | "flat";
}

export const DEFAULT_CHOICES: PaneChoices = {
  unitId: null,
  reports: REPORT_IDS,
  language: "vi",
  layout: "nested",
};

/**
 * Choices from stored, untrusted JSON (a workbook may come from anyone or an older version): known
 * fields of the right type are kept, anything else falls back to its default.
 */
export function restoreChoices(value: unknown): PaneChoices {
  if (!value || typeof value !== "object") return DEFAULT_CHOICES;
  const v = value as Record<string, unknown>;
  const reports = Array.isArray(v.reports)
    ? REPORT_IDS.filter((id) => (v.reports as unknown[]).includes(id))
    : DEFAULT_CHOICES.reports;
  return {
    unitId: typeof v.unitId === "string" && v.unitId.length < 1000 ? v.unitId : null,
    reports: reports.length > 0 ? reports : DEFAULT_CHOICES.reports,
    language: v.language === "en" ? "en" : "vi",
    layout: v.layout === "flat" ? "flat" : "nested",
  };
}
