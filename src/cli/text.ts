import type { IssueSummary, Language, Summary, UnitSummary } from "../core/summary";

/* eslint-disable no-control-regex -- these are the characters made visible */
/**
 * Characters that would act on the terminal instead of being shown: C0 controls (ESC starts the
 * sequences that clear the screen or move the cursor), DEL, C1 controls, the BiDi embeddings,
 * overrides and isolates (they reorder what follows: "Trojan Source"), the line and paragraph
 * separators, and the zero-width and BOM characters that hide text.
 */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
/* eslint-enable no-control-regex */

/**
 * Text from cells and file names as it is safe to print on a terminal: C0 controls as their
 * Unicode control pictures (ESC → ␛, TAB → ␉, LF → ␊), DEL as ␡, every other invisible or
 * reordering character as `\u{…}`. Everything else, Vietnamese included, is left as it is.
 */
export function visible(s: string): string {
  return s.replace(INVISIBLE, (ch) => {
    const code = ch.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return "\u2421";
    return `\\u{${code.toString(16)}}`;
  });
}

const percent = (rate: number | null): string => (rate === null ? "–" : `${(rate * 100).toFixed(1)}%`);

const SEVERITY_WORDS: Record<Language, Record<IssueSummary["severity"], string>> = {
  vi: { error: "LỖI", warning: "cảnh báo", info: "thông tin" },
  en: { error: "ERROR", warning: "warning", info: "info" },
};

/** One issue as one line: severity, place, message. Information lines are in lower case, not alarms. */
export function formatIssueLine(i: IssueSummary, lang: Language): string {
  const severity = SEVERITY_WORDS[lang][i.severity];
  const place = [i.file, i.sheet && i.cell ? `${i.sheet}!${i.cell}` : i.sheet].filter(Boolean).join(" › ");
  return visible(`[${severity}] ${place}: ${i.message}`);
}

const LEVEL_LABEL: Record<Language, Record<UnitSummary["level"], string>> = {
  vi: { province: "Tỉnh", district: "Huyện", commune: "Xã", total: "Tổng cộng" },
  en: { province: "Province", district: "District", commune: "Commune", total: "Total" },
};

/** A short plain-text table of provinces and districts (communes too in two-tier data), for the terminal. */
export function formatSummaryTable(summary: Summary, lang: Language): string {
  const rows = summary.units.filter((u) => u.level !== "commune" || summary.twoTier || u.district === null);
  const head =
    lang === "vi"
      ? ["Cấp", "Đơn vị", "Số thôn", "Nhất thể hóa", "Tỷ lệ", "Chỉ tiêu", "Cần thêm"]
      : ["Level", "Unit", "Villages", "Consolidated", "Rate", "Target", "Needed"];
  const line = (u: UnitSummary): string[] => [
    LEVEL_LABEL[lang][u.level],
    u.level === "commune" ? `  ${u.name}` : u.level === "total" ? "" : u.name,
    String(u.villages),
    String(u.consolidated),
    percent(u.rate),
    u.target === null ? "–" : `${u.comparator === ">" ? ">" : "≥"}${percent(u.target)}`,
    u.needed === null ? "–" : String(u.needed),
  ];
  const table = [head, ...rows.map(line), line(summary.total)].map((r) => r.map(visible));
  const widths = head.map((_, c) => Math.max(...table.map((r) => [...r[c]].length)));
  const pad = (cell: string, c: number): string =>
    c >= 2
      ? cell.padStart(widths[c] + cell.length - [...cell].length)
      : cell.padEnd(widths[c] + cell.length - [...cell].length);
  return table.map((r) => r.map(pad).join("  ")).join("\n") + "\n";
}
