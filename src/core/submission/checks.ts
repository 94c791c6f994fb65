import { a1 } from "../a1";
import { issue, type Issue } from "../issues";
import type { SubmissionInfo } from "../read/readWorkbook";
import type { VillageRecord } from "../model";
import type { Rollup, VillageStatus } from "../rollup/types";
import { nameKey, unitKey } from "../text/normalize";

/**
 * Checks of submissions against each other and against their own rows, after the rollup:
 * stated totals that disagree with the rows, a submission for another period, and a commune that
 * two submissions place under different districts. Never resolved silently: each is an issue that
 * names the sources and says which data was used.
 */
export function checkSubmissions(
  submissions: readonly SubmissionInfo[],
  rollup: Rollup,
  options: { readonly period?: string | null } = {},
): Issue[] {
  const issues: Issue[] = [];
  const used = submissions.filter((s) => s.used && s.manifest);
  const place = (s: SubmissionInfo, cell: string) => ({ file: s.file, sheet: s.manifestSheet ?? "", cell });

  const counts = villageCounts(rollup.villages);
  for (const s of used) {
    const m = s.manifest!;
    const c = counts.get(s.file) ?? { villages: 0, consolidated: 0 };
    if (c.villages !== m.villages || c.consolidated !== m.consolidated) {
      issues.push(
        issue("submission-totals-mismatch", place(s, "B10"), {
          file: s.file,
          statedVillages: m.villages,
          statedConsolidated: m.consolidated,
          villages: c.villages,
          consolidated: c.consolidated,
        }),
      );
    }
  }

  const expected = options.period ?? mostCommonPeriod(used.map((s) => s.manifest!.period));
  if (expected !== null) {
    for (const s of used) {
      if (nameKey(s.manifest!.period) !== nameKey(expected)) {
        issues.push(
          issue("submission-other-period", place(s, "B8"), {
            file: s.file,
            period: s.manifest!.period,
            expected,
          }),
        );
      }
    }
  }

  // A commune placed under two districts by two different files.
  const seen = new Map<string, { district: string; file: string; code: string | null }>();
  const reported = new Set<string>();
  // Villages of one commune follow each other: a village with the previous one's names, code and
  // file has nothing new to say (its key was seen, from its file or reported already, or its code
  // or district tells it apart as the previous one's did).
  // By index: this runs once per analysis, and a `for … of` not yet optimised makes an iterator
  // result per village (4 MB in a country).
  let previous: VillageRecord | null = null;
  const villages = rollup.villages;
  for (let i = 0; i < villages.length; i++) {
    const r = villages[i].record;
    if (!r.district) continue;
    if (
      previous !== null &&
      r.commune === previous.commune &&
      r.district === previous.district &&
      r.province === previous.province &&
      r.communeCode === previous.communeCode &&
      r.source.file === previous.source.file
    )
      continue;
    previous = r;
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
    // Different commune codes: two communes that share a name (common), not a conflict.
    if (reported.has(key) || (first.code && r.communeCode && first.code !== r.communeCode)) continue;
    reported.add(key);
    issues.push(
      issue(
        "commune-claimed-twice",
        {
          file: r.source.file,
          sheet: r.source.sheet,
          cell: a1(r.row, r.source.columns.get("commune") ?? 1),
        },
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

/**
 * Villages and consolidated villages per file. Villages of one file follow each other: counted by
 * runs, each run added to its file's count (a map lookup per run instead of two per village).
 */
function villageCounts(
  villages: readonly VillageStatus[],
): Map<string, { villages: number; consolidated: number }> {
  const counts = new Map<string, { villages: number; consolidated: number }>();
  let file: string | null = null;
  let inRun = 0;
  let consolidatedInRun = 0;
  const addRun = (): void => {
    if (file === null) return;
    const c = counts.get(file) ?? { villages: 0, consolidated: 0 };
    c.villages += inRun;
    c.consolidated += consolidatedInRun;
    counts.set(file, c);
  };
  for (let i = 0; i < villages.length; i++) {
    const v = villages[i];
    if (v.record.source.file !== file) {
      addRun();
      file = v.record.source.file;
      inRun = 0;
      consolidatedInRun = 0;
    }
    inRun++;
    if (v.consolidated) consolidatedInRun++;
  }
  addRun();
  return counts;
}

/** The period most submissions state (the first stated among equals); null when none does. */
export function mostCommonPeriod(periods: readonly string[]): string | null {
  const counts = new Map<string, { period: string; n: number }>();
  for (const p of periods) {
    const k = nameKey(p);
    const c = counts.get(k) ?? { period: p, n: 0 };
    c.n++;
    counts.set(k, c);
  }
  let best: { period: string; n: number } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best?.period ?? null;
}
