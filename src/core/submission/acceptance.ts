import { cellText, isBlank, type CellValue } from "../cells";
import { cellAt, excelRowOf, type SheetGrid, type WorkbookGrids } from "../grid";
import { a1 } from "../a1";
import { issue, type Issue, type IssuePlace, type Message } from "../issues";
import { districtOf, foldKey, nameKey, unitKey } from "../text/normalize";
import { parseHash, sameHash, shortHash } from "./contentHash";
import type { SubmissionManifest } from "./manifest";

/**
 * Accepting submissions: the receiving level marks each submission it has looked at "Đã nhận"
 * (accepted) or "Trả lại" (returned, with a note saying why); until then it is "Chờ xem xét"
 * (pending). The rules, the same in the pane and on the command line:
 * - an accepted submission is not replaced by a newer one of the same unit without an explicit
 *   confirmation (the pane asks, naming both files; the command line wants --replace-accepted);
 * - a returned one is replaced by the next one without asking;
 * - completeness shows each unit's state, and "nộp lại sau khi trả" (resubmitted) when the unit's
 *   latest submission follows a returned one.
 * The decisions live in the workbook: the pane's import log (state and note columns), or, for the
 * command line, any sheet with the columns "Mã nội dung" and "Tình trạng" (`readDecisions`).
 */

export type ReviewState = "pending" | "accepted" | "returned";

/** A unit's state in the completeness report: its latest submission's, or resubmitted after a return. */
export type UnitReviewState = ReviewState | "resubmitted";

export interface UnitReview {
  readonly state: UnitReviewState;
  /** The note of the latest decision with one (why it was returned), else null. */
  readonly note: string | null;
}

/** What the clerk reads and picks (the data validation list is the Vietnamese of the three states). */
export const REVIEW_TEXT: Readonly<Record<UnitReviewState, Message>> = {
  pending: { vi: "Chờ xem xét", en: "Pending review" },
  accepted: { vi: "Đã nhận", en: "Accepted" },
  returned: { vi: "Trả lại", en: "Returned" },
  resubmitted: { vi: "Nộp lại sau khi trả", en: "Resubmitted after return" },
};

/** The choices of the state column, in the order of its drop-down list. */
export const REVIEW_CHOICES: readonly ReviewState[] = ["pending", "accepted", "returned"];

const STATE_WORDS: ReadonlyMap<string, ReviewState> = new Map([
  ...REVIEW_CHOICES.flatMap((s): [string, ReviewState][] => [
    [foldKey(REVIEW_TEXT[s].vi), s],
    [foldKey(REVIEW_TEXT[s].en), s],
  ]),
  [foldKey("nhận"), "accepted"],
  [foldKey("đã duyệt"), "accepted"],
  [foldKey("accept"), "accepted"],
  [foldKey("trả"), "returned"],
  [foldKey("return"), "returned"],
  [foldKey("chờ"), "pending"],
  [foldKey("pending"), "pending"],
  // The completeness sheet's state of a unit whose latest submission follows a returned one.
  [foldKey(REVIEW_TEXT.resubmitted.vi), "pending"],
  [foldKey(REVIEW_TEXT.resubmitted.en), "pending"],
]);

/** A state cell as typed or picked (Vietnamese or English, any accents or case); null when blank or unknown. */
export function parseReviewState(value: CellValue): ReviewState | null {
  if (isBlank(value)) return null;
  return STATE_WORDS.get(foldKey(cellText(value))) ?? null;
}

/**
 * A unit's review from its submissions' decisions, oldest first: the latest submission's state
 * (none recorded counts as pending), or "resubmitted" when it is pending and an earlier one was
 * returned; null when the unit has no submission.
 */
export function unitReview(
  history: readonly { readonly state: ReviewState | null; readonly note: string | null }[],
): UnitReview | null {
  if (history.length === 0) return null;
  const latest = history[history.length - 1];
  if (latest.state === null || latest.state === "pending") {
    const returned = history
      .slice(0, -1)
      .reverse()
      .find((h) => h.state === "returned");
    return returned ? { state: "resubmitted", note: returned.note } : { state: "pending", note: latest.note };
  }
  return { state: latest.state, note: latest.note };
}

/** True when replacing a submission in this state needs the clerk's explicit confirmation. */
export function needsConfirmation(current: ReviewState | null): boolean {
  return current === "accepted";
}

/** One decision of the receiving level: the submission's content hash, its state, a note. */
export interface ReviewDecision {
  /** Full or short (at least 8 hex digits) content hash, lower case. */
  readonly hash: string;
  readonly state: ReviewState;
  readonly note: string | null;
  readonly place: IssuePlace;
}

const HASH_HEADERS = new Set(["manoidung", "ma", "contenthash", "hash"]);
/** State headers, best first: "Tiếp nhận" wins over "Tình trạng" (the completeness sheet has both). */
const STATE_HEADERS = ["tiepnhan", "tinhtrangtiepnhan", "review", "tinhtrang", "trangthai", "state"];
const NOTE_HEADERS = new Set(["ghichu", "note", "notes", "lydo"]);

/**
 * The decisions in a workbook: every sheet with a header row (among its first 30 rows) that has a
 * content-hash column ("Mã nội dung") and a state column ("Tình trạng"), and optionally a note
 * column ("Ghi chú"); one decision per row with a hash and a known state. The pane's import log
 * has these columns, so a receiving workbook made in the pane serves as well. Rows with a hash but
 * an unknown state are returned in `unknown`, and rows with a state but a hash cell that is not 8 to
 * 64 hex digits (cut short, mistyped, or "00ab1234" turned into a number by Excel) in `badHash`
 * (placed at the hash cell), so the shell can say so: neither is a silent no-op.
 */
export function readDecisions(workbooks: readonly WorkbookGrids[]): {
  decisions: ReviewDecision[];
  unknown: IssuePlace[];
  badHash: IssuePlace[];
} {
  const decisions: ReviewDecision[] = [];
  const unknown: IssuePlace[] = [];
  const badHash: IssuePlace[] = [];
  for (const w of workbooks) {
    for (const grid of w.sheets) {
      const header = findHeader(grid);
      if (!header) continue;
      for (let r = header.row + 1; r < grid.rows.length; r++) {
        const hashCell = cellAt(grid, r, header.hash) ?? null;
        const hash = parseHash(cellText(hashCell ?? ""));
        if (!hash) {
          if (!isBlank(hashCell) && parseReviewState(cellAt(grid, r, header.state) ?? null) !== null)
            badHash.push({
              file: w.file,
              sheet: grid.name,
              cell: a1(excelRowOf(grid, r), (grid.firstColumn ?? 1) + header.hash),
            });
          continue;
        }
        const place = {
          file: w.file,
          sheet: grid.name,
          cell: a1(excelRowOf(grid, r), (grid.firstColumn ?? 1) + header.state),
        };
        const stateCell = cellAt(grid, r, header.state);
        const state = parseReviewState(stateCell);
        if (!state) {
          if (!isBlank(stateCell)) unknown.push(place);
          continue;
        }
        const noteCell = header.note === null ? null : cellAt(grid, r, header.note);
        decisions.push({
          hash,
          state,
          note: isBlank(noteCell) ? null : cellText(noteCell).trim(),
          place,
        });
      }
    }
  }
  return { decisions, unknown, badHash };
}

function findHeader(
  grid: SheetGrid,
): { row: number; hash: number; state: number; note: number | null } | null {
  for (let r = 0; r < Math.min(grid.rows.length, 30); r++) {
    const row = grid.rows[r] ?? [];
    let hash = -1;
    let state = -1;
    let rank = STATE_HEADERS.length;
    let note: number | null = null;
    row.forEach((v, c) => {
      if (typeof v !== "string") return;
      // "Mã nội dung / Content hash": either half names the column.
      const words = v.split("/").map(foldKey);
      const stateRank = Math.min(...words.map((w) => STATE_HEADERS.indexOf(w)).filter((i) => i >= 0));
      if (hash < 0 && words.some((w) => HASH_HEADERS.has(w))) hash = c;
      else if (stateRank < rank) [state, rank] = [c, stateRank];
      else if (note === null && words.some((w) => NOTE_HEADERS.has(w))) note = c;
    });
    if (hash >= 0 && state >= 0) return { row: r, hash, state, note };
  }
  return null;
}

/** A submission as the command line reads it: its file, manifest and the hash of its data as read. */
export interface SubmissionCandidate {
  readonly file: string;
  readonly manifest: SubmissionManifest;
  /** The content hash of the data read (which is the stated one unless the file was edited). */
  readonly actualHash: string;
}

/** The decision about a submission: the last decision row whose hash is its data's or its stated hash. */
export function decisionFor(
  candidate: SubmissionCandidate,
  decisions: readonly ReviewDecision[],
): ReviewDecision | null {
  let found: ReviewDecision | null = null;
  for (const d of decisions) {
    if (
      sameHash(d.hash, candidate.actualHash) ||
      (candidate.manifest.contentHash !== null && sameHash(d.hash, candidate.manifest.contentHash))
    )
      found = d;
  }
  return found;
}

/** The identity of a submitting unit: level, province, district (for a commune) and name, normalised. */
export function unitIdentityOf(m: SubmissionManifest): string {
  // A district of no letter or digit ("-") is none, as the reader reads it (`districtOf`).
  const district = m.unitLevel === "commune" ? districtOf(m.district) : null;
  return [
    m.unitLevel,
    unitKey("province", m.province),
    district ? unitKey("district", district) : "",
    nameKey(m.unitName),
  ].join("/");
}

/**
 * The command line's rule for one run over a folder of submissions: for each unit with an accepted
 * submission, the newer files of that unit are left out (an issue for each, naming both files and
 * hashes) unless named in `replaceAccepted` (the clerk's explicit confirmation); everything else is left to the usual rule (a unit's newest file
 * is used), so a returned submission is replaced by the next without asking. Also: the decisions
 * that match no submission (a typo in a hash), as warnings. Pure: the shell drops the files named.
 */
export function chooseSubmissions(
  candidates: readonly SubmissionCandidate[],
  decisions: readonly ReviewDecision[],
  options: { readonly replaceAccepted: ReadonlySet<string> },
): { readonly leftOut: ReadonlySet<string>; readonly issues: readonly Issue[] } {
  const leftOut = new Set<string>();
  const issues: Issue[] = [];
  const byUnit = new Map<string, SubmissionCandidate[]>();
  for (const c of candidates) {
    const id = unitIdentityOf(c.manifest);
    byUnit.set(id, [...(byUnit.get(id) ?? []), c]);
  }
  {
    for (const group of byUnit.values()) {
      const accepted = group
        .filter((c) => decisionFor(c, decisions)?.state === "accepted")
        .sort((a, b) => Date.parse(b.manifest.generatedAt) - Date.parse(a.manifest.generatedAt))[0];
      if (!accepted) continue;
      for (const c of group) {
        if (
          c === accepted ||
          options.replaceAccepted.has(c.file) ||
          Date.parse(c.manifest.generatedAt) <= Date.parse(accepted.manifest.generatedAt)
        )
          continue;
        leftOut.add(c.file);
        issues.push(
          issue(
            "submission-accepted-kept",
            { file: c.file, sheet: "", cell: "" },
            {
              unit: c.manifest.unitName,
              accepted: accepted.file,
              acceptedHash: shortHash(accepted.actualHash),
              newer: c.file,
              newerHash: shortHash(c.actualHash),
            },
          ),
        );
      }
    }
  }
  for (const d of decisions) {
    if (!candidates.some((c) => decisionFor(c, [d]) === d))
      issues.push(issue("decision-unmatched", d.place, { hash: d.hash, state: REVIEW_TEXT[d.state].vi }));
  }
  return { leftOut, issues };
}
