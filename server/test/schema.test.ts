import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { SCHEMA_FILE, sdl } from "../src/cli/print-schema.js";

describe("schema.graphql", () => {
  it("is up to date with the Pothos schema (run `pnpm schema:print`)", () => {
    expect(fs.readFileSync(SCHEMA_FILE, "utf8")).toBe(sdl());
  });
});
