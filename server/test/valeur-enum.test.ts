import { describe, expect, it } from "vitest";
import { BLOCS } from "@segur/shared";
import { valeurEnum } from "../src/commun/types.js";

describe("valeurEnum (stored enum text read back as its GraphQL value)", () => {
  it("keeps a known value and a null", () => {
    expect(valeurEnum(BLOCS, "BENEFICIAIRES")).toBe("BENEFICIAIRES");
    expect(valeurEnum(BLOCS, null)).toBeNull();
  });
  it("refuses a value outside the enum (a corrupted row is never sent)", () => {
    expect(() => valeurEnum(BLOCS, "INCONNU")).toThrow(/hors de l'énumération/);
  });
});
