import {
  BLOCS_LABELS,
  BLOCS_VALIDABLES,
  CLE_COORDONNEES,
  descripteurBloc,
  type BlocValidable,
  type Probleme,
  etatsValidesEnBloc,
  motifSchema,
  planValidationBloc,
  problemesDepuisZod,
} from "@segur/shared";
import type { Db } from "@segur/prisma";
import type { Acteur } from "../auth/acteur.js";
import { perimetreDemandes } from "../auth/acteur.js";
import { ErreurEtat, ErreurIntrouvable, ErreurValidation, ErreurVerrouillage } from "../commun/erreurs.js";
import {
  BLOCS_A_CLE_VALIDABLES,
  etatsDesBlocs,
  ordreDesLignes,
  parRelationValidable,
  type BlocACleValidable,
  type EtatBlocVue,
} from "../demande/blocs.js";
import { parBloc } from "../historique/champs.js";
import { auteurDe, enregistrerEvenement, type Tx } from "../historique/service.js";

/*
 * Validation and locking of the demande's blocks (SPEC §6): a gestionnaire validates or
 * rejects rows, validates a whole block at once, and unlocks a block with a reason. A block
 * whose rows are all validated is locked; drafts then refuse any change to it.
 */

// ---- pure rules ------------------------------------------------------------------------------

export const libelleBloc = (bloc: string): string => BLOCS_LABELS[bloc as keyof typeof BLOCS_LABELS] ?? bloc;

export function estBlocValidable(bloc: string): bloc is BlocValidable {
  return (BLOCS_VALIDABLES as readonly string[]).includes(bloc);
}

/** Every row validated (an empty block is never "all validated"). */
export function toutesValidees(lignes: readonly { validation: string }[]): boolean {
  return lignes.length > 0 && lignes.every((l) => l.validation === "VALIDEE");
}

/**
 * A block counts as validated when all its rows are validated and it is locked: a block a
 * gestionnaire unlocked is open for changes again, so it is not validated until relocked.
 */
export function blocValide(e: EtatBlocVue): boolean {
  return e.verrouille && e.nombreLignes > 0 && e.nombreValidees === e.nombreLignes;
}

/** Blocks that have rows but are not validated (a demande cannot be Décidée while any remains). */
export function blocsNonValides(etats: readonly EtatBlocVue[]): BlocValidable[] {
  return etats.filter((e) => e.nombreLignes > 0 && !blocValide(e)).map((e) => e.bloc as BlocValidable);
}

/** The reason of a rejection or an unlock: required, 1000 characters at most; field errors otherwise. */
export function verifierMotif(motif: unknown): string {
  const r = motifSchema.safeParse(motif);
  if (!r.success) throw new ErreurValidation(problemesDepuisZod(r.error, ["input", "motif"]) as Probleme[]);
  return r.data;
}

// ---- database --------------------------------------------------------------------------------

/** The demande after a change, for the mutation's answer (`query`: the selection Pothos plans). */
export const demandeParId = (db: Db, query: { include?: object; select?: object }, id: number) =>
  // A client asking only `__typename` yields an empty select, which Prisma refuses.
  db.demande.findUniqueOrThrow({
    ...(query.select ? { select: { id: true, ...query.select } } : query),
    where: { id },
  });

export interface LigneCible {
  numero: string;
  bloc: string;
  cle: string;
}

const selectionValidations = {
  blocs: { select: { bloc: true, verrouille: true } },
  coordonneesBancaires: { select: { validation: true } },
  ...parRelationValidable(() => ({ select: { validation: true as const } })),
  administrateurs: { select: { validation: true }, where: { demandeCertificatServeur: true } },
} as const;

/** The demande (any the actor may see) with each block's rows' states and lock flag. */
export async function demandeAvecBlocs(tx: Tx, acteur: Acteur | null, numero: string) {
  const d = await tx.demande.findFirst({
    where: { numero, ...perimetreDemandes(acteur) },
    include: selectionValidations,
  });
  if (!d) throw new ErreurIntrouvable(`Demande ${numero.slice(0, 20)} introuvable.`, ["input", "numero"]);
  return { demande: d, etats: etatsDesBlocs(d) };
}

async function demandeAValider(tx: Tx, acteur: Acteur, numero: string, bloc: string) {
  if (!estBlocValidable(bloc)) {
    throw new ErreurEtat(
      "BLOC_NON_VALIDABLE",
      `Bloc : le bloc « ${libelleBloc(bloc)} » ne se valide pas (blocs validables : ${BLOCS_VALIDABLES.map(libelleBloc).join(", ")}).`,
      ["input", "bloc"],
    );
  }
  const d = await tx.demande.findFirst({
    where: { numero, ...perimetreDemandes(acteur) },
    select: { id: true, statut: true },
  });
  if (!d) throw new ErreurIntrouvable(`Demande ${numero.slice(0, 20)} introuvable.`, ["input", "numero"]);
  if (d.statut === "DECIDEE")
    throw new ErreurEtat(
      "DEMANDE_DECIDEE",
      "Une demande décidée ne peut plus être validée, rejetée ni déverrouillée.",
      ["input", "numero"],
    );
  const verrou = await tx.etatBloc.findUnique({
    where: { demandeId_bloc: { demandeId: d.id, bloc } },
    select: { verrouille: true },
  });
  return { demandeId: d.id, bloc, verrouille: verrou?.verrouille ?? false };
}

function refuserSiVerrouille(verrouille: boolean, bloc: string) {
  if (verrouille) {
    throw new ErreurVerrouillage(
      `Le bloc « ${libelleBloc(bloc)} » est validé et verrouillé : déverrouillez-le (avec un motif) avant de changer la validation de ses lignes.`,
      bloc,
    );
  }
}

const ETAT_LIGNE = { validation: true, validationMotif: true } as const;

/** Reading and marking the rows of one validatable block (only certificate rows that request one count). */
interface LignesValidables {
  /** Row key, validation state and rejection reason of every row, in screen order. */
  lire: (tx: Tx, demandeId: number) => Promise<LigneDuBloc[]>;
  /** Sets `data` on the row of key `cle` (null: on every row matching `parEtat`); answers how many changed. */
  marquer: (
    tx: Tx,
    demandeId: number,
    cle: string | null,
    parEtat: { validation: { in: string[] } } | null,
    data: EtatValidationData,
  ) => Promise<number>;
}

/** The Prisma table of a keyed row block's rows, as its generic entry reads and marks them. */
interface TableACle {
  findMany(args: {
    where: { demandeId: number };
    select: { cle: true; validation: true; validationMotif: true };
    orderBy: Record<string, "asc">[];
  }): Promise<LigneDuBloc[]>;
  updateMany(args: { where: object; data: EtatValidationData }): Promise<{ count: number }>;
}

/** Prisma names a model's table on the client after the model, first letter lowered. */
const tableACle = (tx: Tx, bloc: BlocACleValidable): TableACle => {
  const m = descripteurBloc(bloc).modele;
  return (tx as unknown as Record<string, TableACle>)[m[0]!.toLowerCase() + m.slice(1)]!;
};

/** A keyed row block's entry, from its descriptor: rows by `cle`, in the descriptor's order. */
const lignesACle = (bloc: BlocACleValidable): LignesValidables => ({
  lire: (tx, demandeId) =>
    tableACle(tx, bloc).findMany({
      where: { demandeId },
      select: { cle: true, ...ETAT_LIGNE },
      orderBy: ordreDesLignes(bloc),
    }),
  marquer: async (tx, demandeId, cle, parEtat, data) =>
    (await tableACle(tx, bloc).updateMany({ where: { demandeId, ...(parEtat ?? { cle: cle! }) }, data })).count,
});

/** One entry per validatable block: a block left out (neither keyed by `cle` nor named here) does not compile. */
const LIGNES_VALIDABLES = {
  ...parBloc(BLOCS_A_CLE_VALIDABLES, lignesACle),
  COORDONNEES_BANCAIRES: {
    lire: async (tx, demandeId) => {
      const c = await tx.coordonneesBancaires.findUnique({ where: { demandeId }, select: ETAT_LIGNE });
      return c ? [{ cle: CLE_COORDONNEES, ...c }] : [];
    },
    marquer: async (tx, demandeId, cle, parEtat, data) => {
      if (cle !== null && cle !== CLE_COORDONNEES) return 0;
      return (await tx.coordonneesBancaires.updateMany({ where: { demandeId, ...parEtat }, data })).count;
    },
  },
  ADMINISTRATEURS: {
    lire: async (tx, demandeId) =>
      (
        await tx.administrateurTechnique.findMany({
          where: { demandeId, demandeCertificatServeur: true },
          select: { finessJuridique: true, ...ETAT_LIGNE },
          orderBy: { ordre: "asc" },
        })
      ).map(({ finessJuridique, ...a }) => ({ cle: finessJuridique, ...a })),
    marquer: async (tx, demandeId, cle, parEtat, data) =>
      (
        await tx.administrateurTechnique.updateMany({
          where: { demandeId, demandeCertificatServeur: true, ...(parEtat ?? { finessJuridique: cle! }) },
          data,
        })
      ).count,
  },
} satisfies Record<BlocValidable, LignesValidables>;

const lignesDuBloc = (tx: Tx, demandeId: number, bloc: BlocValidable) => LIGNES_VALIDABLES[bloc].lire(tx, demandeId);

interface LigneDuBloc {
  cle: string;
  validation: string;
  validationMotif: string | null;
}

interface EtatValidationData {
  validation: "VALIDEE" | "REJETEE";
  validationMotif: string | null;
  valideePar: string;
  valideeLe: Date;
}

/**
 * Sets the validation of one row (`{ cle }`) or of every row in one of the given states
 * (`{ etats }`: rows already validated keep who validated them and when). The states are a
 * constant list, so the query binds a fixed number of parameters. Returns how many rows changed.
 */
async function marquer(
  tx: Tx,
  demandeId: number,
  bloc: BlocValidable,
  cible: { cle: string } | { etats: readonly string[] },
  data: EtatValidationData,
): Promise<number> {
  const parEtat = "etats" in cible ? { validation: { in: [...cible.etats] } } : null;
  const cle = "cle" in cible ? cible.cle : null;
  return LIGNES_VALIDABLES[bloc].marquer(tx, demandeId, cle, parEtat, data);
}

async function verrouiller(tx: Tx, acteur: Acteur, demandeId: number, bloc: BlocValidable, raison: string) {
  const maintenant = new Date();
  await tx.etatBloc.upsert({
    where: { demandeId_bloc: { demandeId, bloc } },
    create: { demandeId, bloc, verrouille: true, modifieLe: maintenant, modifiePar: acteur.nom },
    update: { verrouille: true, modifieLe: maintenant, modifiePar: acteur.nom },
  });
  await enregistrerEvenement(tx, {
    demandeId,
    type: "BLOC_VERROUILLE",
    auteur: auteurDe(acteur),
    bloc,
    details: { raison },
  });
}

const ligneIntrouvable = (bloc: string, cle: string) =>
  new ErreurIntrouvable(`Clé : aucune ligne « ${cle.slice(0, 40)} » dans le bloc « ${libelleBloc(bloc)} ».`, [
    "input",
    "cle",
  ]);

/** Validates one row; validating the last row not yet validated locks the block. Returns the demande id. */
export async function validerLigne(db: Db, acteur: Acteur, { numero, bloc, cle }: LigneCible): Promise<number> {
  return db.$transaction(async (tx) => {
    const cible = await demandeAValider(tx, acteur, numero, bloc);
    refuserSiVerrouille(cible.verrouille, bloc);
    const b = cible.bloc as BlocValidable;
    const n = await marquer(
      tx,
      cible.demandeId,
      b,
      { cle },
      { validation: "VALIDEE", validationMotif: null, valideePar: acteur.nom, valideeLe: new Date() },
    );
    if (!n) throw ligneIntrouvable(bloc, cle);
    await enregistrerEvenement(tx, {
      demandeId: cible.demandeId,
      type: "LIGNE_VALIDEE",
      auteur: auteurDe(acteur),
      bloc,
      cle,
    });
    if (toutesValidees(await lignesDuBloc(tx, cible.demandeId, b))) {
      await verrouiller(tx, acteur, cible.demandeId, b, "Toutes les lignes du bloc sont validées.");
    }
    return cible.demandeId;
  });
}

/** Rejects one row with a reason (required, shown to the gestionnaires). Returns the demande id. */
export async function rejeterLigne(
  db: Db,
  acteur: Acteur,
  { numero, bloc, cle, motif }: LigneCible & { motif: unknown },
): Promise<number> {
  const raison = verifierMotif(motif);
  return db.$transaction(async (tx) => {
    const cible = await demandeAValider(tx, acteur, numero, bloc);
    refuserSiVerrouille(cible.verrouille, bloc);
    const n = await marquer(
      tx,
      cible.demandeId,
      cible.bloc as BlocValidable,
      { cle },
      {
        validation: "REJETEE",
        validationMotif: raison,
        valideePar: acteur.nom,
        valideeLe: new Date(),
      },
    );
    if (!n) throw ligneIntrouvable(bloc, cle);
    await enregistrerEvenement(tx, {
      demandeId: cible.demandeId,
      type: "LIGNE_REJETEE",
      auteur: auteurDe(acteur),
      bloc,
      cle,
      motif: raison,
    });
    return cible.demandeId;
  });
}

/** A rejected row, as the block validation reports it. */
export interface LigneRejetee {
  cle: string;
  motif: string | null;
}

export interface ValidationBloc {
  demandeId: number;
  /** Rows left rejected (no override asked): the block stays open. */
  lignesRejetees: LigneRejetee[];
}

/**
 * Validates the block's rows at once (SPEC §10): rows « À valider » always; rejected rows only
 * with `inclureRejetees`, each lifted rejection journaled with its former reason. The block
 * locks only when every row ends validated: a rejected row left keeps it open.
 */
export async function validerBloc(
  db: Db,
  acteur: Acteur,
  { numero, bloc, inclureRejetees }: { numero: string; bloc: string; inclureRejetees?: boolean | null },
): Promise<ValidationBloc> {
  const inclure = inclureRejetees === true;
  return db.$transaction(async (tx) => {
    const cible = await demandeAValider(tx, acteur, numero, bloc);
    refuserSiVerrouille(cible.verrouille, bloc);
    const b = cible.bloc as BlocValidable;
    const lignes = await lignesDuBloc(tx, cible.demandeId, b);
    if (!lignes.length)
      throw new ErreurEtat(
        "BLOC_VIDE",
        `Le bloc « ${libelleBloc(bloc)} » n'a aucune ligne : il n'y a rien à valider.`,
        ["input", "bloc"],
      );
    const plan = planValidationBloc(lignes, inclure);
    // Same transaction as the read: the rows updated are exactly the plan's.
    const n = await marquer(
      tx,
      cible.demandeId,
      b,
      { etats: etatsValidesEnBloc(inclure) },
      {
        validation: "VALIDEE",
        validationMotif: null,
        valideePar: acteur.nom,
        valideeLe: new Date(),
      },
    );
    for (const l of plan.rejetsLeves) {
      await enregistrerEvenement(tx, {
        demandeId: cible.demandeId,
        type: "REJET_LEVE",
        auteur: auteurDe(acteur),
        bloc,
        cle: l.cle,
        motif: l.validationMotif,
      });
    }
    if (n > 0 || plan.verrouiller) {
      await enregistrerEvenement(tx, {
        demandeId: cible.demandeId,
        type: "BLOC_VALIDE",
        auteur: auteurDe(acteur),
        bloc,
        details: {
          lignes: lignes.length,
          validees: n,
          restentRejetees: plan.restentRejetees.length,
          rejetsLeves: plan.rejetsLeves.length,
        },
      });
    }
    if (plan.verrouiller) await verrouiller(tx, acteur, cible.demandeId, b, "Bloc validé en entier.");
    return {
      demandeId: cible.demandeId,
      lignesRejetees: plan.restentRejetees.map((l) => ({ cle: l.cle, motif: l.validationMotif })),
    };
  });
}

/**
 * Unlocks a block with a reason: it can be modified again. Rows keep their validation; a row
 * changed by a later confirmed draft goes back to « À valider ». Returns the demande id.
 */
export async function deverrouillerBloc(
  db: Db,
  acteur: Acteur,
  { numero, bloc, motif }: { numero: string; bloc: string; motif: unknown },
): Promise<number> {
  const raison = verifierMotif(motif);
  return db.$transaction(async (tx) => {
    const cible = await demandeAValider(tx, acteur, numero, bloc);
    if (!cible.verrouille)
      throw new ErreurEtat("BLOC_NON_VERROUILLE", `Le bloc « ${libelleBloc(bloc)} » n'est pas verrouillé.`, [
        "input",
        "bloc",
      ]);
    await tx.etatBloc.update({
      where: { demandeId_bloc: { demandeId: cible.demandeId, bloc } },
      data: { verrouille: false, modifieLe: new Date(), modifiePar: acteur.nom },
    });
    await enregistrerEvenement(tx, {
      demandeId: cible.demandeId,
      type: "BLOC_DEVERROUILLE",
      auteur: auteurDe(acteur),
      bloc,
      motif: raison,
    });
    return cible.demandeId;
  });
}
