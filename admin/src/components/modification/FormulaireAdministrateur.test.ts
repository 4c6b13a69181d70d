import type { AdministrateurValeurs } from "@segur/shared";
import { flushPromises, mount } from "@vue/test-utils";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { echecDepuis, type Issue } from "~/lib/resultat";
import { VALEURS_ADMIN } from "~/lib/brouillon.fixtures";
import { install as installDsfr } from "~/modules/dsfr";
import FormulaireAdministrateur from "./FormulaireAdministrateur.vue";

type Enregistrer = (v: AdministrateurValeurs) => Promise<Issue<unknown>>;

function monter(
  props: {
    valeurs?: typeof VALEURS_ADMIN | null;
    original?: typeof VALEURS_ADMIN | null;
    enregistrer?: Enregistrer;
  } = {},
) {
  const enregistrer = vi.fn<Enregistrer>(props.enregistrer ?? (async () => ({ ok: true, valeur: null })));
  const wrapper = mount(FormulaireAdministrateur, {
    props: { finessBeneficiaires: ["330058066", "750712184"], ...props, enregistrer },
    global: { plugins: [installDsfr] },
    attachTo: document.body,
  });
  return { wrapper, enregistrer };
}

const VERROU =
  "Le bloc « Informations sur le(s) administrateur(s) technique(s) » a été validé et verrouillé par un gestionnaire : il ne peut plus être modifié.";

const champ = (w: ReturnType<typeof monter>["wrapper"], nom: string) => w.get(`[name="${nom}"]`);
/** The option the select renders as selected (happy-dom's select.value ignores the `selected` attribute). */
const choix = (w: ReturnType<typeof monter>["wrapper"], nom: string) =>
  champ(w, nom).find("option[selected]").attributes("value");
const groupeDe = (w: ReturnType<typeof monter>["wrapper"], nom: string) =>
  w.findAll(".fr-input-group, .fr-select-group").find((g) => g.find(`[name="${nom}"]`).exists())!;

describe("FormulaireAdministrateur — Modifier", () => {
  beforeEach(() => {
    document.body.innerHTML = "";
  });

  it("is prefilled with the row's values, FINESS shown but disabled", () => {
    const { wrapper } = monter({ valeurs: VALEURS_ADMIN, original: VALEURS_ADMIN });

    expect((champ(wrapper, "finessJuridique").element as HTMLInputElement).value).toBe("330058066");
    expect(champ(wrapper, "finessJuridique").attributes("disabled")).toBeDefined();
    expect(choix(wrapper, "contractualisationOG")).toBe("true");
    expect(choix(wrapper, "contractualisationEditeur")).toBe("false");
    expect(choix(wrapper, "statutAdminTechnique")).toBe("E");
    expect(choix(wrapper, "utiliteCertificat")).toBe("DMP_INS");
    expect((champ(wrapper, "nomAdminTechnique").element as HTMLInputElement).value).toBe("STU");
    expect(champ(wrapper, "numeroCarteCPX").attributes("maxlength")).toBe("10");
    expect(champ(wrapper, "nomAdminTechnique").attributes("maxlength")).toBe("25");
    expect(wrapper.text()).not.toContain("modifié");
  });

  it("shows in green, with the word « modifié », each field that differs from the saved row", async () => {
    const { wrapper } = monter({ valeurs: VALEURS_ADMIN, original: VALEURS_ADMIN });

    await champ(wrapper, "nomAdminTechnique").setValue("STUART");

    const nom = groupeDe(wrapper, "nomAdminTechnique");
    expect(nom.classes()).toContain("champ-modifie");
    expect(nom.get("label").text()).toContain("modifié");
    expect(groupeDe(wrapper, "telAdminTechnique").classes()).not.toContain("champ-modifie");
  });

  it("gives the CPX hint from the rule table and refuses a missing required CPX without calling the server", async () => {
    const { wrapper, enregistrer } = monter({ valeurs: VALEURS_ADMIN, original: VALEURS_ADMIN });
    // Oui / Editeur / Non → optional
    expect(wrapper.text()).toContain("Facultatif pour cette combinaison");

    await champ(wrapper, "contractualisationEditeur").setValue("true");
    expect(wrapper.text()).toContain("Obligatoire pour cette combinaison");
    await wrapper.get("form").trigger("submit");

    await vi.waitFor(() =>
      expect(wrapper.text()).toContain("Numéro de carte CPX : obligatoire lorsque la contractualisation OG est Oui"),
    );
    const cpx = champ(wrapper, "numeroCarteCPX");
    expect(cpx.attributes("aria-invalid")).toBe("true");
    const decrit = cpx
      .attributes("aria-describedby")!
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" ");
    expect(decrit).toContain("obligatoire lorsque");
    expect(enregistrer).not.toHaveBeenCalled();

    // Live validation after the first submit: the error goes as soon as the field is filled.
    await cpx.setValue("8001234567");
    await vi.waitFor(() => expect(wrapper.text()).not.toContain("Numéro de carte CPX : obligatoire"));
  });

  it("sends the typed values and puts the server's field errors under the fields", async () => {
    const { wrapper, enregistrer } = monter({
      valeurs: VALEURS_ADMIN,
      original: VALEURS_ADMIN,
      enregistrer: async () =>
        echecDepuis(
          {
            __typename: "ErreurValidation",
            code: "VALIDATION",
            message: "Email : adresse refusée.",
            problemes: [
              {
                champ: "emailAdminTechnique",
                code: "FORMAT",
                gravite: "ERREUR",
                message: "Email : adresse refusée par le serveur.",
                path: ["input", "valeurs", "emailAdminTechnique"],
              },
            ],
          },
          ["emailAdminTechnique"],
        ),
    });

    await champ(wrapper, "numeroCarteCPX").setValue(" 8001234567 ");
    await wrapper.get("form").trigger("submit");

    await vi.waitFor(() =>
      expect(enregistrer).toHaveBeenCalledWith({ ...VALEURS_ADMIN, numeroCarteCPX: "8001234567" }),
    );
    await vi.waitFor(() =>
      expect(groupeDe(wrapper, "emailAdminTechnique").text()).toContain("adresse refusée par le serveur"),
    );
    expect(champ(wrapper, "emailAdminTechnique").attributes("aria-invalid")).toBe("true");
    expect(wrapper.emitted("enregistre")).toBeUndefined();
  });

  it("shows other server errors in an alert", async () => {
    const { wrapper } = monter({
      valeurs: VALEURS_ADMIN,
      original: VALEURS_ADMIN,
      enregistrer: async () =>
        echecDepuis({
          __typename: "ErreurVerrouillage",
          code: "BLOC_VERROUILLE",
          message: VERROU,
          bloc: "ADMINISTRATEURS",
        }),
    });
    await wrapper.get("form").trigger("submit");
    // The server's text and code, as they are.
    await vi.waitFor(() =>
      expect(wrapper.find(".fr-alert--error").text()).toBe(`Bloc verrouillé\u00A0: ${VERROU} (code BLOC_VERROUILLE)`),
    );
  });
});

describe("FormulaireAdministrateur — Ajouter", () => {
  beforeEach(() => {
    document.body.innerHTML = "";
  });

  it("starts empty with every dropdown on the empty choice, FINESS editable", () => {
    const { wrapper } = monter();
    expect(champ(wrapper, "finessJuridique").attributes("disabled")).toBeUndefined();
    for (const nom of [
      "contractualisationOG",
      "statutAdminTechnique",
      "contractualisationEditeur",
      "utiliteCertificat",
    ])
      expect(choix(wrapper, nom)).toBe("");
    expect((champ(wrapper, "nomAdminTechnique").element as HTMLInputElement).value).toBe("");
  });

  it("warns (without blocking) about a wrong FINESS key and a FINESS unknown to the bénéficiaires", async () => {
    const { wrapper } = monter();
    await champ(wrapper, "finessJuridique").setValue("330058067");
    const finess = wrapper.text();
    expect(finess).toContain("la clé de contrôle de 330058067 est incorrecte");
    expect(finess).toContain("330058067 ne correspond à aucun bénéficiaire");
    expect(wrapper.findAll(".fr-message--warning")).toHaveLength(2);

    await champ(wrapper, "finessJuridique").setValue("750712184");
    expect(wrapper.findAll(".fr-message--warning")).toHaveLength(0);
  });

  it("reports a malformed FINESS and the required fields, in French, on submit", async () => {
    const { wrapper, enregistrer } = monter();
    await champ(wrapper, "finessJuridique").setValue("33005");
    await wrapper.get("form").trigger("submit");

    await vi.waitFor(() => expect(wrapper.text()).toContain("FINESS juridique : 9 caractères attendus"));
    expect(wrapper.text()).toContain("Contractualisation organisme de gestion : choisissez Oui ou Non");
    expect(wrapper.text()).toContain("Statut administrateur : choisissez Editeur ou Structure");
    expect(enregistrer).not.toHaveBeenCalled();
  });

  it("adds a complete row", async () => {
    const { wrapper, enregistrer } = monter();
    await champ(wrapper, "finessJuridique").setValue("750712184");
    await champ(wrapper, "contractualisationOG").setValue("false");
    await champ(wrapper, "statutAdminTechnique").setValue("S");
    await champ(wrapper, "contractualisationEditeur").setValue("false");
    await champ(wrapper, "nomAdminTechnique").setValue("Durand-Lefèvre");
    await champ(wrapper, "telAdminTechnique").setValue("0145000006");
    await champ(wrapper, "emailAdminTechnique").setValue("c.durand@ehpad.fr");
    await champ(wrapper, "utiliteCertificat").setValue("INS");
    await wrapper.get("form").trigger("submit");

    await vi.waitFor(() => expect(enregistrer).toHaveBeenCalledOnce());
    expect(enregistrer).toHaveBeenCalledWith({
      finessJuridique: "750712184",
      contractualisationOG: false,
      statutAdminTechnique: "S",
      contractualisationEditeur: false,
      numeroCarteCPX: null,
      nomAdminTechnique: "Durand-Lefèvre",
      telAdminTechnique: "0145000006",
      emailAdminTechnique: "c.durand@ehpad.fr",
      utiliteCertificat: "INS",
    });
    await flushPromises();
    expect(wrapper.emitted("enregistre")).toHaveLength(1);
  });
});
