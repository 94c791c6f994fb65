/**
 * Build of the add-in: the official "Excel custom functions, shared runtime" template merged with
 * the React task-pane template. One page, taskpane.html, is the shared runtime: it loads office.js,
 * then the commands, functions and task-pane bundles.
 *
 * Environment:
 *   NTH_PROD_URL   where the production build is hosted (default https://nth-rollup.example.org/);
 *                  replaces every https://localhost:3000/ in manifest*.xml in production mode.
 *   NTH_OFFICE_JS  "local" serves office.js from this origin (copied from @microsoft/office-js),
 *                  "cdn" loads it from Microsoft's CDN. Default: local in development, cdn in
 *                  production (add-ins in the store must use the CDN).
 *   NTH_DEV_HTTP   "1" makes the dev server use plain http without trying certificates.
 *
 * `__NTH_VERSION__` in the code is replaced by package.json's version (declared in src/version.d.ts):
 * the add-in version a submission made in the pane states in its manifest sheet.
 */
"use strict";

const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { DefinePlugin } = require("webpack");
const { version } = require("./package.json");
const { LocalizeFunctionsPlugin } = require("./scripts/localize-functions.js");

const DEV_URL = "https://localhost:3000/";
const DEFAULT_PROD_URL = "https://nth-rollup.example.org/";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_LOCAL = "office-js/office.js";

/** The production URL, https and ending with "/", or an error that stops the build. */
function productionUrl() {
  const url = (process.env.NTH_PROD_URL || DEFAULT_PROD_URL).trim();
  if (!/^https:\/\/[^/\s]+(\/[^\s]*)?$/.test(url)) {
    throw new Error(`NTH_PROD_URL must be an https URL, got "${url}"`);
  }
  return url.endsWith("/") ? url : url + "/";
}

/** Every occurrence of the development URL replaced (the template replaced only the first). */
function toProductionManifest(xml, prodUrl) {
  return xml.split(DEV_URL).join(prodUrl);
}

/**
 * The page's Content-Security-Policy: this origin only, plus the Office CDN for scripts.
 * Styles: Fluent UI (Griffel) and FluentProvider create *empty* <style> elements and fill them
 * through the CSSOM (insertRule), which CSP does not govern; the one hash allowed is the SHA-256
 * of the empty string, so no 'unsafe-inline' is needed and a <style> with content stays blocked.
 */
const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

function contentSecurityPolicy() {
  return [
    "default-src 'self'",
    "script-src 'self' https://appsforoffice.microsoft.com",
    `style-src 'self' ${EMPTY_STYLE_HASH}`,
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/**
 * ExcelJS's browser build is already minified (a 0.9 MB file): its chunk is marked as minimized, so
 * that the minimizer does not spend a quarter of the build minifying it again.
 */
class KeepMinifiedChunk {
  constructor(name) {
    this.name = name;
  }

  apply(compiler) {
    const { Compilation } = compiler.webpack;
    compiler.hooks.compilation.tap("KeepMinifiedChunk", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "KeepMinifiedChunk", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE - 1 },
        () => {
          for (const chunk of compilation.chunks) {
            if (chunk.name !== this.name) continue;
            for (const file of chunk.files)
              compilation.updateAsset(file, (source) => source, { minimized: true });
          }
        },
      );
    });
  }
}

/** https options from office-addin-dev-certs, or null (then plain http) when they can't be made. */
async function httpsOptions() {
  if (process.env.NTH_DEV_HTTP === "1") {
    console.log("[nth] NTH_DEV_HTTP=1: dev server on plain http (Excel will not load the add-in over http).");
    return null;
  }
  try {
    const devCerts = require("office-addin-dev-certs");
    const options = await devCerts.getHttpsServerOptions();
    return { ca: options.ca, key: options.key, cert: options.cert };
  } catch (error) {
    console.warn(
      "[nth] Could not create or install the localhost certificates (" +
        String(error && error.message ? error.message : error).split("\n")[0] +
        "). Serving on plain http: fine for a browser preview, but Excel needs https " +
        "(run `npx office-addin-dev-certs install` where you can, see docs/sideloading.md).",
    );
    return null;
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const officeJs = process.env.NTH_OFFICE_JS || (dev ? "local" : "cdn");
  if (officeJs !== "local" && officeJs !== "cdn") throw new Error(`NTH_OFFICE_JS must be "local" or "cdn"`);
  const prodUrl = dev ? DEV_URL : productionUrl();

  const copyPatterns = [
    { from: "assets/*.png", to: "assets/[name][ext]" },
    {
      from: "manifest*.xml",
      to: "[name][ext]",
      transform(content) {
        return dev ? content : toProductionManifest(content.toString(), prodUrl);
      },
    },
  ];
  if (officeJs === "local") {
    // 80+ MB of already-minified files: `minimized` keeps Terser off them (4 minutes otherwise).
    copyPatterns.push({
      from: path.resolve(__dirname, "node_modules/@microsoft/office-js/dist"),
      to: "office-js",
      info: { minimized: true },
    });
  }

  const server = serving ? await httpsOptions() : null;

  return {
    devtool: "source-map",
    entry: {
      commands: "./src/commands/commands.ts",
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
    },
    module: {
      // ExcelJS's browser build (the pane reads picked .xlsx files with it, in a chunk loaded on first
      // use) is one self-contained, already minified file: nothing in it for webpack to resolve.
      noParse: /node_modules[\\/]exceljs[\\/]dist[\\/]/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              configFile: path.resolve(__dirname, "tsconfig.json"),
              // Type checking is `npm run typecheck`; the build only transpiles (much faster).
              transpileOnly: true,
              // ES modules let webpack drop the unused parts of Fluent UI.
              compilerOptions: { module: "esnext" },
            },
          },
        },
      ],
    },
    plugins: [
      new DefinePlugin({ __NTH_VERSION__: JSON.stringify(version) }),
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new LocalizeFunctionsPlugin({
        input: "functions.json",
        output: "functions.vi-VN.json",
        table: "src/functions/catalogue.json",
        helpBase: prodUrl,
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["commands", "functions", "taskpane"],
        chunksSortMode: "manual",
        officeJsUrl: officeJs === "local" ? OFFICE_JS_LOCAL : OFFICE_JS_CDN,
        csp: contentSecurityPolicy(),
      }),
      new CopyWebpackPlugin({ patterns: copyPatterns }),
      new KeepMinifiedChunk("exceljs"),
    ],
    optimization: {
      splitChunks: {
        cacheGroups: {
          // ExcelJS alone in its chunk (loaded when the clerk first picks files to import).
          exceljs: {
            test: /node_modules[\\/]exceljs[\\/]dist[\\/]/,
            name: "exceljs",
            chunks: "async",
            enforce: true,
          },
        },
      },
    },
    performance: {
      // The pane is served to one user from a nearby server or the local disk; size warnings
      // about the React bundle are noise here.
      hints: false,
    },
    devServer: {
      static: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: server ? { type: "https", options: server } : { type: "http" },
      // Only this machine: the manifest points at localhost, and nothing else needs the dev build.
      host: "localhost",
      port: Number(process.env.npm_package_config_dev_server_port) || 3000,
      client: { overlay: { warnings: false } },
    },
  };
};

module.exports.toProductionManifest = toProductionManifest;
module.exports.contentSecurityPolicy = contentSecurityPolicy;
