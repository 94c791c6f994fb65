import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { generate, SIZES, type SizeName } from "./generator/generate";
import { writeGridsXlsx } from "./generator/writeXlsx";

/** Where the benchmark keeps its files (git-ignored). */
export const BENCH_DIR = path.resolve(__dirname, "..", "out", "bench");

/** A fingerprint of the generator's code and options, so a stale data file is never reused. */
function fingerprint(size: SizeName): string {
  const hash = createHash("sha256");
  const dir = path.join(__dirname, "generator");
  for (const file of fs.readdirSync(dir).sort()) hash.update(fs.readFileSync(path.join(dir, file)));
  hash.update(JSON.stringify(SIZES[size]));
  return hash.digest("hex").slice(0, 12);
}

/**
 * The .xlsx input of one size, generated once (deterministic from the seed) and reused while the
 * generator does not change. Returns its path and how long writing it took (0 when reused).
 */
export async function ensureDataFile(size: SizeName): Promise<{ file: string; writeMs: number }> {
  const dir = path.join(BENCH_DIR, "data");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${size}-${fingerprint(size)}.xlsx`);
  if (fs.existsSync(file)) return { file, writeMs: 0 };
  for (const old of fs.readdirSync(dir)) if (old.startsWith(`${size}-`)) fs.rmSync(path.join(dir, old));
  const start = performance.now();
  const temp = `${file}.tmp.xlsx`;
  await writeGridsXlsx(temp, generate(SIZES[size]).workbook);
  fs.renameSync(temp, file);
  return { file, writeMs: performance.now() - start };
}
