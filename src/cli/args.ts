import type { Language } from "../core/summary";

/** What the command line asked for. */
export type CliRequest =
  | { readonly command: "help" }
  | { readonly command: "version" }
  | {
      /** "report": summary and report workbook; "export": a submission workbook for the level above. */
      readonly command: "report" | "export";
      readonly inputs: readonly string[];
      /** "-" for standard output, a path, or null (print a short table instead). */
      readonly json: string | null;
      /** Report workbook to write (`--out`), or null. */
      readonly out: string | null;
      readonly lang: Language;
      readonly referenceYear: number | null;
      /** Further `--name value` options, for the report settings. */
      readonly options: ReadonlyMap<string, string>;
    };

export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** Options that take a value; anything else starting with "--" is an error. */
const VALUE_OPTIONS = new Set([
  "json",
  "out",
  "lang",
  "year",
  "previous",
  // report settings (header block), see docs/reports.md
  "issuer",
  "parent",
  "place",
  "date",
  "period",
  "signer",
  "signer-title",
  "signing-for",
  "preparer",
  "style",
  "layout",
  "recipients",
  "number",
  "attached-to",
  "secrecy",
  "urgency",
]);

export const USAGE = `Cách dùng / Usage:
  nth-rollup report <tệp.xlsx>... [--json <tệp>|-] [--out <báo-cáo.xlsx>] [--lang vi|en] [--year <năm>]
  nth-rollup export <tệp.xlsx>... --out <tệp-nộp.xlsx> [--period <kỳ>]
  nth-rollup --help | --version

  report   Đọc các trang chuẩn (Thôn, Cán bộ, Chỉ tiêu) từ một hay nhiều sổ làm việc và tổng hợp.
           Reads the standard sheets of one or more workbooks and rolls them up.
  export   Lập tệp nộp lên cấp trên: các biểu báo cáo, các trang số liệu và trang "Thông tin nộp".
           Makes the submission workbook for the level above: reports, data sheets and a manifest.
  --json   Ghi bản tóm tắt JSON vào tệp, hoặc "-" ra màn hình / write the JSON summary (- = stdout).
  --out    Ghi sổ báo cáo đã định dạng / write the formatted report workbook.
  --lang   Ngôn ngữ thông báo và báo cáo (mặc định vi) / language of messages and reports.
  --year   Năm tính tuổi (mặc định năm nay) / year ages are computed for (default: this year).
  --period Kỳ báo cáo đang tổng hợp / the reporting period being compiled (e.g. "Quý III/2025").
  --previous <tệp.xlsx>  Số liệu kỳ trước, để so sánh / the previous period's workbook, to compare.`;

/** Parses argv (without node and the script). Throws UsageError with a one-line reason. */
export function parseArgs(argv: readonly string[]): CliRequest {
  if (argv.length === 0 || argv.includes("--help") || argv.includes("-h")) return { command: "help" };
  if (argv.includes("--version") || argv.includes("-v")) return { command: "version" };
  const [command, ...rest] = argv;
  if (command !== "report" && command !== "export")
    throw new UsageError(`Lệnh không rõ “${command}” / unknown command “${command}”`);
  const inputs: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg.startsWith("--")) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
      if (!VALUE_OPTIONS.has(name))
        throw new UsageError(`Tùy chọn không rõ “${arg}” / unknown option “${arg}”`);
      const value = inline ?? rest[++i];
      if (value === undefined) throw new UsageError(`Thiếu giá trị cho --${name} / --${name} needs a value`);
      options.set(name, value);
    } else {
      inputs.push(arg);
    }
  }
  if (inputs.length === 0) throw new UsageError("Chưa có tệp đầu vào / no input file given");
  const lang = options.get("lang") ?? "vi";
  if (lang !== "vi" && lang !== "en")
    throw new UsageError(`--lang phải là vi hoặc en / --lang must be vi or en`);
  const yearText = options.get("year");
  const referenceYear = yearText === undefined ? null : Number(yearText);
  if (
    referenceYear !== null &&
    !(Number.isInteger(referenceYear) && referenceYear >= 1900 && referenceYear <= 2200)
  ) {
    throw new UsageError(`--year phải là một năm như 2025 / --year must be a year such as 2025`);
  }
  const json = options.get("json") ?? null;
  const out = options.get("out") ?? null;
  if (command === "export" && !out)
    throw new UsageError("export cần --out <tệp-nộp.xlsx> / export needs --out <submission.xlsx>");
  for (const key of ["json", "lang", "year", "out"]) options.delete(key);
  return { command, inputs, json, out, lang, referenceYear, options };
}
