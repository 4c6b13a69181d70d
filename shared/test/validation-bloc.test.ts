import { describe, expect, it } from "vitest";
import { etatsValidesEnBloc, planValidationBloc } from "../src/index.js";

const lignes = [
  { cle: "a", validation: "A_VALIDER" },
  { cle: "r", validation: "REJETEE" },
  { cle: "v", validation: "VALIDEE" },
];
const cles = (l: readonly { cle: string }[]) => l.map((x) => x.cle);

describe("validating a whole block", () => {
  it("without the flag, a rejected row stays rejected and the block does not lock", () => {
    const p = planValidationBloc(lignes, false);
    expect(cles(p.aValider)).toEqual(["a"]);
    expect(cles(p.restentRejetees)).toEqual(["r"]);
    expect(p.rejetsLeves).toEqual([]);
    expect(p.verrouiller).toBe(false);
    expect(etatsValidesEnBloc(false)).toEqual(["A_VALIDER"]);
  });

  it("with the flag, the rejection is lifted (listed) and the block locks", () => {
    const p = planValidationBloc(lignes, true);
    expect(cles(p.aValider)).toEqual(["a", "r"]);
    expect(p.restentRejetees).toEqual([]);
    expect(cles(p.rejetsLeves)).toEqual(["r"]);
    expect(p.verrouiller).toBe(true);
    expect(etatsValidesEnBloc(true)).toEqual(["A_VALIDER", "REJETEE"]);
  });

  it("without rejected rows it validates every row and locks; an empty block never locks", () => {
    expect(planValidationBloc([lignes[0]!, lignes[2]!], false)).toMatchObject({
      restentRejetees: [],
      verrouiller: true,
    });
    expect(planValidationBloc([], true).verrouiller).toBe(false);
  });
});
