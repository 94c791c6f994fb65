import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { writeHostileCorpus, type HostileCase } from "../../scripts/hostile/corpus";
import { buildCliCopy } from "../reliability/cliBuild";

/**
 * The hostile corpus (scripts/hostile/corpus.ts, generated into a temporary folder) through the
 * real CLI in child processes (`node bin/nth-rollup.js report FILE`, from a private copy laid out
 * as `npm run build:cli` lays it out): each file must end within 30 s (the child is killed past
 * that, which fails the test) with its exit code and, when refused, exactly one line on stderr
 * naming the file, the limit and where; never a stack trace; peak RSS (getrusage of the child,
 * written by bench/rss-probe.js at exit) under 1 GB. Not a speed test: 30 s is the bound that
 * separates "refused" from "hung".
 */

const PROBE = path.resolve(__dirname, "..", "..", "bench", "rss-probe.js");
const STACK_LINE = /^\s+at .+\(.+:\d+:\d+\)$/m;
const ONE_GB_KB = 1024 * 1024;

let dir: string;
let bin: string;
let copy: string;
let cases: HostileCase[];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "nth-hostile-"));
  cases = writeHostileCorpus(dir);
  ({ bin, dir: copy } = buildCliCopy());
}, 120_000);
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(copy, { recursive: true, force: true });
});

function run(file: string): { code: number | null; stdout: string; stderr: string; maxRssKb: number } {
  const rssFile = path.join(dir, `rss-${path.basename(file)}.json`);
  const r = spawnSync(process.execPath, ["-r", PROBE, bin, "report", file, "--year", "2025"], {
    encoding: "utf8",
    env: { ...process.env, NODE_OPTIONS: "", NTH_BENCH_RSS_FILE: rssFile },
    timeout: 30_000,
    killSignal: "SIGKILL",
    maxBuffer: 16 * 1024 * 1024,
  });
  const usage = fs.existsSync(rssFile)
    ? (JSON.parse(fs.readFileSync(rssFile, "utf8")) as { maxRss: number })
    : null;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, maxRssKb: usage?.maxRss ?? Infinity };
}

const lines = (text: string): string[] => text.split("\n").filter((l) => l.trim() !== "");

/** The names of the corpus, known before it is generated (jest lists tests before beforeAll). */
const NAMES = [
  "merge-whole-sheet.xlsx",
  "string-40000-characters.xlsx",
  "strings-100-million-characters.xlsx",
  "row-2000000000.xlsx",
  "village-on-row-1048577.xlsx",
  "cell-at-column-XFE.xlsx",
  "zip-bomb-3mb.xlsx",
  "zip-bomb-3mb-lying.xlsx",
  "zip-bomb-8x400mb.xlsx",
  "zip-bomb-8x400mb-lying.xlsx",
  "stored-entry-wrong-crc.xlsx",
  "duplicate-entry.xlsx",
  "truncated.xlsx",
  "trailing-bytes.xlsx",
  "comment-length-mismatch.xlsx",
  "two-end-records.xlsx",
  "zip64.xlsx",
  "central-directory-outside.xlsx",
  "shared-string-references-billion.xlsx",
  "deeply-nested.xlsx",
  "billion-laughs.xlsx",
  "undeclared-entity.xlsx",
  "encrypted-entry.xlsx",
  "strict-open-xml.xlsx",
  "date-1904.xlsx",
  "strict-open-xml-1904.xlsx",
  "xml-utf-16.xlsx",
  "xml-utf-16-no-bom.xlsx",
  "xml-utf-8-bom.xlsx",
  "xml-windows-1252.xlsx",
  "number-format-out-of-range.xlsx",
  "opendocument.xlsx",
  "binary-workbook.xlsx",
  "word-document.xlsx",
  "xls-renamed.xlsx",
  "password-protected.xlsx",
  "missing-sheet-part.xlsx",
  "sheet-path-climbs-out.xlsx",
  "shared-string-out-of-range.xlsx",
  "shared-string-cell-with-text.xlsx",
  "unknown-encoding.xlsx",
  "over-200mb.xlsx",
  "a-folder.xlsx",
];

describe("hostile files through node bin/nth-rollup.js report", () => {
  it("the corpus is the one listed here", () => {
    expect(cases.map((c) => c.name)).toEqual(NAMES);
  });

  it.each(NAMES)("%s", (name) => {
    const c = cases.find((k) => k.name === name)!;
    const r = run(c.file);
    expect(r.maxRssKb).toBeLessThan(ONE_GB_KB);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.code).toBe(c.exit);
    if (c.exit === 1) {
      expect(r.stdout).toBe("");
      expect(lines(r.stderr)).toHaveLength(1);
      expect(r.stderr).toContain(`“${name}”`);
      for (const word of c.words) expect(r.stderr).toContain(word);
    }
  });

  it("a named pipe is refused before it is opened (no writer: opening it would block)", () => {
    const fifo = path.join(dir, "ống.xlsx");
    const made = spawnSync("mkfifo", [fifo]);
    expect(made.status).toBe(0);
    const r = run(fifo);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain("không phải tệp thông thường");
    expect(r.stderr).toContain("not a regular file");
  });

  it("a named pipe with a writer attached (data waiting) is refused from its stat and ends at once", async () => {
    const fifo = path.join(dir, "ống có người ghi.xlsx");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    // This test holds a reader end so the writer's open succeeds; the writer then fills the pipe
    // with zeros and waits. Reading it would never end (or fill memory).
    const holder = fs.openSync(fifo, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    const writer = spawn("sh", ["-c", 'exec cat /dev/zero > "$0"', fifo], { stdio: "ignore" });
    try {
      const byte = Buffer.alloc(1);
      await new Promise<void>((resolve, reject) => {
        const poll = (): void => {
          try {
            if (fs.readSync(holder, byte, 0, 1, null) === 1) return resolve();
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== "EAGAIN") return reject(error);
          }
          setTimeout(poll, 10);
        };
        poll();
      });
      const r = run(fifo);
      expect(r.code).toBe(1);
      expect(lines(r.stderr)).toHaveLength(1);
      expect(r.stderr).toContain("“ống có người ghi.xlsx”");
      expect(r.stderr).toContain("không phải tệp thông thường");
      expect(r.stderr).toContain("not a regular file");
      expect(writer.exitCode).toBeNull(); // still writing: the CLI left the pipe alone
    } finally {
      writer.kill("SIGKILL");
      fs.closeSync(holder);
    }
  });

  it("a device is refused the same way", () => {
    const r = run("/dev/zero");
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain("“zero”");
    expect(r.stderr).toContain("not a regular file");
  });
});
