import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli as run } from "./runCli";

const ROOT = path.resolve(__dirname, "../..");

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
