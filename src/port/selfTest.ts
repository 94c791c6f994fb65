import type { Message } from "../core/issues";

/**
 * What the compatibility self-test reports (src/excel/selfTest.ts runs it; the pane shows it and
 * copies it as text). Pure data: the port hands it to the pane.
 */

export interface SelfTestCheckResult {
  readonly id: string;
  readonly title: Message;
  readonly passed: boolean;
  /** What the host did, as JSON text (or the error's code and message). */
  readonly observed: string;
  /** What the in-memory Excel does (the add-in relies on it), as JSON text. */
  readonly expected: string;
}

export interface SelfTestReport {
  readonly host: string;
  readonly platform: string;
  readonly version: string;
  /** "ExcelApi 1.1" … the highest supported, and the other sets the add-in asks for. */
  readonly requirementSets: readonly string[];
  readonly checks: readonly SelfTestCheckResult[];
  /** True when the temporary sheet was removed again. */
  readonly cleanedUp: boolean;
}

/** The report as plain text to copy and send (English check names: one text for whoever reads it). */
export function selfTestText(report: SelfTestReport, lang: "vi" | "en" = "en"): string {
  const passed = report.checks.filter((c) => c.passed).length;
  const lines = [
    `nth-rollup compatibility self-test / Kiểm tra tương thích`,
    `Host: ${report.host}`,
    `Platform: ${report.platform}`,
    `Version: ${report.version}`,
    `Requirement sets: ${report.requirementSets.join(", ") || "-"}`,
    `Checks: ${passed}/${report.checks.length} passed${report.cleanedUp ? "" : " (temporary sheet NOT removed)"}`,
    "",
  ];
  for (const c of report.checks) {
    lines.push(`[${c.passed ? "PASS" : "FAIL"}] ${c.id}: ${c.title[lang]}`);
    lines.push(`  observed: ${c.observed}`);
    if (!c.passed) lines.push(`  expected: ${c.expected}`);
  }
  return lines.join("\n");
}
