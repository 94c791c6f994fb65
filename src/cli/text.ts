import type { IssueSummary, Language, Summary, UnitSummary } from "../core/summary";

const percent = (rate: number | null): string => (rate === null ? "–" : `${(rate * 100).toFixed(1)}%`);

const SEVERITY_WORDS: Record<Language, Record<IssueSummary["severity"], string>> = {
  vi: { error: "LỖI", warning: "cảnh báo", info: "thông tin" },
  en: { error: "ERROR", warning: "warning", info: "info" },
};

/** One issue as one line: severity, place, message. Information lines are in lower case, not alarms. */
export function formatIssueLine(i: IssueSummary, lang: Language): string {
  const severity = SEVERITY_WORDS[lang][i.severity];
  const place = [i.file, i.sheet && i.cell ? `${i.sheet}!${i.cell}` : i.sheet].filter(Boolean).join(" › ");
  return `[${severity}] ${place}: ${i.message}`;
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
  const table = [head, ...rows.map(line), line(summary.total)];
  const widths = head.map((_, c) => Math.max(...table.map((r) => [...r[c]].length)));
  const pad = (cell: string, c: number): string =>
    c >= 2
      ? cell.padStart(widths[c] + cell.length - [...cell].length)
      : cell.padEnd(widths[c] + cell.length - [...cell].length);
  return table.map((r) => r.map(pad).join("  ")).join("\n") + "\n";
}
