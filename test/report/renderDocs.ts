/**
 * Renders the pictures of the README and docs/reports.md from the bundled samples:
 * `node bin/dev/run-ts.js test/report/renderDocs.ts [docs]`. Builds the reports as the CLI does
 * (settings from the data and a signer), writes each wanted sheet to its own workbook, renders it
 * with the project's scripts/xlsx-check.sh (LibreOffice) and copies its first page into the folder.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { analyse, planOfAnalysis } from "../../src/core/pipeline";
import type { ReportId, SheetDescription } from "../../src/report/description";
import { reportsFor } from "../../src/report/reports";
import { readXlsxFile } from "../../src/xlsx/readXlsx";
import { reportXlsxBytes } from "../../src/xlsx/writeReport";
import { render, ROOT } from "./render";

const SAMPLES = path.join(ROOT, "samples");

async function sheetsOf(
  files: readonly string[],
  previousFiles: readonly string[] = [],
): Promise<SheetDescription[]> {
  const workbooks = await Promise.all(files.map((f) => readXlsxFile(f, path.basename(f))));
  const previous = await Promise.all(previousFiles.map((f) => readXlsxFile(f, path.basename(f))));
  const result = analyse(workbooks, { referenceYear: 2021, previous });
  if (!result.ok) throw new Error(result.unusable.en);
  const a = result.analysis;
  return reportsFor(a.rollup, a.issues, {
    workbooks,
    options: new Map([
      ["signer", "Nguyễn Trung Kiên"],
      ["signer-title", "PHÓ BÍ THƯ THƯỜNG TRỰC"],
      ["preparer", "Nguyễn Văn A"],
      ["date", "19/9/2021"],
    ]),
    today: { year: 2021, month: 9, day: 19 },
    completeness: a.completeness,
    dataPeriod: a.period?.period.text ?? null,
    unitOrder: a.read.dataset.expectedUnits,
    officeHolders: a.read.dataset.officeHolders,
    plan: planOfAnalysis(a),
  }).sheets;
}

async function picture(
  name: string,
  sheets: readonly SheetDescription[],
  id: ReportId,
  folder: string,
  work: string,
): Promise<void> {
  const sheet = sheets.find((s) => s.reportId === id);
  if (!sheet) throw new Error(`${name}: no ${id} sheet`);
  const file = path.join(work, `${name}.xlsx`);
  fs.writeFileSync(file, await reportXlsxBytes([sheet]));
  const out = render(file, path.join(work, name));
  fs.copyFileSync(out.pngs[0], path.join(folder, `${name}.png`));
  process.stdout.write(`${path.join(folder, `${name}.png`)}\n`);
}

async function main(folder: string): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "nth-docs-"));
  const submissions = path.join(SAMPLES, "submissions");
  const binhGia = await sheetsOf([
    ...fs
      .readdirSync(path.join(submissions, "binh-gia"))
      .sort()
      .map((f) => path.join(submissions, "binh-gia", f)),
    path.join(submissions, "binh-gia-don-vi.xlsx"),
  ]);
  await picture("report-summary", binhGia, "summary", folder, work);
  await picture("report-to-consolidate", binhGia, "toConsolidate", folder, work);
  await picture("report-annex", binhGia, "annex", folder, work);
  const langSon = await sheetsOf([path.join(SAMPLES, "lang-son.xlsx")]);
  await picture("report-commune-posts", langSon, "communePosts", folder, work);
  const langSonPlan = await sheetsOf(
    [path.join(SAMPLES, "lang-son.xlsx")],
    [path.join(SAMPLES, "binh-gia-2020.xlsx")],
  );
  await picture("report-plan", langSonPlan, "plan", folder, work);
  const yenLo = await sheetsOf([path.join(submissions, "binh-gia", "yen-lo.xlsx")]);
  await picture("report-commune-list", yenLo, "summary", folder, work);
  fs.rmSync(work, { recursive: true, force: true });
}

main(process.argv[2] ?? path.join(ROOT, "docs")).catch((error: unknown) => {
  process.stderr.write(`renderDocs: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
