// ESLint flat config: eslint-plugin-office-addins (recommended + react, which bring prettier and the
// Office.js rules such as no-context-sync-in-loop), typescript-eslint, and a wall around the pure core.
import { builtinModules, createRequire } from "node:module";
import tseslint from "typescript-eslint";

const require = createRequire(import.meta.url);
const officeAddins = require("eslint-plugin-office-addins");

// office-addins bundles its own (older) typescript-eslint; ESLint refuses two different plugin objects
// under one name, so its configs are pointed at the project's typescript-eslint plugin and parser.
// Its file globs also leave out .tsx/.jsx, where the task pane's Office.js code lives: add them.
const OFFICE_GLOB = "**/*.{js,mjs,cjs,ts,cts,mts}";
const ALL_SOURCES = "**/*.{js,jsx,mjs,cjs,ts,tsx,cts,mts}";

function adopt(config) {
  const out = { ...config };
  if (out.plugins?.["@typescript-eslint"])
    out.plugins = { ...out.plugins, "@typescript-eslint": tseslint.plugin };
  if (out.languageOptions?.parser) {
    out.languageOptions = { ...out.languageOptions, parser: tseslint.parser, ecmaVersion: "latest" };
  }
  if (out.files?.length === 1 && out.files[0] === OFFICE_GLOB) out.files = [ALL_SOURCES];
  return out;
}

// Node's globals for the CommonJS build scripts (webpack.config.js, scripts/*.js, jest.config.js, bin/).
const NODE_GLOBALS = {
  require: "readonly",
  module: "writable",
  exports: "writable",
  process: "readonly",
  console: "readonly",
  Buffer: "readonly",
  __dirname: "readonly",
  __filename: "readonly",
  setTimeout: "readonly",
  clearTimeout: "readonly",
  URL: "readonly",
};

// What src/core and src/report may never use: they are pure TypeScript (see docs/architecture.md).
const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith("_"));
const PURE_CORE_IMPORTS = {
  paths: [
    ...NODE_BUILTINS.map((name) => ({
      name,
      message: "src/core and src/report are pure: no Node built-ins.",
    })),
    ...["react", "react-dom", "exceljs", "@microsoft/office-js"].map((name) => ({
      name,
      message: "src/core and src/report are pure: no Office.js, React or ExcelJS.",
    })),
  ],
  patterns: [
    { group: ["node:*"], message: "src/core and src/report are pure: no Node built-ins." },
    {
      group: [
        "@fluentui/*",
        "react/*",
        "react-dom/*",
        "exceljs/*",
        "@microsoft/office-js/*",
        "@types/office-js",
      ],
      message: "src/core and src/report are pure: no Office.js, React, Fluent UI or ExcelJS.",
    },
    ...NODE_BUILTINS.map((name) => ({
      group: [`${name}/*`],
      message: "src/core and src/report are pure: no Node built-ins.",
    })),
  ],
};
const PURE_CORE_GLOBALS = [
  "Office",
  "Excel",
  "CustomFunctions",
  "OfficeExtension",
  "OfficeRuntime",
  "document",
  "window",
  "navigator",
  "localStorage",
  "fetch",
  "XMLHttpRequest",
  "process",
  "require",
  "Buffer",
  "__dirname",
  "__filename",
].map((name) => ({ name, message: "src/core and src/report are pure: pass data in, get data out." }));

// The pure layers reach Excel only through the workbook port.
const PURE_NO_SHELLS = {
  group: ["**/excel/*", "**/excel/**", "**/xlsx/*", "**/taskpane/*", "**/cli/*", "**/commands/*"],
  message: "The pure layers reach Excel only through the workbook port (src/port/workbookPort.ts).",
};

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "lib/**",
      "node_modules/**",
      "coverage/**",
      "samples/**",
      "out/**",
      "dist-tsc/**",
      "test-output/**",
    ],
  },
  ...officeAddins.configs.react.map(adopt),
  ...tseslint.configs.recommended,
  {
    files: [ALL_SOURCES],
    settings: { react: { version: "detect" } },
    rules: {
      // Types describe props; the React 17+ JSX transform needs no React in scope.
      "react/prop-types": "off",
      "react/react-in-jsx-scope": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.{js,cjs}", "bin/**"],
    languageOptions: { sourceType: "commonjs", globals: NODE_GLOBALS },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { sourceType: "module", globals: NODE_GLOBALS },
  },
  {
    // Tests of the in-memory Excel fake break the load/sync rules on purpose, to prove the fake
    // throws like Office.js; the rules stay on for all shipped code.
    files: ["test/**"],
    rules: {
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
    },
  },
  {
    // The pure layers: the core, the report layouts, the workflows (app) and the port between the
    // workflows and the shells. src/app talks to Excel only through the port (src/port).
    files: ["src/core/**", "src/report/**", "src/app/**", "src/port/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          ...PURE_CORE_IMPORTS,
          patterns: [...PURE_CORE_IMPORTS.patterns, PURE_NO_SHELLS],
        },
      ],
      "no-restricted-globals": ["error", ...PURE_CORE_GLOBALS],
    },
  },
  {
    // The core is the bottom layer: the report layouts, the workflows and the port are built on
    // it, never the other way round (what core needs of them, such as the report titles the reader
    // recognises, lives in core: src/core/productSheets.ts).
    files: ["src/core/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          ...PURE_CORE_IMPORTS,
          patterns: [
            ...PURE_CORE_IMPORTS.patterns,
            PURE_NO_SHELLS,
            {
              group: ["**/report/*", "**/report/**", "**/app/*", "**/app/**", "**/port/*", "**/port/**"],
              message:
                "src/core imports nothing from src/report, src/app or src/port: it is the bottom layer.",
            },
          ],
        },
      ],
    },
  },
  {
    // The Excel shell implements the port; it never imports the workflows.
    files: ["src/excel/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/app/*", "**/app/**", "**/taskpane/*"],
              message: "src/excel implements the workbook port (src/port); it does not import src/app.",
            },
          ],
        },
      ],
    },
  },
);
