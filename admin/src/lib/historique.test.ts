import { describe, expect, it } from "vitest";
import {
  type ChangementVue,
  chronologie,
  descriptionEvenement,
  type EvenementHistorique,
  grouperChangements,
  libelleEvenement,
  lireEtatHistorique,
  nomsLignes,
  queryHistorique,
  type VersionHistorique,
  versionsPlusAnciennes,
} from "~/lib/historique";

const version = (numero: number, creeLe: string, changements: ChangementVue[] = []): VersionHistorique => ({
  numero,
  auteur: "Gaëlle",
  role: "GESTIONNAIRE",
  creeLe,
  commentaire: null,
  nombreChangements: changements.length,
  changements: changements as VersionHistorique["changements"],
});
const evenement = (type: string, creeLe: string, extra: Partial<EvenementHistorique> = {}): EvenementHistorique => ({
  type,
  auteur: "Gaëlle",
  role: "GESTIONNAIRE",
  creeLe,
  bloc: null,
  cle: null,
  motif: null,
  details: {},
  ...extra,
});

describe("timeline", () => {
  it("merges versions and events newest first, without VERSION events", () => {
    const elements = chronologie(
      [version(2, "2026-11-25T10:00:00Z"), version(1, "2026-11-20T10:00:00Z")],
      [
        evenement("STATUT_MODIFIE", "2026-11-26T10:00:00Z"),
        evenement("VERSION", "2026-11-25T10:00:00Z"),
        evenement("IMPORT", "2026-11-20T10:00:00Z"),
      ],
    );
    expect(elements.map((e) => (e.genre === "version" ? `v${e.version.numero}` : e.evenement.type))).toEqual([
      "STATUT_MODIFIE",
      "v2",
      "v1",
      "IMPORT",
    ]);
  });

  it("with only the newest versions loaded, keeps older events for later (no gap in the timeline)", () => {
    const versions = [version(12, "2026-11-25T10:00:00Z"), version(11, "2026-11-24T10:00:00Z")];
    const evenements = [
      evenement("STATUT_MODIFIE", "2026-11-24T12:00:00Z"),
      evenement("LIGNE_VALIDEE", "2026-11-24T10:00:00Z"),
      evenement("IMPORT", "2026-11-20T10:00:00Z"),
    ];
    expect(versionsPlusAnciennes(versions)).toBe(true);
    expect(
      chronologie(versions, evenements).map((e) => (e.genre === "version" ? `v${e.version.numero}` : e.evenement.type)),
    ).toEqual(["v12", "STATUT_MODIFIE", "v11", "LIGNE_VALIDEE"]);
    // Down to version 1: every event.
    expect(versionsPlusAnciennes([...versions, version(1, "2026-11-20T10:00:00Z")])).toBe(false);
    expect(chronologie([...versions, version(1, "2026-11-20T10:00:00Z")], evenements)).toHaveLength(6);
  });

  it("describes events in French with shared labels", () => {
    expect(libelleEvenement("LIGNE_VALIDEE")).toBe("Ligne validée");
    expect(libelleEvenement("STATUT_MODIFIE")).toBe("Statut modifié");
    expect(
      descriptionEvenement(
        evenement("STATUT_MODIFIE", "", { details: { de: "EN_COURS", vers: "A_MODIFIER", message: "Corrigez" } }),
      ),
    ).toEqual(["En cours → A modifier", "Message au fournisseur : Corrigez"]);
    expect(
      descriptionEvenement(
        evenement("LIGNE_REJETEE", "", { bloc: "PIECES", cle: "p-1", motif: "Illisible" }),
        new Map([["p-1", "va.pdf"]]),
      ),
    ).toEqual(["Bloc : Pièces justificatives — Pièce va.pdf", "Motif : Illisible"]);
    expect(
      descriptionEvenement(evenement("LIGNE_VALIDEE", "", { bloc: "COORDONNEES_BANCAIRES", cle: "coordonnees" })),
    ).toEqual(["Bloc : Coordonnées bancaires"]);
  });

  it("names a batch on the demande's own event, with the requests it sent", () => {
    expect(
      descriptionEvenement(
        evenement("LOT_TRANSMISSION", "", {
          details: { lot: "LOT-20261202-002", nature: "CORRECTIF", certificats: ["330058067", "330058069"] },
        }),
      ),
    ).toEqual(["Lot correctif LOT-20261202-002", "Demandes de certificat transmises : 330058067, 330058069"]);
    // The batch's own event (journal) lists objects: only its number.
    expect(
      descriptionEvenement(
        evenement("LOT_TRANSMISSION", "", {
          details: { lot: "LOT-20261202-001", certificats: [{ demande: "FIN", finessJuridique: "1" }] },
        }),
      ),
    ).toEqual(["Lot LOT-20261202-001"]);
  });

  it("counts what « Valider le bloc » did, and names a lifted rejection with its former reason", () => {
    expect(
      descriptionEvenement(
        evenement("BLOC_VALIDE", "", {
          bloc: "ADMINISTRATEURS",
          details: { lignes: 6, validees: 5, restentRejetees: 1, rejetsLeves: 0 },
        }),
      ),
    ).toEqual([
      "Bloc : Informations sur le(s) administrateur(s) technique(s)",
      "6 lignes : 5 validées, 1 restée rejetée",
    ]);
    expect(
      descriptionEvenement(
        evenement("BLOC_VALIDE", "", { details: { lignes: 6, validees: 2, restentRejetees: 0, rejetsLeves: 2 } }),
      ),
    ).toEqual(["6 lignes : 2 validées, 2 rejets levés"]);
    // Events written before the counts existed.
    expect(
      descriptionEvenement(evenement("BLOC_VALIDE", "", { details: { lignes: 6, nouvellementValidees: 6 } })),
    ).toEqual(["6 lignes"]);
    expect(libelleEvenement("REJET_LEVE")).toBe("Rejet levé à la validation du bloc");
    expect(
      descriptionEvenement(
        evenement("REJET_LEVE", "", { bloc: "ADMINISTRATEURS", cle: "330058067", motif: "CPX inconnu" }),
      ),
    ).toEqual([
      "Bloc : Informations sur le(s) administrateur(s) technique(s) — FINESS juridique 330058067",
      "Motif du rejet levé : CPX inconnu",
    ]);
  });

  it("describes the outbox and login-throttling events", () => {
    expect(libelleEvenement("COURRIEL_ECHEC")).toBe("Échec d’envoi d’un courriel");
    expect(
      descriptionEvenement(
        evenement("COURRIEL_ECHEC", "", {
          details: {
            tentative: 2,
            erreur: "ECONNREFUSED",
            abandon: false,
            prochainEssaiLe: "2026-11-25T10:40:00.000Z",
          },
        }),
      ),
    ).toEqual(["Essai 2 sans succès : ECONNREFUSED", "Nouvel essai le 25/11/2026 11:40"]);
    expect(
      descriptionEvenement(
        evenement("COURRIEL_ECHEC", "", { details: { tentative: 8, erreur: "ECONNREFUSED", abandon: true } }),
      ),
    ).toEqual(["Essai 8 sans succès : ECONNREFUSED", "Abandonné : à relancer (courriels:relancer)."]);
    expect(descriptionEvenement(evenement("COURRIEL_RELANCE", "", { details: { tentativesPrecedentes: 8 } }))).toEqual([
      "Remis en attente d'envoi après 8 essais",
    ]);
    expect(
      descriptionEvenement(
        evenement("CONNEXION_LIMITEE", "", { details: { compte: "gestionnaire@test.fr", echecs: 4 } }),
      ),
    ).toEqual(["Compte gestionnaire@test.fr : 4 échecs de connexion, tentatives ralenties"]);
  });
});

describe("changes", () => {
  const changements: ChangementVue[] = [
    {
      bloc: "ADMINISTRATEURS",
      cle: "330058066",
      nature: "MODIFICATION",
      champ: "numeroCarteCPX",
      ancienneValeur: "8001234567",
      nouvelleValeur: "8001234599",
    },
    {
      bloc: "ADMINISTRATEURS",
      cle: "330058066",
      nature: "MODIFICATION",
      champ: "contractualisationOG",
      ancienneValeur: "false",
      nouvelleValeur: "true",
    },
    {
      bloc: "COORDONNEES_BANCAIRES",
      cle: "coordonnees",
      nature: "MODIFICATION",
      champ: "bic",
      ancienneValeur: "CMCIFRPA",
      nouvelleValeur: "CMCIFRPP",
    },
    {
      bloc: "BENEFICIAIRES",
      cle: "b-1",
      nature: "SUPPRESSION",
      champ: "presentSolde",
      ancienneValeur: "true",
      nouvelleValeur: null,
    },
  ];

  it("groups by block in screen order, then row, with labels and display values", () => {
    const blocs = grouperChangements(changements, new Map([["b-1", "750712184 — Claire DUPONT"]]));
    expect(blocs.map((b) => b.libelle)).toEqual([
      "Coordonnées bancaires",
      "Bénéficiaire(s) et scénario d'installation",
      "Informations sur le(s) administrateur(s) technique(s)",
    ]);
    const admin = blocs[2]!.lignes[0]!;
    expect(admin.libelle).toBe("FINESS juridique 330058066");
    expect(admin.champs[1]).toEqual({
      champ: "contractualisationOG",
      libelle: "Contractualisation organisme de gestion",
      ancienne: "Non",
      nouvelle: "Oui",
      aAncienne: true,
      aNouvelle: true,
    });
    const beneficiaire = blocs[1]!.lignes[0]!;
    expect(beneficiaire).toMatchObject({ libelle: "Bénéficiaire 750712184 — Claire DUPONT", nature: "SUPPRESSION" });
    expect(beneficiaire.champs[0]).toMatchObject({ ancienne: "Oui", nouvelle: "—", aNouvelle: false });
  });

  it("names opaque rows from the current demande or from the versions", () => {
    const noms = nomsLignes(
      [
        version(1, "", [
          {
            bloc: "PIECES",
            cle: "p-9",
            nature: "AJOUT",
            champ: "nomFichier",
            ancienneValeur: null,
            nouvelleValeur: "ancienne.pdf",
          },
        ]),
      ],
      [{ cle: "b-1", finessJuridique: "750712184", nomResponsable: "Claire DUPONT" }],
    );
    expect(noms.get("p-9")).toBe("ancienne.pdf");
    expect(noms.get("b-1")).toBe("750712184 — Claire DUPONT");
  });
});

describe("history URL", () => {
  it("reads positive integers only and replaces parameters", () => {
    expect(lireEtatHistorique({ version: "2", de: "0", a: "x" })).toEqual({ version: 2, de: null, a: null });
    expect(queryHistorique({ onglet: "historique", version: "2" }, { version: null, de: 1, a: 2 })).toEqual({
      onglet: "historique",
      de: "1",
      a: "2",
    });
  });
});

describe("assignment events", () => {
  it("say who followed the demande before and after", () => {
    const e = { type: "SUIVI_MODIFIE", bloc: null, cle: null, motif: null };
    expect(descriptionEvenement({ ...e, details: { de: null, vers: "Gaëlle Gestion" } })).toEqual([
      "Suivi : personne → Gaëlle Gestion",
    ]);
    expect(descriptionEvenement({ ...e, details: { de: "Gaëlle Gestion", vers: null } })).toEqual([
      "Suivi : Gaëlle Gestion → personne",
    ]);
  });
});
