import { afterEach, describe, expect, it, vi } from "vitest";
import { TENTATIVES_COURRIEL_MAX } from "@segur/shared";
import { ouvrirBase } from "@segur/prisma";
import { creerAppTest, importerExemple, type AppTest } from "../../server/test/aide.js";
import { relancerCourriels, traiterBoiteEnvoi } from "../../server/src/courriel/boite-envoi.js";
import { verifierChaines } from "../../server/src/historique/service.js";
import { courrielleurBase, type Courrielleur, type MessageCourriel } from "../../server/src/courriel/transport.js";

const CHANGER = `mutation($i: DemandeChangerStatutInput!) { demandeChangerStatut(input: $i) { __typename ... on DemandeChangerStatutSucces { demande { statut } } } }`;
const COURRIELS = `query($n: String!) { demande(numero: $n) { courriels { id etat tentatives derniereErreur creeLe dateEnvoi envoyeLe prochainEssaiLe } } }`;
const EVENEMENTS = `query($n: String!) { demande(numero: $n) { evenements { type auteur details } } }`;

/** A transport refusing like an unreachable SMTP server, with the recipient in its message. */
const enPanne = (envois: MessageCourriel[] = []): Courrielleur => ({
  nom: "smtp",
  envoyer: async (m) => {
    envois.push(m);
    throw new Error(`connect ECONNREFUSED 10.0.0.25:587 (destinataire ${m.destinataire})`);
  },
});
const enMarche = (envois: MessageCourriel[]): Courrielleur => ({
  nom: "smtp",
  envoyer: async (m) => void envois.push(m),
});

let app: AppTest;
afterEach(async () => {
  vi.restoreAllMocks();
  await app?.fermer();
});

async function changerStatut(numero: string) {
  const r = await app.gql(
    CHANGER,
    { i: { numero, statut: "A_MODIFIER", message: "Merci de corriger le numéro de carte CPX." } },
    app.gestionnaire,
  );
  expect(r.data.demandeChangerStatut).toEqual({
    __typename: "DemandeChangerStatutSucces",
    demande: { statut: "A_MODIFIER" },
  });
}
const courriel = () => app.prisma.courriel.findFirstOrThrow();

describe("outbox", () => {
  it("a statut change does not wait for the mail server: it answers while the transport hangs, the email EN_ATTENTE", async () => {
    let liberer!: (e: Error) => void;
    const bloque = new Promise<void>((_, rejeter) => (liberer = rejeter));
    app = await creerAppTest({}, { courrielleur: { nom: "smtp", envoyer: () => bloque } });
    const numero = await importerExemple(app);
    vi.spyOn(console, "error").mockImplementation(() => {});

    await changerStatut(numero); // returns although the transport has not answered (and never will by itself)
    expect(await courriel()).toMatchObject({ etat: "EN_ATTENTE", tentatives: 0, envoyeLe: null });
    const avant = new Date();

    liberer(new Error("Greeting never received (contact@editeur-dui.fr)"));
    await app.boiteEnvoi.inactive();
    const c = await courriel();
    expect(c).toMatchObject({
      etat: "EN_ATTENTE",
      tentatives: 1,
      derniereErreur: "Greeting never received ([adresse masquée])",
      reserveJusquA: null,
    });
    expect(c.prochainEssaiLe!.getTime()).toBeGreaterThan(avant.getTime());
  });

  it("retries with growing delays, gives up after the last attempt, and is put back by relancer; then it is sent once", async () => {
    const envois: MessageCourriel[] = [];
    app = await creerAppTest({}, { courrielleur: enPanne(envois) });
    const numero = await importerExemple(app);
    const erreurs = vi.spyOn(console, "error").mockImplementation(() => {});
    await changerStatut(numero);
    await app.boiteEnvoi.inactive();
    expect(await courriel()).toMatchObject({
      etat: "EN_ATTENTE",
      tentatives: 1,
      derniereErreur: "connect ECONNREFUSED 10.0.0.25:587 (destinataire [adresse masquée])",
    });

    // Not due yet: nothing is tried before prochainEssaiLe.
    const premier = (await courriel()).prochainEssaiLe!;
    expect(await traiterBoiteEnvoi(app.prisma, enPanne(envois), new Date(premier.getTime() - 1))).toEqual({
      envoyes: 0,
      echecs: 0,
      abandons: 0,
    });
    expect(envois).toHaveLength(1);

    const delais: number[] = [];
    for (let n = 2; n <= TENTATIVES_COURRIEL_MAX; n++) {
      const { prochainEssaiLe } = await courriel();
      await traiterBoiteEnvoi(app.prisma, enPanne(envois), prochainEssaiLe!);
      const apres = await courriel();
      expect(apres.tentatives).toBe(n);
      if (apres.prochainEssaiLe) delais.push(apres.prochainEssaiLe.getTime() - prochainEssaiLe!.getTime());
    }
    expect(delais.slice(0, 3)).toEqual([120_000, 240_000, 480_000]);
    expect(await courriel()).toMatchObject({
      etat: "ECHEC",
      tentatives: TENTATIVES_COURRIEL_MAX,
      prochainEssaiLe: null,
    });
    expect(envois).toHaveLength(TENTATIVES_COURRIEL_MAX);
    expect(erreurs.mock.calls.flat().join("\n")).not.toContain("contact@editeur-dui.fr");

    // Given up: a later pass does not try again.
    await traiterBoiteEnvoi(app.prisma, enPanne(envois), new Date(Date.now() + 365 * 86400_000));
    expect(envois).toHaveLength(TENTATIVES_COURRIEL_MAX);

    const vu = (await app.gql(COURRIELS, { n: numero }, app.gestionnaire)).data.demande.courriels[0];
    expect(vu).toMatchObject({
      etat: "ECHEC",
      tentatives: 8,
      derniereErreur: "connect ECONNREFUSED 10.0.0.25:587 (destinataire [adresse masquée])",
      dateEnvoi: null,
    });
    // Deprecated field keeps its non-null shape: the recording time until it is sent.
    expect(vu.envoyeLe).toBe(vu.creeLe);
    // The transport's error is internal: suppliers see the state, not the error.
    const fournisseur = await app.fournisseur("00001");
    expect((await app.gql(COURRIELS, { n: numero }, fournisseur)).data.demande.courriels[0]).toMatchObject({
      etat: "ECHEC",
      derniereErreur: null,
    });

    expect(await relancerCourriels(app.prisma, { id: vu.id + 1 })).toEqual([]);
    expect(await relancerCourriels(app.prisma)).toEqual([vu.id]);
    expect(await courriel()).toMatchObject({ etat: "EN_ATTENTE", tentatives: 0 });
    expect(await relancerCourriels(app.prisma)).toEqual([]);

    const livres: MessageCourriel[] = [];
    expect(await traiterBoiteEnvoi(app.prisma, enMarche(livres))).toEqual({ envoyes: 1, echecs: 0, abandons: 0 });
    expect(await traiterBoiteEnvoi(app.prisma, enMarche(livres))).toEqual({ envoyes: 0, echecs: 0, abandons: 0 });
    expect(livres.map((m) => m.destinataire)).toEqual(["contact@editeur-dui.fr"]);
    const envoye = (await app.gql(COURRIELS, { n: numero }, app.gestionnaire)).data.demande.courriels[0];
    expect(envoye).toMatchObject({ etat: "ENVOYE", tentatives: 1, prochainEssaiLe: null });
    expect(envoye.dateEnvoi).toBe(envoye.envoyeLe);

    const ev = (await app.gql(EVENEMENTS, { n: numero }, app.gestionnaire)).data.demande.evenements;
    expect(ev.slice(0, 3).map((e: { type: string }) => e.type)).toEqual([
      "COURRIEL_ENVOYE",
      "COURRIEL_RELANCE",
      "COURRIEL_ECHEC",
    ]);
    expect(ev[0]).toMatchObject({ auteur: "Système", details: { courrielId: vu.id, envoye: true, tentative: 1 } });
    expect(ev[1]).toMatchObject({ details: { courrielId: vu.id, tentativesPrecedentes: 8 } });
    expect(ev[2]).toMatchObject({ details: { tentative: 8, abandon: true, prochainEssaiLe: null } });
    expect(ev.filter((e: { type: string }) => e.type === "COURRIEL_ECHEC")).toHaveLength(TENTATIVES_COURRIEL_MAX);
  });

  it("two server instances passing at the same time send each email once", async () => {
    app = await creerAppTest({}, { courrielleur: { nom: "smtp", envoyer: async () => {} } });
    const demande = await app.prisma.demande.findUniqueOrThrow({ where: { numero: await importerExemple(app) } });
    for (let i = 0; i < 12; i++) {
      await app.prisma.courriel.create({
        data: { demandeId: demande.id, destinataire: `c${i}@editeur.fr`, sujet: `s${i}`, corps: "x" },
      });
    }
    const autre = await ouvrirBase(app.urlBase, { migrer: false }); // a second process on the same database
    try {
      const envois: string[] = [];
      // Yields between claim and mark so the two passes interleave.
      const lent: Courrielleur = {
        nom: "smtp",
        envoyer: async (m) => void (await new Promise((r) => setImmediate(r)), envois.push(m.destinataire)),
      };
      const [a, b] = await Promise.all([traiterBoiteEnvoi(app.prisma, lent), traiterBoiteEnvoi(autre, lent)]);
      expect(a.envoyes + b.envoyes).toBe(12);
      expect([...envois].sort()).toEqual(Array.from({ length: 12 }, (_, i) => `c${i}@editeur.fr`).sort());
      expect(await app.prisma.courriel.count({ where: { etat: "ENVOYE" } })).toBe(12);
      expect(await app.prisma.evenementAudit.count({ where: { type: "COURRIEL_ENVOYE" } })).toBe(12);
      // Both instances appended to the demande's hash chain: it is still one unbroken chain.
      expect((await verifierChaines(app.prisma)).ruptures).toEqual([]);
    } finally {
      await autre.$disconnect();
    }
  });

  it("without SMTP the email is recorded as sent at once, journaled after the statut change", async () => {
    app = await creerAppTest({}, { courrielleur: courrielleurBase });
    const numero = await importerExemple(app);
    await changerStatut(numero);
    expect(await courriel()).toMatchObject({ etat: "ENVOYE", transport: "base", tentatives: 0, prochainEssaiLe: null });
    expect((await courriel()).envoyeLe).not.toBeNull();
    const ev = (await app.gql(EVENEMENTS, { n: numero }, app.gestionnaire)).data.demande.evenements;
    expect(ev.slice(0, 2).map((e: { type: string }) => e.type)).toEqual(["COURRIEL_ENVOYE", "STATUT_MODIFIE"]);
  });
});
