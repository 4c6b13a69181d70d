import { createHash } from "node:crypto";
import {
  CHAMPS_INFORMATIONS_MODIFIABLES,
  caractereInterdit,
  couloirCertificat,
  normaliserNfc,
  problemeContenuPdf,
  validerAdministrateur,
  validerBeneficiaire,
  validerCoordonnees,
  validerInformations,
  type Bloc,
  type Probleme,
} from "@segur/shared";
import { ErreurEtat, ErreurValidation, erreurChamp } from "../commun/erreurs.js";
import { enTexte, ligneDepuis, ligneTypee, type BlocEditable, type Etat, type Ligne } from "../historique/champs.js";
import type { Nature } from "../historique/changements.js";

/** One add / edit / delete asked for, before it is checked. */
export interface OperationDemandee {
  bloc: BlocEditable;
  nature: Nature;
  /** Row key; for an added bénéficiaire or pièce, generated. */
  cle: string;
  /** Typed values as received (validated here). */
  valeurs?: Record<string, unknown>;
  fichier?: { contenu: Uint8Array; nomFichier: string; type: string };
}

/** A row's staged values as text, and the uploaded file of a pièce. */
export interface DonneesPreparees {
  donnees: Ligne;
  contenu?: Uint8Array<ArrayBuffer>;
}

/** What staging and confirm do differently for one block; the steps themselves are in service.ts. */
interface Preparation {
  /** Rules of the demande or the nature, checked before the draft is read. */
  admettre?: (nature: Nature, demande: { type: string; couloir: string }) => void;
  /** The values of an addition or a change, checked with the shared rules (`apercu`: the draft's demande). */
  preparer: (demandee: OperationDemandee, valeurs: Record<string, unknown>, apercu: Etat) => DonneesPreparees;
  /** Blocks changed field by field: the fields staged so far and the new ones, minus those back as saved. */
  fusionner?: (dejaStagees: Ligne | undefined, donnees: Ligne, sauvee: Ligne) => Ligne;
  /** Whole-row check at confirm, in the order errors are listed; null when staging checked everything. */
  verifier: ((ligne: Ligne, contexte: ContexteVerification) => Probleme[]) | null;
}

interface ContexteVerification {
  finessBeneficiaires: string[];
}

const cheminValeurs = (champ: string) => ["input", "valeurs", champ];

/** Field errors of a shared validator as the API's error, or the checked values. */
function valeurOuErreurs<T>(r: { valeur?: T | null; erreurs: Probleme[] }): T {
  if (r.erreurs.length || !r.valeur) {
    throw new ErreurValidation(r.erreurs.map((p) => ({ ...p, path: cheminValeurs(p.champ) })));
  }
  return r.valeur;
}

const ligneVerifiee = (bloc: BlocEditable, r: { valeur?: object | null; erreurs: Probleme[] }) => ({
  donnees: ligneDepuis(bloc, valeurOuErreurs(r) as Record<string, unknown>),
});

/** The bénéficiaires' FINESS juridiques, which a certificate row must name. */
export const finessDesBeneficiaires = (etat: Etat): string[] =>
  [...etat.BENEFICIAIRES.values()].map((b) => b.finessJuridique ?? "");

/** Changed fields of a row (against the saved one): only a real change meets a field's lock. */
export const champsChanges = (donnees: Ligne | null, sauvee: Ligne): string[] =>
  Object.keys(donnees ?? {}).filter((c) => (sauvee[c] ?? null) !== donnees![c]);

function preparerPiece({ fichier }: OperationDemandee): DonneesPreparees {
  const f = fichier!;
  const pb = problemeContenuPdf(f.contenu);
  if (pb) throw erreurChamp(["input", "fichier"], "FORMAT", `Fichier : ${pb}.`);
  if (!/\.pdf$/i.test(f.nomFichier))
    throw erreurChamp(["input", "fichier"], "FORMAT", "Fichier : un fichier PDF (.pdf) est attendu.");
  const interdit = caractereInterdit(f.nomFichier);
  if (interdit) throw erreurChamp(["input", "fichier"], "CARACTERE_INTERDIT", `Nom du fichier : ${interdit}.`);
  return {
    contenu: new Uint8Array(f.contenu),
    donnees: ligneDepuis("PIECES", {
      nomFichier: [...normaliserNfc(f.nomFichier.replace(/^.*[\\/]/, ""))].slice(0, 255).join(""),
      type: f.type,
      taille: f.contenu.byteLength,
      sha256: createHash("sha256").update(f.contenu).digest("hex"),
    }),
  };
}

/** The informations fields given (only those), checked, as text. */
function preparerInformations(valeurs: Record<string, unknown>): DonneesPreparees {
  if (!CHAMPS_INFORMATIONS_MODIFIABLES.some((c) => c in valeurs)) {
    throw erreurChamp(
      ["input", "valeurs"],
      "REQUIS",
      `Valeurs : indiquez au moins un champ à modifier (${CHAMPS_INFORMATIONS_MODIFIABLES.join(", ")}).`,
    );
  }
  const valeur = valeurOuErreurs(validerInformations(valeurs));
  return { donnees: Object.fromEntries(Object.entries(valeur).map(([c, v]) => [c, enTexte(v)])) };
}

/**
 * How each block is staged and checked at confirm, in the order confirm lists errors: a block
 * without an entry does not compile; a block no draft changes (the emails) says so with null.
 */
export const PREPARATIONS = {
  INFORMATIONS: {
    admettre: (nature) => {
      if (nature !== "MODIFICATION") {
        throw new ErreurEtat(
          "BLOC_NON_MODIFIABLE",
          "Les informations de la demande se modifient, elles ne s'ajoutent ni ne se suppriment.",
          ["input", "bloc"],
        );
      }
    },
    preparer: (_demandee, valeurs) => preparerInformations(valeurs),
    fusionner: (dejaStagees, donnees, sauvee) =>
      Object.fromEntries(Object.entries({ ...dejaStagees, ...donnees }).filter(([c, v]) => (sauvee[c] ?? null) !== v)),
    verifier: (l) =>
      validerInformations(Object.fromEntries(CHAMPS_INFORMATIONS_MODIFIABLES.map((c) => [c, l[c] ?? null]))).erreurs,
  },

  ADMINISTRATEURS: {
    admettre: (_nature, demande) => {
      if (!couloirCertificat(demande)) {
        throw new ErreurEtat(
          "HORS_PERIMETRE",
          "Les certificats serveur ne concernent que les demandes d'avance des couloirs MS1 et MS2.",
        );
      }
    },
    preparer: (demandee, valeurs, apercu) => {
      const r = validerAdministrateur(valeurs, { finessBeneficiaires: finessDesBeneficiaires(apercu) });
      const prepare = ligneVerifiee("ADMINISTRATEURS", r);
      const finess = prepare.donnees.finessJuridique!;
      // Said in the certificate's words rather than as a row that already exists.
      if (demandee.nature === "AJOUT" && apercu.ADMINISTRATEURS.has(finess)) {
        throw erreurChamp(
          cheminValeurs("finessJuridique"),
          "DOUBLON_FINESS",
          `FINESS juridique : une demande de certificat existe déjà pour ${finess} dans cette demande (un seul certificat par FINESS juridique).`,
        );
      }
      return prepare;
    },
    verifier: (l, contexte) => validerAdministrateur(ligneTypee("ADMINISTRATEURS", l), contexte).erreurs,
  },

  BENEFICIAIRES: {
    preparer: (_demandee, valeurs) => ligneVerifiee("BENEFICIAIRES", validerBeneficiaire(valeurs)),
    verifier: (l) => validerBeneficiaire(ligneTypee("BENEFICIAIRES", l)).erreurs,
  },

  COORDONNEES_BANCAIRES: {
    preparer: (_demandee, valeurs) => ligneVerifiee("COORDONNEES_BANCAIRES", validerCoordonnees(valeurs)),
    verifier: (l) => validerCoordonnees(ligneTypee("COORDONNEES_BANCAIRES", l)).erreurs,
  },

  // A pièce's file is checked when staged: nothing left for the confirm.
  PIECES: { preparer: (demandee) => preparerPiece(demandee), verifier: null },

  COURRIELS: null,
} satisfies Record<Bloc, Preparation | null>;

export const preparationDe = (bloc: BlocEditable): Preparation => PREPARATIONS[bloc];

/** Errors of the whole demande as the draft would leave it (paths: bloc, row key, field). */
export function verifierEtat(etat: Etat): Probleme[] {
  const erreurs: Probleme[] = [];
  const contexte = { finessBeneficiaires: finessDesBeneficiaires(etat) };
  for (const [bloc, preparation] of Object.entries(PREPARATIONS) as [Bloc, Preparation | null][]) {
    if (!preparation?.verifier || !(bloc in etat)) continue;
    for (const [cle, l] of etat[bloc as BlocEditable])
      for (const p of preparation.verifier(l, contexte)) erreurs.push({ ...p, path: [bloc, cle, p.champ] });
  }
  return erreurs;
}
