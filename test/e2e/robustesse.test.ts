import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { capture, seConnecter, suivreLien, violationsAxe } from "./support/navigateur.js";
import { cache, enSerie, net, preparerParcours, visible } from "./support/parcours.js";

/*
 * Issue 12, defects 4, 5 and 6 in the browser: a page whose code cannot load, the layout while the
 * session loads, focus and tab title, plurals, dropdowns, IBAN, filters' periods, my pending draft on
 * the consultation, the confirmed versions in the Journal d'audit and a batch download's trace.
 */

const NUMERO = "FINMS2007720M0";
const FINESS = "330058066";

let page: Page;
let problemes: string[];
preparerParcours({}, (p) => ({ page, problemes } = p));

const bientot = <T>(f: () => Promise<T> | T) => expect.poll(f, { timeout: 10_000 });
const h1 = () => page.getByRole("heading", { level: 1 });
/** The focused element, as « tag#id: text ». */
const focus = () =>
  page.evaluate(() => {
    const e = document.activeElement;
    return e ? `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}: ${(e.textContent ?? "").trim().slice(0, 60)}` : "";
  });
/** GraphQL as the SPA sends it (the page's cookie, the CSRF header). */
async function gql(query: string, variables: Record<string, unknown> = {}) {
  const r = await page.request.post("/graphql", {
    data: { query, variables },
    headers: { "content-type": "application/json", "x-graphql-csrf": "1" },
  });
  return (await r.json()) as { data: any; errors?: unknown[] };
}
/** Empty choices a user can see in each dropdown of `racine`. */
const choixVidesVisibles = (racine: string) =>
  page.evaluate(
    (sel) =>
      [...document.querySelectorAll<HTMLSelectElement>(`${sel} select`)].map(
        (s) => [...s.options].filter((o) => o.value === "" && getComputedStyle(o).display !== "none").length,
      ),
    racine,
  );
/** Problems the steps caused on purpose (a blocked chunk): not the app's. */
const oublierEchecsVoulus = () => {
  for (let i = problemes.length - 1; i >= 0; i--)
    if (/requête échouée.*\.js/.test(problemes[i]!)) problemes.splice(i, 1);
};

describe("robustesse de l'interface (issue 12)", () => {
  enSerie(() => page, "robustesse-");

  it("montre l'en-tête et un état de chargement pendant que la session se charge", async () => {
    await seConnecter(page, "gestionnaire@demo.fr", "Gestion-Demo-2026");
    // The session's answer held back: the shell is there at once, with a loading state.
    let relacher: () => void = () => {};
    const retenue = new Promise<void>((r) => (relacher = r));
    await page.route("**/graphql", async (route) => {
      if (route.request().postData()?.includes("query Moi")) await retenue;
      await route.continue();
    });
    await page.goto("/journal", { waitUntil: "domcontentloaded" });
    await visible(page.getByRole("banner"));
    await visible(page.getByText("Chargement…", { exact: true }));
    expect(await h1().count()).toBe(0);
    relacher();
    await visible(page.getByRole("heading", { level: 1, name: "Journal d’audit" }));
    await page.unroute("**/graphql");
    expect(await page.title()).toBe("Journal d’audit — Ségur — Back office");
  });

  it("dit en français qu'une page n'a pas pu être chargée, et propose de recharger", async () => {
    await suivreLien(page, page.getByRole("link", { name: "Demandes", exact: true }), /\/demandes$/);
    // A screen not opened yet, whose code chunk cannot load (server stopped, or renamed by a redeploy).
    await page.route(/\/assets\/TransmissionsPage-[^/]*\.js$/, (route) => route.abort());
    await page.locator("#nav-transmissions").click();
    const alerte = page.locator(".fr-alert--error", { hasText: "Cette page n’a pas pu être chargée" });
    await visible(alerte);
    await capture(page, "robustesse-chargement-impossible");
    expect(await violationsAxe(page)).toEqual([]);
    await page.unroute(/\/assets\/TransmissionsPage-[^/]*\.js$/);
    oublierEchecsVoulus();
    await alerte.getByRole("button", { name: "Recharger" }).click();
    await page.waitForURL(/\/transmissions$/);
    await visible(page.getByRole("heading", { level: 1, name: /^Transmission/ }));
  });

  it("déplace le focus sur le titre à chaque page, et le numéro est dans le titre de l'onglet", async () => {
    await page.locator("#nav-demandes").click();
    await visible(page.getByRole("heading", { level: 1, name: "Demandes de financement" }));
    await bientot(focus).toMatch(/^(h1: Demandes de financement|main#contenu)/);
    await page.goto(`/demandes/${NUMERO}`);
    await visible(page.getByRole("heading", { level: 1, name: `Demande ${NUMERO}` }));
    expect(await page.title()).toBe(`Demande ${NUMERO} — Ségur — Back office`);
    await page.getByRole("link", { name: "Modifier la demande" }).click();
    await page.waitForURL(/\/modifier$/);
    await visible(page.getByRole("heading", { level: 1, name: `Modification de la demande ${NUMERO}` }));
    expect(await page.title()).toBe(`Modification de la demande ${NUMERO} — Ségur — Back office`);
    await bientot(focus).toMatch(/^(h1: Modification de la demande|main#contenu)/);
  });

  it("modification : un seul choix vide par liste, l'IBAN groupé par 4, le singulier", async () => {
    // The bank details grouped by 4, as on the consultation.
    await visible(page.getByRole("cell", { name: "FR76 1180 8009 1012 3456 7890 147", exact: true }));

    await page.getByRole("button", { name: "Ajouter", exact: true }).click();
    const ajout = page.getByRole("dialog", { name: "Ajouter une demande de certificat serveur" });
    await visible(ajout);
    expect(await choixVidesVisibles("dialog[open]")).toEqual([1, 1, 1, 1]);
    // One field left wrong: « 1 champ à corriger », never « champ(s) ».
    await ajout.getByRole("button", { name: "Enregistrer" }).click();
    await bientot(async () => net(await ajout.locator("[role=alert].fr-sr-only").textContent())).toMatch(
      /^\d+ champs? à corriger\.$/,
    );
    await ajout.getByRole("button", { name: "Annuler" }).click();
    await cache(ajout);

    await page.getByRole("button", { name: `Modifier la ligne ${FINESS}`, exact: true }).click();
    const popin = page.getByRole("dialog", { name: `Modifier la demande de certificat ${FINESS}` });
    await visible(popin);
    await popin.getByRole("textbox", { name: /^Nom/ }).fill("DUPONT");
    await popin.getByRole("button", { name: "Enregistrer" }).click();
    await cache(popin);

    await page.getByRole("button", { name: /^Abandonner/ }).click();
    const abandon = page.getByRole("dialog", { name: "Abandonner les modifications" });
    await visible(abandon.getByText("Votre modification non confirmée sera effacée."));
    expect(await abandon.textContent()).not.toContain("(s)");
    await abandon.getByRole("button", { name: "Conserver mes modifications" }).click();
    await cache(abandon);
  });

  it("consultation : mon brouillon non confirmé est signalé, avec un lien, et la validation prévient", async () => {
    await page.getByRole("link", { name: "Retour à la consultation de la demande" }).click();
    await page.waitForURL(new RegExp(`/demandes/${NUMERO}$`));
    const notice = page.locator(".fr-notice", { hasText: "Vous avez 1 modification non confirmée sur cette demande." });
    await visible(notice);
    expect(await notice.getByRole("link", { name: "Reprendre la modification" }).getAttribute("href")).toBe(
      `/demandes/${NUMERO}/modifier`,
    );

    await page
      .getByRole("button", { name: new RegExp(`^Valider la ligne FINESS juridique ${FINESS} — Informations`) })
      .click();
    const dialogue = page.getByRole("dialog", { name: "Valider la ligne" });
    await visible(dialogue.getByText(/Votre brouillon non confirmé modifie cette ligne/));
    await capture(page, "robustesse-brouillon-validation");
    expect(await violationsAxe(page)).toEqual([]);
    await dialogue.getByRole("button", { name: "Annuler" }).click();
    await cache(dialogue);
    expect(await violationsAxe(page)).toEqual([]);

    // Confirmed: version 2, and the notice goes.
    await suivreLien(page, notice.getByRole("link", { name: "Reprendre la modification" }), /\/modifier$/);
    await page.getByRole("button", { name: /^Confirmer les modifications/ }).click();
    const confirmer = page.getByRole("dialog", { name: "Confirmer les modifications" });
    await visible(confirmer.getByText("La modification sera enregistrée et formera une nouvelle version"));
    await confirmer.getByRole("button", { name: "Confirmer" }).click();
    await visible(page.locator(".resultat-confirmation"));
    await page.goto(`/demandes/${NUMERO}`);
    await visible(h1());
    expect(await page.locator(".fr-notice", { hasText: "non confirmée" }).count()).toBe(0);
  });

  it("journal : les versions confirmées, avec le lien vers la comparaison ; numéro partiel ; période inversée", async () => {
    await page.goto("/journal");
    const filtres = page.getByRole("search", { name: "Filtrer le journal" });
    await visible(filtres);
    expect(await choixVidesVisibles("form[role=search]")).toEqual([1]);
    await filtres.getByRole("combobox", { name: "Type d’événement" }).selectOption({ label: "Versions confirmées" });
    await filtres.getByRole("textbox", { name: /^Numéro de dossier/ }).fill("7720");
    await filtres.getByRole("button", { name: "Rechercher" }).click();
    await page.waitForURL(/type=VERSION/);
    const ligne = page.locator("tbody tr", { hasText: NUMERO }).first();
    await visible(ligne);
    expect(net(await ligne.textContent())).toMatch(
      /Version (\d+)Gaëlle Gestionnaire.*1 changement.*administrateur.*Comparer avec la version/,
    );
    await capture(page, "robustesse-journal-versions");
    expect(await violationsAxe(page)).toEqual([]);

    // Imports by the demo: a proper author, never « Jeu de démonstration () ».
    await page.goto("/journal?type=IMPORT");
    await visible(page.locator("tbody tr").first());
    expect(await page.locator("tbody").textContent()).not.toContain("()");

    // An inverted period: a French message under the field, nothing searched.
    await page.goto("/journal");
    await filtres.getByLabel("Du", { exact: true }).fill("2026-03-02");
    await filtres.getByLabel("Au (inclus)").fill("2026-03-01");
    await filtres.getByRole("button", { name: "Rechercher" }).click();
    await visible(filtres.getByText(/La date de fin précède la date de début/));
    expect(page.url()).not.toMatch(/du=/);
    expect(await filtres.getByLabel("Au (inclus)").getAttribute("aria-invalid")).toBe("true");

    await page.goto("/journal?type=VERSION");
    await suivreLien(page, page.getByRole("link", { name: /^Comparer avec la version/ }).first(), /de=\d+&a=\d+/);
    await visible(page.getByRole("heading", { name: /^Différences entre la version \d+ et la version \d+$/ }));
    expect(await violationsAxe(page)).toEqual([]);
    // landmark-unique is « moderate » for axe: asked for on its own.
    const axe = await page.evaluate(async () => {
      const r = await (window as any).axe.run({ runOnly: ["landmark-unique"] });
      return r.violations.map((v: any) => v.nodes.map((n: any) => n.target.join(" ")));
    });
    expect(axe).toEqual([]);
  });

  it("liste : une période inversée est refusée en français sous le champ", async () => {
    await page.goto("/demandes");
    const filtres = page.getByRole("search", { name: "Filtrer les demandes" });
    await filtres.getByLabel("Déposée entre le", { exact: true }).fill("2026-03-02");
    await filtres.getByLabel("et le", { exact: true }).fill("2026-03-01");
    await filtres.getByRole("button", { name: "Rechercher" }).click();
    await visible(filtres.getByText(/La date de fin précède la date de début/));
    expect(page.url()).not.toMatch(/deposee/);
    expect(await violationsAxe(page)).toEqual([]);
  });

  it("le téléchargement d'un lot laisse une trace d'accès, lue par l'auditeur", async () => {
    const a = await gql(`query($n: String!) { demande(numero: $n) { administrateurs { finessJuridique } } }`, {
      n: NUMERO,
    });
    for (const { finessJuridique } of a.data.demande.administrateurs) {
      await gql(`mutation($i: LigneValiderInput!) { ligneValider(input: $i) { __typename } }`, {
        i: { numero: NUMERO, bloc: "ADMINISTRATEURS", cle: finessJuridique },
      });
    }
    const lot = await gql(`mutation { lotTransmissionCreer(input: {}) {
      __typename ... on LotTransmissionCreerSucces { lot { numero } } } }`);
    const numeroLot = lot.data.lotTransmissionCreer.lot.numero as string;
    const r = await page.request.get(`/lots/${numeroLot}.csv`);
    expect(r.status()).toBe(200);

    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.waitForURL(/\/connexion/);
    await seConnecter(page, "auditeur@demo.fr", "Audit-Demo-2026");
    await page.goto("/journal?onglet=acces&type=TELECHARGEMENT_LOT");
    const trace = page.locator("tbody tr", { hasText: `${numeroLot}.csv` });
    await visible(trace);
    expect(net(await trace.textContent())).toContain("Téléchargement d’un lot de transmission");
    expect(await violationsAxe(page)).toEqual([]);
    expect(problemes).toEqual([]);
  });
});
