/**
 * Renders the pictures of docs/reports.md: `node bin/dev/run-ts.js test/report/renderDocs.ts [docs]`.
 * Builds three report workbooks from the test fixtures (Bình Gia as in seed 000 with the example's
 * signature block; Lộc Bình's commune posts), renders them with ../shared/tools/xlsx-check
 * (LibreOffice) and copies one page of each into the folder.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { SheetDescription } from "../../src/report/description";
import { communePostsReport } from "../../src/report/layouts/indicatorTable";
import { summaryReport } from "../../src/report/layouts/summary";
import { toConsolidateReport } from "../../src/report/layouts/toConsolidate";
import { reportXlsxBytes } from "../../src/xlsx/writeReport";
import { binhGia, locBinh, settingsFor } from "./fixtures";

const ROOT = path.resolve(__dirname, "..", "..");
const TOOL = path.resolve(ROOT, "..", "shared", "tools", "xlsx-check");

async function render(name: string, sheet: SheetDescription, folder: string, work: string): Promise<void> {
  const file = path.join(work, `${name}.xlsx`);
  fs.writeFileSync(file, await reportXlsxBytes([sheet]));
  execFileSync(TOOL, [file, path.join(work, name)], { stdio: "pipe" });
  const first = fs
    .readdirSync(path.join(work, name))
    .filter((f) => f.endsWith(".png"))
    .sort()[0];
  fs.copyFileSync(path.join(work, name, first), path.join(folder, `${name}.png`));
  process.stdout.write(`${path.join(folder, `${name}.png`)}\n`);
}

async function main(folder: string): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "nth-docs-"));
  const example = {
    period: "(Số liệu đến ngày 15/9/2021)",
    signingFor: "T/M BAN THƯỜNG VỤ",
    signerTitle: "PHÓ BÍ THƯ THƯỜNG TRỰC",
    signerName: "Nguyễn Trung Kiên",
    preparerName: "Nguyễn Văn A",
    recipients: ["Ban Tổ chức Tỉnh ủy,", "Lưu Văn phòng Huyện ủy."],
  };
  const bg = binhGia();
  await render("report-summary", summaryReport(bg.rollup, settingsFor(bg.rollup, example)), folder, work);
  await render(
    "report-to-consolidate",
    toConsolidateReport(bg.rollup, settingsFor(bg.rollup, example)),
    folder,
    work,
  );
  const lb = locBinh();
  const lbSettings = settingsFor(lb.rollup, {
    ...example,
    period: "(Số liệu đến ngày 24/5/2022)",
    date: { year: 2022, month: 5, day: 24 },
  });
  await render("report-commune-posts", communePostsReport(lb.rollup, lbSettings), folder, work);
}

main(process.argv[2] ?? path.join(ROOT, "docs")).catch((error: unknown) => {
  process.stderr.write(`renderDocs: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
