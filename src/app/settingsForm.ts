import { a1 } from "../core/a1";
import { cellText, isBlank } from "../core/cells";
import { excelColumnOf, excelRowOf, type SheetGrid } from "../core/grid";
import type { Message } from "../core/issues";
import type { Rollup } from "../core/rollup/types";
import type { Language } from "../core/summary";
import {
  resolveSettings,
  shortDate,
  type DataDefaults,
  type ReportDate,
  type ReportSettings,
} from "../report/settings";
import { SETTING_NAMES, parseSettingsSheet, settingKey } from "../report/settingsSheet";

/**
 * The header-block settings as the pane edits them. They live in the workbook's "Cài đặt báo cáo"
 * sheet, the same sheet the command line reads, so a workbook gives the same reports in Excel and
 * with `nth-rollup report --out`. The pane shows each setting's value from the sheet (or empty,
 * with the default from the data as a placeholder), the value that will be printed and where it
 * comes from (the data, the settings sheet, the clerk's entry), and writes only the settings the
 * clerk changed.
 */

export type SettingKey = keyof typeof SETTING_NAMES;

/** The settings the pane shows, in order (language and layout are chosen with the reports). */
export const FORM_KEYS: readonly SettingKey[] = [
  "parentBody",
  "issuingBody",
  "place",
  "date",
  "period",
  "signingFor",
  "signerTitle",
  "signerName",
  "preparerName",
  "recipients",
  "documentNumber",
  "attachedTo",
  "secrecy",
  "urgency",
  "style",
];

/**
 * Where the value that will be printed comes from: the data (the default derived from the unit,
 * the period stated in the data, today's date), the "Cài đặt báo cáo" sheet, the clerk's entry in
 * the pane, or nowhere (an optional line left out).
 */
export type FieldSource = "data" | "sheet" | "entered" | "none";

export const SOURCE_LABELS: Readonly<Record<FieldSource, Message>> = {
  data: { vi: "từ số liệu", en: "from the data" },
  sheet: { vi: "từ trang Cài đặt báo cáo", en: "from the report settings sheet" },
  entered: { vi: "đã nhập", en: "entered" },
  none: { vi: "không in", en: "not printed" },
};

export interface FormField {
  readonly key: SettingKey;
  readonly label: Message;
  /** The value written in the settings sheet, as text; "" when not set there. */
  readonly value: string;
  /** What is used when the value is empty: the default from the data ("" for optional lines). */
  readonly placeholder: string;
  /** The value that will be used before any edit in the pane: the sheet's value, else the default. */
  readonly effective: string;
  /** Where `effective` comes from. */
  readonly source: FieldSource;
}

/** The value that will be used and its source once the clerk's edit (if any) is taken into account. */
export function shownValue(
  field: FormField,
  edit: string | undefined,
): { readonly effective: string; readonly source: FieldSource } {
  if (edit === undefined) return { effective: field.effective, source: field.source };
  const text = edit.trim();
  if (text !== "") return { effective: text, source: "entered" };
  return { effective: field.placeholder, source: field.placeholder === "" ? "none" : "data" };
}

export const FIELD_LABELS: Readonly<Record<SettingKey, Message>> = {
  parentBody: { vi: "Cơ quan cấp trên", en: "Parent body" },
  issuingBody: { vi: "Cơ quan ban hành", en: "Issuing body" },
  place: { vi: "Địa danh", en: "Place" },
  date: { vi: "Ngày báo cáo", en: "Report date" },
  period: { vi: "Kỳ báo cáo", en: "Reporting period" },
  signingFor: { vi: "Thay mặt", en: "Signing for" },
  signerTitle: { vi: "Chức vụ người ký", en: "Signer's title" },
  signerName: { vi: "Người ký", en: "Signer" },
  preparerName: { vi: "Người lập biểu", en: "Prepared by" },
  recipients: { vi: "Nơi nhận (mỗi dòng một nơi)", en: "Recipients (one per line)" },
  style: { vi: "Thể thức (Đảng / Nhà nước)", en: "Style (party / state)" },
  language: { vi: "Ngôn ngữ", en: "Language" },
  provinceLayout: { vi: "Cách trình bày", en: "Layout" },
  quotaBasis: { vi: "Cách chia chỉ tiêu", en: "Quota basis" },
  documentNumber: { vi: "Số, ký hiệu", en: "Document number" },
  attachedTo: { vi: "Kèm theo (văn bản)", en: "Attached to" },
  secrecy: { vi: "Độ mật", en: "Secrecy mark" },
  urgency: { vi: "Độ khẩn", en: "Urgency mark" },
};

/** A resolved setting as the text a clerk would type for it. */
export function settingText(settings: ReportSettings, key: SettingKey, language: Language): string {
  switch (key) {
    case "date":
      return shortDate(settings.date, "vi");
    case "recipients":
      return settings.recipients.join("\n");
    case "style":
      return settings.style === "state" ? "Nhà nước" : "Đảng";
    case "language":
      return settings.language;
    case "provinceLayout":
      return settings.provinceLayout === "flat" ? "một cấp" : "lồng nhau";
    case "quotaBasis":
      return settings.quotaBasis === "ownTargets" ? "chỉ tiêu riêng" : "thôn còn lại";
    default:
      void language;
      return settings[key];
  }
}

/** Where each setting is in the sheet: its row's value cell (A1), and continuation rows of recipients. */
interface SheetPlace {
  readonly value: Map<SettingKey, { address: string; text: string }>;
  readonly continuation: string[];
  readonly nextRow: number;
  readonly nameColumn: number;
}

function placesIn(grid: SheetGrid): SheetPlace {
  const value = new Map<SettingKey, { address: string; text: string }>();
  const continuation: string[] = [];
  let last: SettingKey | null = null;
  let nameColumn = excelColumnOf(grid, 0);
  grid.rows.forEach((row, r) => {
    const filled = row.map((v, c) => ({ v, c })).filter(({ v }) => !isBlank(v));
    if (filled.length === 0) return;
    const first = filled[0];
    if (last === "recipients" && first.c > 0 && isBlank(row[0] ?? null)) {
      for (const { c } of filled) continuation.push(a1(excelRowOf(grid, r), excelColumnOf(grid, c)));
      return;
    }
    const key = settingKey(cellText(first.v));
    last = key;
    if (!key || value.has(key)) return;
    nameColumn = excelColumnOf(grid, first.c);
    const valueCell = filled[1];
    value.set(key, {
      address: a1(excelRowOf(grid, r), excelColumnOf(grid, first.c + 1)),
      text: valueCell && valueCell.c === first.c + 1 ? cellText(valueCell.v).trim() : "",
    });
  });
  return { value, continuation, nextRow: excelRowOf(grid, grid.rows.length), nameColumn };
}

/**
 * The form for a (focused) rollup: each setting's text in the sheet, if any, its default as a
 * placeholder (following what the data states, e.g. its period), and the value that will be used
 * with its source. Problems in the sheet are the report engine's (parseSettingsSheet) to report.
 */
export function settingsForm(
  rollup: Rollup,
  sheet: SheetGrid | null,
  today: ReportDate,
  language: Language,
  data: DataDefaults = {},
): FormField[] {
  const parsed = sheet ? parseSettingsSheet(sheet).settings : {};
  const defaults = resolveSettings(rollup, { language, style: parsed.style }, today, data);
  const places = sheet ? placesIn(sheet) : null;
  return FORM_KEYS.map((key) => {
    let value = places?.value.get(key)?.text ?? "";
    if (key === "recipients" && parsed.recipients) value = parsed.recipients.join("\n");
    const placeholder = settingText(defaults, key, language);
    const field = { key, label: FIELD_LABELS[key], value, placeholder };
    return {
      ...field,
      effective: value !== "" ? value : placeholder,
      source: value !== "" ? "sheet" : placeholder === "" ? "none" : "data",
    };
  });
}

/** Cell writes for the edited settings in an existing settings sheet (new rows for missing ones). */
export function settingsSheetWrites(
  sheet: SheetGrid,
  edits: ReadonlyMap<SettingKey, string>,
  language: Language,
): { address: string; value: string | null }[] {
  const places = placesIn(sheet);
  const writes: { address: string; value: string | null }[] = [];
  let next = places.nextRow;
  for (const [key, text] of edits) {
    const value = text.trim() === "" ? null : text.trim();
    const at = places.value.get(key);
    if (at) {
      writes.push({ address: at.address, value });
    } else if (value !== null) {
      writes.push({
        address: a1(next, places.nameColumn),
        value: SETTING_NAMES[key][language === "en" ? 1 : 0],
      });
      writes.push({ address: a1(next, places.nameColumn + 1), value });
      next++;
    }
    if (key === "recipients")
      for (const address of places.continuation) writes.push({ address, value: null });
  }
  return writes;
}
