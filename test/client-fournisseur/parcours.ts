// The supplier (fournisseur) flow, end to end, against a running server — an example to copy.
//
//   tsx test/client-fournisseur/parcours.ts --url http://localhost:4000 --cle sgr_…  [--numero FINMS2…]
//
// 1. who am I (the key's numéro éditeur)      5. open a draft on a demande the statut lets us modify
// 2. import a demande (all or nothing)        6. stage: edit one administrateur, delete one, add one
// 3. list my demandes (filters, pages)        7. read the preview (row states, changed fields)
// 4. read one demande with every block        8. confirm with versionBase, then read the new version
//
// Business refusals come back as union members and are handled by `__typename`; only transport
// problems (bad key, invalid query…) throw. Documentation: docs/api.md.
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { exempleDocumentImport } from "@segur/shared";
import {
  ajouterAdministrateur,
  confirmerBrouillon,
  creerClient,
  decrireErreur,
  estErreur,
  ErreurRequete,
  importerDemandes,
  lireBrouillon,
  lireDemande,
  lireVersion,
  comparerVersions,
  modifierAdministrateur,
  moi,
  ouvrirBrouillon,
  rebaserBrouillon,
  abandonnerBrouillon,
  supprimerAdministrateur,
  toutesMesDemandes,
  listerDemandes,
  type AdministrateurValeurs,
  type Brouillon,
  type Changement,
  type ClientFournisseur,
  type Demande,
  type ErreurApi,
  type Moi,
  type ResumeDemande,
  type StatutDemande,
  type Version,
} from "./client.js";

export type Journal = (ligne: string) => void;

/** A step could not go on: a business refusal (with the union member) or an unexpected answer. */
export class ErreurParcours extends Error {
  constructor(
    message: string,
    readonly erreur: ErreurApi | null = null,
  ) {
    super(erreur ? `${message}\n${decrireErreur(erreur)}` : message);
    this.name = "ErreurParcours";
  }
}

const LIBELLES_STATUT: Record<StatutDemande, string> = {
  EN_COURS: "En cours",
  DECIDEE: "Décidée",
  EN_ATTENTE_PIECE: "En attente de pièce jointe complémentaire",
  A_MODIFIER: "A modifier",
  REGULARISATION_EN_COURS: "Régularisation en cours",
};
const STATUTS_MODIFIABLES: StatutDemande[] = ["A_MODIFIER", "EN_ATTENTE_PIECE"];

const dateFr = (iso: string) => new Date(iso).toLocaleDateString("fr-FR", { timeZone: "Europe/Paris" });
const valeur = (v: string | null) => (v === null ? "(vide)" : `« ${v} »`);
export const decrireChangement = (c: Changement) =>
  `${c.bloc} ${c.cle} ${c.nature === "AJOUT" ? "ajout" : c.nature === "SUPPRESSION" ? "suppression" : "modification"} — ${c.champ} : ${valeur(c.ancienneValeur)} → ${valeur(c.nouvelleValeur)}`;

// ---- steps ------------------------------------------------------------------------------------

/** Step 1: the key's owner. A key that is unknown, revoked or expired answers null. */
export async function etapeIdentite(
  client: ClientFournisseur,
  journal: Journal = console.log,
): Promise<Moi & { numeroEditeur: string }> {
  journal("Étape 1 — Identité de la clé API");
  const m = await moi(client);
  if (!m) throw new ErreurParcours("Clé API refusée : inconnue, révoquée ou expirée.");
  if (m.role !== "FOURNISSEUR" || !m.numeroEditeur)
    throw new ErreurParcours(`Cette clé n'est pas une clé fournisseur (rôle ${m.role}).`);
  journal(`  clé « ${m.nom} », éditeur ${m.numeroEditeur}`);
  return m as Moi & { numeroEditeur: string };
}

/** The supplier guide's example document, for this éditeur (every demande must be the key's own). */
export function documentExemple(numeroEditeur: string) {
  const document = exempleDocumentImport();
  for (const d of document.demandes) d.numeroEditeur = numeroEditeur;
  return document;
}

/** Step 2: imports a document; the whole file is refused at the first error, with every problem listed. */
export async function etapeImport(
  client: ClientFournisseur,
  o: { numeroEditeur: string; document?: unknown; journal?: Journal },
) {
  const journal = o.journal ?? console.log;
  journal("Étape 2 — Import d'un document de demandes (tout ou rien)");
  const r = await importerDemandes(client, o.document ?? documentExemple(o.numeroEditeur));
  switch (r.__typename) {
    case "DemandesImporterSucces": {
      const { demandes, avertissements } = r.resultat;
      for (const d of demandes)
        journal(
          `  demande ${d.numero} créée : ${d.type} ${d.couloir} ${d.logiciel}, ${d.montant} €, statut « ${LIBELLES_STATUT[d.statut]} »`,
        );
      journal(`  ${avertissements.length} avertissement(s) non bloquant(s)`);
      for (const a of avertissements) journal(`    ${a.code} à ${a.path.join(".")} : ${a.message}`);
      return { demandes, avertissements, numero: demandes[0]!.numero };
    }
    case "ErreurValidation":
      journal(`  fichier refusé, rien n'a été créé : ${r.problemes.length} problème(s)`);
      for (const p of r.problemes) journal(`    ${p.code} à ${p.path.join(".")} (${p.champ}) : ${p.message}`);
      throw new ErreurParcours("Import refusé.", r);
    default:
      throw new ErreurParcours("Import impossible.", r);
  }
}

/** Step 3 and 4: my demandes (every page), then one demande with every block. */
export async function etapeConsultation(client: ClientFournisseur, numero: string, journal: Journal = console.log) {
  journal("Étape 3 — Mes demandes");
  const { totalCount, demandes } = await toutesMesDemandes(client);
  journal(`  ${totalCount} demande(s) visible(s) avec cette clé (seulement celles de l'éditeur)`);
  for (const d of demandes.slice(0, 10))
    journal(
      `    ${d.numero}  ${d.type.padEnd(6)} ${d.logiciel.padEnd(14)} déposée le ${dateFr(d.dateDepot)}  « ${LIBELLES_STATUT[d.statut]} »`,
    );
  if (demandes.length > 10) journal(`    … et ${demandes.length - 10} autre(s)`);
  const aModifier = await listerDemandes(client, { filtre: { statut: "A_MODIFIER" }, first: 1 });
  journal(`  dont ${aModifier.totalCount} au statut « A modifier » (filtre statut: A_MODIFIER)`);

  journal(`Étape 4 — Lecture de la demande ${numero} avec tous ses blocs`);
  const demande = await lireDemande(client, numero);
  if (!demande)
    throw new ErreurParcours(`Demande ${numero} introuvable (elle n'existe pas ou n'est pas à cet éditeur).`);
  journal(
    `  ${demande.type} ${demande.couloir} ${demande.logiciel}, ${demande.montantFormate}, statut « ${LIBELLES_STATUT[demande.statut]} », version ${demande.versionCourante}`,
  );
  journal(
    `  coordonnées bancaires : ${demande.coordonneesBancaires ? `${demande.coordonneesBancaires.ibanFormate} (${demande.coordonneesBancaires.bic})` : "aucune"}`,
  );
  journal(
    `  ${demande.beneficiaires.length} bénéficiaire(s), ${demande.administrateurs.length} demande(s) de certificat serveur, ${demande.pieces.length} pièce(s), ${demande.courriels.length} courriel(s)`,
  );
  for (const a of demande.administrateurs) {
    journal(
      `    certificat ${a.finessJuridique} : ${a.nomAdminTechnique ?? "?"}, ${a.utiliteCertificat ?? "?"}, ligne ${a.validation.etat}${a.avertissements.length ? ` — ${a.avertissements.map((x) => x.code).join(", ")}` : ""}`,
    );
  }
  const verrouilles = demande.blocs.filter((b) => b.verrouille).map((b) => b.bloc);
  journal(
    `  blocs verrouillés : ${verrouilles.length ? verrouilles.join(", ") : "aucun"} ; modifiable par moi : ${demande.droits.modifier ? "oui" : "non"}`,
  );
  return { totalCount, demandes, demande };
}

// ---- the draft --------------------------------------------------------------------------------

export interface ResultatBrouillon {
  numero: string;
  versionBase: number;
  /** FINESS juridique of the edited, deleted and added certificate requests. */
  modifie: string;
  supprime: string | null;
  ajoute: string | null;
  /** The value refused on purpose (step 6b), to show an ErreurValidation. */
  refus: ErreurApi | null;
  apercu: Brouillon;
  version: Version;
  comparaison: Changement[];
  statut: StatutDemande;
}

const FINESS_DE_SECOURS = ["750712184", "750100125", "130786049", "690781810", "010000156"];

/** Answers the brouillon of a success member, or stops with the refusal. */
function brouillonOu(
  r: { __typename: string; brouillon?: Brouillon } | ErreurApi,
  etape: string,
  journal: Journal,
): Brouillon {
  if (estErreur(r)) {
    journal(`  refusé : ${decrireErreur(r)}`);
    throw new ErreurParcours(`${etape} : refusé.`, r);
  }
  return (r as { brouillon: Brouillon }).brouillon;
}

const valeursDe = (a: Demande["administrateurs"][number]): AdministrateurValeurs => ({
  contractualisationOG: a.contractualisationOG,
  statutAdminTechnique: a.statutAdminTechnique,
  contractualisationEditeur: a.contractualisationEditeur,
  numeroCarteCPX: a.numeroCarteCPX,
  nomAdminTechnique: a.nomAdminTechnique,
  telAdminTechnique: a.telAdminTechnique,
  emailAdminTechnique: a.emailAdminTechnique,
  utiliteCertificat: a.utiliteCertificat,
});

/**
 * Steps 5 to 8 on a demande whose statut lets the supplier modify it (« A modifier » or « En
 * attente de pièce jointe complémentaire »): a gestionnaire's decision, not the supplier's.
 */
export async function parcoursBrouillon(
  client: ClientFournisseur,
  numero: string,
  o: { journal?: Journal; commentaire?: string } = {},
): Promise<ResultatBrouillon> {
  const journal = o.journal ?? console.log;
  const demande = await lireDemande(client, numero);
  if (!demande) throw new ErreurParcours(`Demande ${numero} introuvable.`);

  journal(`Étape 5 — Ouverture du brouillon sur ${numero}`);
  let brouillon = brouillonOu(await ouvrirBrouillon(client, numero), "Ouverture du brouillon", journal);
  if (brouillon.nombreModifications > 0) {
    // This example starts from a clean draft; a real client would show the resumed changes.
    journal(
      `  un brouillon existant (${brouillon.nombreModifications} modification(s)) est abandonné pour repartir de la version actuelle`,
    );
    const a = await abandonnerBrouillon(client, numero);
    if (estErreur(a)) throw new ErreurParcours("Abandon du brouillon : refusé.", a);
    brouillon = brouillonOu(await ouvrirBrouillon(client, numero), "Ouverture du brouillon", journal);
  } else if (!brouillon.aJour) {
    brouillon = brouillonOu(await rebaserBrouillon(client, numero), "Mise à jour du brouillon", journal);
  }
  journal(`  brouillon ouvert sur la version ${brouillon.versionBase} (rien n'est enregistré avant la confirmation)`);

  const administrateurs = demande.administrateurs;
  if (!administrateurs.length)
    throw new ErreurParcours(`La demande ${numero} n'a aucune demande de certificat serveur à modifier.`);
  const cible = administrateurs[0]!;
  const aSupprimer = administrateurs.length > 1 ? administrateurs.at(-1)! : null;
  const pris = new Set(administrateurs.map((a) => a.finessJuridique));
  const finessAjout =
    [...demande.beneficiaires.map((b) => b.finessJuridique), ...FINESS_DE_SECOURS].find((f) => !pris.has(f)) ?? null;

  journal("Étape 6 — Modifications mises en attente dans le brouillon");
  const nouveauNom = cible.nomAdminTechnique === "MARTIN" ? "DURAND" : "MARTIN";
  const modifiees: AdministrateurValeurs = {
    ...valeursDe(cible),
    nomAdminTechnique: nouveauNom,
    telAdminTechnique: "06 12 34 56 78",
  };
  brouillon = brouillonOu(
    await modifierAdministrateur(client, numero, cible.finessJuridique, modifiees),
    "Modification",
    journal,
  );
  journal(
    `  modifier ${cible.finessJuridique} : administrateur « ${cible.nomAdminTechnique} » → « ${nouveauNom} », nouveau téléphone`,
  );

  // 6b. A wrong value is refused at once, field by field, and nothing is staged.
  const avant = brouillon.nombreModifications;
  const refus = await modifierAdministrateur(client, numero, cible.finessJuridique, {
    ...modifiees,
    numeroCarteCPX: "CPX-BEAUCOUP-TROP-LONG",
  });
  let erreurRefus: ErreurApi;
  switch (refus.__typename) {
    case "ErreurValidation":
      erreurRefus = refus;
      journal(`  essai volontaire d'un numéro de carte CPX trop long : refusé (${refus.problemes.length} problème(s))`);
      for (const p of refus.problemes) journal(`    ${p.code} à ${p.path.join(".")} : ${p.message}`);
      brouillon = (await lireBrouillon(client, numero)) ?? brouillon;
      if (brouillon.nombreModifications !== avant)
        throw new ErreurParcours("Une valeur refusée a pourtant changé le brouillon.");
      break;
    case "AdministrateurModifierSucces":
      throw new ErreurParcours("Un numéro de carte CPX de plus de 10 caractères aurait dû être refusé.");
    default:
      throw new ErreurParcours("Modification : refus inattendu.", refus);
  }

  if (aSupprimer) {
    brouillonOu(await supprimerAdministrateur(client, numero, aSupprimer.finessJuridique), "Suppression", journal);
    journal(`  supprimer la demande de certificat ${aSupprimer.finessJuridique}`);
  }
  if (finessAjout) {
    const r = await ajouterAdministrateur(client, numero, {
      finessJuridique: finessAjout,
      contractualisationOG: false,
      statutAdminTechnique: "S",
      contractualisationEditeur: false,
      numeroCarteCPX: null,
      nomAdminTechnique: "Dupont-Durand",
      telAdminTechnique: "01 45 00 00 06",
      emailAdminTechnique: "admin.technique@exemple.fr",
      utiliteCertificat: "DMP_INS",
    });
    brouillonOu(r, "Ajout", journal);
    journal(`  ajouter une demande de certificat pour ${finessAjout} (structure, sans carte CPX, DMP et INS)`);
  }

  journal("Étape 7 — Aperçu : la demande telle qu'elle sera une fois confirmée");
  const apercu = await lireBrouillon(client, numero);
  if (!apercu) throw new ErreurParcours("Le brouillon a disparu.");
  for (const l of apercu.administrateurs) {
    const details = l.etat === "MODIFIEE" ? ` (${l.champsModifies.join(", ")})` : "";
    const avert = l.avertissements.length
      ? ` — avertissements : ${l.avertissements.map((a) => a.code).join(", ")}`
      : "";
    journal(`  ${l.cle}  ${l.etat.padEnd(9)} ${l.valeurs.nomAdminTechnique ?? ""}${details}${avert}`);
  }
  const etat = new Map(apercu.administrateurs.map((l) => [l.cle, l]));
  const attendu = (cle: string, e: string) => {
    if (etat.get(cle)?.etat !== e)
      throw new ErreurParcours(
        `Aperçu : la ligne ${cle} devrait être ${e}, elle est ${etat.get(cle)?.etat ?? "absente"}.`,
      );
  };
  attendu(cible.finessJuridique, "MODIFIEE");
  if (aSupprimer) attendu(aSupprimer.finessJuridique, "SUPPRIMEE");
  if (finessAjout) attendu(finessAjout, "AJOUTEE");
  const nombre = 1 + (aSupprimer ? 1 : 0) + (finessAjout ? 1 : 0);
  if (apercu.nombreModifications !== nombre)
    throw new ErreurParcours(
      `Aperçu : ${nombre} modification(s) attendue(s), ${apercu.nombreModifications} trouvée(s).`,
    );
  journal(
    `  ${apercu.nombreModifications} modification(s) en attente, brouillon ${apercu.aJour ? "à jour" : "en retard sur la demande"}`,
  );

  journal(`Étape 8 — Confirmation (versionBase ${apercu.versionBase})`);
  let versionBase = apercu.versionBase;
  let confirmation:
    | Extract<
        Awaited<ReturnType<typeof confirmerBrouillon>>,
        { __typename: "BrouillonConfirmerSucces" }
      >["confirmation"]
    | null = null;
  for (let essai = 1; !confirmation; essai++) {
    const r = await confirmerBrouillon(
      client,
      numero,
      versionBase,
      o.commentaire ?? "Corrections demandées par le gestionnaire (client d'exemple)",
    );
    switch (r.__typename) {
      case "BrouillonConfirmerSucces":
        confirmation = r.confirmation;
        break;
      case "ErreurConflit": {
        // Someone confirmed another version meanwhile: the draft is kept. Re-base it once, check, retry.
        journal(`  conflit : la demande est passée à la version ${r.versionActuelle} — ${r.message}`);
        if (essai > 1) throw new ErreurParcours("Conflit répété.", r);
        const rebase = brouillonOu(await rebaserBrouillon(client, numero), "Mise à jour du brouillon", journal);
        journal(
          `  brouillon mis à jour sur la version ${rebase.versionBase} : ${rebase.nombreModifications} modification(s) conservée(s)`,
        );
        versionBase = rebase.versionBase;
        break;
      }
      case "ErreurVerrouillage":
        journal(`  le bloc ${r.bloc} a été validé et verrouillé par un gestionnaire : ses modifications sont refusées`);
        throw new ErreurParcours("Confirmation refusée.", r);
      case "ErreurValidation":
        journal(
          `  la demande ne serait pas valide : ${r.problemes.length} erreur${r.problemes.length > 1 ? "s" : ""} à corriger`,
        );
        for (const p of r.problemes) journal(`    ${p.path.join(".")} : ${p.message}`);
        throw new ErreurParcours("Confirmation refusée.", r);
      case "ErreurEtat": // STATUT_NON_MODIFIABLE, AUCUN_BROUILLON, BROUILLON_VIDE, TROP_LONG (commentaire)
      case "ErreurIntrouvable":
      case "ErreurAutorisation":
        throw new ErreurParcours("Confirmation refusée.", r);
    }
  }
  const { version, demande: apres } = confirmation;
  journal(
    `  version ${version.numero} enregistrée par ${version.auteur} (${version.role}) le ${dateFr(version.creeLe)} ; statut « ${LIBELLES_STATUT[apres.statut]} »`,
  );
  journal(`  ${version.changements.length} changement(s) :`);
  for (const c of version.changements) journal(`    ${decrireChangement(c)}`);

  const comparaison = (await comparerVersions(client, numero, versionBase, version.numero)) ?? [];
  const ancienne = await lireVersion(client, numero, versionBase);
  journal(
    `  comparaison ${versionBase} → ${version.numero} : ${comparaison.length} changement(s) ; la version ${versionBase} reste lisible (${ancienne?.administrateurs.length ?? 0} demande(s) de certificat)`,
  );

  return {
    numero,
    versionBase,
    modifie: cible.finessJuridique,
    supprime: aSupprimer?.finessJuridique ?? null,
    ajoute: finessAjout,
    refus: erreurRefus,
    apercu,
    version,
    comparaison,
    statut: apres.statut,
  };
}

// ---- everything -------------------------------------------------------------------------------

export interface ResultatParcours {
  moi: Moi;
  importees: ResumeDemande[];
  demande: Demande;
  brouillon: ResultatBrouillon | null;
}

/**
 * The whole flow. Without `numero`, imports the guide's example and modifies it if its statut
 * allows (a fresh import is « En cours »: a gestionnaire must first ask for modifications).
 * With `numero`, skips the import and works on that demande.
 */
export async function parcoursFournisseur(
  client: ClientFournisseur,
  o: { numero?: string; journal?: Journal } = {},
): Promise<ResultatParcours> {
  const journal = o.journal ?? console.log;
  const m = await etapeIdentite(client, journal);
  let importees: ResumeDemande[] = [];
  let numero = o.numero;
  if (!numero) {
    const imp = await etapeImport(client, { numeroEditeur: m.numeroEditeur, journal });
    importees = imp.demandes;
    numero = imp.numero;
  }
  const { demande } = await etapeConsultation(client, numero, journal);
  if (!STATUTS_MODIFIABLES.includes(demande.statut)) {
    journal(
      `La demande ${numero} est « ${LIBELLES_STATUT[demande.statut]} » : un fournisseur ne la modifie que lorsqu'un gestionnaire l'a passée`,
    );
    journal(
      "« A modifier » ou « En attente de pièce jointe complémentaire ». Relancez avec --numero <une telle demande> pour la suite du parcours.",
    );
    let suggestions = 0;
    for (const statut of STATUTS_MODIFIABLES) {
      const page = await listerDemandes(client, { filtre: { statut, type: "AVANCE" }, first: 10 });
      for (const e of page.edges) {
        // The draft part edits certificate requests: the block must apply, have rows and not be locked.
        const d = await lireDemande(client, e.node.numero);
        const verrouille = d?.blocs.some((b) => b.bloc === "ADMINISTRATEURS" && b.verrouille);
        if (!d?.blocCertificatVisible || !d.administrateurs.length || verrouille) continue;
        journal(
          `  par exemple : ${d.numero} (${d.couloir}, « ${LIBELLES_STATUT[d.statut]} », ${d.administrateurs.length} demande(s) de certificat)`,
        );
        suggestions++;
      }
    }
    if (!suggestions)
      journal(
        "  (aucune de vos demandes d'avance modifiables n'a pour l'instant de demande de certificat serveur à modifier)",
      );
    return { moi: m, importees, demande, brouillon: null };
  }
  const brouillon = await parcoursBrouillon(client, numero, { journal });
  journal("Parcours terminé.");
  return { moi: m, importees, demande, brouillon };
}

// ---- command line -----------------------------------------------------------------------------

async function principal() {
  const { values } = parseArgs({
    options: {
      url: { type: "string", default: "http://localhost:4000" },
      cle: { type: "string" },
      numero: { type: "string" },
      aide: { type: "boolean" },
    },
  });
  const cle = values.cle ?? process.env.SEGUR_CLE_API;
  if (values.aide || !cle) {
    console.error(
      "usage : tsx test/client-fournisseur/parcours.ts --url http://localhost:4000 --cle sgr_… [--numero FINMS2…]",
    );
    console.error("        (la clé peut aussi venir de la variable SEGUR_CLE_API)");
    process.exit(values.aide ? 0 : 2);
  }
  const client = creerClient({ url: values.url!, cle });
  try {
    await parcoursFournisseur(client, { numero: values.numero });
  } catch (e) {
    if (e instanceof ErreurRequete) {
      console.error(
        e.code === "UNAUTHENTICATED"
          ? "Clé API refusée : inconnue, révoquée ou expirée."
          : `Requête refusée (${e.code ?? e.statut}) : ${e.message}`,
      );
    } else if (e instanceof ErreurParcours) {
      console.error(`Arrêt : ${e.message}`);
    } else {
      console.error(e);
    }
    process.exitCode = 1;
  }
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) await principal();
