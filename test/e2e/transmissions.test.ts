import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { capture, seConnecter, violationsAxe } from "./support/navigateur.js";
import { cache, enSerie, net, preparerParcours, visible } from "./support/parcours.js";

/*
 * Transmissions you can trace (issue 12, defects 2 and 3): a batch created from its preview, a
 * transmitted request changed through a draft and its confirmation, the « modifiée depuis la
 * transmission » flag on the row, the demande, the list filter and the Transmissions screen, then
 * the corrective batch that resends it. One page for the sequential steps, on the demo data.
 */

const NUMERO = "FINMS2007720M0";
const BLOC_ADMIN = "Informations sur le(s) administrateur(s) technique(s)";
const FINESS = "330058067";

let page: Page;
preparerParcours({}, (p) => ({ page } = p));

const bientot = <T>(f: () => Promise<T> | T) => expect.poll(f, { timeout: 10_000 });
const blocAdmin = () => page.locator("section[aria-labelledby='bloc-administrateurs-titre']");
/** The consultation's row of a certificate request. */
const ligneConsultation = (finess: string) =>
  blocAdmin().getByRole("region", { name: BLOC_ADMIN }).locator("tbody tr", { hasText: finess });
let lotInitial = "";

async function ouvrirDemande() {
  await page.goto(`/demandes/${NUMERO}`);
  await visible(page.getByRole("heading", { level: 1, name: `Demande ${NUMERO}` }));
}

describe("transmissions : aperçu du lot, modification après transmission, lot correctif", () => {
  enSerie(() => page, "transmissions-");

  it("valide les demandes de certificat, puis crée le lot depuis son aperçu", async () => {
    await seConnecter(page, "gestionnaire@demo.fr", "Gestion-Demo-2026");
    await ouvrirDemande();
    await blocAdmin()
      .getByRole("button", { name: `Valider le bloc ${BLOC_ADMIN}` })
      .click();
    await visible(page.getByText(`Bloc « ${BLOC_ADMIN} » validé et verrouillé.`));

    await page.goto("/transmissions");
    await page.getByRole("button", { name: "Créer le lot de transmission" }).click();
    const modale = page.getByRole("dialog", { name: "Créer le lot de transmission" });
    await visible(modale);
    // The preview lists what the batch will hold: numéro, FINESS juridique, administrator.
    const apercu = modale.getByRole("region", { name: /^Contenu du lot/ });
    await visible(apercu);
    const ligne = apercu.locator("tbody tr", { hasText: FINESS });
    await visible(ligne);
    expect((await ligne.locator("td").allTextContents()).map(net)).toEqual([NUMERO, FINESS, "BOUVI"]);
    await visible(modale.getByText(/^Lignes 1 à \d+ sur \d+$/));
    await visible(modale.getByText(/demandes? ser(a|ont) marquées? transmises?/));
    expect(await violationsAxe(page)).toEqual([]);
    await capture(page, "transmissions-apercu-lot");

    await modale.getByRole("button", { name: "Créer le lot", exact: true }).click();
    await cache(modale);
    const alerte = page.getByRole("heading", { name: /^Lot LOT-\d{8}-\d{3} créé/ });
    await visible(alerte);
    lotInitial = /LOT-\d{8}-\d{3}/.exec(net(await alerte.textContent()))![0];
  });

  it("la consultation dit « Transmise le … (LOT-…) » sur chaque demande de certificat", async () => {
    await ouvrirDemande();
    const jour = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris" }).format(new Date());
    await visible(ligneConsultation(FINESS).getByText(`Transmise le ${jour} (${lotInitial})`));
    expect(await page.getByText("Modifiée depuis la transmission", { exact: false }).count()).toBe(0);
    // The Historique has the demande's own event of the batch.
    await page.getByRole("tab", { name: /Historique/ }).click();
    await page.waitForURL(/onglet=historique/);
    const evenement = page.locator(".chronologie > li", { hasText: "Transmission des certificats" }).first();
    await visible(evenement.getByText(`Lot ${lotInitial}`));
    await visible(evenement.getByText(/^Demandes de certificat transmises : 330058066, 330058067/));
    await page.getByRole("tab", { name: /Version actuelle/ }).click();
    await page.waitForURL((u) => u.searchParams.get("onglet") !== "historique");
  });

  it("modifie la demande de certificat transmise par un brouillon confirmé", async () => {
    // The validated block is locked: unlock it first.
    await blocAdmin()
      .getByRole("button", { name: `Déverrouiller le bloc ${BLOC_ADMIN}` })
      .click();
    const deverrouiller = page.getByRole("dialog", { name: "Déverrouiller le bloc" });
    await deverrouiller.getByRole("textbox", { name: /^Motif/ }).fill("Changement de nom de l’administrateur");
    await deverrouiller.getByRole("button", { name: "Déverrouiller le bloc" }).click();
    await cache(deverrouiller);

    await page.getByRole("link", { name: "Modifier la demande" }).click();
    await page.waitForURL(/\/modifier$/);
    await page.getByRole("button", { name: `Modifier la ligne ${FINESS}`, exact: true }).click();
    const popin = page.getByRole("dialog", { name: `Modifier la demande de certificat ${FINESS}` });
    await visible(popin);
    await popin.getByRole("textbox", { name: /^Nom/ }).fill("BOUVIER");
    await popin.getByRole("button", { name: "Enregistrer" }).click();
    await cache(popin);
    await page.getByRole("button", { name: "Confirmer les modifications" }).click();
    const confirmer = page.getByRole("dialog", { name: "Confirmer les modifications" });
    await confirmer.getByRole("button", { name: "Confirmer", exact: true }).click();
    await visible(page.getByText(/^Version \d+ enregistrée$/));
  });

  it("signale « modifiée depuis la transmission » sur la ligne, la demande, le filtre de la liste", async () => {
    await ouvrirDemande();
    await visible(page.getByText("Modifiée depuis la transmission (1 demande de certificat)"));
    const ligne = ligneConsultation(FINESS);
    await visible(ligne.getByText("Modifiée depuis la transmission", { exact: true }));
    await visible(ligne.getByText(`(${lotInitial})`, { exact: false }));
    expect(await ligneConsultation("330058066").getByText("Modifiée depuis la transmission").count()).toBe(0);
    expect(await violationsAxe(page)).toEqual([]);
    await capture(page, "transmissions-demande-modifiee");

    await page.goto("/demandes");
    const filtres = page.getByRole("search", { name: "Filtrer les demandes" });
    await filtres.getByRole("combobox", { name: "Certificats transmis" }).selectOption({
      label: "Modifiée depuis la transmission",
    });
    await filtres.getByRole("button", { name: "Rechercher" }).click();
    await page.waitForURL(/modifieeDepuisTransmission=true/);
    const liens = page.locator("main table tbody tr");
    await bientot(async () => (await liens.allTextContents()).map((t) => net(t).slice(0, NUMERO.length))).toEqual([
      NUMERO,
    ]);
    expect(await violationsAxe(page)).toEqual([]);
  });

  it("l'écran Transmissions liste la demande modifiée, puis le lot correctif la renvoie depuis son aperçu", async () => {
    await page.goto("/transmissions");
    const section = page.locator("section[aria-labelledby='titre-modifiees']");
    await visible(section.getByRole("heading", { name: "1 demande de certificat modifiée depuis sa transmission" }));
    const ligne = section.locator("#suivi-modifiees tbody tr");
    expect(await ligne.count()).toBe(1);
    expect(net(await ligne.textContent())).toContain(`${NUMERO}${FINESS}BOUVIERÀ valider`);
    // Not validated again: nothing to resend yet.
    await visible(section.getByText("Aucune demande de certificat modifiée et validée à renvoyer"));
    expect(await section.getByRole("button", { name: "Créer le lot correctif" }).isDisabled()).toBe(true);
    expect(await violationsAxe(page)).toEqual([]);

    await ouvrirDemande();
    await ligneConsultation(FINESS)
      .getByRole("button", { name: /^Valider la ligne/ })
      .click();
    await bientot(() => ligneConsultation(FINESS).getByText("Validée", { exact: true }).count()).toBe(1);

    await page.goto("/transmissions");
    await visible(section.getByText("1 demande de certificat modifiée et validée à renvoyer"));
    await section.getByRole("button", { name: "Créer le lot correctif" }).click();
    const modale = page.getByRole("dialog", { name: "Créer le lot correctif" });
    await visible(modale);
    const apercu = modale.getByRole("region", { name: /^Contenu du lot/ });
    const lignes = apercu.locator("tbody tr");
    await bientot(() => lignes.count()).toBe(1);
    expect(net(await lignes.textContent())).toContain(`${NUMERO}${FINESS}BOUVIER`);
    await visible(modale.getByText("1 demande sera renvoyée", { exact: false }));
    expect(await violationsAxe(page)).toEqual([]);
    await capture(page, "transmissions-apercu-correctif");
    await modale.getByRole("button", { name: "Créer le lot correctif" }).click();
    await cache(modale);
    await visible(page.getByRole("heading", { name: /^Lot correctif LOT-\d{8}-\d{3} créé : 1 demande$/ }));

    // Nothing stale any more; the batch is listed as corrective.
    await visible(
      section.getByRole("heading", { name: "Aucune demande de certificat modifiée depuis sa transmission" }),
    );
    await visible(page.locator("table tbody tr", { hasText: "Correctif" }).first());
    expect(await violationsAxe(page)).toEqual([]);
    await capture(page, "transmissions-correctif");
  });
});
