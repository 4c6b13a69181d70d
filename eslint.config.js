// One lint configuration for the workspace; Prettier owns formatting (eslint-config-prettier turns
// the stylistic rules off), ESLint keeps the rules that catch mistakes.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import vue from "eslint-plugin-vue";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/",
      "**/dist/",
      "admin/src/gql/",
      "prisma/generated/",
      "test/.artifacts/",
      "admin/src/icons/collections.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs["flat/recommended"],
  {
    files: ["**/*.vue"],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Tests and the bench read GraphQL answers as untyped JSON.
    files: ["**/*.test.ts", "test/**", "bench/**", "server/test/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  prettier,
);
