import { describe, expect, it } from "vitest";
import { lireConfig } from "../src/config.js";

describe("PROCESSUS", () => {
  it("defaults to one process; auto = one per core; N as given", () => {
    expect(lireConfig({}, 2).processus).toBe(1);
    expect(lireConfig({ PROCESSUS: "auto" }, 2).processus).toBe(2);
    expect(lireConfig({ PROCESSUS: "auto" }, 8).processus).toBe(8);
    expect(lireConfig({ PROCESSUS: "3" }, 2).processus).toBe(3);
  });

  it("refuses anything else with a French message naming the variable", () => {
    for (const v of ["0", "-1", "1.5", "deux", "65"])
      expect(() => lireConfig({ PROCESSUS: v }, 2)).toThrow(/PROCESSUS doit valoir « auto » ou un entier/);
  });

  it("exposes the pid header only when DEBUG_PROCESSUS is set", () => {
    expect(lireConfig({}, 2).debugProcessus).toBe(false);
    expect(lireConfig({ DEBUG_PROCESSUS: "1" }, 2).debugProcessus).toBe(true);
  });
});
