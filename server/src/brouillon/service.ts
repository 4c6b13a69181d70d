import { createHash } from "node:crypto";
import {
  BLOCS_LABELS,
  CHAMPS_INFORMATIONS_MODIFIABLES,
  CLE_COORDONNEES,
  CLE_INFORMATIONS,
  REGISTRE_BLOCS,
  blocDuVerrou,
  caractereInterdit,
  couloirCertificat,
  normaliserNfc,
  peutModifierDemande,
  problemeContenuPdf,
  validerAdministrateur,
  validerBeneficiaire,
  validerCoordonnees,
  validerInformations,
  type Probleme,
  type StatutDemande,
} from "@segur/shared";
import type { Context } from "../context.js";
import type { Acteur } from "../auth/acteur.js";
import { perimetreDemandes } from "../auth/acteur.js";
import {
  ErreurConflit,
  ErreurEtat,
  ErreurIntrouvable,
  ErreurValidation,
  ErreurVerrouillage,
  erreurChamp,
} from "../commun/erreurs.js";
import { enTexte, ligneDepuis, ligneTypee, type BlocEditable, type Etat, type Ligne } from "../historique/champs.js";
import { differences, type Nature } from "../historique/changements.js";
import { auteurDe, enregistrerEvenement, enregistrerVersion, etatActuel, type Tx } from "../historique/service.js";
import { nouvelleCle } from "../import/service.js";
import { appliquerOperations } from "./application.js";
import { appliquer, inapplicable, OperationImpossible, replier, type OpNette } from "./operations.js";

type DemandeRow = Awaited<ReturnType<Tx["demande"]["findFirstOrThrow"]>>;

async function demandeModifiable(tx: Tx, acteur: Acteur, numero: string): Promise<DemandeRow> {
  const d = await tx.demande.findFirst({ where: { numero, ...perimetreDemandes(acteur) } });
  if (!d) throw new ErreurIntrouvable(`Demande ${numero.slice(0, 20)} introuvable.`, ["input", "numero"]);
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

export async function ouvrirBrouillon(ctx: Context, numero: string) {
  const acteur = ctx.acteur!;
  return ctx.prisma.$transaction(async (tx) => {
    const d = await demandeModifiable(tx, acteur, numero);
    return brouillonDe(tx, acteur, d);
  });
}

export interface OperationDemandee {
  bloc: BlocEditable;
  nature: Nature;
  /** Row key; for an added bénéficiaire or pièce, generated. */
  cle: string;
  /** Typed values as received (validated here). */
  valeurs?: Record<string, unknown>;
  fichier?: { contenu: Uint8Array; nomFichier: string; type: string };
}

const cheminValeurs = (champ: string) => ["input", "valeurs", champ];

/** Checks one row's values with the shared rules; answers field errors, or the row as text. */
function verifierLigne(
  bloc: BlocEditable,
  valeurs: Record<string, unknown>,
  etat: Etat,
): { ligne: Ligne; avertissements: Probleme[] } {
  if (bloc === "INFORMATIONS") return { ligne: verifierInformations(valeurs), avertissements: [] };
  const finessBeneficiaires = [...etat.BENEFICIAIRES.values()].map((b) => b.finessJuridique ?? "");
  const r =
    bloc === "ADMINISTRATEURS"
      ? validerAdministrateur(valeurs, { finessBeneficiaires })
      : bloc === "BENEFICIAIRES"
        ? validerBeneficiaire(valeurs)
        : validerCoordonnees(valeurs);
  if (r.erreurs.length || !r.valeur) {
    throw new ErreurValidation(r.erreurs.map((p) => ({ ...p, path: cheminValeurs(p.champ) })));
  }
  return { ligne: ligneDepuis(bloc, r.valeur as unknown as Record<string, unknown>), avertissements: r.avertissements };
}

/** The informations fields given (only those), checked, as text. */
function verifierInformations(valeurs: Record<string, unknown>): Ligne {
  if (!CHAMPS_INFORMATIONS_MODIFIABLES.some((c) => c in valeurs)) {
    throw erreurChamp(
      ["input", "valeurs"],
      "REQUIS",
      `Valeurs : indiquez au moins un champ à modifier (${CHAMPS_INFORMATIONS_MODIFIABLES.join(", ")}).`,
    );
  }
  const r = validerInformations(valeurs);
  if (r.erreurs.length || !r.valeur)
    throw new ErreurValidation(r.erreurs.map((p) => ({ ...p, path: cheminValeurs(p.champ) })));
  return Object.fromEntries(Object.entries(r.valeur).map(([c, v]) => [c, enTexte(v)]));
}

/** Stages one add / edit / delete in the actor's draft, checked at once; nothing wrong is staged. */
export async function stagerOperation(ctx: Context, numero: string, demandee: OperationDemandee) {
  const acteur = ctx.acteur!;
  return ctx.prisma.$transaction(async (tx) => {
    const d = await demandeModifiable(tx, acteur, numero);
    if (demandee.bloc === "INFORMATIONS" && demandee.nature !== "MODIFICATION") {
      throw new ErreurEtat(
        "BLOC_NON_MODIFIABLE",
        "Les informations de la demande se modifient, elles ne s'ajoutent ni ne se suppriment.",
        ["input", "bloc"],
      );
    }
    const verrous = await blocsVerrouilles(tx, d.id);
    if (demandee.bloc !== "INFORMATIONS") refuserSiVerrouille(verrous, blocDuVerrou(demandee.bloc, []));
    if (demandee.bloc === "ADMINISTRATEURS" && !couloirCertificat(d)) {
      throw new ErreurEtat(
        "HORS_PERIMETRE",
        "Les certificats serveur ne concernent que les demandes d'avance des couloirs MS1 et MS2.",
      );
    }
    const brouillon = await brouillonDe(tx, acteur, d);
    const rows = await tx.operationBrouillon.findMany({
      where: { brouillonId: brouillon.id },
      orderBy: { ordre: "asc" },
    });
    const ops = opsDepuis(rows);
    const etat = await etatActuel(tx, d.id);
    const apercu = appliquer(etat, ops);

    let donnees: Ligne | null = null;
    let contenu: Uint8Array<ArrayBuffer> | null = null;
    const cle = demandee.cle;
    if (demandee.nature !== "SUPPRESSION") {
      if (demandee.bloc === "PIECES") {
        const f = demandee.fichier!;
        const pb = problemeContenuPdf(f.contenu);
        if (pb) throw erreurChamp(["input", "fichier"], "FORMAT", `Fichier : ${pb}.`);
        if (!/\.pdf$/i.test(f.nomFichier))
          throw erreurChamp(["input", "fichier"], "FORMAT", "Fichier : un fichier PDF (.pdf) est attendu.");
        const interdit = caractereInterdit(f.nomFichier);
        if (interdit) throw erreurChamp(["input", "fichier"], "CARACTERE_INTERDIT", `Nom du fichier : ${interdit}.`);
        contenu = new Uint8Array(f.contenu);
        donnees = ligneDepuis("PIECES", {
          nomFichier: [...normaliserNfc(f.nomFichier.replace(/^.*[\\/]/, ""))].slice(0, 255).join(""),
          type: f.type,
          taille: f.contenu.byteLength,
          sha256: createHash("sha256").update(f.contenu).digest("hex"),
        });
      } else {
        let valeurs = demandee.valeurs ?? {};
        // An edited certificate row keeps its FINESS juridique: it is the row's identity.
        if (demandee.bloc === "ADMINISTRATEURS" && demandee.nature === "MODIFICATION")
          valeurs = { ...valeurs, finessJuridique: cle };
        donnees = verifierLigne(demandee.bloc, valeurs, apercu).ligne;
        if (demandee.bloc === "ADMINISTRATEURS" && demandee.nature === "AJOUT") {
          if (apercu.ADMINISTRATEURS.has(donnees.finessJuridique!)) {
            throw erreurChamp(
              cheminValeurs("finessJuridique"),
              "DOUBLON_FINESS",
              `FINESS juridique : une demande de certificat existe déjà pour ${donnees.finessJuridique} dans cette demande (un seul certificat par FINESS juridique).`,
            );
          }
        }
      }
    }
    const cleFinale =
      demandee.bloc === "ADMINISTRATEURS" && demandee.nature === "AJOUT" ? donnees!.finessJuridique! : cle;
    const existante = ops.find((o) => o.bloc === demandee.bloc && o.cle === cleFinale);
    // The informations block's operation gathers the fields set so far, minus those back as saved.
    if (demandee.bloc === "INFORMATIONS") {
      const sauvee = etat.INFORMATIONS.get(CLE_INFORMATIONS) ?? {};
      // Only a real change meets the lock: putting a field back as saved is always allowed.
      refuserSiVerrouille(
        verrous,
        blocDuVerrou(
          "INFORMATIONS",
          Object.keys(donnees!).filter((c) => (sauvee[c] ?? null) !== donnees![c]),
        ),
      );
      donnees = Object.fromEntries(
        Object.entries({ ...existante?.donnees, ...donnees }).filter(([c, v]) => (sauvee[c] ?? null) !== v),
      );
    }
    let nette: OpNette | null;
    try {
      nette = replier(
        existante,
        { bloc: demandee.bloc, nature: demandee.nature, cle: cleFinale, donnees },
        etat[demandee.bloc].get(cleFinale),
      );
    } catch (e) {
      if (e instanceof OperationImpossible)
        throw new ErreurEtat(e.code, e.message, ["input", REGISTRE_BLOCS[demandee.bloc].champCle ?? "cle"]);
      throw e;
    }
    const where = { brouillonId_bloc_cle: { brouillonId: brouillon.id, bloc: demandee.bloc, cle: cleFinale } };
    if (!nette) await tx.operationBrouillon.deleteMany({ where: where.brouillonId_bloc_cle });
    else {
      const data = {
        nature: nette.nature,
        donnees: nette.donnees ? JSON.stringify(nette.donnees) : null,
        contenu: contenu ?? (nette.nature === "AJOUT" ? undefined : null),
      };
      await tx.operationBrouillon.upsert({
        where,
        create: {
          brouillonId: brouillon.id,
          bloc: demandee.bloc,
          cle: cleFinale,
          ordre: (rows.at(-1)?.ordre ?? 0) + 1,
          ...data,
          contenu: contenu,
        },
        update: data,
      });
    }
    await tx.brouillon.update({ where: { id: brouillon.id }, data: { majLe: new Date() } });
    return brouillon;
  });
}

/** Removes the staged operation of one row (the row is back as saved). */
export async function annulerOperation(ctx: Context, numero: string, bloc: BlocEditable, cle: string) {
  const acteur = ctx.acteur!;
  return ctx.prisma.$transaction(async (tx) => {
    const d = await demandeModifiable(tx, acteur, numero);
    const brouillon = await brouillonDe(tx, acteur, d);
    await tx.operationBrouillon.deleteMany({ where: { brouillonId: brouillon.id, bloc, cle } });
    return brouillon;
  });
}

export async function abandonnerBrouillon(ctx: Context, numero: string): Promise<boolean> {
  const acteur = ctx.acteur!;
  const d = await ctx.prisma.demande.findFirst({
    where: { numero, ...perimetreDemandes(acteur) },
    select: { id: true },
  });
  if (!d) throw new ErreurIntrouvable(`Demande ${numero.slice(0, 20)} introuvable.`, ["input", "numero"]);
  const { count } = await ctx.prisma.brouillon.deleteMany({ where: { demandeId: d.id, acteur: acteur.cle } });
  return count > 0;
}

type Verificateur = (ligne: Ligne, contexte: { finessBeneficiaires: string[] }) => Probleme[];

/**
 * Whole-row checks of each block a draft changes, in the order errors are listed; pièces are
 * checked when staged (their file), so they have none here. A block left out does not compile.
 */
const VERIFICATEURS = {
  INFORMATIONS: (l) =>
    validerInformations(Object.fromEntries(CHAMPS_INFORMATIONS_MODIFIABLES.map((c) => [c, l[c] ?? null]))).erreurs,
  ADMINISTRATEURS: (l, contexte) => validerAdministrateur(ligneTypee("ADMINISTRATEURS", l), contexte).erreurs,
  BENEFICIAIRES: (l) => validerBeneficiaire(ligneTypee("BENEFICIAIRES", l)).erreurs,
  COORDONNEES_BANCAIRES: (l) => validerCoordonnees(ligneTypee("COORDONNEES_BANCAIRES", l)).erreurs,
  PIECES: null,
} satisfies Record<BlocEditable, Verificateur | null>;

/** Errors of the whole demande as the draft would leave it (paths: bloc, row key, field). */
export function verifierEtat(etat: Etat): Probleme[] {
  const erreurs: Probleme[] = [];
  const contexte = { finessBeneficiaires: [...etat.BENEFICIAIRES.values()].map((b) => b.finessJuridique ?? "") };
  for (const [bloc, verifier] of Object.entries(VERIFICATEURS) as [BlocEditable, Verificateur | null][]) {
    if (!verifier) continue;
    for (const [cle, l] of etat[bloc])
      for (const p of verifier(l, contexte)) erreurs.push({ ...p, path: [bloc, cle, p.champ] });
  }
  return erreurs;
}

/**
 * Applies every staged operation atomically and records exactly one new version, or changes
 * nothing and says why (conflict, locked block, validation errors); the draft is then kept.
 */
export async function confirmerBrouillon(
  ctx: Context,
  numero: string,
  versionBase: number,
  commentaire: string | null,
) {
  const acteur = ctx.acteur!;
  return ctx.prisma.$transaction(async (tx) => {
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
        `La demande ne peut pas être enregistrée : ${erreurs.length} erreur(s) à corriger.`,
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
export async function rebaserBrouillon(ctx: Context, numero: string) {
  const acteur = ctx.acteur!;
  return ctx.prisma.$transaction(async (tx) => {
    const d = await demandeModifiable(tx, acteur, numero);
    const brouillon = await brouillonDe(tx, acteur, d);
    const rows = await tx.operationBrouillon.findMany({
      where: { brouillonId: brouillon.id },
      orderBy: { ordre: "asc" },
    });
    const etat = await etatActuel(tx, d.id);
    const abandonnees: string[] = [];
    for (const [i, op] of opsDepuis(rows).entries()) {
      if (inapplicable(etat, op)) {
        abandonnees.push(`${op.bloc}:${op.cle}`);
        await tx.operationBrouillon.delete({ where: { id: rows[i]!.id } });
      }
    }
    await tx.brouillon.update({ where: { id: brouillon.id }, data: { versionBase: d.versionCourante } });
    return { brouillon, abandonnees };
  });
}

export { nouvelleCle, CLE_COORDONNEES };
