import { mount } from "@vue/test-utils";
import { describe, expect, it, vi } from "vitest";
import GraphiqueBarres from "./GraphiqueBarres.vue";

describe("GraphiqueBarres", () => {
  it("names its image by its title and every figure, so nothing is told by colour alone", () => {
    // happy-dom has no 2D context: Chart.js says so and draws nothing, the markup is what is tested.
    const erreur = vi.spyOn(console, "error").mockImplementation(() => {});
    const w = mount(GraphiqueBarres, {
      props: { titre: "Demandes par couloir", libelles: ["MS1", "MS2"], valeurs: [3, 1200], formater: (v) => `${v} d` },
    });
    const toile = w.get("canvas");
    expect(toile.attributes("role")).toBe("img");
    expect(toile.attributes("aria-label")).toBe("Demandes par couloir : MS1 3 d, MS2 1200 d.");
    w.unmount();
    erreur.mockRestore();
  });
});
