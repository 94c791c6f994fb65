import type { Rollup, TotalRollup, UnitRollup } from "../core/rollup/types";
import type { Language } from "../core/summary";
import { periodOfText } from "../core/read/period";
import type { QuotaBasis } from "../core/plan/plan";
import { kindWordEn, kindWordVi, reportScope, unitKind, type ReportScope, type UnitKind } from "./scope";

/** Party documents (Guidance 36-HD/VPTW) or state documents (Decree 30/2020/NĐ-CP). */
export type DocumentStyle = "party" | "state";
/** A province with districts: district subtotal rows with their communes under them, or districts only. */
export type ProvinceLayout = "nested" | "flat";

export interface ReportDate {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  readonly day: number;
}

/** Everything the header block, signature block and table layout need beyond the data. */
export interface ReportSettings {
  readonly language: Language;
  readonly style: DocumentStyle;
  readonly provinceLayout: ProvinceLayout;
  /**
   * How the planning sheet splits a unit's shortfall among its children: in proportion to each
   * child's room (villages not yet consolidated, the default) or to each child's own shortfall.
   */
  readonly quotaBasis: QuotaBasis;
  /** Line 1 top left, capitals (e.g. "ĐẢNG BỘ TỈNH LẠNG SƠN"); may be empty. */
  readonly parentBody: string;
  /** Line 2 top left, bold capitals (e.g. "HUYỆN ỦY BÌNH GIA"). */
  readonly issuingBody: string;
  /** Place name of the place-and-date line ("Bình Gia"). */
  readonly place: string;
  readonly date: ReportDate;
  /** Reporting period under the title, italics, e.g. "(Số liệu đến ngày 15/9/2021)". */
  readonly period: string;
  /** "T/M BAN THƯỜNG VỤ", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"… */
  readonly signingFor: string;
  /** "BÍ THƯ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "CHỦ TỊCH"… */
  readonly signerTitle: string;
  readonly signerName: string;
  readonly preparerName: string;
  /** "Nơi nhận" lines, without the leading "- ". */
  readonly recipients: readonly string[];
  /**
   * The number and symbol line under the issuing body ("Số 25-BC/HU"); the number is left blank
   * ("Số     -BC/HU") for the office to write when it registers the document, unless given.
   */
  readonly documentNumber: string;
  /**
   * The line under an annex's title saying which document it goes with ("Kèm theo Báo cáo số
   * 25-BC/HU, ngày 19/9/2021 của Ban Thường vụ Huyện ủy"); empty = none. Printed on the named
   * annex, and under every table's title when set.
   */
  readonly attachedTo: string;
  /** Secrecy mark (optional component): "MẬT", "TỐI MẬT", "TUYỆT MẬT"; empty = none. */
  readonly secrecy: string;
  /** Urgency mark (optional component): "KHẨN", "THƯỢNG KHẨN", "HỎA TỐC"; empty = none. */
  readonly urgency: string;
}

/** What the data itself says that the defaults follow (beyond the rollup). */
export interface DataDefaults {
  /** The period phrase the data states (a title row of the villages sheet, the submissions' period). */
  readonly period?: string | null;
}

/** Settings as given (a settings sheet, CLI options, the task pane): anything left out gets its default. */
export type ReportSettingsInput = { -readonly [K in keyof ReportSettings]?: ReportSettings[K] };

export function dateOf(d: Date): ReportDate {
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}

const upper = (s: string): string => s.toLocaleUpperCase("vi");

/** "Đồng chí", "Đ/c", "Đ.c", "đc" before a name (with or without a space after "Đ/c"). */
const COMRADE = /^(?:đồng\s+chí\s+|đ\s*[/.]\s*c\b\.?\s*|đ\s*[/.]\s*c(?=\p{Lu})|đc\s+)/iu;

/**
 * A name under a signature: written without "Đồng chí" or "Đ/c", which a clerk may type from habit
 * ("Đ/c Hoàng Văn Minh" signs as "Hoàng Văn Minh"). "Ông"/"Bà" are kept: "Ông" is also a surname.
 */
export function signatureName(name: string): string {
  const t = name.trim().normalize("NFC").replace(/\s+/g, " ");
  const rest = t.replace(COMRADE, "").trim();
  return rest.includes(" ") ? rest : t;
}

/**
 * A place name as a sentence writes it: a name typed all in capitals or all in lower case
 * ("YÊN LỖ", "yên lỗ", "VI HƯƠNG") gets a capital per syllable ("Yên Lỗ", "Vi Hương"); a ward
 * numbered in Roman numerals stays in capitals ("IV"); a name in mixed case is kept as written.
 */
export function placeName(bare: string): string {
  const lower = bare.toLocaleLowerCase("vi");
  if (bare !== upper(bare) && bare !== lower) return bare;
  // A lone Roman numeral is a ward's number; "Vi" in "Vi Hương" is a syllable.
  if (/^[ivxl]+$/.test(lower)) return upper(bare);
  return lower
    .split(" ")
    .map((w) => w.charAt(0).toLocaleUpperCase("vi") + w.slice(1))
    .join(" ");
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * The place-and-date line. Vietnamese administrative style writes a leading zero on days below 10
 * and on the months January and February ("ngày 05 tháng 02 năm 2024", "ngày 19 tháng 9 năm 2021").
 */
export function placeAndDate(place: string, date: ReportDate, language: Language): string {
  if (language === "en") {
    const month = new Date(Date.UTC(2000, date.month - 1, 1)).toLocaleString("en-GB", {
      month: "long",
      timeZone: "UTC",
    });
    return `${place ? `${place}, ` : ""}${date.day} ${month} ${date.year}`;
  }
  const day = pad2(date.day);
  const month = date.month <= 2 ? pad2(date.month) : String(date.month);
  return `${place ? `${place}, ` : ""}ngày ${day} tháng ${month} năm ${date.year}`;
}

/** "19/9/2021" in Vietnamese, "19/09/2021" in English. */
export function shortDate(date: ReportDate, language: Language): string {
  return language === "en"
    ? `${pad2(date.day)}/${pad2(date.month)}/${date.year}`
    : `${date.day}/${date.month}/${date.year}`;
}

function partyBodyVi(kind: UnitKind, bare: string): string {
  switch (kind) {
    case "province":
      return `TỈNH ỦY ${upper(bare)}`;
    case "centralCity":
    case "provincialCity":
      return `THÀNH ỦY ${upper(bare)}`;
    case "district":
      return `HUYỆN ỦY ${upper(bare)}`;
    case "urbanDistrict":
      return `QUẬN ỦY ${upper(bare)}`;
    case "town":
      return `THỊ ỦY ${upper(bare)}`;
    default:
      return `ĐẢNG ỦY ${upper(kindWordVi(kind))} ${upper(bare)}`;
  }
}

function organisationVi(kind: UnitKind, bare: string): string {
  return `ĐẢNG BỘ ${upper(kindWordVi(kind))} ${upper(bare)}`;
}

function partyBodyEn(kind: UnitKind, bare: string): string {
  const word =
    kind === "province"
      ? "PROVINCIAL"
      : kind === "centralCity" || kind === "provincialCity"
        ? "CITY"
        : upper(kindWordEn(kind));
  return `${upper(bare)} ${word} PARTY COMMITTEE`;
}

function organisationEn(kind: UnitKind, bare: string): string {
  const word =
    kind === "province"
      ? "PROVINCIAL"
      : kind === "centralCity" || kind === "provincialCity"
        ? "CITY"
        : upper(kindWordEn(kind));
  return `${upper(bare)} ${word} PARTY ORGANISATION`;
}

interface Named {
  kind: UnitKind;
  bare: string;
}

function named(unit: UnitRollup): Named {
  return unitKind(unit.level, unit.name);
}

/** The day the district level was abolished (chính quyền địa phương hai cấp, 1 July 2025). */
const TWO_TIER_REFORM: ReportDate = { year: 2025, month: 7, day: 1 };

/** True when a report dated `date` is dated on or after 1 July 2025: communes then answer to the province. */
export function afterTwoTierReform(date: ReportDate): boolean {
  const key = (d: ReportDate): number => d.year * 10000 + d.month * 100 + d.day;
  return key(date) >= key(TWO_TIER_REFORM);
}

/**
 * The parent of the submitting unit, found by level in the rollup even when the scope skipped it.
 * A commune's report dated on or after 1 July 2025 answers to its province, not to a district its
 * rows still name: no district body exists after the reform.
 */
function parentNamed(scope: ReportScope, rollup: Rollup, date: ReportDate): Named | null {
  const unit = scope.unit;
  if (unit.level === "total" || unit.level === "province") return null;
  const byId = new Map(rollup.units.map((u) => [u.id, u]));
  let parent = unit.parentId ? byId.get(unit.parentId) : undefined;
  if (parent && parent.level === "district" && unit.level === "commune" && afterTwoTierReform(date))
    parent = parent.parentId ? byId.get(parent.parentId) : undefined;
  return parent ? named(parent) : null;
}

function defaultBodies(
  scope: ReportScope,
  rollup: Rollup,
  style: DocumentStyle,
  language: Language,
  date: ReportDate,
): [string, string] {
  const unit: UnitRollup | TotalRollup = scope.unit;
  if (unit.level === "total") {
    if (style === "state") return ["", language === "en" ? "GOVERNMENT OF VIETNAM" : "CHÍNH PHỦ"];
    return language === "en"
      ? ["CENTRAL COMMITTEE", "ORGANISATION COMMISSION"]
      : ["BAN CHẤP HÀNH TRUNG ƯƠNG", "BAN TỔ CHỨC"];
  }
  const self = named(unit);
  const parent = parentNamed(scope, rollup, date);
  if (style === "state") {
    return language === "en"
      ? ["", `PEOPLE'S COMMITTEE OF ${upper(self.bare)} ${upper(kindWordEn(self.kind))}`]
      : ["", `ỦY BAN NHÂN DÂN ${upper(kindWordVi(self.kind))} ${upper(self.bare)}`];
  }
  if (language === "en") {
    return [parent ? organisationEn(parent.kind, parent.bare) : "", partyBodyEn(self.kind, self.bare)];
  }
  return [parent ? organisationVi(parent.kind, parent.bare) : "", partyBodyVi(self.kind, self.bare)];
}

/** "Tỉnh ủy", "Huyện ủy", "Đảng ủy": a party committee's name without its place, as recipients lists write it. */
function committeeWordVi(kind: UnitKind): string {
  switch (kind) {
    case "province":
      return "Tỉnh ủy";
    case "centralCity":
    case "provincialCity":
      return "Thành ủy";
    case "district":
      return "Huyện ủy";
    case "urbanDistrict":
      return "Quận ủy";
    case "town":
      return "Thị ủy";
    default:
      return "Đảng ủy";
  }
}

function defaultRecipients(
  scope: ReportScope,
  rollup: Rollup,
  style: DocumentStyle,
  language: Language,
  date: ReportDate,
): string[] {
  const unit = scope.unit;
  if (language === "en") {
    if (style === "state") return ["As above;", "Archive."];
    return unit.level === "total"
      ? ["The Secretariat (for report),", "Archive: office."]
      : ["Organisation committee of the level above (for report),", "Archive: office."];
  }
  if (style === "state") return ["Như trên;", "Lưu: VT."];
  if (unit.level === "total") return ["Ban Bí thư (để b/c),", "Lưu Văn phòng."];
  const self = named(unit);
  const parent = parentNamed(scope, rollup, date);
  const above =
    unit.level === "province"
      ? "Ban Tổ chức Trung ương"
      : `Ban Tổ chức ${parent ? committeeWordVi(parent.kind) : "cấp trên"}`;
  return [`${above} (để b/c),`, `Lưu Văn phòng ${committeeWordVi(self.kind)}.`];
}

/** The symbol of a party committee in a document number ("HU" in "Số 25-BC/HU"). */
function committeeSymbol(kind: UnitKind | "total"): string {
  switch (kind) {
    case "total":
      return "BTCTW";
    case "province":
    case "centralCity":
    case "provincialCity":
      return "TU";
    case "district":
      return "HU";
    case "urbanDistrict":
      return "QU";
    case "town":
      return "TXU";
    default:
      return "ĐU";
  }
}

/** Room left for the office to write the document's number by hand. */
const NUMBER_ROOM = "\u00a0".repeat(6);

/**
 * The number and symbol line: "Số 25-BC/HU" (party) or "Số: 25/BC-UBND" (state). `given` may be
 * the number alone ("25") or the whole line ("Số 25-BC/HU", written as given).
 */
export function documentNumberLine(
  given: string | undefined,
  scope: ReportScope,
  style: DocumentStyle,
  language: Language,
): string {
  const g = (given ?? "").trim();
  if (g !== "" && !/^\d+[a-z]?$/i.test(g)) return g;
  const number = g === "" ? NUMBER_ROOM : g;
  if (language === "en") return `No. ${number}`;
  if (style === "state") return `Số: ${number}/BC-UBND`;
  const kind = scope.unit.level === "total" ? "total" : named(scope.unit as UnitRollup).kind;
  return `Số ${number}-BC/${committeeSymbol(kind)}`;
}

/**
 * The period line from the data's phrase: "(Số liệu đến 30/6/2025)" as written (first letter in
 * capitals, in parentheses); a bare period such as a manifest's "Quý III/2021" is labelled
 * "(Kỳ báo cáo: Quý III/2021)". A parenthesis the phrase opens is closed ("… 30/6/2025 (so với
 * 31/12/2024" as a title row's phrase comes). In English a phrase with a cut-off date is
 * "(Data as of 30/06/2025)", never the Vietnamese words; one without keeps the clerk's words
 * under "Reporting period:".
 */
export function periodLine(phrase: string, language: Language): string {
  let t = phrase
    .trim()
    .replace(/^\((.*)\)$/s, "$1")
    .trim();
  const open = (t.match(/\(/g) ?? []).length - (t.match(/\)/g) ?? []).length;
  if (open > 0) t += ")".repeat(open);
  const parsed = periodOfText(t);
  if (language === "en") {
    if (parsed?.date) return `(Data as of ${shortDate(parsed.date, language)})`;
    return `(Reporting period: ${t.replace(/^kỳ báo cáo\s*:\s*/iu, "")})`;
  }
  // A bare period ("Quý II/2025", "6 tháng đầu năm 2025", "tháng 6/2025") is labelled as one.
  const cued = parsed !== null && !/^(quý|quy|tháng|thang|sáu|sau|chín|chin|\d)/iu.test(t.normalize("NFC"));
  if (cued) return `(${t.charAt(0).toLocaleUpperCase("vi")}${t.slice(1)})`;
  return `(Kỳ báo cáo: ${t})`;
}

/**
 * The settings for a rollup: what was given, and for everything else defaults derived from the
 * data (the submitting unit names the issuing body, its parent the parent body, its bare name the
 * place; the period the data states) and from `today` (the date, and the period when the data
 * states none).
 */
export function resolveSettings(
  rollup: Rollup,
  input: ReportSettingsInput,
  today: ReportDate,
  data: DataDefaults = {},
): ReportSettings {
  const language = input.language ?? "vi";
  const style = input.style ?? "party";
  const scope = reportScope(rollup);
  const date = input.date ?? today;
  const [parentBody, issuingBody] = defaultBodies(scope, rollup, style, language, date);
  const place = scope.unit.level === "total" ? "Hà Nội" : placeName(named(scope.unit).bare);
  const en = language === "en";
  return {
    language,
    style,
    provinceLayout: input.provinceLayout ?? "nested",
    quotaBasis: input.quotaBasis ?? "room",
    parentBody: input.parentBody ?? parentBody,
    issuingBody: input.issuingBody ?? issuingBody,
    place: input.place ?? place,
    date,
    period:
      input.period ??
      (data.period
        ? periodLine(data.period, language)
        : en
          ? `(Data as of ${shortDate(date, language)})`
          : `(Số liệu đến ngày ${shortDate(date, language)})`),
    signingFor:
      input.signingFor ??
      (style === "state"
        ? en
          ? "ON BEHALF OF THE PEOPLE'S COMMITTEE"
          : "TM. ỦY BAN NHÂN DÂN"
        : en
          ? "ON BEHALF OF THE STANDING COMMITTEE"
          : "T/M BAN THƯỜNG VỤ"),
    signerTitle:
      input.signerTitle ?? (style === "state" ? (en ? "CHAIR" : "CHỦ TỊCH") : en ? "SECRETARY" : "BÍ THƯ"),
    signerName: signatureName(input.signerName ?? ""),
    preparerName: signatureName(input.preparerName ?? ""),
    recipients: input.recipients ?? defaultRecipients(scope, rollup, style, language, date),
    documentNumber: documentNumberLine(input.documentNumber, scope, style, language),
    attachedTo: input.attachedTo ?? "",
    secrecy: (input.secrecy ?? "").trim().toLocaleUpperCase("vi"),
    urgency: (input.urgency ?? "").trim().toLocaleUpperCase("vi"),
  };
}
