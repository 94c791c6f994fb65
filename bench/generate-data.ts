/**
 * Writes a synthetic submission workbook (see generator/generate.ts):
 *
 *   node bin/dev/run-ts.js bench/generate-data.ts <out.xlsx> [--size district|province|country|countryThreeTier]
 *        [--seed N] [--provinces N] [--districts N] [--communes N] [--villages N] [--holders-per-village N]
 */
import { generate, SIZES, type GeneratorOptions, type SizeName } from "./generator/generate";
import { writeGridsXlsx } from "./generator/writeXlsx";

async function main(argv: readonly string[]): Promise<void> {
  const out = argv.find((a, i) => !a.startsWith("--") && (i === 0 || !argv[i - 1].startsWith("--")));
  if (!out) throw new Error("usage: generate-data.ts <out.xlsx> [--size name] [--seed N] …");
  const option = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const number = (name: string): number | undefined =>
    option(name) === undefined ? undefined : Number(option(name));
  const base: GeneratorOptions = SIZES[(option("size") ?? "district") as SizeName];
  const options: GeneratorOptions = {
    ...base,
    seed: number("seed") ?? base.seed,
    provinces: number("provinces") ?? base.provinces,
    districtsPerProvince: number("districts") ?? base.districtsPerProvince,
    communes: number("communes") ?? base.communes,
    villages: number("villages") ?? base.villages,
    officeHoldersPerVillage: number("holders-per-village") ?? base.officeHoldersPerVillage,
  };
  const start = performance.now();
  const generated = generate(options);
  await writeGridsXlsx(out, generated.workbook);
  console.log(`${out}: ${JSON.stringify(generated.counts)} in ${Math.round(performance.now() - start)} ms`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
