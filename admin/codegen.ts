import type { CodegenConfig } from "@graphql-codegen/cli";

// The schema the server prints (`pnpm schema:print`), committed beside it.
const schema = "../server/schema.graphql";

const config: CodegenConfig = {
  schema,
  // The documents and shared fragments, one .graphql file per area; code imports the generated
  // `…Document` of each (graphql/*.ts), so the initial bundle holds only the shell's.
  documents: ["src/graphql/*.graphql"],
  ignoreNoDocuments: true,
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        skipTypename: false,
        scalars: { DateTime: "string", Date: "string", JSON: "unknown", File: "File", Montant: "string" },
      },
    },
  },
};

export default config;
