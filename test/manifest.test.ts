/**
 * @jest-environment jsdom
 *
 * manifest.xml checked offline (`office-addin-manifest validate` needs the network): resource ids
 * resolve, one long-lived shared runtime, the custom functions' pages, https everywhere, the
 * permission, and a Vietnamese override for every string users read.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");
const XML = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { toProductionManifest } = require("../webpack.config.js") as {
  toProductionManifest: (xml: string, url: string) => string;
};

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  return doc;
}

const doc = parse(XML);
const all = (tag: string): Element[] => Array.from(doc.getElementsByTagName(tag));
const one = (tag: string): Element => {
  const found = all(tag);
  expect(found).toHaveLength(1);
  return found[0];
};

/** A direct child of <OfficeApp> (DisplayName, Description… also occur deeper, with other meanings). */
const topLevel = (tag: string): Element => {
  const found = Array.from(doc.documentElement.children).filter((e) => e.tagName === tag);
  expect(found).toHaveLength(1);
  return found[0];
};

/** Resources by id: images, URLs, short and long strings. */
function resources(
  kind: "bt:Images" | "bt:Urls" | "bt:ShortStrings" | "bt:LongStrings",
): Map<string, Element> {
  const section = one(kind);
  return new Map(Array.from(section.children).map((e) => [e.getAttribute("id") ?? "", e]));
}
const images = resources("bt:Images");
const urls = resources("bt:Urls");
const shortStrings = resources("bt:ShortStrings");
const longStrings = resources("bt:LongStrings");

/** The resid that the SourceLocation inside `parent` points to. */
function sourceResid(parent: Element): string {
  const location = parent.getElementsByTagName("SourceLocation")[0];
  expect(location).toBeDefined();
  return location.getAttribute("resid") ?? "";
}

describe("manifest.xml", () => {
  it("defines every resource id it references, each once", () => {
    const defined = [...images.keys(), ...urls.keys(), ...shortStrings.keys(), ...longStrings.keys()];
    expect(new Set(defined).size).toBe(defined.length);
    const referenced = all("*")
      .map((e) => e.getAttribute("resid"))
      .filter((r): r is string => r !== null);
    expect(referenced.length).toBeGreaterThan(10);
    for (const resid of referenced) expect(defined).toContain(resid);
    for (const id of defined) expect(id.length).toBeLessThanOrEqual(32);
  });

  it("has exactly one runtime, long-lived, on the task pane page", () => {
    const runtimes = all("Runtime");
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].getAttribute("lifetime")).toBe("long");
    expect(runtimes[0].getAttribute("resid")).toBe("Taskpane.Url");
    // The Runtimes element comes right after <Host xsi:type="Workbook">.
    expect(runtimes[0].parentElement?.parentElement?.firstElementChild?.tagName).toBe("Runtimes");
  });

  it("runs the custom functions, the commands and the pane in that one runtime", () => {
    const runtime = one("Runtime").getAttribute("resid");
    const customFunctions = all("ExtensionPoint").find(
      (e) => e.getAttribute("xsi:type") === "CustomFunctions",
    );
    expect(customFunctions).toBeDefined();
    const cf = customFunctions as Element;
    const page = sourceResid(cf.getElementsByTagName("Page")[0]);
    const script = sourceResid(cf.getElementsByTagName("Script")[0]);
    const metadata = sourceResid(cf.getElementsByTagName("Metadata")[0]);
    expect(page).toBe(runtime);
    expect(urls.get(script)?.getAttribute("DefaultValue")).toMatch(/\/functions\.js$/);
    expect(urls.get(metadata)?.getAttribute("DefaultValue")).toMatch(/\/functions\.json$/);
    expect(one("FunctionFile").getAttribute("resid")).toBe(runtime);
    const showPane = all("Action").filter((a) => a.getAttribute("xsi:type") === "ShowTaskpane");
    expect(showPane).toHaveLength(1);
    expect(sourceResid(showPane[0])).toBe(runtime);
    expect(urls.get(runtime ?? "")?.getAttribute("DefaultValue")).toMatch(/\/taskpane\.html$/);
  });

  it("has a 4-part version past the first release (bumped when the functions changed)", () => {
    const version = topLevel("Version").textContent ?? "";
    expect(version).toMatch(/^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/);
    expect(version).not.toBe("1.0.0.0");
  });

  it("uses the namespace NTH (at most 32 characters)", () => {
    const resid = one("Namespace").getAttribute("resid") ?? "";
    const namespace = shortStrings.get(resid)?.getAttribute("DefaultValue") ?? "";
    expect(namespace).toBe("NTH");
    expect(namespace.length).toBeLessThanOrEqual(32);
  });

  it("points the ribbon's ExecuteFunction at a function that commands.ts associates", () => {
    const names = all("FunctionName").map((e) => e.textContent?.trim());
    expect(names).toEqual(["generateReports"]);
    const commands = fs.readFileSync(path.join(ROOT, "src/commands/commands.ts"), "utf8");
    for (const name of names) expect(commands).toContain(`Office.actions.associate("${name}"`);
  });

  it("uses https for every URL", () => {
    const values = all("*").flatMap((e) =>
      ["DefaultValue", "Value"].map((a) => e.getAttribute(a)).filter((v): v is string => v !== null),
    );
    const urlLike = values.filter((v) => /^[a-z]+:\/\//i.test(v));
    expect(urlLike.length).toBeGreaterThan(8);
    for (const v of urlLike) expect(v).toMatch(/^https:\/\//);
    for (const e of [...images.values(), ...urls.values()]) {
      expect(e.getAttribute("DefaultValue")).toMatch(/^https:\/\//);
    }
  });

  it("asks for ReadWriteDocument and nothing broader", () => {
    expect(topLevel("Permissions").textContent?.trim()).toBe("ReadWriteDocument");
  });

  it("requires the shared runtime, custom functions runtime and ExcelApi sets", () => {
    const sets = new Map(all("Set").map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")]));
    expect(sets.get("SharedRuntime")).toBe("1.1");
    expect(sets.get("CustomFunctionsRuntime")).toBe("1.2");
    expect(sets.get("ExcelApi")).toBe("1.12");
  });

  it("has a vi-VN override for every string users read, within Office's length limits", () => {
    expect(topLevel("DefaultLocale").textContent).toBe("en-US");
    const strings: [Element, number][] = [
      ...Array.from(shortStrings.values()).map((e): [Element, number] => [e, 125]),
      ...Array.from(longStrings.values()).map((e): [Element, number] => [e, 250]),
      [topLevel("DisplayName"), 125],
      [topLevel("Description"), 250],
    ];
    for (const [element, limit] of strings) {
      const overrides = Array.from(element.children).filter((c) => c.getAttribute("Locale") === "vi-VN");
      expect(overrides).toHaveLength(1);
      const vi = overrides[0].getAttribute("Value") ?? "";
      expect(vi.length).toBeGreaterThan(0);
      expect(vi.length).toBeLessThanOrEqual(limit);
      expect((element.getAttribute("DefaultValue") ?? "").length).toBeLessThanOrEqual(limit);
    }
    // The ribbon and the pane's title are really in Vietnamese.
    expect(topLevel("DisplayName").children[0].getAttribute("Value")).toBe("Nhất thể hóa — Tổng hợp");
    expect(longStrings.size + shortStrings.size).toBeGreaterThanOrEqual(8);
  });

  it("points the vi-VN locale at the Vietnamese function metadata", () => {
    const resid = sourceResid(all("Metadata")[0]);
    const override = Array.from(urls.get(resid)?.children ?? []).find(
      (c) => c.getAttribute("Locale") === "vi-VN",
    );
    expect(override?.getAttribute("Value")).toMatch(/^https:\/\/.*\/functions\.vi-VN\.json$/);
  });

  it("becomes a production manifest with every development URL replaced", () => {
    const occurrences = XML.split("https://localhost:3000/").length - 1;
    expect(occurrences).toBeGreaterThan(5);
    const production = toProductionManifest(XML, "https://nth.example.gov.vn/addin/");
    expect(production).not.toContain("localhost");
    expect(production.split("https://nth.example.gov.vn/addin/").length - 1).toBe(occurrences);
    parse(production);
  });

  it("is read by office-addin-manifest offline", () => {
    const cli = path.join(ROOT, "node_modules/office-addin-manifest/cli.js");
    const out = execFileSync(process.execPath, [cli, "info", "manifest.xml"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(out).toContain(topLevel("Id").textContent ?? "no id");
    expect(out).toContain("Permissions: ReadWriteDocument");
  });
});
