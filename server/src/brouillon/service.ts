import {
  BLOCS_LABELS,
  REGISTRE_BLOCS,
  blocDuVerrou,
  compte,
  peutModifierDemande,
  type StatutDemande,
} from "@segur/shared";
import type { Db } from "@segur/prisma";
import type { Acteur } from "../auth/acteur.js";
import { demandeVisible } from "../demande/acces.js";
import { ErreurConflit, ErreurEtat, ErreurValidation, ErreurVerrouillage } from "../commun/erreurs.js";
import type { BlocEditable, Ligne } from "../historique/champs.js";
import { differences, type Nature } from "../historique/changements.js";
import { auteurDe, enregistrerEvenement, enregistrerVersion, etatActuel, type Tx } from "../historique/service.js";
import { appliquerOperations } from "./application.js";
import { appliquer, inapplicable, OperationImpossible, replier, type OpNette } from "./operations.js";
import { champsChanges, preparationDe, verifierEtat, type OperationDemandee } from "./preparation.js";

export type { OperationDemandee };

type DemandeRow = Awaited<ReturnType<Tx["demande"]["findFirstOrThrow"]>>;

async function demandeModifiable(tx: Tx, acteur: Acteur, numero: string): Promise<DemandeRow> {
  const d = await demandeVisible(tx, acteur, numero);
  if (!peutModifierDemande(acteur.role, d.statut as StatutDemande)) {
    throw new ErreurEtat(
      "STATUT_NON_MODIFIABLE",
      acteur.role === "FOURNISSEUR"
        ? "Cette demande ne peut être modifiée que lorsque son statut est « A modifier » ou « En attente de pièce jointe complémentaire »."
        : acteur.role === "AUDITEUR"
          ? "Un auditeur ne peut rien modifier."
          : "Une demande décidée ne peut plus être modifiée.",
    );
  }
  return d;
}

export async function blocsVerrouilles(tx: Tx, demandeId: number): Promise<Set<string>> {
  const rows = await tx.etatBloc.findMany({ where: { demandeId, verrouille: true }, select: { bloc: true } });
  return new Set(rows.map((r) => r.bloc));
}

export function refuserSiVerrouille(verrous: Set<string>, bloc: string | null) {
  if (bloc && verrous.has(bloc)) {
    throw new ErreurVerrouillage(
      `Le bloc « ${BLOCS_LABELS[bloc as keyof typeof BLOCS_LABELS] ?? bloc} » a été validé et verrouillé par un gestionnaire : il ne peut plus être modifié.`,
      bloc,
    );
  }
}

/** The actor's draft on the demande, created on first use (one per actor and demande). */
export async function brouillonDe(tx: Tx, acteur: Acteur, d: DemandeRow) {
  return tx.brouillon.upsert({
    where: { demandeId_acteur: { demandeId: d.id, acteur: acteur.cle } },
    create: {
      demandeId: d.id,
      acteur: acteur.cle,
      acteurNom: acteur.nom,
      role: acteur.role,
      versionBase: d.versionCourante,
    },
    update: {},
  });
}

export function opsDepuis(rows: { bloc: string; nature: string; cle: string; donnees: string | null }[]): OpNette[] {
  return rows.map((r) => ({
    bloc: r.bloc as BlocEditable,
    nature: r.nature as Nature,
    cle: r.cle,
    donnees: r.donnees ? (JSON.parse(r.donnees) as Ligne) : null,
  }));
}

export async function ouvrirBrouillon(db: Db, acteur: Acteur, numero: string) {
  return db.$transaction(async (tx) => {
    const d = await demandeModifiable(tx, acteur, numero);
    return brouillonDe(tx, acteur, d);
  });
}

/** The actor's draft with its operations, in staging order. */
async function brouillonEtOperations(tx: Tx, acteur: Acteur, d: DemandeRow) {
  const brouillon = await brouillonDe(tx, acteur, d);
  const rows = await tx.operationBrouillon.findMany({
    where: { brouillonId: brouillon.id },
    orderBy: { ordre: "asc" },
  });
  return { brouillon, rows, ops: opsDepuis(rows) };
}

/** The values given, with the row's key when it is one of them (an edited certificate keeps its FINESS juridique). */
function valeursDe({ bloc, nature, cle, valeurs = {} }: OperationDemandee): Record<string, unknown> {
  const { champCle } = REGISTRE_BLOCS[bloc];
  return champCle && nature === "MODIFICATION" ? { ...valeurs, [champCle]: cle } : valeurs;
}

/** The row's key: an added row whose key is one of its values (a certificate's FINESS juridique) takes it. */
function cleDeLaLigne({ bloc, nature, cle }: OperationDemandee, donnees: Ligne | null): string {
  const { champCle } = REGISTRE_BLOCS[bloc];
  return champCle && nature === "AJOUT" ? donnees![champCle]! : cle;
}

/** The row's net operation once the new one is folded in; a fold that cannot be made is the caller's error. */
function replierDemandee(existante: OpNette | undefined, nouvelle: OpNette, sauvee: Ligne | undefined) {
  try {
    return replier(existante, nouvelle, sauvee);
  } catch (e) {
    if (e instanceof OperationImpossible)
      throw new ErreurEtat(e.code, e.message, ["input", REGISTRE_BLOCS[nouvelle.bloc].champCle ?? "cle"]);
    throw e;
  }
}

/** Writes the row's net operation in the draft (none: the row is back as saved). */
async function ecrireOperation(
  tx: Tx,
  brouillonId: number,
  dernierOrdre: number,
  { bloc, cle }: { bloc: BlocEditable; cle: string },
  nette: OpNette | null,
  contenu: Uint8Array<ArrayBuffer> | null,
) {
  const where = { brouillonId_bloc_cle: { brouillonId, bloc, cle } };
  if (!nette) {
    await tx.operationBrouillon.deleteMany({ where: where.brouillonId_bloc_cle });
    return;
  }
  const data = {
    nature: nette.nature,
    donnees: nette.donnees ? JSON.stringify(nette.donnees) : null,
    // An edit of an added pièce keeps its file.
    contenu: contenu ?? (nette.nature === "AJOUT" ? undefined : null),
  };
  await tx.operationBrouillon.upsert({
    where,
    create: { brouillonId, bloc, cle, ordre: dernierOrdre + 1, ...data, contenu },
    update: data,
  });
}

/**
 * Stages one add / edit / delete in the actor's draft, checked at once; nothing wrong is staged.
 * What differs per block is in PREPARATIONS (preparation.ts).
 */
export async function stagerOperation(db: Db, acteur: Acteur, numero: string, demandee: OperationDemandee) {
  const { bloc, nature } = demandee;
  const preparation = preparationDe(bloc);
  return db.$transaction(async (tx) => {
    const d = await demandeModifiable(tx, acteur, numero);
    const verrous = await blocsVerrouilles(tx, d.id);
    refuserSiVerrouille(verrous, blocDuVerrou(bloc, []));
    preparation.admettre?.(nature, d);

    const { brouillon, rows, ops } = await brouillonEtOperations(tx, acteur, d);
    const etat = await etatActuel(tx, d.id);
    const prepare =
      nature === "SUPPRESSION" ? null : preparation.preparer(demandee, valeursDe(demandee), appliquer(etat, ops));
    const donnees = prepare?.donnees ?? null;

    const cle = cleDeLaLigne(demandee, donnees);
    const sauvee = etat[bloc].get(cle);
    // A field under another block's lock (the scénario) meets it only when it really changes.
    refuserSiVerrouille(verrous, blocDuVerrou(bloc, champsChanges(donnees, sauvee ?? {})));
    const existante = ops.find((o) => o.bloc === bloc && o.cle === cle);
    const fusionnees =
      donnees && preparation.fusionner
        ? preparation.fusionner(existante?.donnees ?? undefined, donnees, sauvee ?? {})
        : donnees;

    const nette = replierDemandee(existante, { bloc, nature, cle, donnees: fusionnees }, sauvee);
    await ecrireOperation(tx, brouillon.id, rows.at(-1)?.ordre ?? 0, { bloc, cle }, nette, prepare?.contenu ?? null);
    await tx.brouillon.update({ where: { id: brouillon.id }, data: { majLe: new Date() } });
    return brouillon;
  });
}

/** Removes the staged operation of one row (the row is back as saved). */
export async function annulerOperation(db: Db, acteur: Acteur, numero: string, bloc: BlocEditable, cle: string) {
  return db.$transaction(async (tx) => {
    const d = await demandeModifiable(tx, acteur, numero);
    const brouillon = await brouillonDe(tx, acteur, d);
    await tx.operationBrouillon.deleteMany({ where: { brouillonId: brouillon.id, bloc, cle } });
    return brouillon;
  });
}

export async function abandonnerBrouillon(db: Db, acteur: Acteur, numero: string): Promise<boolean> {
  const d = await demandeVisible(db, acteur, numero);
  const { count } = await db.brouillon.deleteMany({ where: { demandeId: d.id, acteur: acteur.cle } });
  return count > 0;
}

/**
 * Applies every staged operation atomically and records exactly one new version, or changes
 * nothing and says why (conflict, locked block, validation errors); the draft is then kept.
 */
export async function confirmerBrouillon(
  db: Db,
  acteur: Acteur,
  numero: string,
  versionBase: number,
  commentaire: string | null,
) {
  return db.$transaction(async (tx) => {
    const d = await demandeModifiable(tx, acteur, numero);
    const brouillon = await tx.brouillon.findUnique({
      where: { demandeId_acteur: { demandeId: d.id, acteur: acteur.cle } },
      include: { operations: { orderBy: { ordre: "asc" } } },
    });
    if (!brouillon) throw new ErreurEtat("AUCUN_BROUILLON", "Aucune modification en cours sur cette demande.");
    // A base the demande never had is a client error, not someone else's change.
    if (!Number.isInteger(versionBase) || versionBase < 1 || versionBase > d.versionCourante) {
      throw new ErreurEtat(
        "VERSION_INCONNUE",
        `Version de base ${versionBase} inconnue : la demande est à la version ${d.versionCourante}.`,
        ["input", "versionBase"],
      );
    }
    if (versionBase !== d.versionCourante || brouillon.versionBase !== d.versionCourante) {
      throw new ErreurConflit(
        `La demande a été modifiée par quelqu'un d'autre (version ${d.versionCourante}) depuis le début de vos modifications (version ${Math.min(versionBase, brouillon.versionBase)}). Vos modifications sont conservées : mettez-les à jour sur la dernière version avant de confirmer.`,
        d.versionCourante,
      );
    }
    const ops = opsDepuis(brouillon.operations);
    if (!ops.length) throw new ErreurEtat("BROUILLON_VIDE", "Aucune modification à confirmer.");
    const verrous = await blocsVerrouilles(tx, d.id);
    for (const op of ops) refuserSiVerrouille(verrous, blocDuVerrou(op.bloc, Object.keys(op.donnees ?? {})));

    const avant = await etatActuel(tx, d.id);
    // Drafts staged before row keys were checked may name a missing row: refuse, never crash.
    const perimee = ops.find((op) => inapplicable(avant, op));
    if (perimee) {
      throw new ErreurEtat(
        "LIGNE_INCONNUE",
        `La ligne « ${perimee.cle.slice(0, 40)} » du bloc « ${BLOCS_LABELS[perimee.bloc as keyof typeof BLOCS_LABELS] ?? perimee.bloc} » ${perimee.nature === "AJOUT" ? "existe déjà" : "n'existe pas (ou plus)"} : annulez cette modification ou reprenez le brouillon sur la dernière version (brouillonRebaser).`,
      );
    }
    const apres = appliquer(avant, ops);
    const erreurs = verifierEtat(apres);
    if (erreurs.length)
      throw new ErreurValidation(
        erreurs,
        `La demande ne peut pas être enregistrée : ${compte(erreurs.length, "erreur", "erreurs")} à corriger.`,
      );

    const informations = await appliquerOperations(
      tx,
      d.id,
      avant,
      ops,
      brouillon.operations.map((o) => o.contenu),
    );

    const changements = differences(avant, apres);
    const numeroVersion = d.versionCourante + 1;
    // Optimistic lock: a concurrent confirm that already moved the version makes this one fail.
    const { count } = await tx.demande.updateMany({
      where: { id: d.id, versionCourante: d.versionCourante },
      data: {
        ...informations,
        versionCourante: numeroVersion,
        derniereModification: new Date(),
        ...(acteur.role === "FOURNISSEUR" ? { statut: "EN_COURS" } : {}),
      },
    });
    if (count !== 1)
      throw new ErreurConflit("La demande vient d'être modifiée par quelqu'un d'autre.", d.versionCourante + 1);
    const version = await enregistrerVersion(tx, {
      demandeId: d.id,
      demandeNumero: d.numero,
      numero: numeroVersion,
      auteur: auteurDe(acteur),
      commentaire,
      changements,
    });
    if (acteur.role === "FOURNISSEUR" && d.statut !== "EN_COURS") {
      await enregistrerEvenement(tx, {
        demandeId: d.id,
        type: "STATUT_MODIFIE",
        auteur: auteurDe(acteur),
        details: { de: d.statut, vers: "EN_COURS", raison: "Modifications confirmées par le fournisseur" },
      });
    }
    await tx.brouillon.delete({ where: { id: brouillon.id } });
    return { demandeId: d.id, version };
  });
}

/** Re-bases a draft on the current version after a conflict: operations that no longer apply are dropped. */
export async function rebaserBrouillon(db: Db, acteur: Acteur, numero: string) {
  return db.$transaction(async (tx) => {
    const d = await demandeModifiable(tx, acteur, numero);
    const { brouillon, rows, ops } = await brouillonEtOperations(tx, acteur, d);
    const etat = await etatActuel(tx, d.id);
    const abandonnees: string[] = [];
    for (const [i, op] of ops.entries()) {
      if (inapplicable(etat, op)) {
        abandonnees.push(`${op.bloc}:${op.cle}`);
        await tx.operationBrouillon.delete({ where: { id: rows[i]!.id } });
      }
    }
    await tx.brouillon.update({ where: { id: brouillon.id }, data: { versionBase: d.versionCourante } });
    return { brouillon, abandonnees };
  });
}
