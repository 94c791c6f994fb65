/**
 * The production build, for real (slow): `webpack --mode production` into a temporary folder,
 * then the outputs Excel reads are checked: functions.json with every NTH function, the Vietnamese
 * metadata, a manifest without the development URL, and the page with its CSP. No timing here:
 * speed belongs to the bench.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import catalogue from "../src/functions/catalogue.json";

const ROOT = path.resolve(__dirname, "..");
const PROD_URL = "https://nth.example.gov.vn/addin/";
// The functions as the catalogue lists them (the JSDoc, the metadata and the pane follow it).
const NTH_FUNCTIONS = Object.keys(catalogue);

interface Metadata {
  functions: {
    id: string;
    name: string;
    description: string;
    parameters: { name: string; description: string }[];
  }[];
}

let out: string;
const read = (file: string): string => fs.readFileSync(path.join(out, file), "utf8");

beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "nth-build-"));
  execFileSync(
    process.execPath,
    [path.join(ROOT, "node_modules/webpack/bin/webpack.js"), "--mode", "production", "--output-path", out],
    {
      cwd: ROOT,
      encoding: "utf8",
      stdio: "pipe",
      env: { ...process.env, NTH_PROD_URL: PROD_URL, NTH_OFFICE_JS: "" },
    },
  );
  // A guard against a hung build only, not a speed check.
}, 900_000);

afterAll(() => {
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

it("writes functions.json with every NTH function and its descriptions", () => {
  const metadata = JSON.parse(read("functions.json")) as Metadata;
  expect(metadata.functions.map((f) => f.id)).toEqual(NTH_FUNCTIONS);
  for (const fn of metadata.functions) {
    expect(fn.name).toBe(fn.id);
    expect(fn.description).toMatch(/[a-z]{3}/);
    expect(fn.parameters.length).toBeGreaterThanOrEqual(1);
    for (const p of fn.parameters) expect(p.description.length).toBeGreaterThan(5);
  }
});

it("writes the Vietnamese metadata with the same functions", () => {
  const vi = JSON.parse(read("functions.vi-VN.json")) as Metadata;
  expect(vi.functions.map((f) => f.name)).toEqual(NTH_FUNCTIONS);
  expect(vi.functions[0].description).toMatch(/^Tỷ lệ nhất thể hóa/);
  for (const fn of vi.functions)
    expect(fn.description).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵđêềếểễệôồốổỗộơờớởỡợưừứửữự]/);
});

it("registers every function and the ribbon command in the bundles", () => {
  const functions = read("functions.js");
  for (const id of NTH_FUNCTIONS) expect(functions).toContain(`CustomFunctions.associate("${id}"`);
  expect(read("commands.js")).toContain('associate("generateReports"');
});

it("writes a production manifest with no development URL left", () => {
  const manifest = read("manifest.xml");
  expect(manifest).not.toContain("localhost");
  expect(manifest).toContain(`${PROD_URL}taskpane.html`);
  expect(manifest).toContain(`${PROD_URL}functions.json`);
  expect(manifest).toContain(`${PROD_URL}functions.vi-VN.json`);
  for (const size of [16, 32, 64, 80]) {
    expect(manifest).toContain(`${PROD_URL}assets/icon-${size}.png`);
    expect(fs.existsSync(path.join(out, `assets/icon-${size}.png`))).toBe(true);
  }
});

it("loads office.js from Microsoft's CDN and copies no local office.js", () => {
  const html = read("taskpane.html");
  expect(html).toMatch(/src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?[ >]/);
  expect(fs.existsSync(path.join(out, "office-js"))).toBe(false);
  // office.js first, then the three bundles of the shared runtime.
  const order = ["office.js", "commands.js", "functions.js", "taskpane.js"].map((s) => html.indexOf(s));
  expect(order.every((p) => p > 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
});

it("allows only its own origin and the Office CDN in the Content-Security-Policy", () => {
  const html = read("taskpane.html");
  const csp = /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1] ?? "";
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).not.toContain("unsafe-inline");
  expect(csp).not.toContain("unsafe-eval");
  const origins = csp.match(/https?:\/\/[^\s;']+/g) ?? [];
  expect(new Set(origins)).toEqual(new Set(["https://appsforoffice.microsoft.com"]));
});

it("keeps the in-memory Excel and the demo workbook out of the pane's bundle, in a chunk of their own", () => {
  // String literals survive minification: one from the in-memory Excel, one from the sample data.
  const FAKE = "Injected failure at sync";
  const SAMPLE = "Khuổi Chặng";
  const names = ["taskpane.js", "commands.js", "functions.js"];
  for (const bundle of names.map(read)) {
    expect(bundle).not.toContain(FAKE);
    expect(bundle).not.toContain(SAMPLE);
  }
  const chunks = fs.readdirSync(out).filter((f) => f.endsWith(".js") && !names.includes(f));
  const demo = chunks.filter((f) => /demo/.test(f)).map(read);
  expect(demo.some((c) => c.includes(FAKE))).toBe(true);
  expect(demo.some((c) => c.includes(SAMPLE) || c.includes("Khu\\u1ed5i Ch\\u1eb7ng"))).toBe(true);
  // Whatever chunk holds them (the minifier may escape the text; a shared chunk may be split out)
  // is a demo chunk, and no page loads it up front.
  const holds = (c: string): boolean =>
    c.includes(FAKE) || c.includes(SAMPLE) || c.includes("Khu\\u1ed5i Ch\\u1eb7ng");
  const holding = fs.readdirSync(out).filter((f) => f.endsWith(".js") && holds(read(f)));
  expect(holding.length).toBeGreaterThan(0);
  expect(holding.filter((f) => !/demo/.test(f))).toEqual([]);
  const pages = fs
    .readdirSync(out)
    .filter((f) => f.endsWith(".html"))
    .map(read);
  for (const f of holding) for (const page of pages) expect(page).not.toContain(f);
});

it("loads the submission writer (and ExcelJS) only when a submission is made, from a chunk of its own", () => {
  // A path every .xlsx ExcelJS writes: a string literal of ExcelJS that survives minification.
  const EXCELJS = "xl/sharedStrings.xml";
  expect(read("taskpane.js")).not.toContain(EXCELJS);
  const chunks = fs.readdirSync(out).filter((f) => f.endsWith(".js"));
  expect(chunks.some((f) => /submission/.test(f))).toBe(true);
  expect(chunks.some((f) => read(f).includes(EXCELJS))).toBe(true);
});

it("gives the pane package.json's version for the submission's manifest sheet", () => {
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    version: string;
  };
  const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // The pane's services (src/taskpane/index.tsx): the version the store writes as `addinVersion`.
  expect(read("taskpane.js")).toMatch(new RegExp(`download:[\\w$]+,version:"${escaped}"`));
  for (const f of fs.readdirSync(out).filter((name) => name.endsWith(".js")))
    expect(read(f)).not.toContain("__NTH_VERSION__");
});
