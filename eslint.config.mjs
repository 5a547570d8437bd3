// ESLint flat config (ESLint 10 + typescript-eslint 8).
// `npm run lint` lints the whole repository except build output.
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

/** What the functional core may not touch: it must stay pure (no Office, no DOM, no Node). */
const CORE_FORBIDDEN_IMPORTS = {
  paths: [
    { name: "fs", message: "src/core er ren logikk: ingen filsystem (core must stay pure)." },
    { name: "path", message: "src/core er ren logikk: ingen Node-API-er (core must stay pure)." },
    { name: "exceljs", message: "src/core skal ikke kjenne exceljs; bruk WritePlan (core must stay pure)." },
  ],
  patterns: [
    { group: ["node:*"], message: "src/core er ren logikk: ingen Node-API-er (core must stay pure)." },
    { group: ["fs/*", "path/*", "exceljs/*"], message: "src/core er ren logikk (core must stay pure)." },
  ],
};
const CORE_FORBIDDEN_GLOBALS = ["Office", "Excel", "document", "window", "CustomFunctions"].map((name) => ({
  name,
  message: `src/core er ren logikk: ${name} hører hjemme i taskpane/, excel/ eller functions/ (core must stay pure).`,
}));

export default defineConfig(
  {
    ignores: ["node_modules/", "dist/", "lib/", "out/", "coverage/", "test-artifacts/", ".lonn-tmp/"],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Node-side JavaScript: build config and scripts.
    files: ["**/*.js", "**/*.cjs", "**/*.mjs"],
    languageOptions: { globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Browser code running inside Office.
    files: ["src/taskpane/**/*.ts", "src/functions/**/*.ts", "src/excel/**/*.ts"],
    languageOptions: {
      globals: { ...globals.browser, Office: "readonly", Excel: "readonly", OfficeExtension: "readonly", CustomFunctions: "readonly" },
    },
  },
  {
    // The Node shell (`lonn` command) and tests.
    files: ["src/cli/**/*.ts", "test/**/*.ts", "bench/**/*.ts"],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
  {
    // The functional core stays pure.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", CORE_FORBIDDEN_IMPORTS],
      "no-restricted-globals": ["error", ...CORE_FORBIDDEN_GLOBALS],
    },
  },
);
