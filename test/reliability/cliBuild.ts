import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ts from "typescript";

/**
 * A private copy of the shipped CLI for spawning `node bin/nth-rollup.js`: the real bin script and
 * package.json, and src/{core,report,xlsx,cli} transpiled to lib/ beside them (the layout
 * `npm run build:cli` makes; transpiled file by file, about a second, instead of a full `tsc`).
 * Private, so that tests running at the same time never see a half-built lib/.
 */
export function buildCliCopy(): { bin: string; dir: string } {
  const root = path.resolve(__dirname, "../..");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nth-cli-copy-"));
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.CommonJS,
    target: ts.ScriptTarget.ES2020,
    esModuleInterop: true,
  };
  for (const folder of ["core", "report", "xlsx", "cli"]) {
    const from = path.join(root, "src", folder);
    for (const file of fs.readdirSync(from, { recursive: true, encoding: "utf8" })) {
      if (!file.endsWith(".ts") || file.endsWith(".test.ts")) continue;
      const source = fs.readFileSync(path.join(from, file), "utf8");
      const { outputText } = ts.transpileModule(source, { compilerOptions: options, fileName: file });
      const target = path.join(dir, "lib", folder, file.replace(/\.ts$/, ".js"));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, outputText);
    }
  }
  fs.mkdirSync(path.join(dir, "bin"));
  fs.copyFileSync(path.join(root, "bin", "nth-rollup.js"), path.join(dir, "bin", "nth-rollup.js"));
  fs.copyFileSync(path.join(root, "package.json"), path.join(dir, "package.json"));
  fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"), "dir");
  return { bin: path.join(dir, "bin", "nth-rollup.js"), dir };
}
