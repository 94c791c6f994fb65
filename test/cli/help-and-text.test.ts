import { helpText, OPTIONS, parseArgs, USAGE, UsageError } from "../../src/cli/args";
import { main } from "../../src/cli/main";
import { terminalProgress } from "../../src/cli/progress";
import { visible } from "../../src/cli/text";
import { SETTING_NAMES, settingKey } from "../../src/report/settingsSheet";

describe("help", () => {
  it("lists every option the parser accepts, the header-block settings included", () => {
    for (const o of OPTIONS) expect(USAGE).toContain(`--${o.name} `);
    // Every report setting has an option (an option name the settings parser reads as that setting).
    const settingsOfOptions = new Set(OPTIONS.map((o) => settingKey(o.name)));
    for (const key of Object.keys(SETTING_NAMES))
      expect([key, settingsOfOptions.has(key as never)]).toEqual([key, true]);
    for (const name of ["issuer", "signer", "signer-title", "signing-for", "preparer", "parent", "place"])
      expect(USAGE).toContain(`--${name}`);
    expect(USAGE).toMatch(/Mã thoát \/ exit codes/);
  });

  it("each command has its own help, with only its options", () => {
    expect(parseArgs(["report", "--help"])).toEqual({ command: "help", topic: "report" });
    expect(parseArgs(["export", "-h"])).toEqual({ command: "help", topic: "export" });
    expect(parseArgs(["help", "export"])).toEqual({ command: "help", topic: "export" });
    expect(parseArgs(["--help"])).toEqual({ command: "help", topic: null });
    expect(helpText("report")).toContain("--previous");
    expect(helpText("export")).not.toContain("--previous");
    expect(helpText("export")).not.toContain("--json");
    expect(helpText("export")).toContain("--signer");
  });

  it("refuses options a command does not take, options given twice, and short options", () => {
    expect(() => parseArgs(["export", "a.xlsx", "--out", "b.xlsx", "--json", "-"])).toThrow(UsageError);
    expect(() => parseArgs(["report", "a.xlsx", "--out", "b.xlsx", "--out", "c.xlsx"])).toThrow(/twice/);
    expect(() => parseArgs(["report", "a.xlsx", "-o", "b.xlsx"])).toThrow(/unknown option “-o”/);
    expect(parseArgs(["report", "--", "-odd name.xlsx"])).toMatchObject({ inputs: ["-odd name.xlsx"] });
  });

  it("an unknown option is exit 2 with one line on stderr and nothing on stdout", async () => {
    const err = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    const out = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
    try {
      const code = await main(["report", "a.xlsx", "--singer", "X"], "test");
      expect(code).toBe(2);
      const text = err.mock.calls.map((c) => String(c[0])).join("");
      expect(text.trim().split("\n")).toEqual([
        "nth-rollup: Tùy chọn không rõ “--singer” / unknown option “--singer” (nth-rollup --help)",
      ]);
      expect(out).not.toHaveBeenCalled();
    } finally {
      err.mockRestore();
      out.mockRestore();
    }
  });
});

describe("text printed from cells", () => {
  it("shows control characters instead of obeying them", () => {
    expect(visible("a\u001b[2Jb")).toBe("a␛[2Jb");
    expect(visible("tab\there\nline\r")).toBe("tab␉here␊line␍");
    expect(visible("del\u007f c1\u009b")).toBe("del␡ c1\\u{9b}");
    expect(visible("\u202eevil\u2066x\u200b")).toBe("\\u{202e}evil\\u{2066}x\\u{200b}");
    expect(visible("Nông Thị Thủy — 𠀀 ✓")).toBe("Nông Thị Thủy — 𠀀 ✓");
  });
});

describe("progress", () => {
  const fake = () => {
    let now = 0;
    const timers: (() => void)[] = [];
    return {
      clock: { now: () => now, later: (f: () => void) => void timers.push(f) },
      advance: (ms: number) => {
        now += ms;
        timers.splice(0).forEach((f) => f());
      },
    };
  };

  it("is silent for the first second, then shows the stage in place, and clears it", () => {
    const { clock, advance } = fake();
    let written = "";
    const p = terminalProgress((t) => (written += t), true, clock);
    p.stage("reading a.xlsx…");
    expect(written).toBe("");
    advance(1000);
    expect(written).toBe("\r\u001b[Kreading a.xlsx…");
    p.stage("writing…");
    expect(written.endsWith("\r\u001b[Kwriting…")).toBe(true);
    p.end();
    expect(written.endsWith("\r\u001b[K")).toBe(true);
    const length = written.length;
    p.clear();
    expect(written.length).toBe(length);
  });

  it("never writes when stderr is not a terminal", () => {
    const { clock, advance } = fake();
    let written = "";
    const p = terminalProgress((t) => (written += t), false, clock);
    p.stage("reading…");
    advance(5000);
    p.stage("writing…");
    p.end();
    expect(written).toBe("");
  });
});
