import * as path from "node:path";
import { analyse, summaryOf, type Analysis } from "../core/pipeline";
import type { Language, Summary } from "../core/summary";
import type { WorkbookGrids } from "../core/grid";
import { isUnusableInputError } from "../xlsx/errors";
import { readXlsxFile } from "../xlsx/readXlsx";
import { USAGE, type CliRequest } from "./args";
import { isSameFile, writeFileAtomic } from "../xlsx/files";
import { formatIssueLine, formatSummaryTable } from "./text";
import { reportsFor } from "../report/reports";
import { collectReportSettings } from "../report/settingsSheet";
import { dateOf } from "../report/settings";
import { writeReportFile } from "../xlsx/writeReportFile";
import { submissionManifest } from "../report/submission";
import { submissionXlsxBytes } from "../xlsx/writeSubmission";

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly now: () => Date;
  readonly version: string;
}

/** How many issues are printed on stderr before "… and N more". The JSON always has them all. */
const MAX_ISSUE_LINES = 200;

/** Runs a parsed request; returns the exit code. Unusable input: one line on stderr, no output, 1. */
export async function runRequest(request: CliRequest, io: CliIo): Promise<number> {
  if (request.command === "help") {
    io.stdout(USAGE + "\n");
    return 0;
  }
  if (request.command === "version") {
    io.stdout(io.version + "\n");
    return 0;
  }
  const lang = request.lang;
  const say = (vi: string, en: string): string => (lang === "vi" ? `${vi} / ${en}` : en);

  for (const target of [request.json, request.out]) {
    if (target && target !== "-" && request.inputs.some((input) => isSameFile(input, target))) {
      io.stderr(
        say(
          `nth-rollup: không ghi đè lên tệp đầu vào “${target}”; hãy chọn tên khác`,
          `will not overwrite the input file “${target}”; choose another name`,
        ) + "\n",
      );
      return 1;
    }
  }

  const read = async (files: readonly string[]): Promise<WorkbookGrids[] | null> => {
    const workbooks: WorkbookGrids[] = [];
    for (const input of files) {
      try {
        workbooks.push(await readXlsxFile(input, path.basename(input)));
      } catch (error) {
        if (!isUnusableInputError(error)) throw error;
        io.stderr(`nth-rollup: ${lang === "vi" ? error.message : error.bilingual.en}\n`);
        return null;
      }
    }
    return workbooks;
  };
  const workbooks = await read(request.inputs);
  const previousFile = request.options.get("previous");
  const previous = previousFile ? await read([previousFile]) : [];
  if (!workbooks || !previous) return 1;
  const result = analyse(workbooks, {
    referenceYear: request.referenceYear ?? io.now().getFullYear(),
    referenceYearFixed: request.referenceYear !== null,
    givenPeriod: collectReportSettings(workbooks, request.options).settings.period ?? null,
    period: request.options.get("period") ?? null,
    previous,
  });
  if (!result.ok) {
    io.stderr(
      `nth-rollup: ${lang === "vi" ? `${result.unusable.vi} / ${result.unusable.en}` : result.unusable.en}\n`,
    );
    return 1;
  }
  const summary = summaryOf(result.analysis, lang);

  if (request.command === "export") {
    return exportSubmission(request.out!, result.analysis, workbooks, request.options, lang, io);
  }

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
      dataPeriod: analysis.period?.period.text ?? null,
      unitOrder: analysis.read.dataset.expectedUnits,
      officeHolders: analysis.read.dataset.officeHolders,
    });
    reports.problems.forEach((p) => io.stderr(`nth-rollup: ${p.cell}: ${p.message[lang]}\n`));
    await writeReportFile(request.out, reports.sheets);
  }
  if (request.json === "-") {
    io.stdout(JSON.stringify(summary, null, 2) + "\n");
  } else if (request.json) {
    await writeFileAtomic(request.json, JSON.stringify(summary, null, 2) + "\n");
  } else {
    io.stdout(formatSummaryTable(summary, lang));
  }
  printIssues(summary, lang, io);
  return 0;
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
    unitOrder: analysis.read.dataset.expectedUnits,
  });
  const manifest = submissionManifest(analysis.rollup, {
    period: options.get("period") ?? reports.settings.period.replace(/^\((.*)\)$/, "$1"),
    generatedAt: io.now().toISOString(),
    addinVersion: io.version,
  });
  if (!manifest) {
    io.stderr(
      (lang === "vi"
        ? "nth-rollup: số liệu gồm nhiều tỉnh, không thuộc một đơn vị nộp / the data spans several provinces: no single unit submits it"
        : "nth-rollup: the data spans several provinces: no single unit submits it") + "\n",
    );
    return 1;
  }
  const data = analysis.read.sheets.map((found) => {
    const grid = workbooks.find((w) => w.file === found.file)!.sheets.find((g) => g.name === found.sheet)!;
    return { grid, headerRow: found.headerRow };
  });
  await writeFileAtomic(out, await submissionXlsxBytes(reports.sheets, data, manifest));
  io.stdout(
    (lang === "vi"
      ? `Đã lập tệp nộp ${out}: ${manifest.unitName}, ${manifest.consolidated}/${manifest.villages} thôn nhất thể hóa, kỳ ${manifest.period}`
      : `Wrote the submission ${out}: ${manifest.unitName}, ${manifest.consolidated}/${manifest.villages} villages consolidated, period ${manifest.period}`) +
      "\n",
  );
  return 0;
}
