import { describe, expect, it } from "vitest";
import { domaineAscii, emailValide, problemeEmail, validerBeneficiaire } from "../src/index.js";

const local64 = "a".repeat(64);
const label63 = "d".repeat(63);

describe("email: valid when an SMTP server would accept it (SPEC §10)", () => {
  it.each([
    "jean@exemple.fr",
    "a.st@mail.com",
    "Jean.Dupont+segur@Exemple.FR",
    "o'brien@exemple.ie",
    "x_y-z@sous.domaine.exemple.fr",
    "a@éxample.fr", // internationalised domain: sent as punycode
    "contact@mairie-évry.fr",
    "a@xn--xample-9ua.fr",
    `${local64}@exemple.fr`,
    `jean@${label63}.fr`,
  ])("%s is valid", (s) => {
    expect(problemeEmail(s)).toBeNull();
    expect(emailValide(s)).toBe(true);
  });

  it.each([
    ["", "adresse email valide attendue (exemple : prenom.nom@domaine.fr)"],
    ["jean", "adresse email valide attendue (exemple : prenom.nom@domaine.fr)"],
    ["jean@", "adresse email valide attendue (exemple : prenom.nom@domaine.fr)"],
    ["@exemple.fr", "adresse email valide attendue (exemple : prenom.nom@domaine.fr)"],
    ["a st@mail.com", "adresse email valide attendue (exemple : prenom.nom@domaine.fr)"],
    [".jean@exemple.fr", "adresse email valide attendue (exemple : prenom.nom@domaine.fr)"],
    ["jean..dupont@exemple.fr", "adresse email valide attendue (exemple : prenom.nom@domaine.fr)"],
    ["jean.@exemple.fr", "adresse email valide attendue (exemple : prenom.nom@domaine.fr)"],
    [`${local64}a@exemple.fr`, "adresse email valide attendue : 64 caractères au maximum avant le « @ »"],
    [
      `jean@${label63}d.fr`,
      "adresse email valide attendue : 63 caractères au maximum entre deux points du nom de domaine",
    ],
    ["é@exemple.fr", "adresse email sans accent avant le « @ » attendue (le nom de domaine peut en avoir)"],
  ])("%j is refused: %s", (s, attendu) => {
    expect(problemeEmail(s)).toBe(attendu);
    expect(emailValide(s)).toBe(false);
  });

  it.each([
    "jean@mail",
    "jean@exemple..fr",
    "jean@.exemple.fr",
    "jean@exemple.fr.",
    "jean@-exemple.fr",
    "jean@exemple-.fr",
    "jean@exem_ple.fr",
    "jean@exemple.fr:25",
    "jean@exemple.fr/x",
    "jean@ex%41mple.fr",
    "jean@[127.0.0.1]",
    "jean@1.2.3.4",
    "jean@exemple.f",
    "jean@a@exemple.fr",
  ])("%s: the domain is refused", (s) => {
    expect(problemeEmail(s)).toMatch(/(nom de domaine invalide|valide attendue \(exemple)/);
  });

  it("150 characters at most in all", () => {
    const email = (n: number) => `${local64}@${"d".repeat(60)}.${"e".repeat(n - 129)}.fr`;
    expect(email(150)).toHaveLength(150);
    expect(emailValide(email(150))).toBe(true);
    expect(problemeEmail(email(151))).toBe("adresse email de 150 caractères au maximum attendue");
  });

  it("a Unicode label whose punycode exceeds 63 characters is refused", () => {
    const label = `${"éàèùâêîôûçëïü".repeat(4)}hopital`; // 59 characters, 72 once in punycode
    expect(domaineAscii(`${label}.fr`)!.split(".")[0]!.length).toBeGreaterThan(63);
    expect(problemeEmail(`jean@${label}.fr`)).toMatch(/63 caractères au maximum/);
  });

  it("domaineAscii gives the punycode form, null for what is not a host name", () => {
    expect(domaineAscii("Éxample.FR")).toBe("xn--xample-9ua.fr");
    expect(domaineAscii("exa mple.fr")).toBeNull();
    expect(domaineAscii("")).toBeNull();
  });

  it("the fields use the rule, with its precise reason", () => {
    const r = validerBeneficiaire({
      nomResponsable: "Anne STU",
      emailResponsable: `${local64}a@ehpad.fr`,
      telResponsable: "0556000001",
      finessJuridique: "330058066",
      finessGeographique: "330000019",
    });
    expect(r.erreurs.map((e) => [e.champ, e.message])).toEqual([
      [
        "emailResponsable",
        "E-mail du responsable : adresse email valide attendue : 64 caractères au maximum avant le « @ ».",
      ],
    ]);
  });
});
