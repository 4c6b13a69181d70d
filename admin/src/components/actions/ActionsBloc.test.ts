import { flushPromises, mount } from "@vue/test-utils";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { IssueValidationBloc, LigneRejeteeVue } from "~/lib/actions";
import { echecDepuis } from "~/lib/resultat";
import { type ActionsDemande, CLE_ACTIONS, type ContexteActions } from "~/composables/useActionsDemande";
import { install as installDsfr } from "~/modules/dsfr";
import ActionsBloc from "./ActionsBloc.vue";

const REJETEE: LigneRejeteeVue = {
  cle: "330058067",
  libelle: "FINESS juridique 330058067",
  motif: "Numéro de carte CPX inconnu",
};

function monter(
  rejetees: LigneRejeteeVue[],
  reponse: IssueValidationBloc = { ok: true, valeur: { lignesRejetees: [] } },
  brouillon: string[] = [],
) {
  const validerBloc = vi.fn(async (_numero: string, _bloc: string, _inclure: boolean) => reponse);
  const contexte = {
    numero: "FINMS2007720M0",
    actions: { validerBloc } as unknown as ActionsDemande,
    reussi: vi.fn(),
    echoue: vi.fn(),
    demanderMotif: vi.fn(),
    demanderConfirmation: vi.fn(),
    lignesBrouillon: (bloc: string) => new Set(bloc === "ADMINISTRATEURS" ? brouillon : []),
    ouvrirStatut: vi.fn(),
  } satisfies ContexteActions;
  const wrapper = mount(ActionsBloc, {
    props: { bloc: "ADMINISTRATEURS", verrouille: false, nombreLignes: 5, rejetees },
    global: { plugins: [installDsfr], provide: { [CLE_ACTIONS as symbol]: contexte } },
    attachTo: document.body,
  });
  return { wrapper, validerBloc, contexte };
}

const bouton = (libelle: string) =>
  [...document.querySelectorAll("button")].find((b) => b.textContent?.trim() === libelle);
const cliquer = async (libelle: string) => {
  const b = bouton(libelle);
  expect(b, libelle).toBeDefined();
  b!.click();
  await flushPromises();
};

describe("ActionsBloc — « Valider le bloc »", () => {
  beforeEach(() => {
    document.body.innerHTML = "";
  });

  it("without rejected rows, validates at once (rejected rows are never included)", async () => {
    const { validerBloc, contexte } = monter([]);
    await cliquer("Valider le bloc");
    expect(validerBloc).toHaveBeenCalledWith("FINMS2007720M0", "ADMINISTRATEURS", false);
    expect(contexte.reussi).toHaveBeenCalledWith(
      "Bloc « Informations sur le(s) administrateur(s) technique(s) » validé et verrouillé.",
    );
    expect(document.querySelector("dialog")).toBeNull();
  });

  it("when my own pending draft changes rows of the block, warns in the dialog before validating", async () => {
    const { validerBloc } = monter([], undefined, ["330058066"]);
    await cliquer("Valider le bloc");
    expect(validerBloc).not.toHaveBeenCalled();
    const dialogue = document.querySelector("dialog");
    expect(dialogue?.textContent).toContain("Votre brouillon non confirmé modifie une ligne de ce bloc");
    expect(bouton("Valider aussi les lignes rejetées")).toBeUndefined();
    const boutons = [...dialogue!.querySelectorAll("button")].filter(
      (b) => b.textContent?.trim() === "Valider le bloc",
    );
    boutons[0]!.click();
    await flushPromises();
    expect(validerBloc).toHaveBeenCalledWith("FINMS2007720M0", "ADMINISTRATEURS", false);
  });

  it("with a rejected row, asks first: lists the row and its reason, « Valider les autres lignes » is focused and keeps it rejected", async () => {
    const { validerBloc, contexte } = monter([REJETEE], {
      ok: true,
      valeur: { lignesRejetees: [{ cle: REJETEE.cle, motif: REJETEE.motif }] },
    });
    // DsfrModal and its focus trap move the focus with timers: run them all, then look.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      await cliquer("Valider le bloc");
      await vi.runAllTimersAsync();
    } finally {
      vi.useRealTimers();
    }
    expect(validerBloc).not.toHaveBeenCalled();
    const dialogue = document.querySelector("dialog")!;
    expect(dialogue.textContent).toContain("Une ligne de ce bloc est rejetée");
    expect(dialogue.querySelector("li")!.textContent).toContain(
      "FINESS juridique 330058067 — Motif : Numéro de carte CPX inconnu",
    );
    expect(document.activeElement?.textContent?.trim()).toBe("Valider les autres lignes");

    await cliquer("Valider les autres lignes");
    expect(validerBloc).toHaveBeenCalledExactlyOnceWith("FINMS2007720M0", "ADMINISTRATEURS", false);
    expect(contexte.reussi).toHaveBeenCalledWith(
      expect.stringContaining("1 ligne reste rejetée, le bloc n’est pas verrouillé"),
    );
    expect(document.querySelector("dialog")).toBeNull();
  });

  it("« Valider aussi les lignes rejetées » asks the server to lift the rejections", async () => {
    const { validerBloc, contexte } = monter([REJETEE]);
    await cliquer("Valider le bloc");
    await cliquer("Valider aussi les lignes rejetées");
    expect(validerBloc).toHaveBeenCalledExactlyOnceWith("FINMS2007720M0", "ADMINISTRATEURS", true);
    expect(contexte.reussi).toHaveBeenCalledWith(expect.stringContaining("validé et verrouillé"));
  });

  it("keeps the modal open with the refusal, and « Annuler » validates nothing", async () => {
    const { validerBloc, contexte } = monter(
      [REJETEE],
      echecDepuis({ __typename: "ErreurVerrouillage", code: "BLOC_VERROUILLE", message: "Le bloc est verrouillé." }),
    );
    await cliquer("Valider le bloc");
    await cliquer("Valider les autres lignes");
    expect(document.querySelector("dialog")!.textContent).toContain("Action refusée\u00A0: Le bloc est verrouillé.");
    expect(contexte.reussi).not.toHaveBeenCalled();
    await cliquer("Annuler");
    expect(document.querySelector("dialog")).toBeNull();
    expect(validerBloc).toHaveBeenCalledTimes(1);
  });
});
