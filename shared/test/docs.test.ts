import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { exempleDocumentImport, validerDocumentImport } from "../src/index.js";

const docs = new URL("../../docs/", import.meta.url);

describe("docs/import-format", () => {
  it("the full example of the documentation is exempleDocumentImport()", () => {
    const md = readFileSync(new URL("import-format.md", docs), "utf8");
    const blocs = [...md.matchAll(/```json\n([\s\S]*?)\n```/g)];
    const dernier = blocs.at(-1)?.[1];
    expect(dernier).toBeDefined();
    expect(JSON.parse(dernier!)).toEqual(exempleDocumentImport());
    const r = validerDocumentImport(JSON.parse(dernier!), {
      dateDebutCertificat: new Date("2023-09-21"),
      dateDepot: new Date("2024-01-01"),
    });
    expect(r.erreurs).toEqual([]);
  });

  it("the JSON Schema is draft 2020-12 and knows both OG spellings", () => {
    const schema = JSON.parse(readFileSync(new URL("import-format.schema.json", docs), "utf8"));
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(Object.keys(schema.$defs.beneficiaire.properties)).toEqual(
      expect.arrayContaining([
        "contracutualisationOG",
        "contractualisationOG",
        "StatutAdminTechnique",
        "certificatServeur",
      ]),
    );
  });
});
