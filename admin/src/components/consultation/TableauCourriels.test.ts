import { mount } from "@vue/test-utils";
import { describe, expect, it } from "vitest";
import TableauCourriels from "./TableauCourriels.vue";
import type { CourrielVue } from "~/lib/lignes";

const courriel = (id: number, extra: Partial<CourrielVue>): CourrielVue => ({
  id,
  creeLe: "2026-11-25T10:34:00.000Z",
  destinataire: "contact@editeur-dui.fr",
  sujet: `Demande FINMS2007720M0 : sujet ${id}`,
  etat: "EN_ATTENTE",
  tentatives: 0,
  derniereErreur: null,
  prochainEssaiLe: null,
  dateEnvoi: null,
  ...extra,
});

describe("TableauCourriels", () => {
  it("shows a delivery badge per email: sent with its date, waiting with attempts and next try, failed with the reason", () => {
    const wrapper = mount(TableauCourriels, {
      props: {
        courriels: [
          courriel(1, { etat: "ENVOYE", tentatives: 1, dateEnvoi: "2026-11-25T10:35:00.000Z" }),
          courriel(2, {
            tentatives: 2,
            derniereErreur: "connect ECONNREFUSED 127.0.0.1:25",
            prochainEssaiLe: "2026-11-25T10:40:00.000Z",
          }),
          courriel(3, { etat: "ECHEC", tentatives: 8, derniereErreur: "550 <[adresse masquée]>: boîte inconnue" }),
          courriel(4, {}),
        ],
      },
    });
    expect(wrapper.findAll("th").map((th) => th.text())).toEqual(["Enregistré le", "Destinataire", "Sujet", "Envoi"]);
    const envoi = wrapper.findAll("tbody tr").map((r) => r.findAll("td")[3]!);
    expect(envoi.map((td) => td.find(".fr-badge").text())).toEqual(["Envoyé", "En attente", "Échec", "En attente"]);
    expect(envoi[0]!.find(".fr-badge").classes()).toContain("fr-badge--success");
    expect(envoi[0]!.text()).toContain("le 25/11/2026 11:35");
    expect(envoi[1]!.find(".fr-badge").classes()).toContain("fr-badge--warning");
    expect(envoi[1]!.text()).toContain(
      "2 essais sans succès. Nouvel essai le 25/11/2026 11:40. Dernière erreur : connect ECONNREFUSED 127.0.0.1:25",
    );
    expect(envoi[2]!.find(".fr-badge").classes()).toContain("fr-badge--error");
    expect(envoi[2]!.text()).toContain(
      "Abandonné après 8 essais. Dernière erreur : 550 <[adresse masquée]>: boîte inconnue",
    );
    expect(envoi[3]!.findAll(".fr-text--xs")).toHaveLength(0);
  });

  it("says so when the demande has no email", () => {
    expect(mount(TableauCourriels, { props: { courriels: [] } }).text()).toBe(
      "Aucun courriel envoyé pour cette demande.",
    );
  });
});
