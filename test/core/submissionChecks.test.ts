import fc from "fast-check";
import { a1 } from "../../src/core/a1";
import { issue, type Issue } from "../../src/core/issues";
import type { SubmissionInfo } from "../../src/core/read/readWorkbook";
import type { Rollup, VillageStatus } from "../../src/core/rollup/types";
import { checkSubmissions } from "../../src/core/submission/checks";
import type { SubmissionManifest } from "../../src/core/submission/manifest";
import { unitKey } from "../../src/core/text/normalize";

/**
 * The plain definitions of the two checks over villages (two map lookups per village), which
 * `checkSubmissions` makes by runs of villages of one file and of one commune.
 */
function plainTotals(
  villages: readonly VillageStatus[],
): Map<string, { villages: number; consolidated: number }> {
  const counts = new Map<string, { villages: number; consolidated: number }>();
  for (const v of villages) {
    const c = counts.get(v.record.source.file) ?? { villages: 0, consolidated: 0 };
    c.villages++;
    if (v.consolidated) c.consolidated++;
    counts.set(v.record.source.file, c);
  }
  return counts;
}

function plainClaimedTwice(villages: readonly VillageStatus[]): Issue[] {
  const issues: Issue[] = [];
  const seen = new Map<string, { district: string; file: string; code: string | null }>();
  const reported = new Set<string>();
  for (const v of villages) {
    const r = v.record;
    if (!r.district) continue;
    const key = `${unitKey("province", r.province)}/${unitKey("commune", r.commune)}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, { district: r.district, file: r.source.file, code: r.communeCode });
      continue;
    }
    if (
      first.file === r.source.file ||
      unitKey("district", first.district) === unitKey("district", r.district)
    )
      continue;
    if (reported.has(key) || (first.code && r.communeCode && first.code !== r.communeCode)) continue;
    reported.add(key);
    issues.push(
      issue(
        "commune-claimed-twice",
        { file: r.source.file, sheet: r.source.sheet, cell: a1(r.row, r.source.columns.get("commune") ?? 1) },
        {
          commune: r.commune,
          first: `${first.district} — ${first.file}`,
          second: `${r.district} — ${r.source.file}`,
        },
      ),
    );
  }
  return issues;
}

const sources = ["a.xlsx", "b.xlsx", "c.xlsx"].map((file) => ({
  file,
  sheet: "Thôn",
  columns: new Map([["commune", 3]]),
}));
const villageArb = fc.record({
  source: fc.constantFrom(...sources),
  province: fc.constantFrom("Lạng Sơn", "Tỉnh Lạng Sơn", "Cao Bằng"),
  district: fc.constantFrom(null, "Bình Gia", "Huyện Bình Gia", "Văn Lãng"),
  commune: fc.constantFrom("Yên Lỗ", "Xã Yên Lỗ", "Minh Tân"),
  row: fc.integer({ min: 2, max: 40 }),
  consolidated: fc.constantFrom(true, false, null),
});
const codeArb = fc.constantFrom(null, "10003", "10005");
/** Runs of villages of one commune and file, as sheets have them (the code may change within a run). */
const villagesArb = fc
  .array(fc.tuple(villageArb, fc.array(codeArb, { minLength: 1, maxLength: 4 })), { maxLength: 14 })
  .map((runs) =>
    runs.flatMap(([v, codes]) =>
      codes.map(
        (communeCode, k) =>
          ({
            record: { ...v, communeCode, village: `Thôn ${k}`, row: v.row + k },
            communeId: "",
            consolidated: v.consolidated,
            basis: "flag",
            secretaryName: null,
            headName: null,
          }) as unknown as VillageStatus,
      ),
    ),
  );

function submissionOf(file: string, villages: number, consolidated: number): SubmissionInfo {
  const manifest = { period: "Quý III/2025", villages, consolidated } as unknown as SubmissionManifest;
  return { file, manifest, manifestSheet: "Gửi", used: true };
}

describe("checks of submissions against their rows", () => {
  it("gives the issues of the plain definitions, village by village", () => {
    fc.assert(
      fc.property(
        villagesArb,
        fc.array(fc.tuple(fc.nat({ max: 6 }), fc.nat({ max: 6 })), { minLength: 3, maxLength: 3 }),
        (villages, stated) => {
          const submissions = sources.map((s, i) => submissionOf(s.file, stated[i][0], stated[i][1]));
          const rollup = { villages } as unknown as Rollup;
          const issues = checkSubmissions(submissions, rollup, { period: "Quý III/2025" });
          const totals = plainTotals(villages);
          const mismatches = submissions.flatMap((s) => {
            const m = s.manifest!;
            const c = totals.get(s.file) ?? { villages: 0, consolidated: 0 };
            if (c.villages === m.villages && c.consolidated === m.consolidated) return [];
            return [
              issue(
                "submission-totals-mismatch",
                { file: s.file, sheet: s.manifestSheet ?? "", cell: "B10" },
                {
                  file: s.file,
                  statedVillages: m.villages,
                  statedConsolidated: m.consolidated,
                  villages: c.villages,
                  consolidated: c.consolidated,
                },
              ),
            ];
          });
          expect(issues.filter((i) => i.code === "submission-totals-mismatch")).toEqual(mismatches);
          expect(issues.filter((i) => i.code === "commune-claimed-twice")).toEqual(
            plainClaimedTwice(villages),
          );
        },
      ),
      { numRuns: 1000 },
    );
  });
});
