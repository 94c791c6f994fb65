import { quoteSheetName } from "../core/a1";
import { FLAG_MARKS, FLAG_WORDS } from "../core/flags";
import { INDICATORS } from "../core/indicators";
import type { Message } from "../core/issues";
import { POSTS } from "../core/schema/posts";
import {
  OFFICE_HOLDERS,
  TARGETS,
  UNITS,
  VILLAGES,
  VILLAGE_TYPES,
  type SheetKind,
  type SheetSpec,
} from "../core/schema/sheets";
import type { Language } from "../core/summary";
import type { NewSheet, StandardSheetKind, ValidationRule } from "../port/writes";
import { foldKey } from "../core/text/normalize";
import {
  isSettingsSheetName,
  SETTING_NAMES,
  SETTINGS_SHEET_NAME,
  SETTINGS_SHEET_NAME_EN,
} from "../report/settingsSheet";

/**
 * The blank standard sheets a clerk can ask for, as a plain description (the session applies it
 * through Office.js): Villages, Office-holders and Targets as Excel tables with the canonical
 * headers, drop-down lists, number formats, frozen header rows and widths; a "Cài đặt báo cáo"
 * sheet for the report header block; a short instructions sheet. Nothing existing is replaced: a
 * kind already in the workbook is skipped, and a name already taken gets " (2)".
 */

export type { StandardSheetKind, ValidationRule, ColumnValidation, NewSheet } from "../port/writes";
export { headerAddress, validationRange } from "../port/writes";

export interface StandardSheetsPlan {
  readonly create: readonly NewSheet[];
  /** Kinds already in the workbook, with the sheet that holds each. */
  readonly skipped: readonly { readonly kind: StandardSheetKind; readonly sheet: string }[];
}

export interface ExistingWorkbook {
  readonly sheetNames: readonly string[];
  readonly tableNames: readonly string[];
  /** Standard sheets recognised by their headers (the reader's header detection), by kind. */
  readonly foundKinds: ReadonlyMap<SheetKind, string>;
  /** Whether a settings sheet ("Cài đặt báo cáo" / "Report settings") exists, and its name. */
  readonly settingsSheet: string | null;
  /** The add-in's instructions sheet, if one was made before. */
  readonly instructionsSheet: string | null;
}

/** The last row of a worksheet: validations cover a whole column below its header. */
const TABLE_STYLE = "TableStyleMedium2";
const MAX_SHEET_NAME = 31;

/** A sheet name not yet taken (compared without case, as in Excel): "Thôn", "Thôn (2)"… */
export function freeName(wanted: string, taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.toLocaleLowerCase()));
  for (let k = 1; ; k++) {
    const suffix = k === 1 ? "" : ` (${k})`;
    const name = wanted.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!used.has(name.toLocaleLowerCase())) return name;
  }
}

const DATA_SHEET_KEYS = new Set(
  [VILLAGES, OFFICE_HOLDERS, TARGETS, UNITS].flatMap((s) => [foldKey(s.vi), foldKey(s.en)]),
);

/**
 * Whether a sheet is one whose rows the add-in reads as data (Thôn, Cán bộ, Chỉ tiêu, Đơn vị, Cài
 * đặt báo cáo, in either language), as Excel names sheets: without regard to case (“THÔN”), and
 * with the “ (2)” that `freeName` adds when the plain name was taken (“Thôn (2)”).
 */
export function isStandardDataSheetName(name: string): boolean {
  const plain = name.replace(/\s*\(\d+\)\s*$/, "");
  return DATA_SHEET_KEYS.has(foldKey(plain)) || isSettingsSheetName(plain);
}

/** A table name not yet taken: "NTH_Thon", "NTH_Thon2"… */
export function freeTableName(wanted: string, taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.toLocaleLowerCase()));
  for (let k = 1; ; k++) {
    const name = k === 1 ? wanted : `${wanted}${k}`;
    if (!used.has(name.toLocaleLowerCase())) return name;
  }
}

const FLAG_LIST = ["Có", "Không"];
const say = (vi: string, en: string): Message => ({ vi, en });

/** The post names a clerk picks from, with the usual pairs held by one person. */
export const POST_CHOICES: readonly string[] = [
  ...POSTS.map((p) => p.vi),
  "Bí thư chi bộ kiêm Trưởng thôn",
  "Bí thư đảng ủy kiêm Chủ tịch UBND",
  "Bí thư đảng ủy kiêm Chủ tịch HĐND",
];

interface ColumnPlan {
  readonly key: string;
  readonly width: number;
  readonly format?: string;
  readonly rule?: ValidationRule;
  readonly prompt?: Message;
}

/** Widths and text format of the provenance columns the import adds (src/app/imports). */
const PROVENANCE_PLANS: readonly ColumnPlan[] = [
  { key: "sourceFile", width: 20, format: "@" },
  { key: "submittingUnit", width: 24, format: "@" },
  { key: "period", width: 12, format: "@" },
  { key: "importedAt", width: 16, format: "@" },
];

function dataSheet(
  spec: SheetSpec,
  name: string,
  tableName: string,
  language: Language,
  provenance: boolean,
  columnPlans: readonly ColumnPlan[],
): NewSheet {
  const columns = provenance ? [...spec.columns, ...(spec.provenance ?? [])] : spec.columns;
  const plans = provenance ? [...columnPlans, ...PROVENANCE_PLANS] : columnPlans;
  const header = columns.map((c) => (language === "en" ? c.en : c.vi));
  const index = (key: string): number => columns.findIndex((c) => c.key === key) + 1;
  const widths = columns.map((c) => plans.find((p) => p.key === c.key)?.width ?? 14);
  const formats = plans.filter((p) => p.format).map((p) => ({ column: index(p.key), format: p.format! }));
  const validations = plans
    .filter((p) => p.rule || p.prompt)
    .map((p) => ({ column: index(p.key), rule: p.rule, prompt: p.prompt ?? say("", "") }));
  return {
    kind: spec.kind as StandardSheetKind,
    name,
    rows: [header],
    table: { name: tableName, style: TABLE_STYLE },
    boldRows: [],
    titleRows: [],
    columnWidths: widths,
    columnFormats: formats,
    validations,
    freezeRows: 1,
    wrapColumns: [],
  };
}

const flagPrompt = say(
  `Chọn Có hoặc Không (cũng nhận: ${FLAG_WORDS.yes.slice(0, 4).join(", ")}…).`,
  "Pick Có (yes) or Không (no); x, 1, TRUE… are read too.",
);

function villagesSheet(name: string, table: string, language: Language, provenance: boolean): NewSheet {
  return dataSheet(VILLAGES, name, table, language, provenance, [
    { key: "province", width: 14 },
    { key: "district", width: 14 },
    { key: "commune", width: 16 },
    { key: "village", width: 18 },
    { key: "communeCode", width: 9, format: "@" },
    {
      key: "type",
      width: 12,
      rule: { kind: "list", values: VILLAGE_TYPES },
      prompt: say("Loại: thôn, bản, tổ dân phố…", "Type: thôn, bản, tổ dân phố…"),
    },
    { key: "hasOwnCell", width: 10, rule: { kind: "list", values: FLAG_LIST }, prompt: flagPrompt },
    {
      key: "partyMembers",
      width: 10,
      format: "0",
      rule: { kind: "wholeNumber", min: 0, max: 100000 },
      prompt: say("Số nguyên từ 0.", "A whole number from 0."),
    },
    { key: "secretary", width: 22 },
    { key: "head", width: 22 },
    { key: "frontHead", width: 22 },
    { key: "consolidated", width: 12, rule: { kind: "list", values: FLAG_LIST }, prompt: flagPrompt },
    { key: "notes", width: 24 },
  ]);
}

function officeHoldersSheet(name: string, table: string, language: Language, provenance: boolean): NewSheet {
  return dataSheet(OFFICE_HOLDERS, name, table, language, provenance, [
    { key: "fullName", width: 22 },
    {
      key: "post",
      width: 30,
      rule: { kind: "list", values: POST_CHOICES },
      prompt: say(
        "Chọn chức danh; hai chức danh của một người: “X kiêm Y”.",
        "Pick the post; two posts of one person: “X kiêm Y”.",
      ),
    },
    { key: "province", width: 14 },
    { key: "district", width: 14 },
    { key: "commune", width: 16 },
    { key: "village", width: 18 },
    { key: "personId", width: 11, format: "@" },
    {
      key: "birthYear",
      width: 9,
      format: "0",
      rule: { kind: "wholeNumber", min: 1900, max: 2100 },
      prompt: say("Năm sinh, ví dụ 1975.", "Birth year, e.g. 1975."),
    },
    {
      key: "gender",
      width: 9,
      rule: { kind: "list", values: ["Nam", "Nữ"] },
      prompt: say("Nam hoặc Nữ.", "Nam (male) or Nữ (female)."),
    },
    { key: "ethnicity", width: 11 },
    { key: "education", width: 11, format: "@", prompt: say("Ví dụ 12/12.", "E.g. 12/12.") },
    {
      key: "professional",
      width: 14,
      rule: { kind: "list", values: ["sơ cấp", "trung cấp", "cao đẳng", "đại học", "thạc sĩ", "tiến sĩ"] },
      prompt: say("Trình độ chuyên môn cao nhất.", "Highest professional qualification."),
    },
    {
      key: "politicalTheory",
      width: 14,
      rule: { kind: "list", values: ["sơ cấp", "trung cấp", "cao cấp", "cử nhân"] },
      prompt: say("Trình độ lý luận chính trị.", "Political theory level."),
    },
    { key: "trained", width: 12, rule: { kind: "list", values: FLAG_LIST }, prompt: flagPrompt },
  ]);
}

function targetsSheet(
  name: string,
  table: string,
  language: Language,
  indicatorList: string | null,
  provenance: boolean,
): NewSheet {
  return dataSheet(TARGETS, name, table, language, provenance, [
    {
      key: "indicator",
      width: 34,
      ...(indicatorList
        ? {
            rule: { kind: "listFormula", formula: indicatorList } as const,
            prompt: say(
              "Mã chỉ tiêu, ví dụ village_secretary_head (danh sách ở trang Hướng dẫn).",
              "Indicator id, e.g. village_secretary_head (listed on the instructions sheet).",
            ),
          }
        : {}),
    },
    { key: "unit", width: 18 },
    {
      key: "level",
      width: 9,
      rule: { kind: "list", values: ["tỉnh", "huyện", "xã"] },
      prompt: say("Để trống: mọi đơn vị.", "Empty: every unit."),
    },
    { key: "target", width: 10, format: "0%", prompt: say("Ví dụ 90%.", "E.g. 90%.") },
    {
      key: "comparator",
      width: 10,
      rule: { kind: "list", values: ["đạt", "trên"] },
      prompt: say("“đạt” là ≥, “trên” là >.", "“đạt” means ≥, “trên” means >."),
    },
    {
      key: "year",
      width: 8,
      format: "0",
      rule: { kind: "wholeNumber", min: 2000, max: 2100 },
      prompt: say("Năm, ví dụ 2025.", "Year, e.g. 2025."),
    },
  ]);
}

/**
 * The settings sheet: one row per header-block setting, its value empty (= the default from the
 * data) unless given in `values`.
 */
export function settingsSheet(
  name: string,
  language: Language,
  values: ReadonlyMap<keyof typeof SETTING_NAMES, string> = new Map(),
): NewSheet {
  const en = language === "en";
  const notes: Record<keyof typeof SETTING_NAMES, Message> = {
    parentBody: say("Dòng 1 góc trái, ví dụ ĐẢNG BỘ TỈNH LẠNG SƠN", "Line 1 top left"),
    issuingBody: say("Dòng 2 góc trái, ví dụ HUYỆN ỦY BÌNH GIA", "Line 2 top left"),
    place: say("Địa danh của dòng ngày tháng", "Place of the date line"),
    date: say("Ví dụ 19/9/2021; để trống: hôm nay", "E.g. 19/9/2021; empty: today"),
    period: say("Ví dụ: Số liệu đến ngày 15/9/2021", "E.g. Data as of 15/9/2021"),
    signingFor: say("Ví dụ T/M BAN THƯỜNG VỤ", "E.g. ON BEHALF OF THE STANDING COMMITTEE"),
    signerTitle: say("Ví dụ BÍ THƯ", "E.g. SECRETARY"),
    signerName: say("Họ tên người ký", "Signer's name"),
    preparerName: say("Họ tên người lập biểu", "Preparer's name"),
    style: say("Đảng hoặc Nhà nước", "party or state"),
    language: say("vi hoặc en", "vi or en"),
    provinceLayout: say("lồng nhau hoặc một cấp", "nested or flat"),
    quotaBasis: say(
      "Kế hoạch: chia theo thôn còn lại (mặc định) hoặc theo chỉ tiêu riêng của từng đơn vị",
      "Planning: split by villages still to consolidate (default) or by each unit's own target",
    ),
    recipients: say("Mỗi nơi nhận một dòng (Alt+Enter)", "One recipient per line (Alt+Enter)"),
    documentNumber: say("Số của văn bản, ví dụ 25; để trống: văn thư ghi", "Document number, e.g. 25"),
    attachedTo: say(
      "Ví dụ: Kèm theo Báo cáo số 25-BC/HU, ngày 19/9/2021 của Ban Thường vụ Huyện ủy",
      "E.g. Attached to report No. 25",
    ),
    secrecy: say("Để trống, hoặc MẬT, TỐI MẬT, TUYỆT MẬT", "Empty, or a secrecy mark"),
    urgency: say("Để trống, hoặc KHẨN, THƯỢNG KHẨN, HỎA TỐC", "Empty, or an urgency mark"),
  };
  const keys = Object.keys(SETTING_NAMES) as (keyof typeof SETTING_NAMES)[];
  // Two columns only: the sheet's reader takes the first filled cell after a name as its value, so
  // the guidance is each value cell's input message (shown when the cell is selected), not a column.
  const rows = [
    en ? ["Setting", "Value"] : ["Mục", "Giá trị"],
    ...keys.map((k) => [SETTING_NAMES[k][en ? 1 : 0], values.get(k) ?? ""]),
  ];
  const row = (k: keyof typeof SETTING_NAMES): number => keys.indexOf(k) + 2;
  const lists: Partial<Record<keyof typeof SETTING_NAMES, readonly string[]>> = {
    style: ["Đảng", "Nhà nước"],
    language: ["vi", "en"],
    provinceLayout: ["lồng nhau", "một cấp"],
    quotaBasis: ["thôn còn lại", "chỉ tiêu riêng"],
  };
  return {
    kind: "settings",
    name,
    rows,
    table: null,
    boldRows: [1],
    titleRows: [],
    columnWidths: [24, 60],
    columnFormats: [{ column: 2, format: "@" }],
    validations: keys.map((k) => ({
      column: 2,
      row: row(k),
      rule: lists[k] ? { kind: "list" as const, values: lists[k] } : undefined,
      prompt: notes[k],
    })),
    freezeRows: 1,
    wrapColumns: [2],
  };
}

/** Rows of the instructions sheet, and where the indicator ids are (for the Targets drop-down). */
function instructionsSheet(
  name: string,
  language: Language,
  names: { villages: string; officeHolders: string; targets: string; settings: string },
): { sheet: NewSheet; indicatorRange: string } {
  const en = language === "en";
  const rows: string[][] = [];
  const titles: number[] = [];
  const bold: number[] = [];
  const title = (s: string): void => {
    rows.push([s]);
    titles.push(rows.length);
  };
  const heading = (s: string): void => {
    rows.push([]);
    rows.push([s]);
    bold.push(rows.length);
  };
  const line = (...cells: string[]): void => {
    rows.push(cells);
  };
  title(en ? "How to fill in the standard sheets" : "Hướng dẫn nhập các trang chuẩn");
  line(
    en
      ? "One row per village in the villages sheet, one row per person and post in the office-holders sheet, one row per target in the targets sheet. Keep the header row; add rows below it."
      : "Mỗi thôn một dòng ở trang thôn, mỗi người mỗi chức danh một dòng ở trang cán bộ, mỗi chỉ tiêu một dòng ở trang chỉ tiêu. Giữ nguyên dòng tiêu đề, nhập từ dòng dưới.",
  );
  heading(en ? "The sheets" : "Các trang");
  line(
    names.villages,
    en
      ? "Villages: province, district (empty since 1/7/2025), commune, village, status."
      : "Danh sách thôn, tổ dân phố: tỉnh, huyện (để trống từ 1/7/2025), xã, thôn, bí thư, trưởng thôn, nhất thể hóa.",
  );
  line(
    names.officeHolders,
    en
      ? "Office-holders: name, post, commune, village, qualifications."
      : "Cán bộ: họ tên, chức danh, xã, thôn, trình độ.",
  );
  line(
    names.targets,
    en
      ? "Targets: indicator id, unit or level, target (90%), comparator."
      : "Chỉ tiêu: mã chỉ tiêu, đơn vị hoặc cấp, mục tiêu (90%), so sánh (đạt / trên).",
  );
  line(
    names.settings,
    en
      ? "Header block of the reports (issuing body, signer…); empty = from the data."
      : "Phần đầu và phần ký của báo cáo (cơ quan ban hành, người ký…); để trống: lấy theo dữ liệu.",
  );
  heading(en ? "Yes / no cells" : "Ô Có / Không");
  line(en ? "Yes" : "Có", [...FLAG_WORDS.yes, ...FLAG_MARKS.yes].join(", "));
  line(en ? "No" : "Không", [...FLAG_WORDS.no, ...FLAG_MARKS.no].join(", "));
  line(
    en ? "Empty" : "Để trống",
    en
      ? "The secretary's and head's names decide (same person = consolidated)."
      : "Xét theo tên bí thư và trưởng thôn (cùng một người là đã nhất thể hóa).",
  );
  heading(en ? "Posts" : "Chức danh");
  for (const p of POSTS) line(en ? p.en : p.vi, [p.vi, ...p.aliases.slice(0, 3)].join(", "));
  line("… kiêm …", en ? "Two posts of one person in one row." : "Hai chức danh của một người trên một dòng.");
  heading(en ? "Indicator ids (for the targets sheet)" : "Mã chỉ tiêu (dùng ở trang chỉ tiêu)");
  const first = rows.length + 1;
  for (const i of INDICATORS) line(i.id, en ? i.en : i.vi);
  const last = rows.length;
  const sheet: NewSheet = {
    kind: "instructions",
    name,
    rows,
    table: null,
    boldRows: bold,
    titleRows: titles,
    columnWidths: [34, 90],
    columnFormats: [],
    validations: [],
    freezeRows: 0,
    wrapColumns: [2],
  };
  const indicatorRange = `=${quoteSheetName(name)}!$A$${first}:$A$${last}`;
  return { sheet, indicatorRange };
}

/** The default sheet names, Vietnamese or English. */
export function standardSheetNames(language: Language): Record<StandardSheetKind, string> {
  return language === "en"
    ? {
        villages: VILLAGES.en,
        officeHolders: OFFICE_HOLDERS.en,
        targets: TARGETS.en,
        settings: SETTINGS_SHEET_NAME_EN,
        instructions: "Instructions",
      }
    : {
        villages: VILLAGES.vi,
        officeHolders: OFFICE_HOLDERS.vi,
        targets: TARGETS.vi,
        settings: SETTINGS_SHEET_NAME,
        instructions: "Hướng dẫn",
      };
}

/**
 * What to create in a workbook: every standard sheet whose kind is not there yet, under a free
 * name, with free table names. An instructions sheet is made once.
 */
export function planStandardSheets(
  existing: ExistingWorkbook,
  language: Language,
  /** With the provenance columns (Tệp nguồn, Đơn vị nộp…) after the data columns: sheets made for an import. */
  options: { readonly provenance?: boolean } = {},
): StandardSheetsPlan {
  const provenance = options.provenance === true;
  const wanted = standardSheetNames(language);
  const taken = [...existing.sheetNames];
  const tables = [...existing.tableNames];
  const skipped: { kind: StandardSheetKind; sheet: string }[] = [];
  const names: Partial<Record<StandardSheetKind, string>> = {};
  const order: StandardSheetKind[] = ["villages", "officeHolders", "targets", "settings", "instructions"];
  for (const kind of order) {
    const there =
      kind === "settings"
        ? existing.settingsSheet
        : kind === "instructions"
          ? existing.instructionsSheet
          : (existing.foundKinds.get(kind) ?? null);
    if (there) {
      skipped.push({ kind, sheet: there });
      continue;
    }
    names[kind] = freeName(wanted[kind], taken);
    taken.push(names[kind]!);
  }
  const shown = (kind: StandardSheetKind): string =>
    names[kind] ?? skipped.find((s) => s.kind === kind)?.sheet ?? wanted[kind];
  const instructions = names.instructions
    ? instructionsSheet(names.instructions, language, {
        villages: shown("villages"),
        officeHolders: shown("officeHolders"),
        targets: shown("targets"),
        settings: shown("settings"),
      })
    : null;
  const table = (base: string): string => {
    const name = freeTableName(base, tables);
    tables.push(name);
    return name;
  };
  const create: NewSheet[] = [];
  if (names.villages) create.push(villagesSheet(names.villages, table("NTH_Thon"), language, provenance));
  if (names.officeHolders)
    create.push(officeHoldersSheet(names.officeHolders, table("NTH_CanBo"), language, provenance));
  if (names.targets)
    create.push(
      targetsSheet(
        names.targets,
        table("NTH_ChiTieu"),
        language,
        instructions?.indicatorRange ?? null,
        provenance,
      ),
    );
  if (names.settings) create.push(settingsSheet(names.settings, language));
  if (instructions) create.push(instructions.sheet);
  return { create, skipped };
}
