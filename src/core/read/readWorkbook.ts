import { a1 } from "../a1";
import { isBlank } from "../cells";
import type { SheetGrid, WorkbookGrids } from "../grid";
import { excelColumnOf, excelRowOf } from "../grid";
import { compareIssues, issue, type Issue, type Message } from "../issues";
import type {
  Dataset,
  ExpectedUnitRecord,
  FromRow,
  OfficeHolderRecord,
  TargetRecord,
  VillageRecord,
} from "../model";
import { readManifest, type SubmissionManifest } from "../submission/manifest";
import type { SheetKind } from "../schema/sheets";
import { foldCodeOf, foldKey, nameKey, unitKey } from "../text/normalize";
import { judgeSheet, KIND_NAMES, nearestVillagesSheet, WHY, type SheetJudgement } from "./candidates";
import { cleanWorkbooks, displayFormRows } from "./clean";
import { readSheet, type SheetRead, type SkippedRows } from "./readSheet";
import { expectedUnitRecords, officeHolderRecords, targetRecords, villageRecords } from "./records";

/** A standard sheet found in a workbook. */
export interface FoundSheet {
  readonly file: string;
  readonly sheet: string;
  readonly kind: SheetKind;
  /** Excel row number of the header row. */
  readonly headerRow: number;
  /** False when a required column is missing. */
  readonly usable: boolean;
}

/** A sheet the reader did not read as data. */
export interface SkippedSheet {
  readonly file: string;
  readonly sheet: string;
  readonly why: Message;
}

/** One input workbook, with its submission manifest when it is a submission. */
export interface SubmissionInfo {
  readonly file: string;
  readonly manifest: SubmissionManifest | null;
  /** Name of the manifest sheet, when there is one. */
  readonly manifestSheet: string | null;
  /** False when a newer submission of the same unit replaced this one (its rows are not used). */
  readonly used: boolean;
}

export interface ReadResult {
  readonly dataset: Dataset;
  readonly sheets: readonly FoundSheet[];
  readonly submissions: readonly SubmissionInfo[];
  /** Sheets not read as data, and why (each also an information issue). */
  readonly skippedSheets: readonly SkippedSheet[];
  /**
   * Rows skipped as not data, one entry per kind and sheet (each also an information issue). Filled
   * as the rows are read, so complete once the records were made (after `readWorkbooks` returns).
   */
  readonly skippedRows: readonly SkippedRows[];
  /**
   * Why the input cannot be used at all (no Villages sheet, a file with no standard sheet, a
   * required column missing), as one line in both languages; null when a summary can be made.
   */
  readonly unusable: Message | null;
}

/**
 * Reads the standard sheets of one or more workbooks (several inputs are several submissions
 * combined). Never throws on data: every problem is in `dataset.issues`, sorted by place.
 */
export function readWorkbooks(workbooks: readonly WorkbookGrids[]): ReadResult {
  const issues: Issue[] = [];
  workbooks = cleanWorkbooks(workbooks, issues); // invisible characters, TCVN3/VNI: see clean.ts
  const sheets: FoundSheet[] = [];
  let villages: VillageRecord[] = [];
  let officeHolders: OfficeHolderRecord[] = [];
  let targets: TargetRecord[] = [];
  let expectedUnits: ExpectedUnitRecord[] = [];
  let unusable: Message | null = null;
  const skippedSheets: SkippedSheet[] = [];
  const skippedRows: SkippedRows[] = [];
  const submissions = findSubmissions(workbooks, issues);

  const judged: SheetJudgement[] = [];
  workbooks.forEach((workbook, w) => {
    if (!submissions[w].used) return;
    const judgements: SheetJudgement[] = [];
    for (const grid of workbook.sheets) {
      // The manifest and the report sheets the add-in marked are the product's own: no word about them.
      if (grid.name === submissions[w].manifestSheet || grid.report) continue;
      const judgement = judgeSheet(grid);
      if (judgement) judgements.push(judgement);
    }
    judged.push(...judgements);
    // Hidden sheets are read only when no visible sheet of their kind qualifies.
    const visibleKinds = new Map<SheetKind, string[]>();
    for (const j of judgements) {
      if (j.why || !j.visible) continue;
      const kind = j.header!.spec.kind;
      visibleKinds.set(kind, [...(visibleKinds.get(kind) ?? []), j.grid.name]);
    }
    let found = 0;
    const notes: Issue[] = [];
    const notedSheets: string[] = [];
    for (const j of judgements) {
      const grid = j.grid;
      // At the sheet's first cell: a place to go to (the data-check sheet links it), not a problem cell.
      const place = {
        file: workbook.file,
        sheet: grid.name,
        cell: a1(excelRowOf(grid, 0), excelColumnOf(grid, 0)),
      };
      if (j.why) {
        notes.push(issue("sheet-skipped", place, { sheet: grid.name, why: j.why }));
        notedSheets.push(grid.name);
        continue;
      }
      const header = j.header!;
      const kind = header.spec.kind;
      if (!j.visible) {
        const read = visibleKinds.get(kind);
        if (read) {
          notes.push(issue("sheet-skipped", place, { sheet: grid.name, why: WHY.hidden(kind, read) }));
          notedSheets.push(grid.name);
          continue;
        }
        const name = KIND_NAMES[kind];
        issues.push(issue("hidden-sheet-read", place, { sheet: grid.name, kind: name.vi, kindEn: name.en }));
      }
      found++;
      // The clean pass of this read just scanned the grid: its display-form rows are current.
      const read: SheetRead = readSheet(
        workbook.file,
        grid,
        header,
        issues,
        skippedRows,
        displayFormRows(grid),
      );
      sheets.push({
        file: workbook.file,
        sheet: grid.name,
        kind,
        headerRow: read.headerRow,
        usable: read.usable,
      });
      // append, not push(...records): spreading 300,000 records as arguments overflows the stack.
      // The rows below the header, blank rows at the end left out, bound the records: their list is
      // allocated once at that size (a used range formatted down to row 1,048,576 is no reason to
      // allocate a million slots).
      const rows = lastRowWithData(grid) - header.rowIndex;
      if (kind === "villages") villages = append(villages, villageRecords(read, issues, rows));
      else if (kind === "officeHolders")
        officeHolders = append(officeHolders, officeHolderRecords(read, issues, rows));
      else if (kind === "targets") targets = append(targets, targetRecords(read, issues));
      else expectedUnits = append(expectedUnits, expectedUnitRecords(read, issues));
    }
    let explained: string | null = null;
    if (found === 0) {
      const why = explainUnusable(workbook.file, judgements, sheets, issues);
      unusable ??= why.message;
      explained = why.sheet;
    }
    for (let k = 0; k < notes.length; k++) {
      if (notedSheets[k] === explained) continue;
      issues.push(notes[k]);
      skippedSheets.push({ file: workbook.file, sheet: notedSheets[k], why: notes[k].message });
    }
  });
  if (!unusable && !sheets.some((s) => s.kind === "villages")) {
    const file = workbooks.map((w) => w.file).join(", ");
    const why = explainUnusable(file, judged, sheets, issues);
    unusable = why.message;
    if (why.sheet !== null) {
      // That sheet's information line is replaced by the error that names it.
      const k = issues.findIndex((i) => i.code === "sheet-skipped" && i.sheet === why.sheet);
      if (k >= 0) issues.splice(k, 1);
      const s = skippedSheets.findIndex((i) => i.sheet === why.sheet);
      if (s >= 0) skippedSheets.splice(s, 1);
    }
  }

  const generatedAt = new Map(submissions.map((s) => [s.file, s.manifest?.generatedAt ?? ""]));
  const uniqueVillages = dropDuplicateVillages(villages, generatedAt, issues);
  const uniqueTargets = dropDuplicateTargets(targets, issues);
  issues.sort(compareIssues);
  return {
    dataset: { villages: uniqueVillages, officeHolders, targets: uniqueTargets, expectedUnits, issues },
    sheets,
    submissions,
    skippedSheets,
    skippedRows,
    unusable,
  };
}

/**
 * Nothing qualifies as a Villages sheet: names the sheet that came nearest and what it lacks, in the
 * words the clerk sees. A list that lacks required columns gets one "missing-column" error per
 * column (add them to its header row); a summary or tally table is never advised to grow columns:
 * the message says a list of villages is needed. Returns the message and the sheet it names.
 */
function explainUnusable(
  file: string,
  judgements: readonly SheetJudgement[],
  sheets: FoundSheet[],
  issues: Issue[],
): { message: Message; sheet: string | null } {
  const nearest = nearestVillagesSheet(judgements);
  const whole = { file, sheet: "", cell: "" };
  if (nearest && nearest.summary) {
    const found = issue("no-standard-sheet", whole, { file, best: nearest.grid.name, summary: true });
    issues.push(found);
    return { message: found.message, sheet: nearest.grid.name };
  }
  if (nearest && nearest.missing.length > 0) {
    const { grid, header, missing } = nearest;
    const headerRow = excelRowOf(grid, header.rowIndex);
    for (const column of missing) {
      issues.push(
        issue(
          "missing-column",
          { file: whole.file, sheet: grid.name, cell: a1(headerRow, excelColumnOf(grid, 0)) },
          { column: column.vi, columnEn: column.en, sheet: grid.name },
        ),
      );
    }
    sheets.push({ file, sheet: grid.name, kind: "villages", headerRow, usable: false });
    const message = issue("no-standard-sheet", whole, {
      file,
      best: grid.name,
      lacks: missing.map((c) => `“${c.vi}”`).join(", "),
      lacksEn: missing.map((c) => `“${c.en}”`).join(", "),
    }).message;
    return { message, sheet: grid.name };
  }
  const noSheet = issue("no-standard-sheet", whole, { file });
  issues.push(noSheet);
  return { message: noSheet.message, sheet: null };
}

/** `items` after `target`; `items` itself when `target` is empty (no copy of 300,000 records). */
function append<T>(target: T[], items: T[]): T[] {
  if (target.length === 0) return items;
  for (const item of items) target.push(item);
  return target;
}

/** The identity of a village: its province, district, commune and own name, normalised. */
export function villageKey(v: Pick<VillageRecord, "province" | "district" | "commune" | "village">): string {
  return [
    unitKey("province", v.province),
    v.district ? unitKey("district", v.district) : "",
    unitKey("commune", v.commune),
    nameKey(v.village),
  ].join("/");
}

/**
 * A number for the folded letters of a text (`foldKey`: no case, diacritics, spaces or
 * punctuation), `foldedNumber(foldKey(text))`, computed from the fold table character by character
 * (`foldCodeOf`) without making the folded string; for a text with a character the table does not
 * cover, from `foldKey` itself. Texts with equal `nameKey`s have equal numbers, as their folds are
 * equal (`foldKey(nameKey(t))` is `foldKey(t)`; a property test checks both). Exported for its test.
 */
export function foldNumber(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) {
    const f = foldCodeOf(text.charCodeAt(i));
    if (f === 0) continue;
    if (f < 0) return foldedNumber(foldKey(text));
    h = (Math.imul(h, 31) + f) | 0;
  }
  return h & 0x3fffffff;
}

/** The number `foldNumber` gives for a text whose folded form is `folded`. Exported for its test. */
export function foldedNumber(folded: string): number {
  let h = 0;
  for (let i = 0; i < folded.length; i++) h = (Math.imul(h, 31) + folded.charCodeAt(i)) | 0;
  return h & 0x3fffffff;
}

/** Villages of a commune looked for one by one in `CommuneVillages`; beyond them, by a map. */
const SCANNED = 64;

/**
 * The villages of one commune seen so far, by name key without making it: by the `foldNumber` of
 * the name, and a name key only for names whose number an earlier village of the commune has (a
 * repeat, or a name differing only in diacritics, case or spaces: "Nà" and "Na"). A commune's
 * villages have distinct names, so most villages cost a scan of their few characters and of the
 * commune's numbers so far: no name key (a lookup hashing the name in a cache of 2^17 names) and no
 * map for the commune's few dozen villages. A commune of more than `SCANNED` villages (a sheet whose
 * commune column says one name throughout) goes by a map from number to indices instead.
 */
class CommuneVillages {
  /** The numbers of the commune's villages kept, in order, and each one's index in `kept`. */
  private readonly numbers: number[] = [];
  private readonly indices: number[] = [];
  /** Beyond `SCANNED` villages: the indices in `kept` of the villages with each number, in order. */
  private byNumber: Map<number, number[]> | null = null;

  /**
   * The index in `kept` of the first village of the commune with the name key of `name`; `next`
   * (and remembered) when there is none.
   */
  indexOf(name: string, next: number, kept: readonly VillageRecord[]): number {
    const n = foldNumber(name);
    let key: string | null = null;
    const byNumber = this.byNumber;
    if (byNumber !== null) {
      const held = byNumber.get(n);
      if (held === undefined) {
        byNumber.set(n, [next]);
        return next;
      }
      for (const index of held) if (nameKey(kept[index].village) === (key ??= nameKey(name))) return index;
      held.push(next);
      return next;
    }
    const numbers = this.numbers;
    for (let p = 0; p < numbers.length; p++) {
      if (numbers[p] !== n) continue;
      const index = this.indices[p];
      if (nameKey(kept[index].village) === (key ??= nameKey(name))) return index;
    }
    numbers.push(n);
    this.indices.push(next);
    if (numbers.length > SCANNED) {
      const map = new Map<number, number[]>();
      for (let p = 0; p < numbers.length; p++) {
        const held = map.get(numbers[p]);
        if (held === undefined) map.set(numbers[p], [this.indices[p]]);
        else held.push(this.indices[p]);
      }
      this.byNumber = map;
    }
    return next;
  }
}

/**
 * The villages seen, by `villageKey` without making it: province → district → commune unit keys in
 * nested maps, each commune's villages by name (`CommuneVillages`), and the commune of the row
 * before kept (rows come commune by commune), so a row costs a scan of its name and of its
 * commune's numbers. A key with a "/" in it goes by the joined key, as two such villages whose joined keys are
 * equal are one village (slash-free keys join to exactly three slashes, so the two kinds never
 * meet); a name key has a "/" exactly when its name has one. Indices are into `kept`, the villages
 * kept so far (a village replaced there by a newer submission's row has the same key).
 */
class VillageKeys {
  private readonly nested = new Map<string, Map<string, Map<string, CommuneVillages>>>();
  private readonly joined = new Map<string, number>();
  private province: string | null = null;
  private district: string | null = null;
  private commune: string | null = null;
  /** The villages of the commune of the row before, or null when a key of it had a "/". */
  private villages: CommuneVillages | null = null;

  constructor(private readonly kept: readonly VillageRecord[]) {}

  /** The index of the first village with the key of `v`; `next` (and remembered) when it is the first. */
  indexOf(v: Pick<VillageRecord, "province" | "district" | "commune" | "village">, next: number): number {
    if (v.province !== this.province || v.district !== this.district || v.commune !== this.commune) {
      this.province = v.province;
      this.district = v.district;
      this.commune = v.commune;
      this.villages = this.communeVillages(v);
    }
    const villages = this.villages;
    if (villages !== null && v.village.indexOf("/") < 0) return villages.indexOf(v.village, next, this.kept);
    const key = villageKey(v);
    const found = this.joined.get(key);
    if (found !== undefined) return found;
    this.joined.set(key, next);
    return next;
  }

  private communeVillages(
    v: Pick<VillageRecord, "province" | "district" | "commune">,
  ): CommuneVillages | null {
    const province = unitKey("province", v.province);
    const district = v.district ? unitKey("district", v.district) : "";
    const commune = unitKey("commune", v.commune);
    if (province.indexOf("/") >= 0 || district.indexOf("/") >= 0 || commune.indexOf("/") >= 0) return null;
    let districts = this.nested.get(province);
    if (!districts) this.nested.set(province, (districts = new Map()));
    let communes = districts.get(district);
    if (!communes) districts.set(district, (communes = new Map()));
    let villages = communes.get(commune);
    if (!villages) communes.set(commune, (villages = new CommuneVillages()));
    return villages;
  }
}

function cellOf(v: FromRow, key: string): string {
  return a1(v.row, v.source.columns.get(key) ?? 1);
}

/**
 * One row per village. A repeat within one file is a duplicate (the first row counts). The same
 * village in two files is a conflict between submissions: the newer submission's row is used (by
 * its manifest time; without manifests, the first file given), and the issue names both. Compacts
 * `villages` in place (the caller's own list, read from the sheets) and returns it: each village's
 * first row, or the newer submission's row in its place, in order. No second list is made: a
 * country has 100,000 villages, and a list grown by `push` to that size, once a village repeats,
 * allocated its store anew at each growth (memory never touched before).
 */
function dropDuplicateVillages(
  villages: VillageRecord[],
  generatedAt: ReadonlyMap<string, string>,
  issues: Issue[],
): readonly VillageRecord[] {
  giveRepeatsTheirDistrict(villages);
  const seen = new VillageKeys(villages);
  const repeat = repeatHandler(villages, generatedAt, issues);
  // villages[0 .. kept) are the villages kept so far; kept === k until a village repeats.
  let kept = 0;
  for (let k = 0; k < villages.length; k++) {
    const v = villages[k];
    const index = seen.indexOf(v, kept);
    if (index === kept) villages[kept++] = v;
    else repeat(index, v);
  }
  villages.length = kept;
  return villages;
}

/**
 * What a repeat of the village kept at `index` does (`dropDuplicateVillages`): in the same file a
 * duplicate, said at the repeat's cell (the first row counts); in two files a conflict between
 * submissions, said once, and the newer submission's row takes the first's place.
 */
function repeatHandler(
  villages: VillageRecord[],
  generatedAt: ReadonlyMap<string, string>,
  issues: Issue[],
): (index: number, v: VillageRecord) => void {
  const place = (r: VillageRecord) => ({
    file: r.source.file,
    sheet: r.source.sheet,
    cell: cellOf(r, "village"),
  });
  return (index, v) => {
    const first = villages[index];
    if (first.source.file === v.source.file) {
      const firstPlace =
        (first.source.sheet !== v.source.sheet ? `${first.source.sheet}!` : "") + cellOf(first, "village");
      issues.push(
        issue("duplicate-village", place(v), { village: v.village, commune: v.commune, first: firstPlace }),
      );
      return;
    }
    const newer = (generatedAt.get(v.source.file) ?? "") > (generatedAt.get(first.source.file) ?? "");
    const [used, other] = newer ? [v, first] : [first, v];
    issues.push(
      issue("village-in-two-submissions", place(other), {
        village: v.village,
        commune: v.commune,
        used: used.source.file,
        other: other.source.file,
      }),
    );
    if (newer) villages[index] = v;
  };
}

/**
 * In a province that mixes rows with a district and rows without ("mixed-hierarchy", an error), the
 * roll-up puts a village without a district into the commune of the same name when the province
 * has exactly one (`Hierarchy.addVillages`). A row without a district of a village that commune
 * has a row of is then the same village, not a second one: it is given that district here, before
 * repeats are looked for, so that it is a repeat exactly as if the clerk had typed the district
 * (the first row of a file counts, the first file given without manifests, the newer submission
 * with them; the issues name the same cells). Without it a village written once with its district
 * and once with "-" or nothing was counted twice in its commune. Rows of villages the commune has
 * no row of keep no district (and the roll-up its "mixed-hierarchy" error). Replaces those rows in
 * `villages` with copies; costs a pass over the rows' provinces unless some province mixes the two.
 */
function giveRepeatsTheirDistrict(villages: VillageRecord[]): void {
  // Province texts by kind of row (a handful), then the province keys that have both.
  const withTexts = new Set<string>();
  const withoutTexts = new Set<string>();
  for (const v of villages) (v.district ? withTexts : withoutTexts).add(v.province);
  if (withTexts.size === 0 || withoutTexts.size === 0) return;
  const withKeys = new Set([...withTexts].map((p) => unitKey("province", p)));
  const mixed = new Set([...withoutTexts].map((p) => unitKey("province", p)).filter((k) => withKeys.has(k)));
  if (mixed.size === 0) return;
  const communeOf = (v: VillageRecord): string | null => {
    const pk = unitKey("province", v.province);
    return mixed.has(pk) ? `${pk}\u0000${unitKey("commune", v.commune)}` : null;
  };
  // Per commune key of a mixed province: the districts that have a commune of that name, and the
  // district of each village name with one (as its first row writes it).
  const communes = new Map<string, { districts: Set<string>; names: Map<string, string> }>();
  for (const v of villages) {
    const key = v.district ? communeOf(v) : null;
    if (key === null) continue;
    let commune = communes.get(key);
    if (!commune) communes.set(key, (commune = { districts: new Set(), names: new Map() }));
    commune.districts.add(unitKey("district", v.district!));
    const name = nameKey(v.village);
    if (!commune.names.has(name)) commune.names.set(name, v.district!);
  }
  for (let k = 0; k < villages.length; k++) {
    const v = villages[k];
    if (v.district) continue;
    const key = communeOf(v);
    const commune = key === null ? undefined : communes.get(key);
    if (commune?.districts.size !== 1) continue;
    const district = commune.names.get(nameKey(v.village));
    if (district !== undefined) villages[k] = { ...v, district };
  }
}

/**
 * Finds each workbook's manifest and, when one unit submitted more than once, keeps only its newest
 * submission (a re-submission replaces that unit's rows, and only those).
 */
function findSubmissions(workbooks: readonly WorkbookGrids[], issues: Issue[]): SubmissionInfo[] {
  const infos = workbooks.map((w) => {
    for (const grid of w.sheets) {
      const manifest = readManifest(grid);
      if (manifest) return { file: w.file, manifest, manifestSheet: grid.name, used: true };
    }
    return { file: w.file, manifest: null, manifestSheet: null, used: true };
  });
  const newest = new Map<string, number>();
  infos.forEach((info, i) => {
    const m = info.manifest;
    if (!m) return;
    const key = [
      m.unitLevel,
      unitKey("province", m.province),
      m.district ? unitKey("district", m.district) : "",
      nameKey(m.unitName),
    ].join("/");
    const j = newest.get(key);
    if (j === undefined) {
      newest.set(key, i);
      return;
    }
    const [older, newer] = infos[j].manifest!.generatedAt < m.generatedAt ? [j, i] : [i, j];
    infos[older].used = false;
    newest.set(key, newer);
    issues.push(
      issue(
        "submission-superseded",
        { file: infos[older].file, sheet: infos[older].manifestSheet ?? "", cell: "B3" },
        {
          unit: m.unitName,
          older: infos[older].file,
          newer: infos[newer].file,
        },
      ),
    );
  });
  return infos;
}

function dropDuplicateTargets(targets: readonly TargetRecord[], issues: Issue[]): TargetRecord[] {
  const seen = new Map<string, TargetRecord>();
  const out: TargetRecord[] = [];
  for (const t of targets) {
    const key = [t.indicator, t.unit ? nameKey(t.unit) : "", t.level ?? "", t.year ?? ""].join("|");
    const first = seen.get(key);
    if (first) {
      // Submissions carry the same Targets sheet: an identical row from another file is no news.
      const identical =
        first.source.file !== t.source.file &&
        first.comparator === t.comparator &&
        first.target.numerator * t.target.denominator === t.target.numerator * first.target.denominator;
      if (!identical) {
        const where =
          first.source.file !== t.source.file ? `${first.source.file} ${first.source.sheet}!` : "";
        issues.push(
          issue(
            "duplicate-target",
            { file: t.source.file, sheet: t.source.sheet, cell: cellOf(t, "target") },
            { first: where + cellOf(first, "target") },
          ),
        );
      }
      continue;
    }
    seen.set(key, t);
    out.push(t);
  }
  return out;
}

/**
 * The index of the last row of a grid with a cell that is not blank, or -1. From the end, so a
 * sheet without blank rows at its end costs one row.
 */
function lastRowWithData(grid: SheetGrid): number {
  for (let r = grid.rows.length - 1; r >= 0; r--) {
    const row = grid.rows[r];
    for (let c = 0; c < row.length; c++) if (!isBlank(row[c])) return r;
  }
  return -1;
}
