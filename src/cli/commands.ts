import * as path from "node:path";
import { analyse, summaryOf, type Analysis } from "../core/pipeline";
import type { Language, Summary } from "../core/summary";
import type { WorkbookGrids } from "../core/grid";
import { isUnusableInputError } from "../xlsx/errors";
import { readXlsxFile } from "../xlsx/readXlsx";
import { helpText, type CliRequest } from "./args";
import { isSameFile, writeFileAtomic } from "../xlsx/files";
import { errorCode, FileSystemError, isFileSystemError } from "../xlsx/fileErrors";
import { formatIssueLine, formatSummaryTable, visible } from "./text";
import { NO_PROGRESS, type Progress } from "./progress";
import { reportsFor } from "../report/reports";
import { collectReportSettings } from "../report/settingsSheet";
import { dateOf } from "../report/settings";
import { isoDay } from "../core/units/unitList";
import { writeReportFile } from "../xlsx/writeReportFile";
import { submissionManifest } from "../report/submission";
import { isCellTooLongError, submissionXlsxBytes } from "../xlsx/writeSubmission";
import { readDecisions } from "../core/submission/acceptance";
import type { ReviewOptions } from "../core/submission/review";

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly now: () => Date;
  readonly version: string;
  /** Progress for people at a terminal (none by default). */
  readonly progress?: Progress;
}

/** How many issues are printed on stderr before "… and N more". The JSON always has them all. */
const MAX_ISSUE_LINES = 200;

/** Runs a parsed request; returns the exit code. Unusable input: one line on stderr, no output, 1. */
export async function runRequest(request: CliRequest, io: CliIo): Promise<number> {
  if (request.command === "help") {
    io.stdout(helpText(request.topic) + "\n");
    return 0;
  }
  if (request.command === "version") {
    io.stdout(io.version + "\n");
    return 0;
  }
  const lang = request.lang;
  const progress = io.progress ?? NO_PROGRESS;
  const say = (vi: string, en: string): string => (lang === "vi" ? `${vi} / ${en}` : en);
  const fileProblem = (error: unknown, file: string, access: "read" | "write"): boolean => {
    const code = errorCode(error);
    if (!isFileSystemError(error) && code === null) return false;
    const known = isFileSystemError(error) ? error : new FileSystemError(file, code!, access);
    io.stderr(visible(`nth-rollup: ${lang === "vi" ? known.message : known.bilingual.en}`) + "\n");
    return true;
  };

  const previousFile = request.options.get("previous");
  const decisionsFile = request.options.get("decisions") ?? null;
  const unitsFile = request.options.get("units") ?? null;
  const refusal = outputProblem(request, previousFile ?? null, [
    ...(decisionsFile ? [decisionsFile] : []),
    ...(unitsFile ? [unitsFile] : []),
  ]);
  if (refusal) {
    io.stderr(visible(`nth-rollup: ${say(refusal.vi, refusal.en)}`) + "\n");
    return 1;
  }

  const read = async (files: readonly string[]): Promise<WorkbookGrids[] | null> => {
    const workbooks: WorkbookGrids[] = [];
    for (const input of files) {
      progress.stage(say(`Đang đọc ${path.basename(input)}…`, `reading ${path.basename(input)}…`));
      try {
        workbooks.push(await readXlsxFile(input, path.basename(input)));
      } catch (error) {
        if (isUnusableInputError(error)) {
          io.stderr(visible(`nth-rollup: ${lang === "vi" ? error.message : error.bilingual.en}`) + "\n");
          return null;
        }
        if (fileProblem(error, path.basename(input), "read")) return null;
        throw error;
      }
    }
    return workbooks;
  };
  const workbooks = await read(request.inputs);
  const previous = workbooks && previousFile ? await read([previousFile]) : [];
  const units = workbooks && previous && unitsFile ? await read([unitsFile]) : [];
  if (!workbooks || !previous || !units) return 1;
  const review = await reviewOptions(request, decisionsFile, read, io);
  if (review === "failed") return 1;
  const given = collectReportSettings(workbooks, request.options).settings;
  progress.stage(say("Đang kiểm tra và tổng hợp…", "checking and rolling up…"));
  const result = analyse(workbooks, {
    referenceYear: request.referenceYear ?? io.now().getFullYear(),
    referenceYearFixed: request.referenceYear !== null,
    givenPeriod: given.period ?? null,
    period: request.options.get("period") ?? null,
    previous,
    review,
    units,
    asOf: isoDay(given.date ?? dateOf(io.now())),
  });
  if (!result.ok) {
    io.stderr(
      `nth-rollup: ${lang === "vi" ? `${result.unusable.vi} / ${result.unusable.en}` : result.unusable.en}\n`,
    );
    return 1;
  }
  const summary = summaryOf(result.analysis, lang, given.quotaBasis);

  if (request.command === "export") {
    try {
      return await exportSubmission(request.out!, result.analysis, workbooks, request.options, lang, io);
    } catch (error) {
      if (fileProblem(error, request.out!, "write")) return 1;
      throw error;
    }
  }
  // What this run wrote, on stdout; not when stdout carries the JSON (and stderr is one line per issue).
  const tell = (line: string): void => {
    if (request.json !== "-") io.stdout(line + "\n");
  };
  // The JSON summary, made once (while the report's last parts deflate, when there is a report):
  // the text for stdout, or only its bytes for a file (the 20 MB string is not kept alongside).
  let json: string | Uint8Array | null = null;
  const makeJson = (): void => {
    if (json !== null || !request.json) return;
    const text = JSON.stringify(summary, null, 2) + "\n";
    json = request.json === "-" ? text : Buffer.from(text, "utf8");
  };
  const jsonOutput = (): string | Uint8Array => {
    makeJson();
    return json!;
  };

  if (request.out) {
    // The formatted report workbook (docs/reports.md): settings from a "Cài đặt báo cáo" sheet and options.
    const analysis = result.analysis;
    const { rollup, issues } = analysis;
    const reports = reportsFor(rollup, issues, {
      workbooks,
      options: request.options,
      language: lang,
      today: dateOf(io.now()),
      inThisWorkbook: () => false,
      completeness: analysis.completeness,
      changes: analysis.changes,
      plan: summary.plan,
      dataPeriod: analysis.period?.period.text ?? null,
      unitOrder: analysis.unitList,
      officeHolders: analysis.read.dataset.officeHolders,
    });
    reports.problems.forEach((p) => io.stderr(visible(`nth-rollup: ${p.cell}: ${p.message[lang]}`) + "\n"));
    progress.stage(say(`Đang ghi ${path.basename(request.out)}…`, `writing ${path.basename(request.out)}…`));
    try {
      await writeReportFile(request.out, reports.sheets, makeJson);
    } catch (error) {
      if (fileProblem(error, request.out, "write")) return 1;
      throw error;
    }
    const names = reports.sheets.map((d) => d.name).join(", ");
    const n = reports.sheets.length;
    tell(
      visible(
        say(
          `Đã ghi báo cáo ${request.out}: ${n} trang (${names})`,
          `Wrote the report ${request.out}: ${n} sheets (${names})`,
        ),
      ),
    );
  }
  if (request.json === "-") {
    io.stdout(jsonOutput() as string);
  } else if (request.json) {
    try {
      await writeFileAtomic(request.json, jsonOutput());
    } catch (error) {
      if (fileProblem(error, request.json, "write")) return 1;
      throw error;
    }
  } else {
    io.stdout(formatSummaryTable(summary, lang));
  }
  progress.end();
  printIssues(summary, lang, io);
  return 0;
}

/**
 * Why the outputs asked for cannot be written, or null: an output that is a file this run reads
 * (an input, a submission, the previous period's workbook, the unit list — through symbolic or hard links and
 * `..` too), or two outputs on one file.
 */
export function outputProblem(
  request: Extract<CliRequest, { inputs: readonly string[] }>,
  previous: string | null,
  others: readonly string[] = [],
): { vi: string; en: string } | null {
  const outputs = [request.out, request.json].filter((t): t is string => t !== null && t !== "-");
  const read = [...request.inputs, ...(previous === null ? [] : [previous]), ...others];
  for (const target of outputs) {
    const source = read.find((file) => isSameFile(file, target));
    if (source !== undefined)
      return {
        vi: `không ghi đè lên tệp đang đọc “${source}” (${target}); hãy chọn tên khác cho tệp ghi ra`,
        en: `will not overwrite “${source}”, which this run reads (${target}); choose another name for the output`,
      };
  }
  if (outputs.length === 2 && isSameFile(outputs[0], outputs[1]))
    return {
      vi: `--out và --json cùng là một tệp “${outputs[1]}”; hãy cho hai tên khác nhau`,
      en: `--out and --json are the same file “${outputs[1]}”; give two different names`,
    };
  return null;
}

/**
 * The receiving level's decisions (--decisions: any sheet with the columns "Mã nội dung" and
 * "Tiếp nhận") and the files allowed to replace an accepted submission (--replace-accepted, by file
 * name, separated by ";"). Null when neither is given; "failed" after saying why on stderr.
 */
async function reviewOptions(
  request: Extract<CliRequest, { inputs: readonly string[] }>,
  decisionsFile: string | null,
  read: (files: readonly string[]) => Promise<WorkbookGrids[] | null>,
  io: CliIo,
): Promise<ReviewOptions | null | "failed"> {
  const lang = request.lang;
  const replaceText = request.options.get("replace-accepted") ?? null;
  if (!decisionsFile && replaceText === null) return null;
  const labels = new Set(request.inputs.map((f) => path.basename(f)));
  const replaceAccepted = new Set<string>();
  for (const name of (replaceText ?? "")
    .split(";")
    .map((n) => n.trim())
    .filter(Boolean)) {
    const label = path.basename(name);
    if (!labels.has(label)) {
      io.stderr(
        visible(
          lang === "vi"
            ? `nth-rollup: --replace-accepted nêu “${name}”, không phải tệp đầu vào nào / names no input file`
            : `nth-rollup: --replace-accepted names “${name}”, which is not an input file`,
        ) + "\n",
      );
      return "failed";
    }
    replaceAccepted.add(label);
  }
  if (!decisionsFile) return { decisions: [], replaceAccepted };
  const books = await read([decisionsFile]);
  if (!books) return "failed";
  const { decisions, unknown, badHash } = readDecisions(books);
  for (const place of badHash)
    io.stderr(
      visible(
        lang === "vi"
          ? `nth-rollup: ${place.file} ${place.sheet}!${place.cell}: mã nội dung không hợp lệ (cần 8 đến 64 chữ số hex, ghi dạng văn bản), dòng quyết định bị bỏ qua / not a content hash (8 to 64 hex digits, as text): decision ignored`
          : `nth-rollup: ${place.file} ${place.sheet}!${place.cell}: not a content hash (8 to 64 hex digits, as text): decision ignored / mã nội dung không hợp lệ, bỏ qua`,
      ) + "\n",
    );
  for (const place of unknown)
    io.stderr(
      visible(
        lang === "vi"
          ? `nth-rollup: ${place.file} ${place.sheet}!${place.cell}: tình trạng tiếp nhận không rõ, bỏ qua (chọn Chờ xem xét / Đã nhận / Trả lại) / unknown review state, ignored`
          : `nth-rollup: ${place.file} ${place.sheet}!${place.cell}: unknown review state, ignored (use Pending review / Accepted / Returned)`,
      ) + "\n",
    );
  if (decisions.length === 0 && unknown.length === 0 && badHash.length === 0) {
    io.stderr(
      visible(
        lang === "vi"
          ? `nth-rollup: ${path.basename(decisionsFile)} không có trang nào có cột “Mã nội dung” và “Tiếp nhận” / has no sheet with the columns “Mã nội dung” and “Tiếp nhận”`
          : `nth-rollup: ${path.basename(decisionsFile)} has no sheet with the columns “Mã nội dung” (hash) and “Tiếp nhận” (review)`,
      ) + "\n",
    );
    return "failed";
  }
  return { decisions, replaceAccepted };
}

function printIssues(summary: Summary, lang: Language, io: CliIo): void {
  const { issues } = summary;
  issues.slice(0, MAX_ISSUE_LINES).forEach((i) => io.stderr(formatIssueLine(i, lang) + "\n"));
  if (issues.length > MAX_ISSUE_LINES) {
    const more = issues.length - MAX_ISSUE_LINES;
    io.stderr(
      (lang === "vi"
        ? `… và ${more} vấn đề khác (xem --json) / and ${more} more (see --json)`
        : `… and ${more} more (see --json)`) + "\n",
    );
  }
}

/**
 * `nth-rollup export`: the submission workbook for the level above (reports for the submitting
 * unit, the standard data sheets as read, and the manifest), written atomically.
 */
async function exportSubmission(
  out: string,
  analysis: Analysis,
  workbooks: readonly WorkbookGrids[],
  options: ReadonlyMap<string, string>,
  lang: Language,
  io: CliIo,
): Promise<number> {
  const today = dateOf(io.now());
  const reports = reportsFor(analysis.rollup, analysis.issues, {
    workbooks,
    options,
    language: lang,
    today,
    inThisWorkbook: () => false,
    dataPeriod: analysis.period?.period.text ?? null,
    unitOrder: analysis.unitList,
  });

  const data = analysis.read.sheets.map((found) => {
    const grid = workbooks.find((w) => w.file === found.file)!.sheets.find((g) => g.name === found.sheet)!;
    return { grid, headerRow: found.headerRow, file: found.file };
  });
  const manifest = submissionManifest(analysis.rollup, {
    period: options.get("period") ?? reports.settings.period.replace(/^\((.*)\)$/, "$1"),
    generatedAt: io.now().toISOString(),
    addinVersion: io.version,
    dataSheets: data.map((d) => d.grid),
  });
  if (!manifest) {
    io.stderr(
      (lang === "vi"
        ? "nth-rollup: số liệu gồm nhiều tỉnh, không thuộc một đơn vị nộp / the data spans several provinces: no single unit submits it"
        : "nth-rollup: the data spans several provinces: no single unit submits it") + "\n",
    );
    return 1;
  }

  let bytes: Uint8Array;
  try {
    bytes = submissionXlsxBytes(reports.sheets, data, manifest);
  } catch (error) {
    if (!isCellTooLongError(error)) throw error;
    io.stderr(visible(`nth-rollup: ${lang === "vi" ? error.message : error.bilingual.en}`) + "\n");
    return 1;
  }
  io.progress?.stage(
    lang === "vi" ? `Đang ghi ${path.basename(out)}… / writing…` : `writing ${path.basename(out)}…`,
  );
  await writeFileAtomic(out, bytes);
  io.progress?.end();
  io.stdout(
    visible(
      lang === "vi"
        ? `Đã lập tệp nộp ${out}: ${manifest.unitName}, ${manifest.consolidated}/${manifest.villages} thôn nhất thể hóa, kỳ ${manifest.period}`
        : `Wrote the submission ${out}: ${manifest.unitName}, ${manifest.consolidated}/${manifest.villages} villages consolidated, period ${manifest.period}`,
    ) + "\n",
  );
  return 0;
}
