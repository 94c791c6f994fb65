import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { parseArgs, UsageError } from "../../src/cli/args";
import { fileOps, writeFileAtomic } from "../../src/xlsx/files";
import { isFileSystemError } from "../../src/xlsx/fileErrors";
import { runCli as run } from "./runCli";

/**
 * The output rules of the command line (README, "the command line"): an output is never a file
 * the run reads, never two outputs on one file, replacing keeps mode and symbolic links, the
 * temporary name is short, data is flushed before the rename; and every file-system error is one
 * bilingual line naming the file as the clerk gave it, exit 1, the old file intact, no temporary
 * file left. Errors are made for real where they can be (a path through a regular file, a loop of
 * links, a folder without write permission for an ordinary user); EBUSY, ENOSPC, EROFS, EFBIG and
 * EEXIST are injected through the `fileOps` seam, the way the system would return them.
 */

let dir: string;
let input: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "nth-outputs-"));
  fs.chmodSync(dir, 0o755);
  input = path.join(dir, "xa.xlsx");
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Thôn").addRows([
    ["Tỉnh", "Huyện", "Xã", "Thôn", "Bí thư chi bộ", "Trưởng thôn", "Nhất thể hóa"],
    ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm", "Hoàng Văn A", "Hoàng Văn A", null],
    // ExcelJS writes "_x001B_" as it is, and readers decode it: the cell holds ESC.
    ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Khuổi Mè", "Lý Văn B", "Vi Văn C", "có_x001B_[31m\u202e"],
  ]);
  await wb.xlsx.writeFile(input);
  fs.chmodSync(input, 0o644);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => jest.restoreAllMocks());

/** A fresh folder for one test. */
const folder = (name: string): string => {
  const d = fs.mkdtempSync(path.join(dir, `${name}-`));
  fs.chmodSync(d, 0o755);
  return d;
};

const noTemporaryFiles = (d: string): void =>
  expect(fs.readdirSync(d).filter((f) => f.endsWith(".tmp"))).toEqual([]);

describe("outputs never replace what the run reads", () => {
  it("refuses --json or --out on the --previous workbook, and leaves it as it was", async () => {
    const d = folder("previous");
    const previous = path.join(d, "ky-truoc.xlsx");
    fs.copyFileSync(input, previous);
    const before = fs.readFileSync(previous);
    for (const option of ["--json", "--out"]) {
      const r = await run(["report", input, "--previous", previous, option, previous]);
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(/không ghi đè lên tệp đang đọc/);
      expect(fs.readFileSync(previous).equals(before)).toBe(true);
    }
  });

  it("sees an input through a symbolic link, a hard link and `..`", async () => {
    const d = folder("links");
    const sym = path.join(d, "link.xlsx");
    fs.symlinkSync(input, sym);
    const hard = path.join(d, "hard.xlsx");
    const copy = path.join(d, "copy.xlsx");
    fs.copyFileSync(input, copy);
    fs.linkSync(copy, hard);
    const dotdot = path.join(d, "..", path.basename(input));
    const before = fs.readFileSync(input);
    for (const [inputs, out] of [
      [[input], sym],
      [[copy], hard],
      [[input], dotdot],
    ] as const) {
      const r = await run(["report", ...inputs, "--out", out]);
      expect([r.code, r.stdout]).toEqual([1, ""]);
      expect(r.stderr).toMatch(/không ghi đè lên tệp đang đọc/);
    }
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    expect(fs.lstatSync(sym).isSymbolicLink()).toBe(true);
  });

  it("refuses --out and --json on one file (also through a link), before reading anything", async () => {
    const d = folder("same");
    const out = path.join(d, "bao-cao.xlsx");
    const r = await run(["report", input, "--out", out, "--json", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--out và --json cùng là một tệp/);
    fs.writeFileSync(out, "old");
    fs.symlinkSync(out, path.join(d, "alias.json"));
    const r2 = await run(["report", input, "--out", out, "--json", path.join(d, "alias.json")]);
    expect(r2.code).toBe(1);
    expect(fs.readFileSync(out, "utf8")).toBe("old");
  });

  it("refuses --out - as a usage error; --json - is standard output", () => {
    expect(() => parseArgs(["report", input, "--out", "-"])).toThrow(UsageError);
    expect(() => parseArgs(["report", input, "--out=-"])).toThrow(/a workbook does not go to a terminal/);
    expect(parseArgs(["report", input, "--json", "-"])).toMatchObject({ json: "-" });
  });
});

describe("replacing a file", () => {
  it("keeps its permissions", async () => {
    const d = folder("mode");
    const out = path.join(d, "bao-cao.xlsx");
    fs.writeFileSync(out, "old");
    fs.chmodSync(out, 0o640);
    const r = await run(["report", input, "--out", out]);
    expect(r.code).toBe(0);
    expect(fs.statSync(out).mode & 0o777).toBe(0o640);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  });

  it("writes through a symbolic link to its target; the link stays a link", async () => {
    const d = folder("symlink");
    const real = path.join(d, "that.json");
    fs.writeFileSync(real, "old");
    const link = path.join(d, "this.json");
    fs.symlinkSync("that.json", link);
    const r = await run(["report", input, "--json", link]);
    expect(r.code).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(JSON.parse(fs.readFileSync(real, "utf8"))).toHaveProperty("units");
    noTemporaryFiles(d);
  });

  it("works for a 240-byte Vietnamese name (the temporary name is short, in the same folder)", async () => {
    const d = folder("long");
    let name = "Báo cáo tổng hợp nhất thể hóa ";
    while (Buffer.byteLength(`${name}ế.xlsx`) <= 240) name += "ế";
    while (Buffer.byteLength(`${name}.xlsx`) < 240) name += "a";
    const out = path.join(d, `${name}.xlsx`);
    expect(Buffer.byteLength(path.basename(out))).toBe(240);
    const seen: string[] = [];
    const open = fileOps.open;
    jest.spyOn(fileOps, "open").mockImplementation((p, flags, mode) => {
      seen.push(p);
      return open(p, flags, mode);
    });
    const r = await run(["report", input, "--out", out]);
    expect(r.code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
    expect(seen.map((p) => path.dirname(p))).toEqual([d]);
    expect(path.basename(seen[0])).toMatch(/^\.nth-\d+-[0-9a-z]+\.tmp$/);
    noTemporaryFiles(d);
  });

  it("flushes the file before the rename and the folder after it", async () => {
    const d = folder("fsync");
    const order: string[] = [];
    const { syncFile, rename, syncFolder } = fileOps;
    jest.spyOn(fileOps, "syncFile").mockImplementation(async (h) => {
      order.push("fsync file");
      return syncFile(h);
    });
    jest.spyOn(fileOps, "rename").mockImplementation(async (a, b) => {
      order.push("rename");
      return rename(a, b);
    });
    jest.spyOn(fileOps, "syncFolder").mockImplementation(async (f) => {
      order.push(`fsync ${f === d ? "folder" : f}`);
      return syncFolder(f);
    });
    await writeFileAtomic(path.join(d, "a.json"), "{}");
    expect(order).toEqual(["fsync file", "rename", "fsync folder"]);
  });

  it("removes the temporary files of dead runs, not those of running ones", async () => {
    const d = folder("stale");
    const dead = 2 ** 22 + 12345; // above Linux's pid_max default: never running
    fs.writeFileSync(path.join(d, `.nth-${dead}-abc123.tmp`), "half");
    fs.writeFileSync(path.join(d, `.nth-${process.ppid}-abc123.tmp`), "half");
    await writeFileAtomic(path.join(d, "a.json"), "{}");
    expect(fs.readdirSync(d).sort()).toEqual([`.nth-${process.ppid}-abc123.tmp`, "a.json"].sort());
  });

  it("writes a target that is not a regular file (a character device) straight, without a rename", async () => {
    await writeFileAtomic("/dev/null", "{}");
    expect(fs.statSync("/dev/null").isCharacterDevice()).toBe(true);
  });

  it("refuses a named pipe that nobody reads at once (it used to wait forever)", async () => {
    const d = folder("fifo");
    const fifo = path.join(d, "bao-cao.xlsx");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const line = await expectOneLine(["report", input, "--out", fifo], fifo, /không phải tệp thông thường/);
    expect(line).toContain("not a regular file");
  });

  it("refuses a socket (ENXIO) with the same words as the other files that are not regular", async () => {
    const socket = path.join(folder("socket"), "bao-cao.json");
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      expect(fs.statSync(socket).isSocket()).toBe(true);
      const line = await expectOneLine(
        ["report", input, "--json", socket],
        socket,
        /không phải tệp thông thường/,
      );
      expect(line).toContain("this is not a regular file");
      expect(line).not.toContain("ENXIO");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("writes to a pipe reached through /proc's links (as --json /dev/stdout is), not into a made-up folder", async () => {
    // In `sleep | cat`, /proc/<cat>/fd/0 is the pipe (link text "pipe:[…]", a path to nowhere); what
    // is written there, cat passes on to this test. The group is this test's own, ended by its id.
    const child = spawn("sh", ["-c", "sleep 60 | cat & echo $!; wait"], {
      stdio: ["ignore", "pipe", "ignore"],
      detached: true,
    });
    try {
      let received = "";
      child.stdout.on("data", (chunk: Buffer) => (received += chunk.toString("utf8")));
      const until = (done: () => boolean): Promise<void> =>
        new Promise((resolve) => {
          const check = (): void => (done() ? resolve() : void setTimeout(check, 5));
          check();
        });
      await until(() => received.includes("\n"));
      const cat = received.trim();
      received = "";
      const pipe = `/proc/${cat}/fd/0`;
      // `$!` is known as soon as cat is forked, and until the forked shell has put the pipe on its
      // fd 0 that is the background list's /dev/null: wait for the pipe (a busy host is slow here).
      const link = (): string => {
        try {
          return fs.readlinkSync(pipe);
        } catch {
          return "";
        }
      };
      await until(() => link().startsWith("pipe:"));
      expect(link()).toMatch(/^pipe:/);
      await writeFileAtomic(pipe, '{"ok":true}');
      await until(() => received.length >= 11);
      expect(received).toBe('{"ok":true}');
    } finally {
      process.kill(-child.pid!, "SIGTERM");
    }
  });
});

/** Runs `report --out <out>` (or --json) expecting one plain line and exit 1. */
async function expectOneLine(argv: string[], shown: string, pattern: RegExp): Promise<string> {
  const r = await run(argv);
  expect(r.code).toBe(1);
  const lines = r.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(`“${shown}”`);
  expect(lines[0]).toMatch(pattern);
  expect(lines[0]).not.toMatch(/\.nth-\d+|\.tmp|EACCES|EBUSY|ENOSPC|at .*\.ts/);
  expect(lines[0]).toMatch(/ \/ Cannot (write|read) file/);
  return lines[0];
}

describe("every file-system error is one bilingual line, exit 1", () => {
  it("ENOTDIR: a folder in the path is a regular file", async () => {
    const d = folder("enotdir");
    fs.writeFileSync(path.join(d, "file"), "x");
    const out = path.join(d, "file", "sub", "bao-cao.xlsx");
    await expectOneLine(["report", input, "--out", out], out, /là tệp chứ không phải thư mục/);
  });

  it("ELOOP: a loop of symbolic links, as the file and as a folder", async () => {
    const d = folder("eloop");
    fs.symlinkSync("b.xlsx", path.join(d, "a.xlsx"));
    fs.symlinkSync("a.xlsx", path.join(d, "b.xlsx"));
    fs.symlinkSync("loop", path.join(d, "loop"));
    await expectOneLine(
      ["report", input, "--out", path.join(d, "a.xlsx")],
      path.join(d, "a.xlsx"),
      /vòng lặp/,
    );
    const inLoop = path.join(d, "loop", "x.json");
    await expectOneLine(["report", input, "--json", inLoop], inLoop, /vòng lặp/);
  });

  it("EISDIR: the output is a folder", async () => {
    const d = folder("eisdir");
    await expectOneLine(["report", input, "--out", d], d, /là một thư mục/);
  });

  it("ENAMETOOLONG: a name over 255 bytes", async () => {
    const out = path.join(folder("toolong"), `${"Thôn ".repeat(60)}.xlsx`);
    await expectOneLine(["report", input, "--out", out], out, /quá dài/);
  });

  it.each([
    ["EBUSY", "rename", /đang được mở trong Excel.*hãy đóng tệp rồi chạy lại/],
    ["EPERM", "rename", /không có quyền ghi/],
    ["ENOSPC", "writeAll", /ổ đĩa đã đầy/],
    ["EROFS", "open", /chỉ cho đọc/],
    ["EFBIG", "writeAll", /vượt giới hạn kích thước tệp.*hãy ghi ra ổ đĩa hoặc thư mục khác/],
    ["EEXIST", "mkdir", /đã có một tệp trùng tên/],
    ["EIO", "syncFile", /lỗi đọc ghi của ổ đĩa/],
  ] as const)("%s (from %s): the old report stays, no temporary file", async (code, call, pattern) => {
    const d = folder(code.toLowerCase());
    const out = path.join(d, "bao-cao.xlsx");
    fs.writeFileSync(out, "the previous report");
    jest
      .spyOn(fileOps, call)
      .mockRejectedValueOnce(Object.assign(new Error(`${code}: from the system`), { code }));
    await expectOneLine(["report", input, "--out", out], out, pattern);
    expect(fs.readFileSync(out, "utf8")).toBe("the previous report");
    noTemporaryFiles(d);
  });

  it("on Windows, EPERM from replacing the old report is the report still open in Excel", async () => {
    const d = folder("windows");
    const out = path.join(d, "bao-cao.xlsx");
    fs.writeFileSync(out, "the previous report");
    jest.replaceProperty(fileOps, "platform", "win32");
    jest.spyOn(fileOps, "rename").mockRejectedValueOnce(Object.assign(new Error("EPERM"), { code: "EPERM" }));
    const line = await expectOneLine(["report", input, "--out", out], out, /đang được mở trong Excel/);
    expect(line).toMatch(/hãy đóng tệp rồi chạy lại/);
    expect(fs.readFileSync(out, "utf8")).toBe("the previous report");
  });

  it("the export command too", async () => {
    const d = folder("export");
    const out = path.join(d, "nop.xlsx");
    jest.spyOn(fileOps, "rename").mockRejectedValueOnce(Object.assign(new Error("EBUSY"), { code: "EBUSY" }));
    await expectOneLine(["export", input, "--out", out], out, /đang được mở trong Excel/);
  });

  it("writeFileAtomic throws a FileSystemError naming the file as given", async () => {
    const d = folder("api");
    jest.spyOn(fileOps, "rename").mockRejectedValueOnce(Object.assign(new Error("EBUSY"), { code: "EBUSY" }));
    const error: unknown = await writeFileAtomic(path.join(d, "a.json"), "{}", "a.json").catch(
      (e: unknown) => e,
    );
    expect(isFileSystemError(error) && [error.code, error.file]).toEqual(["EBUSY", "a.json"]);
  });

  /**
   * Permissions for real, as an ordinary user: root bypasses them, so a root test process drops
   * its effective user id to `nobody` for the run and takes it back after.
   */
  const asOrdinaryUser = async <T>(f: () => Promise<T>): Promise<T> => {
    const root = process.geteuid?.() === 0;
    if (root) process.seteuid!(65534);
    try {
      return await f();
    } finally {
      if (root) process.seteuid!(0);
    }
  };

  /**
   * Whether this process can act as an ordinary user: not root, or root able to drop its effective
   * user id (a container without CAP_SETUID cannot). Tests of permissions need it: root writes any
   * file whatever its mode, so they would pass or fail for the wrong reason.
   */
  const ordinaryUserPossible = ((): boolean => {
    if (process.geteuid?.() !== 0) return true;
    try {
      process.seteuid!(65534);
      process.seteuid!(0);
      return true;
    } catch {
      return false;
    }
  })();
  const asUser = ordinaryUserPossible ? it : it.skip;
  if (!ordinaryUserPossible)
    // Said out loud, not silent: the read-only test below did not run.
    console.warn("outputs.test.ts: running as root without setuid; the read-only tests are skipped");

  asUser(
    "a read-only report (mode 0444) is refused, not replaced: one line saying so and what to do",
    async () => {
      const d = folder("readonly");
      const out = path.join(d, "bao-cao.xlsx");
      const json = path.join(d, "bao-cao.json");
      fs.writeFileSync(out, "the previous report");
      fs.writeFileSync(json, "{}");
      for (const f of [d, out, json]) fs.chownSync(f, 65534, 65534);
      fs.chmodSync(out, 0o444);
      fs.chmodSync(json, 0o444);
      for (const [option, file] of [
        ["--out", out],
        ["--json", json],
      ]) {
        const line = await asOrdinaryUser(() =>
          expectOneLine(["report", input, option, file], file, /tệp chỉ cho đọc.*hãy bỏ thuộc tính chỉ đọc/),
        );
        expect(line).toContain("the file is read-only: clear its read-only attribute");
        expect(line.indexOf("chỉ cho đọc")).toBeLessThan(line.indexOf("read-only"));
      }
      expect(fs.readFileSync(out, "utf8")).toBe("the previous report");
      expect(fs.statSync(out).mode & 0o777).toBe(0o444);
      expect(fs.readFileSync(json, "utf8")).toBe("{}");
      noTemporaryFiles(d);
      // The same folder, the file made writable again: replaced, its mode kept (the folder allowed it all along).
      fs.chmodSync(out, 0o644);
      const r = await asOrdinaryUser(() => run(["report", input, "--out", out]));
      expect(r.code).toBe(0);
      expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    },
  );

  it("EACCES: a folder without write permission; an input without read permission", async () => {
    const d = folder("eacces");
    fs.chmodSync(d, 0o555);
    const out = path.join(d, "bao-cao.xlsx");
    await asOrdinaryUser(() => expectOneLine(["report", input, "--out", out], out, /không có quyền ghi/));
    expect(fs.readdirSync(d)).toEqual([]);
    const secret = path.join(folder("unreadable"), "mat.xlsx");
    fs.copyFileSync(input, secret);
    fs.chmodSync(secret, 0o000);
    await asOrdinaryUser(() =>
      expectOneLine(["report", secret, "--json", "-"], "mat.xlsx", /không có quyền đọc/),
    );
  });
});

describe("what the run prints", () => {
  it("report --out says in one line what it wrote: the file and its sheets", async () => {
    const out = path.join(folder("said"), "bao-cao.xlsx");
    const r = await run(["report", input, "--out", out, "--json", path.join(path.dirname(out), "s.json")]);
    expect(r.code).toBe(0);
    const line = r.stdout.trim().split("\n");
    expect(line).toHaveLength(1);
    expect(line[0]).toMatch(
      new RegExp(`^Đã ghi báo cáo ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: 8 trang \\(Tổng hợp, `),
    );
    // With the JSON on stdout, it is left out: stdout is the JSON, stderr one line per issue.
    const r2 = await run(["report", input, "--out", out, "--json", "-"]);
    expect(() => JSON.parse(r2.stdout)).not.toThrow();
    expect(r2.stderr).not.toContain("Đã ghi báo cáo");
  });

  it("prints cell text with control characters made visible, in issues and the table", async () => {
    const r = await run(["report", input]);
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toContain("\u001b");
    // ESC is shown as ␛; the right-to-left override (an invisible format character) was already
    // removed by the reader's text cleaning, so it reaches no output at all.
    expect(r.stderr).toContain("“có␛[31m”");
    expect(r.stdout + r.stderr).not.toContain("\u202e");
  });
});
