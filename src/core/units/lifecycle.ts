import { a1 } from "../a1";
import { issue, type Issue } from "../issues";
import type { ExpectedUnitRecord, VillageRecord } from "../model";
import { nameKey, unitKey } from "../text/normalize";
import { codeOf, displayDate, parseReference } from "./unitList";

/**
 * The village life cycle: merges and splits with their dates, from the unit list's village rows
 * (level "thôn") and from the Villages sheet's "Ghi chú" cells ("sáp nhập vào thôn Nà Lìn từ
 * 1/1/2026", "đã sáp nhập", "tách thành Thôn 5A, Thôn 5B"). A village merged or split away leaves
 * the denominator from that date. Pure.
 */

export type VillageEventKind = "merged" | "split";

export interface VillageEvent {
  readonly kind: VillageEventKind;
  /** The village that ends, as written. */
  readonly village: string;
  readonly province: string | null;
  readonly district: string | null;
  /** Its commune, as written (null when a unit-list row names no parent). */
  readonly commune: string | null;
  /** The villages it went into, as written (may be empty: "đã sáp nhập"). */
  readonly into: readonly string[];
  /** ISO date from which it no longer exists, or null when not said. */
  readonly date: string | null;
  /** Where it was said: a Ghi chú cell, or a unit-list row. */
  readonly place: { readonly file: string; readonly sheet: string; readonly cell: string };
}

/** Lower case without diacritics, đ → d, for matching the words of a note whatever the typing. */
function plain(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

const DATE = /(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/;

function isoOf(day: number, month: number, year: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}

/** The names after "vào" / "thành" in the note as written: up to a date cue, split on "," ";" "và". */
function namesAfter(original: string, plainText: string, cue: RegExp): string[] {
  const m = cue.exec(plainText);
  if (!m) return [];
  // Plain text keeps the length of the original only without combining marks: map by word positions.
  const words = original.normalize("NFC").replace(/\s+/g, " ").trim().split(" ");
  const plainWords = plainText.split(" ");
  const before = plainText
    .slice(0, m.index + m[0].length)
    .trim()
    .split(" ").length;
  let tail = plainWords.slice(before);
  const stop = tail.findIndex(
    (w, i) =>
      DATE.test(w) ||
      /^\(?(ngay|theo|ke)$/.test(w) ||
      (/^\(?tu$/.test(w) && (DATE.test(tail[i + 1] ?? "") || tail[i + 1] === "ngay")),
  );
  const count = stop < 0 ? tail.length : stop;
  tail = words.slice(before, before + count);
  return tail
    .join(" ")
    .split(/[;,]|\svà\s/u)
    .map((t) =>
      t
        .trim()
        .replace(/[.;:)(]+$/u, "")
        .trim(),
    )
    .filter((t) => t !== "");
}

/**
 * What a Ghi chú cell says about the village's life: merged away ("sáp nhập vào …", "đã sáp
 * nhập", "sát nhập" as often typed, "hợp nhất vào …") or split ("tách thành …", "chia thành …"),
 * with the first date it names; null when it says neither. "Sáp nhập từ A và B" (this village was
 * formed from others), "đã sáp nhập thôn X" (it took X in) and a change denied or only planned
 * ("không / chưa / dự kiến / đề nghị … sáp nhập vào") are not an end: null.
 */
export function noteEvent(
  note: string,
): { kind: VillageEventKind; into: string[]; date: string | null } | null {
  const p = plain(note);
  const dateMatch = DATE.exec(p);
  const date = dateMatch ? isoOf(Number(dateMatch[1]), Number(dateMatch[2]), Number(dateMatch[3])) : null;
  const into = /\b(?:sap nhap|sat nhap|hop nhat) (?:vao|voi)\b/;
  if (into.test(p))
    return notYet(note, into) ? null : { kind: "merged", into: namesAfter(note, p, into), date };
  // "Đã sáp nhập" alone, or followed by its date ("từ ngày 1/7/2025", "năm 2019", "(2019)"); not
  // "đã sáp nhập thôn X (vào)" nor "sáp nhập từ A và B": there this village took the others in.
  const done = /\bda (?:sap nhap|sat nhap|hop nhat)\b/.exec(p);
  if (done) {
    const rest = p.slice(done.index + done[0].length).trim();
    const ends =
      rest === "" || /^[(.,;:-]/.test(rest) || /^(?:tu\s+)?(?:ngay\b|nam\b|thang\b|theo\b|\d)/.test(rest);
    if (ends && !notYet(note, /\bda (?:sap nhap|sat nhap|hop nhat)\b/))
      return { kind: "merged", into: [], date };
  }
  const split = /\b(?:tach|chia) thanh\b/;
  if (split.test(p))
    return notYet(note, split) ? null : { kind: "split", into: namesAfter(note, p, split), date };
  return null;
}

/** Words that make a merge or split not (yet) done: "không", "chưa", "dự kiến", "đề nghị", "sẽ", "kế hoạch"… */
const NOT_YET =
  /(?:^|[^\p{L}])(?:không|chưa|dự kiến|đề nghị|đề xuất|sẽ|kế hoạch|phương án|chuẩn bị|khong|du kien|de nghi|de xuat|ke hoach)(?=$|[^\p{L}])/u;

/** True when the clause of `note` that holds `cue` says the change is denied or only planned. */
function notYet(note: string, cue: RegExp): boolean {
  const clauses = note
    .normalize("NFC")
    .toLowerCase()
    .split(/[.;,()]/u);
  const clause = clauses.find((c) => cue.test(plain(c)));
  if (clause === undefined) return false;
  const m = cue.exec(plain(clause))!;
  // Only the words before the cue (the clause's plain text keeps its word count).
  const words = clause.replace(/\s+/g, " ").trim().split(" ");
  const before = plain(clause).slice(0, m.index).trim();
  const count = before === "" ? 0 : before.split(" ").length;
  return NOT_YET.test(words.slice(0, count).join(" "));
}

/** The events the unit list's village rows state: a row formed from others ends them (unless it keeps a name), a row with a valid-to ends itself. */
export function listEvents(rows: readonly ExpectedUnitRecord[]): VillageEvent[] {
  // "Trực thuộc" may give the commune by its code: the events name it by the commune's name.
  const communeByCode = new Map<string, string>();
  for (const r of rows) {
    const code = codeOf(r.code);
    if (code && r.level !== "village") communeByCode.set(code, r.unit);
  }
  const parentOf = (r: ExpectedUnitRecord): string | null => {
    const code = codeOf(r.parent);
    return (code ? communeByCode.get(code) : undefined) ?? r.parent ?? null;
  };
  const villages = rows.filter((r) => r.level === "village").map((r) => ({ ...r, parent: parentOf(r) }));
  const out: VillageEvent[] = [];
  const placeOf = (r: ExpectedUnitRecord, key: string): VillageEvent["place"] => ({
    file: r.source.file,
    sheet: r.source.sheet,
    cell: a1(r.row, r.source.columns.get(key) ?? 1),
  });
  // Who each ended village went into: every row that names it in "Hình thành từ", same commune.
  // The name of the ended village as the first of those rows wrote it, and its name key, are kept
  // with them: a key is never split back into its parts (a commune or village name may hold the
  // separator: "Đ/c", "Thôn 1/2").
  const successors = new Map<string, { name: string; ended: string; next: ExpectedUnitRecord[] }>();
  const keyOf = (commune: string | null, village: string): string =>
    JSON.stringify([commune ? unitKey("commune", commune) : "", nameKey(village)]);
  for (const r of villages) {
    for (const item of r.formedFrom ?? []) {
      const ref = parseReference(item);
      if (ref.code) continue;
      const k = keyOf(r.parent ?? null, ref.name);
      const found = successors.get(k);
      if (found) found.next.push(r);
      else successors.set(k, { name: ref.name, ended: nameKey(ref.name), next: [r] });
    }
  }
  for (const { name, ended, next } of successors.values()) {
    const first = next[0];
    // "Thôn 1" formed from Thôn 1 and Thôn 2: Thôn 1 goes on, Thôn 2 ends.
    if (next.some((n) => nameKey(n.unit) === ended)) continue;
    const dates = next.map((n) => n.validFrom).filter((d): d is string => !!d);
    out.push({
      kind: next.length > 1 ? "split" : "merged",
      village: name,
      province: first.province,
      district: first.district,
      commune: first.parent ?? null,
      into: next.map((n) => n.unit),
      date: dates.length > 0 ? dates.sort()[0] : null,
      place: placeOf(first, "formedFrom"),
    });
  }
  for (const r of villages) {
    if (!r.validTo) continue;
    if (out.some((e) => keyOf(e.commune, e.village) === keyOf(r.parent ?? null, r.unit))) continue;
    const day = new Date(`${r.validTo}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() + 1);
    out.push({
      kind: "merged",
      village: r.unit,
      province: r.province,
      district: r.district,
      commune: r.parent ?? null,
      into: [],
      date: day.toISOString().slice(0, 10),
      place: placeOf(r, "validTo"),
    });
  }
  return out;
}

/**
 * The events the Villages sheet's notes state, one per village whose Ghi chú says it ended. Notes
 * repeat ("Chi bộ ghép" on thousands of rows): a text found to state no event is not parsed again
 * (`noteEvent` depends on the text alone).
 */
export function noteEvents(villages: readonly VillageRecord[]): VillageEvent[] {
  const out: VillageEvent[] = [];
  const noEvent = new Set<string>();
  // By index: this runs once per analysis, and a `for … of` not yet optimised makes an iterator
  // result per village (4 MB in a country).
  for (let i = 0; i < villages.length; i++) {
    const v = villages[i];
    if (!v.notes || noEvent.has(v.notes)) continue;
    const e = noteEvent(v.notes);
    if (!e) {
      noEvent.add(v.notes);
      continue;
    }
    out.push({
      ...e,
      village: v.village,
      province: v.province,
      district: v.district,
      commune: v.commune,
      place: {
        file: v.source.file,
        sheet: v.source.sheet,
        cell: a1(v.row, v.source.columns.get("notes") ?? 1),
      },
    });
  }
  return out;
}

/** True when the event is about this village (same commune when the event names one). */
export function eventIsAbout(e: VillageEvent, v: Pick<VillageRecord, "commune" | "village">): boolean {
  return (
    nameKey(e.village) === nameKey(v.village) &&
    (e.commune === null || unitKey("commune", e.commune) === unitKey("commune", v.commune))
  );
}

/** The event in effect on `date` (ISO; null: every event): one without a date, or dated on or before it. */
export function inEffect(e: VillageEvent, date: string | null): boolean {
  return date === null || e.date === null || e.date <= date;
}

export interface LifeCycle {
  /** The villages that still count on the date. */
  readonly kept: readonly VillageRecord[];
  /** The villages that left the denominator, each with the event that ended it. */
  readonly ended: readonly { readonly village: VillageRecord; readonly event: VillageEvent }[];
  /** Every event known (notes and unit list), for the comparison's notes. */
  readonly events: readonly VillageEvent[];
  /** One information line per village that left the denominator. */
  readonly issues: readonly Issue[];
}

/**
 * Applies the village life cycle on `date`: a village merged or split away on or before it no
 * longer counts (an information line names it and where it went); on a later date it still does.
 */
export function applyLifeCycle(
  villages: readonly VillageRecord[],
  list: readonly ExpectedUnitRecord[],
  date: string | null,
): LifeCycle {
  const events = [...noteEvents(villages), ...listEvents(list)];
  if (events.length === 0) return { kept: villages, ended: [], events, issues: [] };
  const kept: VillageRecord[] = [];
  const ended: { village: VillageRecord; event: VillageEvent }[] = [];
  const issues: Issue[] = [];
  // A unit-list row naming no commune ("Thôn 1", no "Trực thuộc") applies only where its name is
  // unique: such names repeat from commune to commune, and ending them all would be silent harm.
  const ambiguous = new Set<VillageEvent>();
  for (const e of events) {
    if (e.commune !== null) continue;
    const communes = new Set(
      villages
        .filter((v) => nameKey(v.village) === nameKey(e.village))
        .map((v) => unitKey("commune", v.commune)),
    );
    if (communes.size > 1) ambiguous.add(e);
  }
  for (const e of ambiguous) issues.push(issue("village-event-ambiguous", e.place, { village: e.village }));
  for (const v of villages) {
    const event = events.find((e) => !ambiguous.has(e) && eventIsAbout(e, v) && inEffect(e, date));
    if (!event) {
      kept.push(v);
      continue;
    }
    ended.push({ village: v, event });
    issues.push(
      issue(
        "village-ended",
        {
          file: v.source.file,
          sheet: v.source.sheet,
          cell: a1(v.row, v.source.columns.get("village") ?? 1),
        },
        {
          village: v.village,
          commune: v.commune,
          merged: event.kind === "merged",
          into: event.into.join(", "),
          date: event.date ? displayDate(event.date) : "",
        },
      ),
    );
  }
  return { kept, ended, events, issues };
}
