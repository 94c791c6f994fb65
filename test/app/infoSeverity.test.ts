import { countIssues, groupIssues } from "../../src/app/issueGroups";
import { formatIssueLine } from "../../src/cli/text";
import type { Issue, Severity } from "../../src/core/issues";
import { issueSummary } from "../../src/core/summary";

const at = (severity: Severity, sheet: string): Issue => ({
  severity,
  code: severity === "info" ? "rows-skipped" : "bad-flag",
  file: "",
  sheet,
  cell: "A2",
  message: { vi: `${severity} vi`, en: `${severity} en` },
});

describe("information lines are not problems (issue 10)", () => {
  const issues = [at("info", "Thôn"), at("error", "Thôn"), at("warning", "Thôn"), at("info", "Tổng hợp")];

  it("are counted apart from errors and warnings", () => {
    expect(countIssues(issues)).toEqual({ errors: 1, warnings: 1, infos: 2 });
  });

  it("come last in a sheet's groups, with their own count", () => {
    const groups = groupIssues(issues, ["Thôn", "Tổng hợp"]);
    expect(groups.map((g) => [g.sheet, g.errors, g.warnings, g.infos])).toEqual([
      ["Thôn", 1, 1, 1],
      ["Tổng hợp", 0, 0, 1],
    ]);
    expect(groups[0].groups.map((g) => g.severity)).toEqual(["error", "warning", "info"]);
  });

  it("are printed by the CLI as information, not as an alarm", () => {
    expect(formatIssueLine(issueSummary(at("info", "Thôn"), "vi"), "vi")).toBe(
      "[thông tin] Thôn!A2: info vi",
    );
    expect(formatIssueLine(issueSummary(at("info", "Thôn"), "en"), "en")).toBe("[info] Thôn!A2: info en");
    expect(formatIssueLine(issueSummary(at("error", "Thôn"), "vi"), "vi")).toBe("[LỖI] Thôn!A2: error vi");
  });
});
