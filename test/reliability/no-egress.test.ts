import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

/**
 * No data leaving the machine, checked without a browser (the task pane's headless-Chromium test,
 * test/e2e/taskpane.e2e.test.ts, fails on any request to another origin and any CSP violation; the
 * production build test, test/build.test.ts, reads the CSP of the built taskpane.html):
 * - the Content-Security-Policy the build writes allows the add-in's own origin only, plus
 *   Microsoft's CDN for office.js scripts; nothing may connect anywhere else;
 * - no source file (src/) calls a network API (fetch, XMLHttpRequest, sendBeacon, WebSocket,
 *   EventSource, importScripts), names a URL other than that CDN, or mentions an analytics or
 *   telemetry service;
 * - no package the add-in ships (npm's production dependency tree) is an analytics or telemetry
 *   library.
 */

const ROOT = path.resolve(__dirname, "../..");
const OFFICE_CDN = "https://appsforoffice.microsoft.com";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require(path.join(ROOT, "webpack.config.js")) as {
  contentSecurityPolicy: () => string;
};

const TELEMETRY =
  /applicationinsights|google-?analytics|googletagmanager|gtag\(|\bsentry\b|mixpanel|segment\.(io|com)|hotjar|clarity\.ms|newrelic|datadog|amplitude|posthog|bugsnag|logrocket|fullstory|matomo|plausible\.io|appcenter|usage-?data|telemetry/i;

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.(ts|tsx|js|html|json|css)$/.test(f))
    .map((f) => path.join(dir, f));
}

describe("the Content-Security-Policy of the task pane", () => {
  const csp = webpackConfig.contentSecurityPolicy();
  const directives = new Map(
    csp.split(";").map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );

  it("is written into taskpane.html by the build", () => {
    const template = fs.readFileSync(path.join(ROOT, "src", "taskpane", "taskpane.html"), "utf8");
    expect(template).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="<%= htmlWebpackPlugin\.options\.csp %>"/,
    );
  });

  it("defaults to the add-in's own origin and lets it connect nowhere else", () => {
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("connect-src")).toEqual(["'self'"]);
    expect(directives.get("frame-src")).toEqual(["'none'"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(directives.get("form-action")).toEqual(["'self'"]);
  });

  it("names no origin but its own, and Office's script host for scripts only", () => {
    for (const [name, sources] of directives) {
      for (const source of sources) {
        const allowed =
          source === "'self'" ||
          source === "'none'" ||
          /^'sha256-[A-Za-z0-9+/=]+'$/.test(source) ||
          (name === "script-src" && source === OFFICE_CDN);
        expect({ directive: name, source, allowed }).toEqual({ directive: name, source, allowed: true });
      }
    }
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*|data:|blob:|http:/);
  });
});

describe("the sources (src/)", () => {
  const files = sourceFiles(path.join(ROOT, "src"));

  it("are there to scan", () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it("call no network API", () => {
    const network =
      /\bfetch\s*\(|XMLHttpRequest|sendBeacon|new\s+WebSocket|new\s+EventSource|importScripts\s*\(/;
    const found = files
      .filter((f) => network.test(fs.readFileSync(f, "utf8")))
      .map((f) => path.relative(ROOT, f));
    expect(found).toEqual([]);
  });

  it("name no URL but Microsoft's office.js CDN (and example addresses that resolve nowhere)", () => {
    const found: string[] = [];
    for (const f of files) {
      for (const url of fs.readFileSync(f, "utf8").match(/\b(?:https?|wss?):\/\/[^\s"'`)<>]+/g) ?? []) {
        const host = new URL(url).hostname;
        const allowed =
          url.startsWith(`${OFFICE_CDN}/`) ||
          host === "localhost" ||
          host.endsWith(".invalid") ||
          host.endsWith(".example") ||
          /(^|\.)example\.(org|com|net)$/.test(host) ||
          // XML namespaces are names, not addresses anything is sent to.
          /^(schemas\.openxmlformats\.org|schemas\.microsoft\.com|www\.w3\.org|purl\.org)$/.test(host);
        if (!allowed) found.push(`${path.relative(ROOT, f)}: ${url}`);
      }
    }
    expect(found).toEqual([]);
  });

  it("mention no analytics or telemetry service (outside comments that say there is none)", () => {
    const code = (text: string): string =>
      text
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/<!--[\s\S]*?-->/g, "")
        .replace(/(^|[^:])\/\/.*$/gm, "$1");
    const found = files
      .filter((f) => TELEMETRY.test(code(fs.readFileSync(f, "utf8"))))
      .map((f) => path.relative(ROOT, f));
    expect(found).toEqual([]);
  });
});

describe("the shipped dependencies", () => {
  it("include no analytics or telemetry library (npm's production tree)", () => {
    const tree = execFileSync("npm", ["ls", "--omit=dev", "--all", "--parseable"], {
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    const packages = tree
      .split("\n")
      .filter((p) => p.includes("node_modules"))
      .map((p) => p.slice(p.lastIndexOf("node_modules") + "node_modules/".length));
    expect(packages.length).toBeGreaterThan(20);
    expect(packages.filter((p) => TELEMETRY.test(p))).toEqual([]);
  });
});
