import type { Language } from "../core/summary";

type Command = "report" | "export";

/** What the command line asked for. */
export type CliRequest =
  | { readonly command: "help"; readonly topic: Command | null }
  | { readonly command: "version" }
  | {
      /** "report": summary and report workbook; "export": a submission workbook for the level above. */
      readonly command: Command;
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

/** One option of the command line: its value's placeholder, the commands that take it, its help. */
interface OptionSpec {
  readonly name: string;
  readonly value: string;
  readonly commands: readonly Command[];
  readonly vi: string;
  readonly en: string;
}

const BOTH: readonly Command[] = ["report", "export"];

/**
 * Every option, in the order help lists them. All take a value; anything else starting with "-"
 * is a usage error. The header-block options are the report settings of docs/reports.md.
 */
export const OPTIONS: readonly OptionSpec[] = [
  {
    name: "json",
    value: "<tệp>|-",
    commands: ["report"],
    vi: "ghi bản tóm tắt JSON vào tệp, hoặc - ra màn hình (stdout)",
    en: "write the JSON summary to a file, or - to standard output",
  },
  {
    name: "out",
    value: "<tệp.xlsx>",
    commands: BOTH,
    vi: "ghi sổ Excel: báo cáo (report) hoặc tệp nộp (export, bắt buộc)",
    en: "write the workbook: the report (report) or the submission (export, required)",
  },
  {
    name: "lang",
    value: "vi|en",
    commands: BOTH,
    vi: "ngôn ngữ thông báo và báo cáo (mặc định vi)",
    en: "language of messages and reports (default vi)",
  },
  {
    name: "year",
    value: "<năm>",
    commands: BOTH,
    vi: "năm tính tuổi (mặc định năm nay)",
    en: "year ages are computed for (default: this year)",
  },
  {
    name: "previous",
    value: "<tệp.xlsx>",
    commands: ["report"],
    vi: "số liệu kỳ trước, để so sánh (chỉ đọc, không bao giờ ghi)",
    en: "the previous period's workbook, to compare (read, never written)",
  },
  {
    name: "decisions",
    value: "<tệp.xlsx>",
    commands: ["report"],
    vi: "sổ ghi việc tiếp nhận tệp nộp: cột “Mã nội dung”, “Tiếp nhận” (Đã nhận / Trả lại / Chờ xem xét), “Ghi chú” (chỉ đọc)",
    en: "workbook of review decisions: columns “Mã nội dung” (hash), “Tiếp nhận” (accepted / returned / pending), “Ghi chú” (note); read only",
  },
  {
    name: "replace-accepted",
    value: '"tệp; tệp"',
    commands: ["report"],
    vi: "cho phép các tệp nộp này thay bản đã nhận của cùng đơn vị (không có thì bản đã nhận được giữ)",
    en: "let these submission files replace their unit's accepted submission (otherwise the accepted one is kept)",
  },
  {
    name: "units",
    value: "<tệp.xlsx>",
    commands: BOTH,
    vi: "danh sách đơn vị có ngày hiệu lực và cột “Hình thành từ” (chỉ đọc, không bao giờ ghi)",
    en: "the dated unit list with its “Formed from” crosswalk (read, never written)",
  },
  {
    name: "period",
    value: "<kỳ>",
    commands: BOTH,
    vi: "kỳ báo cáo, như “Quý III/2025” hoặc “Số liệu đến ngày 15/9/2025”",
    en: "the reporting period, e.g. “Quý III/2025”",
  },
  {
    name: "issuer",
    value: "<cơ quan>",
    commands: BOTH,
    vi: "cơ quan ban hành, như “HUYỆN ỦY BÌNH GIA”",
    en: "issuing body",
  },
  {
    name: "parent",
    value: "<cơ quan>",
    commands: BOTH,
    vi: "cơ quan cấp trên, như “ĐẢNG BỘ TỈNH LẠNG SƠN”",
    en: "parent body",
  },
  {
    name: "place",
    value: "<địa danh>",
    commands: BOTH,
    vi: "địa danh của dòng ngày tháng",
    en: "place name of the date line",
  },
  {
    name: "date",
    value: "<ngày>",
    commands: BOTH,
    vi: "ngày báo cáo, như 19/9/2021 (mặc định hôm nay)",
    en: "report date, e.g. 19/9/2021 (default today)",
  },
  {
    name: "signing-for",
    value: "<thẩm quyền>",
    commands: BOTH,
    vi: "thẩm quyền ký, như “T/M BAN THƯỜNG VỤ”",
    en: "signing for, e.g. “T/M BAN THƯỜNG VỤ”",
  },
  {
    name: "signer-title",
    value: "<chức vụ>",
    commands: BOTH,
    vi: "chức vụ người ký, như “BÍ THƯ”",
    en: "signer's title",
  },
  { name: "signer", value: "<họ tên>", commands: BOTH, vi: "người ký", en: "signer's name" },
  { name: "preparer", value: "<họ tên>", commands: BOTH, vi: "người lập biểu", en: "preparer's name" },
  {
    name: "style",
    value: "dang|nha-nuoc",
    commands: BOTH,
    vi: "thể thức văn bản: Đảng (mặc định) hoặc Nhà nước",
    en: "document style: party (default) or state",
  },
  {
    name: "layout",
    value: "long-nhau|mot-cap",
    commands: BOTH,
    vi: "tỉnh có huyện: lồng nhau (mặc định) hoặc một cấp",
    en: "a province with districts: nested (default) or flat",
  },
  {
    name: "quota-basis",
    value: "thon-con-lai|chi-tieu-rieng",
    commands: ["report"],
    vi: "kế hoạch: chia phần còn thiếu theo số thôn còn lại (mặc định) hoặc theo chỉ tiêu riêng của từng đơn vị",
    en: "planning: split a shortfall by villages still to consolidate (default; also “room”) or by each unit's own target (also “own-target”)",
  },
  {
    name: "recipients",
    value: '"A; B"',
    commands: BOTH,
    vi: "nơi nhận, cách nhau bằng dấu chấm phẩy",
    en: "recipients, separated by semicolons",
  },
  {
    name: "number",
    value: "<số, ký hiệu>",
    commands: BOTH,
    vi: "số và ký hiệu văn bản, như “25-BC/HU”",
    en: "document number and symbol, e.g. “25-BC/HU”",
  },
  {
    name: "attached-to",
    value: "<văn bản>",
    commands: BOTH,
    vi: "dòng “Kèm theo …” dưới tên biểu, như “Báo cáo số 25-BC/HU”",
    en: "the “Kèm theo …” (attached to) line under the title",
  },
  {
    name: "secrecy",
    value: "<độ mật>",
    commands: BOTH,
    vi: "dấu độ mật (tùy chọn), như “MẬT”",
    en: "secrecy mark (optional), e.g. “MẬT”",
  },
  {
    name: "urgency",
    value: "<độ khẩn>",
    commands: BOTH,
    vi: "dấu độ khẩn (tùy chọn), như “KHẨN”",
    en: "urgency mark (optional), e.g. “KHẨN”",
  },
];

const OPTION_NAMES = new Set(OPTIONS.map((o) => o.name));

function optionLines(command: Command | null): string {
  const shown = OPTIONS.filter((o) => command === null || o.commands.includes(command));
  const heads = shown.map((o) => `  --${o.name} ${o.value}`);
  const width = Math.max(...heads.map((h) => [...h].length)) + 2;
  return shown
    .map((o, i) => {
      const only = command === null && o.commands.length === 1 ? ` [${o.commands[0]}]` : "";
      return `${heads[i].padEnd(width)}${o.vi}${only}\n${" ".repeat(width)}${o.en}`;
    })
    .join("\n");
}

const EXIT_CODES = `Mã thoát / exit codes:
  0  đã lập bản tổng hợp (kể cả khi có vấn đề trong số liệu) / a summary was produced (even with issues)
  1  không dùng được đầu vào hoặc không ghi được tệp: một dòng giải thích / unusable input or a file that cannot be written: one line says why
  2  dòng lệnh sai / a wrong command line`;

const REPORT_HELP = `Cách dùng / Usage:
  nth-rollup report <tệp.xlsx>... [tùy chọn / options]

Đọc các trang chuẩn (Thôn, Cán bộ, Chỉ tiêu) từ một hay nhiều sổ làm việc (hay tệp nộp của cấp dưới) và
tổng hợp. Không có --json hay --out thì in một bảng ngắn. Các vấn đề trong số liệu in ra stderr.
Reads the standard sheets of one or more workbooks (or the submissions of the units below) and rolls
them up. Without --json or --out, prints a short table. Issues in the data go to stderr.

Tùy chọn / options:
${optionLines("report")}

Tệp ghi ra không bao giờ là tệp đang đọc (đầu vào, --previous, --units); --out và --json phải khác nhau;
--out - không được phép (sổ Excel không in ra màn hình). Outputs are never files this run reads
(inputs, --previous, --units); --out and --json must differ; --out - is refused (a workbook is not for a terminal).

${EXIT_CODES}`;

const EXPORT_HELP = `Cách dùng / Usage:
  nth-rollup export <tệp.xlsx>... --out <tệp-nộp.xlsx> [tùy chọn / options]

Lập tệp nộp lên cấp trên: các biểu báo cáo của đơn vị, các trang số liệu chuẩn và trang “Thông tin nộp”.
Makes the submission workbook for the level above: the unit's reports, the standard data sheets and
a manifest sheet.

Tùy chọn / options:
${optionLines("export")}

${EXIT_CODES}`;

export const USAGE = `Cách dùng / Usage:
  nth-rollup report <tệp.xlsx>... [--json <tệp>|-] [--out <báo-cáo.xlsx>] [tùy chọn / options]
  nth-rollup export <tệp.xlsx>... --out <tệp-nộp.xlsx> [tùy chọn / options]
  nth-rollup <lệnh> --help | --help | --version

  report   Đọc các trang chuẩn (Thôn, Cán bộ, Chỉ tiêu) từ một hay nhiều sổ làm việc và tổng hợp.
           Reads the standard sheets of one or more workbooks and rolls them up.
  export   Lập tệp nộp lên cấp trên: các biểu báo cáo, các trang số liệu và trang "Thông tin nộp".
           Makes the submission workbook for the level above: reports, data sheets and a manifest.

Tùy chọn / options:
${optionLines(null)}
  --help, -h                Trợ giúp (của một lệnh: nth-rollup report --help) / help (of one command)
  --version, -v             Phiên bản / version

${EXIT_CODES}`;

/** The help text for a command, or the general one. */
export function helpText(topic: Command | null): string {
  return topic === "report" ? REPORT_HELP : topic === "export" ? EXPORT_HELP : USAGE;
}

const isCommand = (s: string | undefined): s is Command => s === "report" || s === "export";

/** Parses argv (without node and the script). Throws UsageError with a one-line reason. */
export function parseArgs(argv: readonly string[]): CliRequest {
  const [command, ...rest] = argv;
  const wantsHelp = argv.includes("--help") || argv.includes("-h");
  if (argv.length === 0 || wantsHelp || command === "help") {
    const topic = command === "help" ? rest[0] : command;
    return { command: "help", topic: isCommand(topic) ? topic : null };
  }
  if (argv.includes("--version") || argv.includes("-v")) return { command: "version" };
  if (!isCommand(command)) throw new UsageError(`Lệnh không rõ “${command}” / unknown command “${command}”`);
  const inputs: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === "--") {
      inputs.push(...rest.slice(i + 1));
      break;
    }
    if (arg.startsWith("-") && arg !== "-") {
      const [name, inline] = arg.replace(/^--?/, "").split(/=(.*)/s, 2);
      const spec = OPTIONS.find((o) => o.name === name);
      if (!arg.startsWith("--") || !OPTION_NAMES.has(name))
        throw new UsageError(`Tùy chọn không rõ “${arg}” / unknown option “${arg}”`);
      if (!spec!.commands.includes(command))
        throw new UsageError(`Lệnh ${command} không nhận --${name} / ${command} does not take --${name}`);
      const value = inline ?? rest[++i];
      if (value === undefined) throw new UsageError(`Thiếu giá trị cho --${name} / --${name} needs a value`);
      if (options.has(name)) throw new UsageError(`--${name} được cho hai lần / --${name} is given twice`);
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
  if (out === "-" || out === "")
    throw new UsageError(
      "--out cần một tên tệp .xlsx; sổ Excel không ghi ra màn hình / --out needs an .xlsx file name; a workbook does not go to a terminal",
    );
  if (json === "") throw new UsageError("--json cần một tên tệp hoặc - / --json needs a file name or -");
  for (const key of ["json", "lang", "year", "out"]) options.delete(key);
  return { command, inputs, json, out, lang, referenceYear, options };
}
