/**
 * Writes the sample workbooks of samples/ (see docs/samples.md): `npm run samples [-- <folder>]`.
 * Deterministic: a seeded generator and fixed dates, so the files come out byte for byte the same
 * on every run; test/samples.test.ts checks that the committed files match a fresh run.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { workbookBytes, type WorkbookDef } from "./common/xlsxWrite";
import { binhGia2020Workbook, langSonWorkbook } from "./samples/langSon";
import { laoCaiWorkbook } from "./samples/laoCai";
import { laoCaiBeforeWorkbook, laoCaiUnitsWorkbook } from "./samples/laoCaiBefore";
import { quanSonWorkbook } from "./samples/quanSon";

/** The sample files and how each is built. */
export const SAMPLES: readonly { readonly file: string; readonly build: () => WorkbookDef }[] = [
  { file: "lang-son.xlsx", build: langSonWorkbook },
  { file: "thanh-hoa-quan-son.xlsx", build: quanSonWorkbook },
  { file: "lao-cai-two-tier.xlsx", build: laoCaiWorkbook },
  { file: "binh-gia-2020.xlsx", build: binhGia2020Workbook },
];

/**
 * Companions of the samples, given with `--previous` and `--units` (docs/unit-list.md): Lào Cai
 * before the reform (villages only) and its unit list (only a `Đơn vị` sheet).
 */
export const COMPANION_SAMPLES: readonly { readonly file: string; readonly build: () => WorkbookDef }[] = [
  { file: "lao-cai-truoc-sap-xep.xlsx", build: laoCaiBeforeWorkbook },
  { file: "lao-cai-don-vi.xlsx", build: laoCaiUnitsWorkbook },
];

/** Writes every sample into `folder`; returns the paths written. */
export async function generateSamples(folder: string): Promise<string[]> {
  await fs.mkdir(folder, { recursive: true });
  const written: string[] = [];
  for (const sample of [...SAMPLES, ...COMPANION_SAMPLES]) {
    const target = path.join(folder, sample.file);
    await fs.writeFile(target, await workbookBytes(sample.build()));
    written.push(target);
  }
  return written;
}

if (process.argv[1] === __filename) {
  const folder = process.argv[2] ?? path.join(__dirname, "..", "samples");
  generateSamples(folder).then(
    (files) => files.forEach((f) => process.stdout.write(`${path.relative(process.cwd(), f)}\n`)),
    (error: unknown) => {
      process.stderr.write(
        `generate-samples: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 1;
    },
  );
}
