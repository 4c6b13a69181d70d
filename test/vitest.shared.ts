import { createRequire } from "node:module";

// graphql ships both ESM (.mjs, picked by Vite) and CJS (.js, picked by Node for the
// libraries Vitest does not transform). Two copies break `instanceof GraphQLError`, so
// every test resolves the same (Node's) copy.
const require = createRequire(import.meta.url);
export const aliasGraphql = {
  graphql: require.resolve("graphql", { paths: [new URL("../server", import.meta.url).pathname] }),
};
