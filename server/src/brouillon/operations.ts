import { copierEtat, type BlocEditable, type Etat, type Ligne } from "../historique/champs.js";
import type { Nature } from "../historique/changements.js";

/** A draft holds at most one net operation per row. */
export interface OpNette {
  bloc: BlocEditable;
  nature: Nature;
  cle: string;
  donnees: Ligne | null;
}

export type EtatApercu = "AJOUTEE" | "MODIFIEE" | "SUPPRIMEE" | "INCHANGEE";

export interface LigneApercu {
  cle: string;
  etat: EtatApercu;
  champsModifies: string[];
  valeurs: Ligne;
  original: Ligne | null;
}

export class OperationImpossible extends Error {
  constructor(
    readonly code: "LIGNE_EXISTANTE" | "LIGNE_INCONNUE",
    message: string,
  ) {
    super(message);
  }
}

const egales = (a: Ligne, b: Ligne) => Object.keys({ ...a, ...b }).every((k) => (a[k] ?? null) === (b[k] ?? null));
/** A modification carries the fields it sets (every field, or a few of the informations block). */
const sansEffet = (sauvee: Ligne, donnees: Ligne) =>
  Object.keys(donnees).every((k) => (sauvee[k] ?? null) === (donnees[k] ?? null));

/**
 * Folds a new staged operation into the row's existing one (if any), against the saved row.
 * Returns the net operation, or null when the row ends up as saved (nothing to confirm).
 */
export function replier(
  existante: OpNette | undefined,
  nouvelle: { bloc: BlocEditable; nature: Nature; cle: string; donnees: Ligne | null },
  sauvee: Ligne | undefined,
): OpNette | null {
  const presente = existante ? existante.nature !== "SUPPRESSION" : sauvee !== undefined;
  const { bloc, cle } = nouvelle;
  if (nouvelle.nature === "AJOUT") {
    if (presente) throw new OperationImpossible("LIGNE_EXISTANTE", "Cette ligne existe déjà.");
    if (!sauvee) return { bloc, cle, nature: "AJOUT", donnees: nouvelle.donnees };
    return egales(sauvee, nouvelle.donnees!) ? null : { bloc, cle, nature: "MODIFICATION", donnees: nouvelle.donnees };
  }
  if (!presente) throw new OperationImpossible("LIGNE_INCONNUE", "Cette ligne n'existe pas (ou plus) dans la demande.");
  if (nouvelle.nature === "MODIFICATION") {
    if (existante?.nature === "AJOUT") return { bloc, cle, nature: "AJOUT", donnees: nouvelle.donnees };
    return sansEffet(sauvee!, nouvelle.donnees!)
      ? null
      : { bloc, cle, nature: "MODIFICATION", donnees: nouvelle.donnees };
  }
  return existante?.nature === "AJOUT" ? null : { bloc, cle, nature: "SUPPRESSION", donnees: null };
}

/** Operations that no longer apply to the saved state: an addition of a row that exists, a change of one that does not. */
export function inapplicable(etat: Etat, op: OpNette): boolean {
  return etat[op.bloc].has(op.cle) === (op.nature === "AJOUT");
}

/** The demande as it would be once the draft is confirmed. */
export function appliquer(etat: Etat, ops: OpNette[]): Etat {
  const out = copierEtat(etat);
  for (const op of ops) {
    if (op.nature === "SUPPRESSION") out[op.bloc].delete(op.cle);
    else out[op.bloc].set(op.cle, { ...out[op.bloc].get(op.cle), ...op.donnees });
  }
  return out;
}

/** Every row of a block with its state: saved rows in order, then added rows in staging order. */
export function apercuBloc(etat: Etat, ops: OpNette[], bloc: BlocEditable): LigneApercu[] {
  const parCle = new Map(ops.filter((o) => o.bloc === bloc).map((o) => [o.cle, o]));
  const lignes: LigneApercu[] = [];
  for (const [cle, original] of etat[bloc]) {
    const op = parCle.get(cle);
    if (op?.nature === "SUPPRESSION")
      lignes.push({ cle, etat: "SUPPRIMEE", champsModifies: [], valeurs: original, original });
    else if (op) {
      const valeurs = { ...original, ...op.donnees };
      const champsModifies = Object.keys(valeurs).filter((k) => (valeurs[k] ?? null) !== (original[k] ?? null));
      lignes.push({ cle, etat: champsModifies.length ? "MODIFIEE" : "INCHANGEE", champsModifies, valeurs, original });
    } else lignes.push({ cle, etat: "INCHANGEE", champsModifies: [], valeurs: original, original });
  }
  for (const op of parCle.values()) {
    if (op.nature === "AJOUT" && !etat[bloc].has(op.cle)) {
      lignes.push({
        cle: op.cle,
        etat: "AJOUTEE",
        champsModifies: Object.keys(op.donnees ?? {}),
        valeurs: op.donnees ?? {},
        original: null,
      });
    }
  }
  return lignes;
}
