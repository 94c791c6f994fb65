import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { parseArgs } from "../../src/cli/args";
import { runRequest, utf8 } from "../../src/cli/commands";

const ROOT = path.resolve(__dirname, "../..");

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runRequest(parseArgs(argv), {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    now: () => new Date("2025-06-01T00:00:00Z"),
    version: "test",
  });
  return { code, stdout, stderr };
}

describe("utf8 (the JSON summary's bytes) against its plain definition, Buffer.from", () => {
  it("gives the same bytes for any text, lone surrogates included", () => {
    const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
    for (const unit of ["binary", "grapheme", codeUnit] as const)
      fc.assert(
        fc.property(fc.string({ unit, maxLength: 60 }), (s) => {
          expect(Buffer.from(utf8(s)).equals(Buffer.from(s, "utf8"))).toBe(true);
        }),
        { numRuns: 500 },
      );
  });

  it("gives the same bytes for a JSON summary in Vietnamese", () => {
    const text = JSON.stringify({ Thôn: "Pò Mầm", Xã: ["Yên Lỗ", "Nà Mò 😀"], n: 1.5 }, null, 2) + "\n";
    expect(Buffer.from(utf8(text)).equals(Buffer.from(text, "utf8"))).toBe(true);
  });
});

describe("the JSON summary written to a file, with and without the report", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "nth-json-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("is the text printed with --json -, as UTF-8, whether made before or while the report is written", async () => {
    const input = path.join(ROOT, "samples", "lang-son.xlsx");
    const printed = await run(["report", input, "--json", "-"]);
    expect(printed.code).toBe(0);
    const alone = path.join(dir, "alone.json");
    expect((await run(["report", input, "--json", alone])).code).toBe(0);
    const withReport = path.join(dir, "with-report.json");
    const withOut = await run(["report", input, "--json", withReport, "--out", path.join(dir, "r.xlsx")]);
    expect(withOut.code).toBe(0);
    expect(withOut.stderr).toBe(printed.stderr);
    const expected = Buffer.from(printed.stdout, "utf8");
    expect(fs.readFileSync(alone).equals(expected)).toBe(true);
    expect(fs.readFileSync(withReport).equals(expected)).toBe(true);
  });
});
