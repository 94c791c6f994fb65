/**
 * Writes functions.vi-VN.json: the custom-functions metadata that custom-functions-metadata-plugin
 * generates (English descriptions), with every description replaced by its Vietnamese text from
 * src/functions/descriptions-vi.json. Function names stay NTH.* in every language.
 * The manifest points the vi-VN locale at this file with a bt:Override on Functions.Metadata.Url.
 *
 * Used as a webpack plugin (see webpack.config.js), or by hand:
 *   node scripts/localize-functions.js dist/functions.json src/functions/descriptions-vi.json dist/functions.vi-VN.json
 *
 * A function or parameter without a Vietnamese description fails the build, so the table cannot
 * silently fall behind the JSDoc.
 */
"use strict";

const fs = require("fs");
const path = require("path");

/**
 * @param {string} metadataText functions.json as generated
 * @param {Record<string, {description: string, parameters?: Record<string, string>}>} table
 * @returns {string} the localized metadata, pretty-printed
 */
function localizeMetadata(metadataText, table) {
  const metadata = JSON.parse(metadataText);
  const missing = [];
  const known = new Set();
  for (const fn of metadata.functions) {
    known.add(fn.id);
    const entry = table[fn.id];
    if (!entry || typeof entry.description !== "string" || entry.description.trim() === "") {
      missing.push(fn.id);
      continue;
    }
    fn.description = entry.description;
    for (const parameter of fn.parameters || []) {
      const text = entry.parameters && entry.parameters[parameter.name];
      if (typeof text !== "string" || text.trim() === "") missing.push(`${fn.id}(${parameter.name})`);
      else parameter.description = text;
    }
  }
  const unused = Object.keys(table).filter((id) => !known.has(id));
  if (missing.length > 0 || unused.length > 0) {
    const parts = [];
    if (missing.length > 0) parts.push(`no Vietnamese description for ${missing.join(", ")}`);
    if (unused.length > 0) parts.push(`descriptions for unknown functions ${unused.join(", ")}`);
    throw new Error(`descriptions-vi.json: ${parts.join("; ")}`);
  }
  return JSON.stringify(metadata, null, 2) + "\n";
}

/** Webpack plugin: emits `output` from the `input` asset and the Vietnamese table. */
class LocalizeFunctionsPlugin {
  /** @param {{ input: string, output: string, table: string }} options */
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    const name = "LocalizeFunctionsPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const tablePath = path.resolve(compiler.context, this.options.table);
          compilation.fileDependencies.add(tablePath);
          const asset = compilation.getAsset(this.options.input);
          if (!asset) {
            compilation.errors.push(new WebpackError(`${name}: ${this.options.input} was not generated`));
            return;
          }
          try {
            const table = JSON.parse(fs.readFileSync(tablePath, "utf8"));
            const text = localizeMetadata(asset.source.source().toString(), table);
            compilation.emitAsset(this.options.output, new sources.RawSource(text));
          } catch (error) {
            compilation.errors.push(new WebpackError(`${name}: ${error.message}`));
          }
        },
      );
    });
  }
}

module.exports = { localizeMetadata, LocalizeFunctionsPlugin };

if (require.main === module) {
  const [input, tablePath, output] = process.argv.slice(2);
  if (!input || !tablePath || !output) {
    console.error(
      "usage: node scripts/localize-functions.js <functions.json> <descriptions-vi.json> <out.json>",
    );
    process.exit(2);
  }
  try {
    const table = JSON.parse(fs.readFileSync(tablePath, "utf8"));
    fs.writeFileSync(output, localizeMetadata(fs.readFileSync(input, "utf8"), table));
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
