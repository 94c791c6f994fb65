import { a1 } from "../core/a1";
import { cellText, isBlank, isCellDate, type CellValue } from "../core/cells";
import { excelColumnOf, excelRowOf, type SheetGrid, type WorkbookGrids } from "../core/grid";
import type { Message } from "../core/issues";
import { isSettingsSheetName } from "../core/productSheets";
import { foldKey } from "../core/text/normalize";
import type { ReportDate, ReportSettingsInput } from "./settings";

/** The settings sheet's names and their test live in core (the reader skips that sheet). */
export { isSettingsSheetName, SETTINGS_SHEET_NAME, SETTINGS_SHEET_NAME_EN } from "../core/productSheets";

/** A setting that could not be read, with its cell (A1) and a message in both languages. */
export interface SettingsProblem {
  readonly cell: string;
  readonly message: Message;
}

export interface ParsedSettings {
  readonly settings: ReportSettingsInput;
  readonly problems: readonly SettingsProblem[];
}

type Key = keyof ReportSettingsInput;

/**
 * The settings' names, as the sheet's first column or as CLI options may write them. Matched after
 * `foldKey` (no case, diacritics, spaces or punctuation). The first of each list is the canonical
 * Vietnamese label, the second the English one.
 */
export const SETTING_NAMES: Readonly<Record<Key, readonly string[]>> = {
  issuingBody: ["Cơ quan ban hành", "Issuing body", "issuer", "Tên cơ quan", "Cơ quan"],
  parentBody: ["Cơ quan cấp trên", "Parent body", "parent", "Cơ quan chủ quản", "Cấp trên"],
  place: ["Địa danh", "Place", "Nơi ban hành"],
  date: ["Ngày báo cáo", "Date", "Ngày", "Ngày ban hành", "Report date"],
  period: ["Kỳ báo cáo", "Reporting period", "period", "Thời điểm số liệu", "Số liệu đến ngày"],
  signingFor: ["Thay mặt", "Signing for", "signing-for", "Thẩm quyền ký", "T/M"],
  signerTitle: ["Chức vụ người ký", "Signer title", "signer-title", "Chức vụ"],
  signerName: ["Người ký", "Signer name", "signer", "Họ tên người ký"],
  preparerName: ["Người lập biểu", "Preparer", "preparer", "Người lập"],
  style: ["Thể thức", "Style", "Kiểu văn bản", "Thể thức văn bản"],
  language: ["Ngôn ngữ", "Language", "lang"],
  provinceLayout: ["Cách trình bày", "Layout", "Bố cục", "Province layout"],
  quotaBasis: ["Cách chia chỉ tiêu", "Quota basis", "quota-basis", "Chia chỉ tiêu theo", "Quotas by"],
  recipients: ["Nơi nhận", "Recipients"],
  documentNumber: ["Số, ký hiệu", "Document number", "number", "Số văn bản", "Số ký hiệu", "Số hiệu"],
  attachedTo: ["Kèm theo", "Attached to", "attached-to", "Kèm theo văn bản", "Kèm theo báo cáo"],
  secrecy: ["Độ mật", "Secrecy", "Mức độ mật", "Dấu mật"],
  urgency: ["Độ khẩn", "Urgency", "Mức độ khẩn", "Dấu khẩn"],
};

const KEY_BY_NAME: ReadonlyMap<string, Key> = new Map(
  (Object.entries(SETTING_NAMES) as [Key, readonly string[]][]).flatMap(([key, names]) =>
    names.map((n) => [foldKey(n), key] as const),
  ),
);

/** Header words of an optional header row ("Mục | Giá trị", "Setting | Value"), skipped. */
const HEADER_WORDS = new Set(
  ["muc", "caidat", "thongtin", "setting", "settings", "key", "tenmuc"].map(foldKey),
);

const STYLE_WORDS: Readonly<Record<string, "party" | "state">> = {
  dang: "party",
  party: "party",
  vankiendang: "party",
  nhanuoc: "state",
  chinhquyen: "state",
  hanhchinh: "state",
  state: "state",
  government: "state",
};
const LANGUAGE_WORDS: Readonly<Record<string, "vi" | "en">> = {
  vi: "vi",
  tiengviet: "vi",
  vietnamese: "vi",
  en: "en",
  tienganh: "en",
  english: "en",
};
const LAYOUT_WORDS: Readonly<Record<string, "nested" | "flat">> = {
  longnhau: "nested",
  nhieucap: "nested",
  haicap: "nested",
  theohuyen: "nested",
  nested: "nested",
  motcap: "flat",
  phang: "flat",
  flat: "flat",
};

/** How quotas are split: by the villages still to consolidate, or by each unit's own shortfall. */
const QUOTA_BASIS_WORDS: Readonly<Record<string, "room" | "ownTargets">> = {
  thonconlai: "room",
  theothonconlai: "room",
  conlai: "room",
  room: "room",
  chitieurieng: "ownTargets",
  theochitieurieng: "ownTargets",
  owntarget: "ownTargets",
  owntargets: "ownTargets",
};

/** Finds a setting's key from its name; null when unknown. */
export function settingKey(name: string): Key | null {
  return KEY_BY_NAME.get(foldKey(name.replace(/:\s*$/, ""))) ?? null;
}

const problem = (cell: string, vi: string, en: string): SettingsProblem => ({ cell, message: { vi, en } });

/** Excel's serial day number → calendar date (1900 system, with Excel's phantom 29 February 1900). */
function fromSerial(serial: number): ReportDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const days = Math.floor(serial) - (serial >= 60 ? 1 : 0);
  const d = new Date(Date.UTC(1899, 11, 31) + days * 86400000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function validDate(year: number, month: number, day: number): ReportDate | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year &&
    d.getUTCMonth() === month - 1 &&
    d.getUTCDate() === day &&
    year >= 1900
    ? { year, month, day }
    : null;
}

/** Reads a date as a clerk writes it: a date cell, an Excel serial, "19/9/2021", "19-09-2021", "2021-09-19". */
export function parseReportDate(value: CellValue): ReportDate | null {
  if (isCellDate(value)) {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.iso);
    return m ? validDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  }
  if (typeof value === "number") return fromSerial(value);
  if (typeof value !== "string") return null;
  const t = value.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return validDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})$/i.exec(t.normalize("NFC"));
  if (m) return validDate(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

/** Splits a recipients cell: one per line, or separated by ";" ; a leading "-" or "+" is dropped. */
export function splitRecipients(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*[-–+•]\s*/, "").trim())
    .filter((line) => line !== "");
}

/**
 * Reads one setting's value into `out`. Returns a problem when the value cannot be read; the
 * setting then keeps its default. Used by the settings sheet and by the CLI options.
 */
export function applySetting(
  out: ReportSettingsInput,
  key: Key,
  value: CellValue,
  cell: string,
): SettingsProblem | null {
  const textValue = cellText(value).trim();
  const word = foldKey(textValue);
  switch (key) {
    case "date": {
      const date = parseReportDate(value);
      if (!date)
        return problem(
          cell,
          `Ngày “${textValue}” không đọc được; nhập như 19/9/2021.`,
          `Date “${textValue}” cannot be read; type it as 19/9/2021.`,
        );
      out.date = date;
      return null;
    }
    case "style": {
      const style = STYLE_WORDS[word];
      if (!style)
        return problem(
          cell,
          `Thể thức “${textValue}” không rõ; dùng Đảng hoặc Nhà nước.`,
          `Style “${textValue}” is unknown; use party or state.`,
        );
      out.style = style;
      return null;
    }
    case "language": {
      const language = LANGUAGE_WORDS[word];
      if (!language)
        return problem(
          cell,
          `Ngôn ngữ “${textValue}” không rõ; dùng vi hoặc en.`,
          `Language “${textValue}” is unknown; use vi or en.`,
        );
      out.language = language;
      return null;
    }
    case "provinceLayout": {
      const layout = LAYOUT_WORDS[word];
      if (!layout)
        return problem(
          cell,
          `Cách trình bày “${textValue}” không rõ; dùng “lồng nhau” hoặc “một cấp”.`,
          `Layout “${textValue}” is unknown; use nested or flat.`,
        );
      out.provinceLayout = layout;
      return null;
    }
    case "quotaBasis": {
      const basis = QUOTA_BASIS_WORDS[word];
      if (!basis)
        return problem(
          cell,
          `Cách chia chỉ tiêu “${textValue}” không rõ; dùng “thôn còn lại” hoặc “chỉ tiêu riêng”.`,
          `Quota basis “${textValue}” is unknown; use room or own-target.`,
        );
      out.quotaBasis = basis;
      return null;
    }
    case "recipients":
      out.recipients = [...(out.recipients ?? []), ...splitRecipients(cellText(value))];
      return null;
    case "period": {
      // A bare period ("6 tháng đầu năm 2025", "15/9/2021") is shown in parentheses, as documents print it.
      const t = cellText(value).trim();
      out.period = t === "" || t.startsWith("(") ? t : `(${t})`;
      return null;
    }
    default:
      out[key] = cellText(value).trim();
      return null;
  }
}

/**
 * Reads a "Cài đặt báo cáo" sheet: one setting per row, its name in the first non-blank cell and
 * its value in the next one. A header row ("Mục | Giá trị") is skipped; rows under "Nơi nhận" with
 * an empty name add further recipients. Never throws: unknown names and unreadable values come
 * back as problems with their cells, and those settings keep their defaults.
 */
export function parseSettingsSheet(grid: SheetGrid): ParsedSettings {
  const settings: ReportSettingsInput = {};
  const problems: SettingsProblem[] = [];
  let last: Key | null = null;
  grid.rows.forEach((row, r) => {
    const filled = row.map((v, c) => ({ v, c })).filter(({ v }) => !isBlank(v));
    if (filled.length === 0) return;
    const cellOf = (c: number): string => a1(excelRowOf(grid, r), excelColumnOf(grid, c));
    const first = filled[0];
    // A continuation row of the recipients list: its name cell (column of the names) is blank.
    if (last === "recipients" && first.c > 0 && isBlank(row[0] ?? null)) {
      for (const { v, c } of filled) applySetting(settings, "recipients", v, cellOf(c));
      return;
    }
    const name = cellText(first.v);
    const key = settingKey(name);
    if (!key) {
      if (r === 0 || HEADER_WORDS.has(foldKey(name))) return;
      problems.push(
        problem(
          cellOf(first.c),
          `Mục cài đặt “${name}” không rõ; bỏ qua.`,
          `Unknown setting “${name}”; ignored.`,
        ),
      );
      last = null;
      return;
    }
    last = key;
    const values = filled.slice(1);
    if (values.length === 0) return; // left empty: keep the default
    if (key === "recipients") {
      for (const { v, c } of values) applySetting(settings, key, v, cellOf(c));
      return;
    }
    const found = applySetting(settings, key, values[0].v, cellOf(values[0].c));
    if (found) problems.push(found);
  });
  return { settings, problems };
}

/**
 * Reads settings given as named options (the CLI's `--issuer`, `--date`…); same rules as the sheet,
 * an empty value included (the default is kept).
 */
export function parseSettingsOptions(options: ReadonlyMap<string, string>): ParsedSettings {
  const settings: ReportSettingsInput = {};
  const problems: SettingsProblem[] = [];
  for (const [name, value] of options) {
    const key = settingKey(name);
    if (!key) {
      problems.push(
        problem(
          `--${name}`,
          `Tùy chọn --${name} không phải cài đặt báo cáo.`,
          `--${name} is not a report setting.`,
        ),
      );
      continue;
    }
    // An empty or all-space value (`--period " "`, an unset shell variable) keeps the default, as an
    // empty cell of the settings sheet does; it never blanks the period line or the issuing body.
    if (value.trim() === "") continue;
    const found =
      key === "recipients"
        ? applySetting(settings, key, value.split(/\s*;\s*/).join("\n"), `--${name}`)
        : applySetting(settings, key, value, `--${name}`);
    if (found) problems.push(found);
  }
  return { settings, problems };
}

/** Later settings win: e.g. sheet settings, then CLI options over them. */
export function mergeSettings(...inputs: readonly ReportSettingsInput[]): ReportSettingsInput {
  return Object.assign({}, ...inputs) as ReportSettingsInput;
}

/** The first "Cài đặt báo cáo" sheet among the workbooks, or null. */
export function findSettingsSheet(workbooks: readonly WorkbookGrids[]): SheetGrid | null {
  for (const w of workbooks) for (const s of w.sheets) if (isSettingsSheetName(s.name)) return s;
  return null;
}

/**
 * The report settings a shell was given: the workbooks' settings sheet, then named options over
 * it (options that are not report settings, such as `json` or `previous`, are ignored here).
 */
export function collectReportSettings(
  workbooks: readonly WorkbookGrids[],
  options: ReadonlyMap<string, string>,
): ParsedSettings {
  const sheet = findSettingsSheet(workbooks);
  const fromSheet = sheet ? parseSettingsSheet(sheet) : { settings: {}, problems: [] };
  const known = new Map([...options].filter(([name]) => settingKey(name) !== null));
  const fromOptions = parseSettingsOptions(known);
  return {
    settings: mergeSettings(fromSheet.settings, fromOptions.settings),
    problems: [...fromSheet.problems, ...fromOptions.problems],
  };
}
