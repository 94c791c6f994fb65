import type { WorkbookGrids } from "../grid";
import { issue, type Issue } from "../issues";
import { readWorkbooks, type ReadResult, type SubmissionInfo } from "../read/readWorkbook";
import {
  chooseSubmissions,
  decisionFor,
  unitIdentityOf,
  unitReview,
  type ReviewDecision,
  type SubmissionCandidate,
} from "./acceptance";
import type { SubmissionReview } from "./completeness";
import { checkContent, shortHash, type ContentCheck } from "./contentHash";
import { manifestRowOf } from "./manifest";

/** The receiving level's decisions for one run (the command line's --decisions and --replace-accepted). */
export interface ReviewOptions {
  readonly decisions: readonly ReviewDecision[];
  /** Files (as labelled in the run) allowed to replace an accepted submission of their unit. */
  readonly replaceAccepted: ReadonlySet<string>;
}

export interface ReviewedSubmissions {
  /** Files to leave out of the run: newer than their unit's accepted submission. */
  readonly leftOut: ReadonlySet<string>;
  /** Data edited after export, newer files left out, decisions that match no file. */
  readonly issues: readonly Issue[];
  /** The hash check and review of a submission, for the completeness report. */
  readonly reviewOf: (s: SubmissionInfo) => SubmissionReview | null;
}

/**
 * Checks every submission's data against the content hash its manifest states (an edited file is an
 * error naming both hashes, and its data is still used: the clerk decides), and applies the
 * decisions: `chooseSubmissions` says which files to leave out; each unit's review is its
 * submissions' decisions up to the one used (`unitReview`).
 */
export function reviewSubmissions(
  workbooks: readonly WorkbookGrids[],
  read: ReadResult,
  options: ReviewOptions | null,
): ReviewedSubmissions {
  const checks = new Map<string, ContentCheck>();
  const candidates: SubmissionCandidate[] = [];
  const issues: Issue[] = [];
  for (const s of read.submissions) {
    if (!s.manifest) continue;
    const book = workbooks.find((w) => w.file === s.file);
    // The reader leaves out the sheets of a submission a newer one replaced: read such a file alone.
    const found = s.used || !book ? read.sheets : readWorkbooks([book]).sheets;
    const grids = found
      .filter((f) => f.file === s.file)
      .flatMap((f) => book?.sheets.filter((g) => g.name === f.sheet) ?? []);
    const check = checkContent(s.manifest.contentHash, grids);
    checks.set(s.file, check);
    candidates.push({ file: s.file, manifest: s.manifest, actualHash: check.actual });
    if (check.state === "edited")
      issues.push(
        issue(
          "submission-edited",
          { file: s.file, sheet: s.manifestSheet ?? "", cell: `B${manifestRowOf("contentHash")}` },
          { file: s.file, stated: shortHash(check.stated ?? ""), actual: shortHash(check.actual) },
        ),
      );
  }
  const decisions = options?.decisions ?? [];
  const choice = chooseSubmissions(candidates, decisions, {
    replaceAccepted: options?.replaceAccepted ?? new Set(),
  });
  const reviewOf = (s: SubmissionInfo): SubmissionReview | null => {
    const check = checks.get(s.file);
    if (!check || !s.manifest) return null;
    const id = unitIdentityOf(s.manifest);
    const until = Date.parse(s.manifest.generatedAt);
    const history = candidates
      .filter((c) => unitIdentityOf(c.manifest) === id && Date.parse(c.manifest.generatedAt) <= until)
      .sort((a, b) => Date.parse(a.manifest.generatedAt) - Date.parse(b.manifest.generatedAt))
      .map((c) => {
        const d = decisionFor(c, decisions);
        return { state: d?.state ?? null, note: d?.note ?? null };
      });
    return { contentHash: check.actual, content: check.state, review: unitReview(history) };
  };
  return { leftOut: choice.leftOut, issues: [...issues, ...choice.issues], reviewOf };
}
