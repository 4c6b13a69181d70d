import { mount } from "@vue/test-utils";
import { describe, expect, it, vi } from "vitest";
import { h } from "vue";
import { type ActionsDemande, CLE_ACTIONS, type ContexteActions } from "~/composables/useActionsDemande";
import { install as installDsfr } from "~/modules/dsfr";
import BlocValidableConsultation from "./BlocValidableConsultation.vue";

const contexte = {
  numero: "FINMS2007720M0",
  actions: {} as ActionsDemande,
  reussi: vi.fn(),
  echoue: vi.fn(),
  demanderMotif: vi.fn(),
  demanderConfirmation: vi.fn(),
  lignesBrouillon: () => new Set<string>(),
  ouvrirStatut: vi.fn(),
} satisfies ContexteActions;

const ETATS = [
  { bloc: "BENEFICIAIRES", verrouille: false, nombreLignes: 3, nombreValidees: 1, nombreRejetees: 1 },
  { bloc: "PIECES", verrouille: true, nombreLignes: 2, nombreValidees: 2, nombreRejetees: 0 },
] as const;

function monter(bloc: "BENEFICIAIRES" | "PIECES", valider: boolean) {
  return mount(BlocValidableConsultation, {
    props: {
      bloc,
      id: `bloc-${bloc}`,
      etats: ETATS.map((e) => ({ ...e, __typename: "EtatBloc" as const })),
      lignes: [{ cle: "b1", libelle: "750712184 — Zoé", validation: { etat: "REJETEE", motif: "FINESS inconnu" } }],
      valider,
    },
    slots: {
      default: ({ verrouille }: { verrouille: boolean }) => h("p", { class: "corps" }, `verrouillé : ${verrouille}`),
    },
    global: { plugins: [installDsfr], provide: { [CLE_ACTIONS as symbol]: contexte } },
  });
}

describe("BlocValidableConsultation", () => {
  it("titles the block from the registry and summarises its rows' states", () => {
    const w = monter("BENEFICIAIRES", false);
    expect(w.find(".bloc-repliable__titre").text()).toBe("Bénéficiaire(s) et scénario d'installation");
    expect(w.find(".fr-badge").text()).toBe("1 / 3 lignes validées (1 rejetée)");
    expect(w.find(".corps").text()).toBe("verrouillé : false");
    // Without the right to validate: no block action at all.
    expect(w.findAll("button").map((b) => b.text())).not.toContain("Valider le bloc");
  });

  it("tells its table the block is locked, and shows the gestionnaire's block actions", () => {
    const w = monter("PIECES", true);
    expect(w.find(".bloc-repliable__titre").text()).toBe("Pièces justificatives");
    expect(w.find(".fr-badge").text()).toBe("Bloc validé — verrouillé");
    expect(w.find(".corps").text()).toBe("verrouillé : true");
    expect(w.find(".bloc-repliable__actions").exists()).toBe(true);
  });
});
