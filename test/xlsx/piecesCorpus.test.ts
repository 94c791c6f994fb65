import { mkdtempSync, readFileSync, rmSync, statSync } from "fs";
import * as os from "os";
import * as path from "path";
import { isUnusableInputError } from "../../src/xlsx/errors";
import { gridsFromXlsx } from "../../src/xlsx/grids";
import { readXlsxBuffer } from "../../src/xlsx/readXlsx";
import { writeHostileCorpus } from "../../scripts/hostile/corpus";
import { piecesCodec } from "./piecesCodec";
import { xlsxFilesUnder } from "./xlsxFiles";

/**
 * Every workbook the project trusts or distrusts (the reader cases, the samples and submissions, the
 * hostile corpus) read with every worksheet handed over in small pieces (a codec that cuts the
 * inflated parts at 61 and at 4,096 bytes: the reading in pieces resumes between rows, or gives up
 * and reads the part whole) must end exactly as the command line's reading ends: the same grids, or
 * the same refusal with the same message. The command line itself reads only parts of 4 MB and more
 * in pieces (src/xlsx/zip/nodeCodec.ts), which none of these files has.
 */

const ROOT = path.resolve(__dirname, "..", "..");

const trusted = [
  ...xlsxFilesUnder(path.join(ROOT, "test", "cases", "reader")),
  ...xlsxFilesUnder(path.join(ROOT, "samples")),
].map((f) => path.relative(ROOT, f));

type Outcome = { sheets: unknown } | { reason: string; message: unknown };

async function outcome(read: () => Promise<{ sheets: unknown }>): Promise<Outcome> {
  try {
    return { sheets: (await read()).sheets };
  } catch (error) {
    if (!isUnusableInputError(error)) throw error;
    return { reason: error.reason, message: error.bilingual };
  }
}

async function expectSameInPieces(file: string): Promise<void> {
  const bytes = new Uint8Array(readFileSync(file));
  const label = path.basename(file);
  const expected = await outcome(() => readXlsxBuffer(bytes, label));
  for (const size of [61, 4096])
    expect(await outcome(() => gridsFromXlsx(bytes, label, piecesCodec(size)))).toEqual(expected);
}

describe("read in pieces, every corpus ends as the command line's reading ends", () => {
  it.each(trusted)("%s", async (relative) => expectSameInPieces(path.join(ROOT, relative)));

  it("the hostile corpus (its files)", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "nth-pieces-"));
    try {
      // Folders, pipes and the like are refused before any reading: only files are read here.
      const files = writeHostileCorpus(dir).filter((c) => statSync(c.file).isFile());
      expect(files.length).toBeGreaterThan(20);
      for (const c of files) await expectSameInPieces(c.file);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
