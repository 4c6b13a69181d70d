import fs from "node:fs";
import { Kind, NoUnusedFragmentsRule, parse, specifiedRules, validate, type DefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import { schema } from "../src/schema.js";

/** Every GraphQL example of the supplier guide must run against the schema as it is. */
const GUIDE = new URL("../../docs/api.md", import.meta.url);
const blocs = [...fs.readFileSync(GUIDE, "utf8").matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
const executables = blocs.filter((b) => /^\s*(query|mutation|fragment)\b/.test(b));
const fragments = executables.flatMap((b) =>
  parse(b).definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION),
) as DefinitionNode[];
const regles = specifiedRules.filter((r) => r !== NoUnusedFragmentsRule);

describe("docs/api.md", () => {
  it("has GraphQL examples", () => {
    expect(executables.length).toBeGreaterThan(15);
  });

  it.each(
    executables
      .filter((b) => !/^\s*fragment\b/.test(b))
      .map((b) => [b.match(/^\s*(?:query|mutation)\s+(\w+)/)?.[1] ?? b.slice(0, 30), b]),
  )("example %s is valid against the schema", (_nom, texte) => {
    const document = parse(texte);
    const propres = new Set(
      document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => d.name.value),
    );
    const complet = {
      ...document,
      definitions: [
        ...document.definitions,
        ...fragments.filter((f) => f.kind === Kind.FRAGMENT_DEFINITION && !propres.has(f.name.value)),
      ],
    };
    expect(validate(schema, complet, regles).map((e) => e.message)).toEqual([]);
  });
});
