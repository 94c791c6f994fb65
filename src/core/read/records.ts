import { a1 } from "../a1";
import { cellText, type CellValue } from "../cells";
import { INDICATOR_ALIASES, indicatorSpec, INDICATORS, isIndicatorId, type IndicatorId } from "../indicators";
import { issue, type Issue } from "../issues";
import type {
  ExpectedUnitRecord,
  OfficeHolderRecord,
  SheetSource,
  TargetLevel,
  TargetRecord,
  UnitListLevel,
  VillageRecord,
} from "../model";
import { parsePosts, postSpec } from "../schema/posts";
import { VILLAGE_TYPES } from "../schema/sheets";
import { isRateProblem, parseComparator, readRateInput } from "../rateInput";
import { fractionToNumber } from "../targets";
import { districtOf, foldCodeOf, foldKey, startsWithTwoLetters } from "../text/normalize";
import { isDitto, isSecretaryAlsoNote, isSecretaryReference } from "../text/personName";
import { parseEducationYears, parseGender, parseProfessional, parseTheory } from "./qualifications";
import type { FieldValue, RowFields, SheetRead } from "./readSheet";

/** Turns the generic rows of recognised sheets into domain records, reporting what does not fit. */

/**
 * The source every record of one sheet shares (file, sheet, columns); each record carries its own
 * `row` beside it, so a sheet of 300,000 rows makes no source object per row.
 */
function sourceOf(sheet: SheetRead): SheetSource {
  return { file: sheet.file, sheet: sheet.sheet, columns: sheet.columns };
}

function placeOf(sheet: SheetRead, row: number, key: string): { file: string; sheet: string; cell: string } {
  const column = sheet.columns.get(key) ?? 1;
  return { file: sheet.file, sheet: sheet.sheet, cell: a1(row, column) };
}

/**
 * A text field's value, or null. Text columns reach the records already in display form
 * (`readSheet`'s `readText` applies `displayName`, and ditto marks resolve to such values), so it is
 * not normalised again: at country size that was 1.7 million scans of text already clean.
 */
const text = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const flag = (v: unknown): boolean | null => (typeof v === "boolean" ? v : null);
const count = (v: unknown): number | null => (typeof v === "number" ? v : null);

const VILLAGE_TYPE_KEYS = new Set(VILLAGE_TYPES.map(foldKey));

/**
 * A cache for a vocabulary parser: a sheet of 300,000 office-holders holds a few dozen distinct post
 * and qualification texts, so each is parsed once. Bounded: a full cache is emptied.
 */
function cached<T>(parse: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (t) => {
    const hit = cache.get(t);
    if (hit !== undefined || cache.has(t)) return hit as T;
    const value = parse(t);
    if (cache.size >= 4096) cache.clear();
    cache.set(t, value);
    return value;
  };
}

const postsAtVillage = cached((t) => parsePosts(t, true));
const postsElsewhere = cached((t) => parsePosts(t, false));

/** Slots of a `TextTable` (a power of two), and how many of them it fills at most. */
const TABLE_SLOTS = 1024;
const TABLE_FILL = 512;

/**
 * One sheet's answers for the distinct texts of a column, found without hashing the text: a post
 * column of 300,000 cells holds a few dozen distinct texts, and each cell is a string of its own
 * (the grids come through JSON), so a `Map` keyed by the text computes the string's hash, every
 * character, for every cell. Here a slot is chosen by the length and three characters and the text
 * compared with `===` (content, ending at the first difference). Holds at most 512 texts; a text
 * beyond them is answered by `compute` each time (the vocabulary caches above keep it cheap).
 * Exported for its test.
 */
export class TextTable<T> {
  private readonly texts: (string | null)[] = new Array<string | null>(TABLE_SLOTS).fill(null);
  private readonly values: (T | null)[] = new Array<T | null>(TABLE_SLOTS).fill(null);
  private size = 0;

  constructor(private readonly compute: (text: string) => T) {}

  /** `compute(text)`, computed once per distinct text (up to the table's size). */
  get(text: string): T {
    const n = text.length;
    let slot =
      n === 0
        ? 0
        : (((n * 31 + text.charCodeAt(0)) * 31 + text.charCodeAt(n >> 1)) * 31 + text.charCodeAt(n - 1)) &
          (TABLE_SLOTS - 1);
    for (;;) {
      const held = this.texts[slot];
      if (held === text) return this.values[slot] as T;
      if (held === null) break;
      slot = (slot + 1) & (TABLE_SLOTS - 1);
    }
    const value = this.compute(text);
    if (this.size < TABLE_FILL) {
      this.texts[slot] = text;
      this.values[slot] = value;
      this.size++;
    }
    return value;
  }
}
const QUALIFICATIONS = {
  gender: cached(parseGender),
  education: cached(parseEducationYears),
  professional: cached(parseProfessional),
  politicalTheory: cached(parseTheory),
} as const;

/**
 * Reads one qualification column of a sheet: a cell parsed, or an unrecognised one reported and
 * read as blank. The parser is chosen once per sheet and column (a keyed `QUALIFICATIONS[key]` on
 * every cell made that load and the call through it megamorphic), and the column's last text and
 * value are kept: the rows of a column repeat "Nam", "12/12", "Sơ cấp" one after the other, so many
 * cells are the text before them and need no lookup; the others are looked up in the column's
 * `TextTable` (no hash of the cell's string). A text that was reported is never kept as the last
 * text, and its answer stays "unrecognised", so each of its cells is reported as before.
 */
function qualificationReader<K extends keyof typeof QUALIFICATIONS>(
  sheet: SheetRead,
  slot: number,
  key: K,
  issues: Issue[],
): (row: RowFields) => Exclude<ReturnType<(typeof QUALIFICATIONS)[K]>, undefined> | null {
  type Value = Exclude<ReturnType<(typeof QUALIFICATIONS)[K]>, undefined>;
  const parsed = new TextTable(QUALIFICATIONS[key] as (text: string) => Value | undefined);
  let lastText: string | null = null;
  let lastValue: Value | null = null;
  return (row) => {
    const t = text(row.fields[slot]);
    if (t === null) return null;
    if (t === lastText) return lastValue;
    const parsedValue = parsed.get(t);
    if (parsedValue === undefined) {
      const column = sheet.spec.columns.find((c) => c.key === key)!;
      issues.push(
        issue("unknown-qualification", placeOf(sheet, row.row, key), {
          text: t,
          column: column.vi,
          columnEn: column.en,
        }),
      );
      return null;
    }
    lastText = t;
    lastValue = parsedValue;
    return parsedValue;
  };
}

/**
 * `test` with its last answer kept: asked about the same text as the time before, it answers
 * without testing again. For columns whose rows repeat the row above (the province, the district
 * and the commune of every village of a commune). Exported for its test.
 */
export function lastAnswerKept(test: (text: string) => boolean): (text: string) => boolean {
  let last: string | null = null;
  let answer = false;
  return (text) => {
    if (text !== last) {
      answer = test(text);
      last = text;
    }
    return answer;
  };
}

/** The folded forms of the ditto marks that have letters (`isDitto`): "nt", "như trên", "ditto". */
const DITTO_WORDS = ["nt", "nhutren", "ditto"] as const;

/**
 * False when the text is certainly no ditto mark (`isDitto` is then false): its folded letters
 * (`foldKey`, which works character by character, `foldCodeOf` each) begin otherwise than every one
 * of "nt", "nhutren" and "ditto", or are longer than them. Decided at the first letter for most names
 * ("Trần", "Hà", "Lê"), where `isDitto` folded every name made only of the letters of the marks
 * ("Trần Thị Thu") into a new string. True, leaving the answer to `isDitto`, for a text whose folded
 * letters are a beginning of a mark, none at all (quote marks), or a character the fold table does
 * not cover. A property test compares. Exported for its test.
 */
export function mayBeDitto(text: string): boolean {
  let n = 0; // folded letters so far
  for (let i = 0; i < text.length; i++) {
    const f = foldCodeOf(text.charCodeAt(i));
    if (f === 0) continue;
    if (f < 0) return true;
    let alive = false;
    for (const word of DITTO_WORDS) {
      if (n < word.length && word.charCodeAt(n) === f && startsLike(text, word, n)) {
        alive = true;
        break;
      }
    }
    if (!alive) return false;
    n++;
  }
  return true;
}

/** True when the first `n` folded letters of `text` are the first `n` letters of `word`. */
function startsLike(text: string, word: string, n: number): boolean {
  if (n === 0) return true;
  let k = 0;
  for (let i = 0; k < n; i++) {
    const f = foldCodeOf(text.charCodeAt(i));
    if (f === 0) continue;
    if (f !== word.charCodeAt(k)) return false;
    k++;
  }
  return true;
}

/**
 * The name and place columns where clerks write a ditto mark ("nt", "như trên", `"`) for the value
 * of the row above.
 */
const DITTO_COLUMNS = ["province", "district", "commune", "type", "secretary", "head", "frontHead"] as const;
/** The district's index in DITTO_COLUMNS. */
const DISTRICT = DITTO_COLUMNS.indexOf("district");

/**
 * Resolves ditto marks row by row: each call gives the value to use and remembers it as the value
 * "above" for the next row of the sheet.
 */
function dittoResolver(sheet: SheetRead, issues: Issue[]) {
  // One slot per ditto column (by its index in DITTO_COLUMNS): no map lookup on every cell.
  const above: (string | null)[] = DITTO_COLUMNS.map(() => null);
  const slots = DITTO_COLUMNS.map((key) => sheet.slot(key));
  const isDittoIn = DITTO_COLUMNS.map(() => lastAnswerKept((t) => mayBeDitto(t) && isDitto(t)));
  return (row: RowFields, index: number): string | null => {
    let value = text(row.fields[slots[index]]);
    if (value !== null && isDittoIn[index](value)) {
      const key = DITTO_COLUMNS[index];
      const previous = above[index];
      const column = sheet.spec.columns.find((c) => c.key === key)!;
      const params = { text: value, column: column.vi, columnEn: column.en };
      // With nothing above, a required column (province, commune) lacks its value: the row is not
      // counted, and the message says so, as for a blank cell.
      issues.push(
        previous !== null
          ? issue("ditto-value", placeOf(sheet, row.row, key), { ...params, value: previous })
          : column.required
            ? issue("ditto-nothing-above-required", placeOf(sheet, row.row, key), params)
            : issue("ditto-nothing-above", placeOf(sheet, row.row, key), params),
      );
      value = previous;
    } else if (index === DISTRICT) {
      // "-" is no district, remembered as such: a ditto mark below it takes nothing, not "-".
      value = districtOf(value);
    }
    above[index] = value;
    return value;
  };
}

/**
 * False when the text can be neither a "kiêm" note (`isSecretaryAlsoNote`) nor the secretary's title
 * (`isSecretaryReference`). Their folded forms are anchored at the start and begin "dc", "do"
 * ("đ/c", "đồng chí"), "bt", "bi" ("bí thư"), "ki" or "kn" ("kiêm", "KN"), and have no letter or digit
 * that none of their words has ("kiêm", "kiêm nhiệm", "bí thư chi bộ", "đồng chí", "trưởng thôn",
 * "trưởng ban công tác mặt trận": a b c d e g h i k m n o r t u). `foldKey` works character by
 * character (`foldCodeOf` each), so the text is ruled out without folding it: most names at their
 * first or second letter ("Nguyễn", "Trần", "Lê", "Hoàng", "Bùi", "Đặng"), the rest at their first
 * "l", "p", "s", "v" or "y". A character the fold table does not cover among the first two letters
 * leaves the start untested. Each name column was tested twice or three times per village (for a k,
 * then a b), every character. Exported for its test.
 */
export function maySaySecretary(text: string): boolean {
  let first = 0; // the first folded letter; -1 once a character the table does not cover is met
  let started = false; // the first two folded letters are known and begin a note or title
  for (let i = 0; i < text.length; i++) {
    const f = foldCodeOf(text.charCodeAt(i));
    if (f === 0) continue;
    if (f < 0 || f >= 128) {
      first = -1; // the start can no longer be told (or was told already)
      continue;
    }
    if (NOTE_LETTERS[f] === 0) return false;
    if (started || first < 0) continue;
    if (first === 0) {
      first = f;
      continue;
    }
    if (!beginsNote(first, f)) return false;
    started = true;
  }
  return true;
}

/** True when the folded letters `a` then `b` begin a note or title: dc, do, bt, bi, ki, kn. */
function beginsNote(a: number, b: number): boolean {
  switch (a) {
    case 100: // d
      return b === 99 || b === 111; // c, o
    case 98: // b
      return b === 116 || b === 105; // t, i
    case 107: // k
      return b === 105 || b === 110; // i, n
    default:
      return false;
  }
}

/** By ASCII code: 1 for the letters of the secretary notes and titles (see `maySaySecretary`). */
const NOTE_LETTERS = Uint8Array.from({ length: 128 }, (_, c) =>
  "abcdeghikmnortu".includes(String.fromCharCode(c)) ? 1 : 0,
);

const TWO_LETTERS = /\p{L}{2}/u;

/**
 * True when the text has two letters in a row (`/\p{L}{2}/u`): a name, not a mark. Decided without
 * the regular expression when the text's first two characters fold to ASCII letters (`foldCodeOf`:
 * the ASCII letters and the Latin letters with diacritics, "Đặng", "Ông", as names begin; every
 * character that folds to a letter is a letter, a table test checks). A test compares.
 */
export function hasTwoLetters(text: string): boolean {
  return startsWithTwoLetters(text) || TWO_LETTERS.test(text);
}

/** Records per chunk of a `RecordList`. */
const CHUNK = 4096;

/**
 * The records of a large sheet, in one array. Given the number of rows below the sheet's header
 * (at least the records it can give), the array is allocated once at that size, filled, and cut to
 * the records made. Without it, the records are collected in chunks and joined once, at the end,
 * into an array allocated at its final size. An array grown by `push` to 300,000 records allocates
 * its backing store anew at each growth, about three times the final size in all, and beyond 16,384
 * elements each is a large object in memory never touched before (a page's first touch costs ~15 µs
 * on this kind of machine, and the CLI reads a sheet once); the chunks, 2.3 MB at country size, are
 * copied by each young-generation collection they survive and then once more into the array.
 * Exported for its test.
 */
export class RecordList<T extends object> {
  private readonly full: T[][] = [];
  private chunk: T[];
  /** True when `chunk` was allocated at the sheet's size: the records go straight into it. */
  private readonly sized: boolean;
  private size = 0;

  /** @param capacity  The most records expected (rows below the header); more are still taken. */
  constructor(capacity = 0) {
    this.sized = capacity > CHUNK;
    this.chunk = this.sized ? new Array<T>(capacity) : [];
  }

  push(record: T): void {
    if (this.sized) {
      this.chunk[this.size++] = record;
      return;
    }
    if (this.chunk.length === CHUNK) {
      this.full.push(this.chunk);
      this.chunk = [];
    }
    this.chunk.push(record);
  }

  /** The records in the order pushed (records are objects, never arrays: `concat` adds each as is). */
  toArray(): T[] {
    if (this.sized) {
      this.chunk.length = this.size;
      return this.chunk;
    }
    if (this.full.length === 0) return this.chunk;
    return ([] as T[]).concat(...this.full, this.chunk);
  }
}

/**
 * The village records of a Villages sheet. `rows`: the number of rows below its header, when known
 * (the records' list is then allocated once at that size; see `RecordList`).
 */
export function villageRecords(sheet: SheetRead, issues: Issue[], rows = 0): VillageRecord[] {
  const out = new RecordList<VillageRecord>(rows);
  const source = sourceOf(sheet);
  const ditto = dittoResolver(sheet, issues);
  // Each distinct type text looked up once (a sheet has a handful: "Thôn", "Bản", "Tổ dân phố").
  const knownTypes = new TextTable((type: string) => VILLAGE_TYPE_KEYS.has(foldKey(type)));
  const at = {
    consolidated: sheet.slot("consolidated"),
    village: sheet.slot("village"),
    communeCode: sheet.slot("communeCode"),
    hasOwnCell: sheet.slot("hasOwnCell"),
    partyMembers: sheet.slot("partyMembers"),
    notes: sheet.slot("notes"),
  };
  sheet.forEachRow((row) => {
    const v = row.fields;
    // In DITTO_COLUMNS order, called one by one (no array per row).
    const province = ditto(row, 0);
    const district = ditto(row, 1);
    const commune = ditto(row, 2);
    const type = ditto(row, 3);
    const secretaryText = ditto(row, 4);
    const headText = ditto(row, 5);
    const frontHeadText = ditto(row, 6);
    // A ditto mark in a required column with nothing above: the row lacks that value and is not
    // counted ("ditto-nothing-above-required" said so).
    if (province === null || commune === null) return;
    if (type !== null && !knownTypes.get(type)) {
      issues.push(issue("unknown-village-type", placeOf(sheet, row.row, "type"), { text: type }));
    }
    // "Kiêm" (or "BT kiêm", "(Bí thư kiêm nhiệm)") in a name column: the secretary holds that post too.
    let consolidatedFlag = flag(v[at.consolidated]);
    let secretary = secretaryText;
    // A head of one letter or none ("x", "-", "?") is no name: read as blank, so the village's
    // status comes from the flag or the office-holders, or is reported as unknown, never silently
    // "not consolidated" against a person called "x".
    let head = headText !== null && !hasTwoLetters(headText) ? null : headText;
    if (secretary !== null && maySaySecretary(secretary) && isSecretaryAlsoNote(secretary)) secretary = head;
    if (head !== null && maySaySecretary(head) && isSecretaryReference(head)) {
      head = secretary;
      if (secretary === null) consolidatedFlag ??= true;
    }
    const frontHead =
      frontHeadText !== null && maySaySecretary(frontHeadText) && isSecretaryReference(frontHeadText)
        ? secretary
        : frontHeadText;
    out.push({
      province,
      district,
      commune,
      village: text(v[at.village])!,
      communeCode: text(v[at.communeCode]),
      type,
      hasOwnCell: flag(v[at.hasOwnCell]),
      partyMembers: count(v[at.partyMembers]),
      secretary,
      head,
      frontHead,
      consolidatedFlag,
      notes: text(v[at.notes]),
      source,
      row: row.row,
    });
  });
  return out.toArray();
}

/**
 * The office-holder records of an Office-holders sheet. `rows`: the number of rows below its
 * header, when known (the records' list is then allocated once at that size; see `RecordList`).
 */
export function officeHolderRecords(sheet: SheetRead, issues: Issue[], rows = 0): OfficeHolderRecord[] {
  const out = new RecordList<OfficeHolderRecord>(rows);
  const source = sourceOf(sheet);
  const at = {
    village: sheet.slot("village"),
    post: sheet.slot("post"),
    fullName: sheet.slot("fullName"),
    province: sheet.slot("province"),
    district: sheet.slot("district"),
    commune: sheet.slot("commune"),
    personId: sheet.slot("personId"),
    birthYear: sheet.slot("birthYear"),
    gender: sheet.slot("gender"),
    ethnicity: sheet.slot("ethnicity"),
    education: sheet.slot("education"),
    professional: sheet.slot("professional"),
    politicalTheory: sheet.slot("politicalTheory"),
    trained: sheet.slot("trained"),
    termEnd: sheet.slot("termEnd"),
  };
  const gender = qualificationReader(sheet, at.gender, "gender", issues);
  const education = qualificationReader(sheet, at.education, "education", issues);
  const professional = qualificationReader(sheet, at.professional, "professional", issues);
  const politicalTheory = qualificationReader(sheet, at.politicalTheory, "politicalTheory", issues);
  const atVillage = new TextTable(postsAtVillage);
  const elsewhere = new TextTable(postsElsewhere);
  sheet.forEachRow((row) => {
    const v = row.fields;
    const village = text(v[at.village]);
    const postText = cellText(v[at.post] as CellValue).trim();
    const parsed = village !== null ? atVillage.get(postText) : elsewhere.get(postText);
    for (let u = 0; u < parsed.unknown.length; u++) {
      issues.push(issue("unknown-post", placeOf(sheet, row.row, "post"), { text: parsed.unknown[u] }));
    }
    if (parsed.posts.length === 0) return;
    if (village === null) {
      for (const post of parsed.posts) {
        const spec = postSpec(post);
        if (spec.level === "village") {
          issues.push(
            issue("village-post-without-village", placeOf(sheet, row.row, "village"), { post: spec.vi }),
          );
        }
      }
    }
    out.push({
      fullName: text(v[at.fullName])!,
      posts: parsed.posts,
      postText,
      province: text(v[at.province]),
      district: districtOf(text(v[at.district])),
      commune: text(v[at.commune])!,
      village,
      personId: text(v[at.personId]),
      birthYear: count(v[at.birthYear]),
      gender: gender(row),
      ethnicity: text(v[at.ethnicity]),
      educationYears: education(row),
      professional: professional(row),
      politicalTheory: politicalTheory(row),
      trained: flag(v[at.trained]),
      termEnd: termEndOf(sheet, row, at.termEnd, issues),
      source,
      row: row.row,
    });
  });
  return out.toArray();
}

/**
 * The "Nhiệm kỳ đến" cell, read tolerantly like the other dates: a date (cell, serial, 15/6/2026,
 * 2026-06-15), a year (2026 → 31/12/2026), a month ("6/2026" → its last day) or a term
 * ("2020-2025", "2020 – 2025": its last year). Unreadable text is a bad-date issue.
 */
function termEndOf(sheet: SheetRead, row: RowFields, slot: number, issues: Issue[]): string | null {
  const raw = (row.fields[slot] ?? null) as CellValue;
  if (raw === null) return null;
  if (typeof raw === "number" && Number.isInteger(raw) && raw >= 1900 && raw <= 2200) return `${raw}-12-31`;
  const date = parseDateCell(raw);
  if (date) return date;
  const t = cellText(raw).trim();
  const year = /^(?:\d{4}\s*[-–—/]\s*)?(\d{4})$/.exec(t);
  if (year) return `${year[1]}-12-31`;
  const month = /^(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(t);
  if (month && Number(month[1]) >= 1 && Number(month[1]) <= 12) {
    const last = new Date(Date.UTC(Number(month[2]), Number(month[1]), 0));
    return last.toISOString().slice(0, 10);
  }
  if (t !== "") issues.push(issue("bad-date", placeOf(sheet, row.row, "termEnd"), { text: t }));
  return null;
}

const indicatorIndex = new Map<string, IndicatorId>();
for (const spec of INDICATORS) {
  for (const name of [
    spec.id,
    spec.vi,
    spec.en,
    spec.shortVi,
    spec.shortEn,
    ...(INDICATOR_ALIASES[spec.id] ?? []),
  ])
    indicatorIndex.set(foldKey(name), spec.id);
}

/**
 * Finds an indicator by id, by any of its labels or by a common short form, ignoring case,
 * diacritics and punctuation, a leading "Tỷ lệ" and a trailing "tổ dân phố".
 */
export function lookupIndicator(textValue: string): IndicatorId | null {
  const trimmed = textValue.trim();
  if (isIndicatorId(trimmed)) return trimmed;
  const key = foldKey(trimmed);
  const bare = key.replace(/^(?:tyle|tile)/, "").replace(/(?:todanpho|khoipho|ban)$/, "");
  return indicatorIndex.get(key) ?? indicatorIndex.get(bare) ?? null;
}

const LEVELS: Record<string, TargetLevel> = {
  tinh: "province",
  thanhphotructhuoctrunguong: "province",
  province: "province",
  huyen: "district",
  quan: "district",
  thixa: "district",
  district: "district",
  xa: "commune",
  phuong: "commune",
  thitran: "commune",
  dackhu: "commune",
  commune: "commune",
  ward: "commune",
};

export function targetRecords(sheet: SheetRead, issues: Issue[]): TargetRecord[] {
  const out: TargetRecord[] = [];
  const source = sourceOf(sheet);
  sheet.forEachRow((row) => {
    const v = (key: string): FieldValue | undefined => row.fields[sheet.slot(key)];
    const indicatorText = text(v("indicator"))!;
    const indicator = lookupIndicator(indicatorText);
    if (!indicator) {
      issues.push(issue("unknown-indicator", placeOf(sheet, row.row, "indicator"), { text: indicatorText }));
      return;
    }
    const levelText = text(v("level"));
    let level: TargetLevel | null = null;
    if (levelText !== null) {
      level = LEVELS[foldKey(levelText)] ?? null;
      if (!level) {
        issues.push(issue("bad-level", placeOf(sheet, row.row, "level"), { text: levelText }));
        return;
      }
    }
    const raw = v("target") as CellValue;
    const targetText = cellText(raw);
    // The one rule of the NTH functions (rateInput.ts): 0.9, 90%, 90, "trên 90%"; 1.2 is refused.
    const typed =
      typeof raw === "number" || typeof raw === "string"
        ? readRateInput(raw, true)
        : ({ problem: "unreadable" } as const);
    if (isRateProblem(typed)) {
      const place = placeOf(sheet, row.row, "target");
      issues.push(
        typed.problem === "ambiguous"
          ? issue("ambiguous-target", place, { text: targetText, value: typed.value })
          : // "-10%" or -0.1 is a readable number, just outside the range.
            issue(typed.problem === "outOfRange" ? "target-out-of-range" : "bad-target", place, {
              text: targetText,
            }),
      );
      return;
    }
    if (indicatorSpec(indicator).kind !== "proportion") {
      issues.push(issue("target-out-of-range", placeOf(sheet, row.row, "target"), { text: targetText }));
      return;
    }
    const comparatorText = text(v("comparator")) ?? "";
    const columnComparator = parseComparator(comparatorText);
    if (!columnComparator) {
      issues.push(issue("bad-comparator", placeOf(sheet, row.row, "comparator"), { text: comparatorText }));
      return;
    }
    // "trên 90%" in the target cell says the comparison itself; a So sánh column that says
    // otherwise is a warning, and the target cell's words are used.
    const written = typed.comparator;
    if (written && comparatorText !== "" && written !== columnComparator) {
      issues.push(
        issue("comparator-contradicts-target", placeOf(sheet, row.row, "comparator"), {
          target: targetText,
          comparator: comparatorText,
        }),
      );
    }
    const comparator = written ?? columnComparator;
    out.push({
      indicator,
      unit: text(v("unit")),
      level,
      target: typed.fraction,
      targetValue: fractionToNumber(typed.fraction),
      comparator,
      year: count(v("year")),
      quota: count(v("quota")),
      source,
      row: row.row,
    });
  });
  return out;
}

/**
 * Reads a date cell: an Excel date, a serial number, "15/9/2025" or "2025-09-15"; ISO yyyy-mm-dd or
 * null (also for a year alone, 2025, which is not a day).
 */
export function parseDateCell(value: CellValue): string | null {
  if (value === null) return null;
  if (typeof value === "object" && value.kind === "date") return value.iso.slice(0, 10);
  // A whole number 1900–2200 is a year typed alone ("2025"), not the serial of a day in 1905: unreadable.
  if (typeof value === "number" && Number.isInteger(value) && value >= 1900 && value <= 2200) return null;
  if (typeof value === "number" && value > 0 && value < 2958466) {
    // Excel serial date (1900 system): day 25569 is 1970-01-01.
    return new Date(Math.round((value - 25569) * 86400000)).toISOString().slice(0, 10);
  }
  if (typeof value !== "string") return null;
  const t = value.trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(t);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

/** "30/6/2025" from "2025-06-30", as the sheets show dates. */
function displayDay(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d}/${m}/${y}`;
}

function isoDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** Level words of the unit list beyond those of targets: a village's row (its merges and splits). */
const VILLAGE_LEVELS = new Set([
  "thon",
  "ban",
  "ap",
  "lang",
  "xom",
  "khoipho",
  "khupho",
  "todanpho",
  "village",
]);

/**
 * The items of a "Hình thành từ" cell: separated by ";", ",", "+", a line break or " và "
 * ("Xuân Hòa; Xuân Thượng", "xã Điện Quan, xã Thượng Hà và xã Minh Tân"), each trimmed.
 */
export function formedFromItems(value: string | null): string[] {
  if (!value) return [];
  return value
    .split(/[;,+\n]|\s+và\s+/u)
    .map((t) => t.trim().replace(/\.$/, "").trim())
    .filter((t) => t !== "");
}

/** The rows of a unit list (`Đơn vị`): expected units, and with the dated columns, the units' life cycle. */
export function expectedUnitRecords(sheet: SheetRead, issues: Issue[]): ExpectedUnitRecord[] {
  const out: ExpectedUnitRecord[] = [];
  const source = sourceOf(sheet);
  const date = (row: RowFields, key: string): string | null => {
    const raw = (row.fields[sheet.slot(key)] ?? null) as CellValue;
    const parsed = parseDateCell(raw);
    if (raw !== null && parsed === null) {
      issues.push(issue("bad-date", placeOf(sheet, row.row, key), { text: cellText(raw) }));
    }
    return parsed;
  };
  sheet.forEachRow((row) => {
    const v = (key: string): FieldValue | undefined => row.fields[sheet.slot(key)];
    const levelText = text(v("level"));
    let level: UnitListLevel | null = null;
    if (levelText !== null) {
      const key = foldKey(levelText);
      level = LEVELS[key] ?? (VILLAGE_LEVELS.has(key) ? "village" : null);
      if (!level) issues.push(issue("bad-level", placeOf(sheet, row.row, "level"), { text: levelText }));
    }
    const code =
      v("unitCode") === undefined || v("unitCode") === null
        ? null
        : cellText(v("unitCode") as CellValue).trim();
    const validFrom = date(row, "validFrom");
    const validTo = date(row, "validTo");
    if (validFrom !== null && validTo !== null && validTo < validFrom)
      issues.push(
        issue("unit-dates-reversed", placeOf(sheet, row.row, "validTo"), {
          unit: text(v("unit"))!,
          from: displayDay(validFrom),
          to: displayDay(validTo),
        }),
      );
    out.push({
      unit: text(v("unit"))!,
      level,
      province: text(v("province")),
      district: districtOf(text(v("district"))),
      deadline: date(row, "deadline"),
      code: code === "" ? null : code,
      parent: text(v("parent")),
      validFrom,
      validTo,
      formedFrom: formedFromItems(text(v("formedFrom"))),
      source,
      row: row.row,
    });
  });
  return out;
}
