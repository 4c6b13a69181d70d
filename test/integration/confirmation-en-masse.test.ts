import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { creerAppTest, importerExemple, type AppTest } from "../../server/test/aide.js";
import { etatActuel, verifierChaines } from "../../server/src/historique/service.js";
import { differences } from "../../server/src/historique/changements.js";
import { BLOCS_VERSIONNES, type Etat } from "../../server/src/historique/champs.js";
import { appliquer } from "../../server/src/brouillon/operations.js";
import { opsDepuis } from "../../server/src/brouillon/service.js";
import { aleatoire, finessValide } from "../../server/src/seed/generateur.js";

let app: AppTest;
let numero: string;
beforeEach(async () => {
  app = await creerAppTest();
  numero = await importerExemple(app);
});
afterEach(() => app.fermer());

const parametres = (sql: string) => (sql.match(/\?/g) ?? []).length;
const succes = (r: any, champ: string) =>
  expect(r.errors ?? r.data[champ].__typename, JSON.stringify(r)).toMatch(/Succes$/);
/** A state as plain data: rows of each block sorted by key. */
const enClair = (e: Etat) =>
  Object.fromEntries(BLOCS_VERSIONNES.map((b) => [b, [...e[b]].sort(([a], [c]) => a.localeCompare(c))]));

const beneficiaire = (i: number, finess: string) => ({
  nomResponsable: `Responsable ${i}`,
  emailResponsable: `r${i}@esms.fr`,
  telResponsable: "0512345678",
  finessJuridique: finess,
  finessGeographique: finess,
  presentSolde: false,
  ancienneVersion: null,
  maitreIdentite: "Logiciel DUI",
  stockageIdentite: "Base DUI",
  operateurMessagerie: "Lifen",
});
const ADMIN = {
  contractualisationOG: true,
  statutAdminTechnique: "E",
  contractualisationEditeur: true,
  numeroCarteCPX: "8009999999",
  nomAdminTechnique: "STUART",
  telAdminTechnique: "0603334174",
  emailAdminTechnique: "a.st@mail.com",
  utiliteCertificat: "DMP",
};
const NOUVEL_ADMIN = {
  finessJuridique: "750712184",
  contractualisationOG: false,
  statutAdminTechnique: "S",
  contractualisationEditeur: false,
  numeroCarteCPX: null,
  nomAdminTechnique: "Dupont-Durand",
  telAdminTechnique: "01 45 00 00 06",
  emailAdminTechnique: "c.dupont@ehpad-paris.fr",
  utiliteCertificat: "DMP_INS",
};

describe("confirming a large draft: a bounded number of statements, the same result", () => {
  it("applies 100 operations of every kind in ≤ 30 statements and records exactly the expected version, changes and rows", async () => {
    const g = app.gestionnaire;
    const d0 = await app.prisma.demande.findUniqueOrThrow({
      where: { numero },
      include: { beneficiaires: { orderBy: { ordre: "asc" } }, administrateurs: true },
    });
    const [b1, b2, b3] = d0.beneficiaires;
    // Validated rows that the draft changes must go back to « à valider » (and out of their batch).
    await app.prisma.beneficiaire.update({
      where: { id: b1!.id },
      data: { validation: "VALIDE", valideePar: "g", valideeLe: new Date() },
    });
    await app.prisma.administrateurTechnique.updateMany({
      where: { demandeId: d0.id, finessJuridique: "330058066" },
      data: { validation: "VALIDE", transmisLe: new Date() },
    });

    const r = aleatoire(7);
    succes(
      await app.gql(
        `mutation($i: BeneficiaireSupprimerInput!) { beneficiaireSupprimer(input: $i) { __typename } }`,
        { i: { numero, cle: b3!.cle } },
        g,
      ),
      "beneficiaireSupprimer",
    );
    for (const b of [b1!, b2!]) {
      succes(
        await app.gql(
          `mutation($i: BeneficiaireModifierInput!) { beneficiaireModifier(input: $i) { __typename } }`,
          {
            i: {
              numero,
              cle: b.cle,
              valeurs: { ...beneficiaire(900, b.finessJuridique), nomResponsable: `Modifié ${b.cle}` },
            },
          },
          g,
        ),
        "beneficiaireModifier",
      );
    }
    for (let i = 0; i < 92; i++) {
      succes(
        await app.gql(
          `mutation($i: BeneficiaireAjouterInput!) { beneficiaireAjouter(input: $i) { __typename } }`,
          { i: { numero, valeurs: beneficiaire(i, finessValide(r)) } },
          g,
        ),
        "beneficiaireAjouter",
      );
    }
    succes(
      await app.gql(
        `mutation($i: AdministrateurModifierInput!) { administrateurModifier(input: $i) { __typename } }`,
        { i: { numero, finessJuridique: "330058066", valeurs: ADMIN } },
        g,
      ),
      "administrateurModifier",
    );
    succes(
      await app.gql(
        `mutation($i: AdministrateurSupprimerInput!) { administrateurSupprimer(input: $i) { __typename } }`,
        { i: { numero, finessJuridique: "330058067" } },
        g,
      ),
      "administrateurSupprimer",
    );
    succes(
      await app.gql(
        `mutation($i: AdministrateurAjouterInput!) { administrateurAjouter(input: $i) { __typename } }`,
        { i: { numero, valeurs: NOUVEL_ADMIN } },
        g,
      ),
      "administrateurAjouter",
    );
    succes(
      await app.gql(
        `mutation($i: InformationsModifierInput!) { informationsModifier(input: $i) { __typename } }`,
        { i: { numero, valeurs: { courrielContact: "nouveau@editeur.fr" } } },
        g,
      ),
      "informationsModifier",
    );
    succes(
      await app.gql(
        `mutation($i: CoordonneesBancairesModifierInput!) { coordonneesBancairesModifier(input: $i) { __typename } }`,
        {
          i: {
            numero,
            valeurs: {
              iban: "FR7630006000011234567890189",
              bic: "AGRIFRPP",
              titulaire: "EHPAD Les Tilleuls",
              domiciliation: "Paris",
            },
          },
        },
        g,
      ),
      "coordonneesBancairesModifier",
    );

    const brouillon = await app.prisma.brouillon.findFirstOrThrow({
      where: { demandeId: d0.id },
      include: { operations: { orderBy: { ordre: "asc" } } },
    });
    expect(brouillon.operations).toHaveLength(100);
    const avant = await etatActuel(app.prisma, d0.id);
    const attendu = appliquer(avant, opsDepuis(brouillon.operations));
    const changementsAttendus = differences(avant, attendu);

    app.requetes.length = 0;
    const c = await app.gql(
      `mutation($i: BrouillonConfirmerInput!) { brouillonConfirmer(input: $i) { __typename ... on Erreur { code message }
      ... on BrouillonConfirmerSucces { confirmation { version { numero nombreChangements } } } } }`,
      { i: { numero, versionBase: d0.versionCourante, commentaire: "Cent opérations" } },
      g,
    );
    expect(c.data.brouillonConfirmer.__typename, JSON.stringify(c)).toBe("BrouillonConfirmerSucces");
    // One statement (or more) per operation before: 224 for 100 additions.
    expect(app.requetes.length).toBeLessThanOrEqual(30);
    expect(Math.max(...app.requetes.map(parametres))).toBeLessThanOrEqual(999);
    expect(c.data.brouillonConfirmer.confirmation.version).toEqual({
      numero: d0.versionCourante + 1,
      nombreChangements: changementsAttendus.length,
    });

    // The rows are the draft applied to the saved state; the version records exactly their differences.
    expect(enClair(await etatActuel(app.prisma, d0.id))).toEqual(enClair(attendu));
    const version = await app.prisma.version.findUniqueOrThrow({
      where: { demandeId_numero: { demandeId: d0.id, numero: d0.versionCourante + 1 } },
      include: { changements: { orderBy: { ordre: "asc" } } },
    });
    expect(
      version.changements.map(({ bloc, cle, nature, champ, ancienneValeur, nouvelleValeur }) => ({
        bloc,
        cle,
        nature,
        champ,
        ancienneValeur,
        nouvelleValeur,
      })),
    ).toEqual(changementsAttendus);
    expect(version.changements.map((x) => x.ordre)).toEqual(changementsAttendus.map((_, i) => i));
    expect(version.nombreChangements).toBe(changementsAttendus.length);
    expect((await verifierChaines(app.prisma)).ruptures).toEqual([]);

    // Added rows numbered on after the remaining ones, in staging order, to be validated; changed rows back to « à valider ».
    const d1 = await app.prisma.demande.findUniqueOrThrow({
      where: { id: d0.id },
      include: { beneficiaires: true, administrateurs: true },
    });
    const ordreDe = new Map(brouillon.operations.map((o) => [o.cle, o.ordre]));
    const ajoutes = d1.beneficiaires
      .filter((b) => !d0.beneficiaires.some((x) => x.cle === b.cle))
      .sort((a, b) => ordreDe.get(a.cle)! - ordreDe.get(b.cle)!);
    expect(ajoutes.map((b) => b.ordre)).toEqual(ajoutes.map((_, i) => d0.beneficiaires.length - 1 + i + 1));
    expect(ajoutes.every((b) => b.validation === "A_VALIDER")).toBe(true);
    expect(d1.beneficiaires.find((b) => b.cle === b1!.cle)).toMatchObject({
      validation: "A_VALIDER",
      valideePar: null,
      valideeLe: null,
      ordre: b1!.ordre,
      nomResponsable: `Modifié ${b1!.cle}`,
    });
    expect(d1.administrateurs.find((a) => a.finessJuridique === "330058066")).toMatchObject({
      validation: "A_VALIDER",
      transmisLe: null,
      nomAdminTechnique: "STUART",
    });
    expect(d1.administrateurs.find((a) => a.finessJuridique === "750712184")).toMatchObject({
      ordre: d0.administrateurs.length,
      demandeCertificatServeur: true,
      validation: "A_VALIDER",
    });
    expect(d1.administrateurs.some((a) => a.finessJuridique === "330058067")).toBe(false);
    expect(d1).toMatchObject({ courrielContact: "nouveau@editeur.fr", versionCourante: d0.versionCourante + 1 });
    expect(await app.prisma.brouillon.count({ where: { demandeId: d0.id } })).toBe(0);
  }, 120_000);
});
