import type { Issue } from "./issues";
import type { Comparator, ExactFraction } from "./targets";
import type { PostId } from "./schema/posts";

/**
 * The sheet a record came from: file, sheet and the Excel column of each field. One object per sheet,
 * shared by all of that sheet's records (each record carries its own `row` beside it): a source
 * object per record was 392,000 objects at country size, living until the reports are written.
 */
export interface SheetSource {
  readonly file: string;
  readonly sheet: string;
  /** Excel column number of each field present in the sheet, by field key. */
  readonly columns: ReadonlyMap<string, number>;
}

/** Where one row came from: its sheet's source and its 1-based Excel row (`rowSourceOf` makes one). */
export interface RowSource extends SheetSource {
  /** 1-based Excel row. */
  readonly row: number;
}

/** What every record carries: the source of its sheet, shared, and its own row. */
export interface FromRow {
  /** The sheet the record was read from (one object for all of the sheet's records). */
  readonly source: SheetSource;
  /** 1-based Excel row of the record in that sheet. */
  readonly row: number;
}

/** A record's place as one object (file, sheet, row, columns), for the few that keep it apart from the record. */
export function rowSourceOf(record: FromRow): RowSource {
  const { file, sheet, columns } = record.source;
  return { file, sheet, row: record.row, columns };
}

export interface VillageRecord extends FromRow {
  readonly province: string;
  /** Null in two-tier data (after 1 July 2025). */
  readonly district: string | null;
  readonly commune: string;
  readonly village: string;
  readonly communeCode: string | null;
  readonly type: string | null;
  readonly hasOwnCell: boolean | null;
  readonly partyMembers: number | null;
  readonly secretary: string | null;
  readonly head: string | null;
  readonly frontHead: string | null;
  /** The explicit "Nhất thể hóa" flag, when filled. */
  readonly consolidatedFlag: boolean | null;
  readonly notes: string | null;
}

export type Gender = "female" | "male";

/** Political theory levels, in order. */
export type TheoryLevel = "none" | "so-cap" | "trung-cap" | "cao-cap";
/** Professional qualification levels, in order. */
export type ProfessionalLevel =
  "none" | "so-cap" | "trung-cap" | "cao-dang" | "dai-hoc" | "thac-si" | "tien-si";

export interface OfficeHolderRecord extends FromRow {
  readonly fullName: string;
  /** One or more posts ("Bí thư chi bộ kiêm Trưởng thôn" is two). */
  readonly posts: readonly PostId[];
  /** The post cell as written. */
  readonly postText: string;
  readonly province: string | null;
  readonly district: string | null;
  readonly commune: string;
  readonly village: string | null;
  readonly personId: string | null;
  readonly birthYear: number | null;
  readonly gender: Gender | null;
  readonly ethnicity: string | null;
  /** Years of general education completed, on the 12-year scale (10/10 of the old system counts as 12). */
  readonly educationYears: number | null;
  readonly professional: ProfessionalLevel | null;
  readonly politicalTheory: TheoryLevel | null;
  readonly trained: boolean | null;
  /** When the person's term ends (ISO yyyy-mm-dd; a year alone is its last day), or null. */
  readonly termEnd?: string | null;
}

export type TargetLevel = "province" | "district" | "commune";

export interface TargetRecord extends FromRow {
  readonly indicator: string;
  /** Unit name as written; null = every unit (of `level`, when given). */
  readonly unit: string | null;
  readonly level: TargetLevel | null;
  readonly target: ExactFraction;
  readonly targetValue: number;
  readonly comparator: Comparator;
  readonly year: number | null;
  /** "Chỉ tiêu giao": further villages the parent assigned to this unit, typed by the clerk; null when none. */
  readonly quota?: number | null;
}

/** A level of the unit list: the three levels of units, and villages (for their merges and splits). */
export type UnitListLevel = TargetLevel | "village";

/**
 * A row of the unit list (`Đơn vị` sheet, or the `--units` workbook): a unit expected to submit,
 * and its place in time. Dates are ISO (yyyy-mm-dd) or null (no bound).
 */
export interface ExpectedUnitRecord extends FromRow {
  readonly unit: string;
  /** Null when the row does not say (matched at any level); "village" for a village's row. */
  readonly level: UnitListLevel | null;
  readonly province: string | null;
  readonly district: string | null;
  /** Deadline as an ISO date (yyyy-mm-dd), or null. */
  readonly deadline: string | null;
  /** The official code (Quyết định 19/2025/QĐ-TTg: province 2 digits, commune 5), or null. */
  readonly code?: string | null;
  /** The unit above it, by code or name ("Trực thuộc"), or null. */
  readonly parent?: string | null;
  /** First day the unit exists ("Hiệu lực từ"), or null. */
  readonly validFrom?: string | null;
  /** Last day the unit exists ("Hiệu lực đến"), or null: a unit merged away on 1/7/2025 ends 30/6/2025. */
  readonly validTo?: string | null;
  /** The units it was formed from (codes or names, as written, one per item), in order. */
  readonly formedFrom?: readonly string[];
}

/** Everything read from one or more workbooks: the records and every issue found. */
export interface Dataset {
  readonly villages: readonly VillageRecord[];
  readonly officeHolders: readonly OfficeHolderRecord[];
  readonly targets: readonly TargetRecord[];
  readonly expectedUnits: readonly ExpectedUnitRecord[];
  readonly issues: readonly Issue[];
}
