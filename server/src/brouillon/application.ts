import { dialecte } from "@segur/prisma";
import {
  BLOCS,
  CHAMPS_COORDONNEES,
  CHAMPS_INFORMATIONS_MODIFIABLES,
  descripteurBloc,
  type Bloc,
  type CoordonneesValeurs,
} from "@segur/shared";
import { insererOuMettreAJourParJson } from "../commun/insertion-en-masse.js";
import { ligneTypee, pourBlocsACle, type BlocACle, type Etat, type Ligne } from "../historique/champs.js";
import type { Tx } from "../historique/service.js";
import type { OpNette } from "./operations.js";

/** A changed row must be validated again. */
const REVALIDER = { validation: "A_VALIDER", validationMotif: null, valideePar: null, valideeLe: null };
/** A changed certificate request is a new request for the health agency: it goes in a later batch. */
const RENVOYER = { lotTransmissionId: null, transmisLe: null };

/** Row fields are bound as JSON: text, integers and booleans only (no row block versions a date or an amount). */
function simple(l: ReturnType<typeof ligneTypee>): Record<string, string | number | boolean | null> {
  for (const [c, v] of Object.entries(l))
    if (typeof v === "bigint" || v instanceof Date)
      throw new Error(`Champ ${c} : type non pris en charge par l'écriture en masse.`);
  return l as Record<string, string | number | boolean | null>;
}

/** The bank row's columns, every one text and required: the confirm checked the whole demande, so none is missing. */
function coordonnees(l: Ligne): CoordonneesValeurs {
  return Object.fromEntries(
    CHAMPS_COORDONNEES.map((c) => {
      const v = l[c];
      if (v === null || v === undefined)
        throw new Error(`Coordonnées bancaires : champ ${c} absent à l'application du brouillon.`);
      return [c, v];
    }),
  ) as CoordonneesValeurs;
}

/**
 * An added row's `ordre` is the block's row count + 1 at the moment it is applied, operations in
 * staging order (as applying them one by one numbered them). `existantes`: keys already in the
 * table, where an addition updates the row and adds none.
 */
function ordres(ops: readonly OpNette[], total: number, existantes: ReadonlySet<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const op of ops) {
    if (op.nature === "SUPPRESSION") total--;
    else if (op.nature === "AJOUT" && !existantes.has(op.cle)) out.set(op.cle, ++total);
  }
  return out;
}

/** Deletes the rows of keys given as one JSON array (one bound parameter, whatever their number). */
async function supprimer(tx: Tx, table: string, colonneCle: string, demandeId: number, cles: string[]) {
  if (!cles.length) return;
  const sql =
    dialecte(tx) === "postgresql"
      ? `DELETE FROM "${table}" WHERE "demandeId" = $1 AND "${colonneCle}" IN (SELECT json_array_elements_text($2::json))`
      : `DELETE FROM "${table}" WHERE "demandeId" = ? AND "${colonneCle}" IN (SELECT value FROM json_each(?))`;
  await tx.$executeRawUnsafe(sql, demandeId, JSON.stringify(cles));
}

/** One block's staged operations, each with its uploaded content (pièces), in staging order. */
type OperationsDuBloc = readonly { op: OpNette; contenu: Uint8Array | null }[];
/** Writes one block's operations; the informations block answers the demande's fields instead. */
type Applicateur = (
  tx: Tx,
  demandeId: number,
  avant: Etat,
  ops: OperationsDuBloc,
) => Promise<Record<string, unknown> | void>;

const sansContenu = (ops: OperationsDuBloc) => ops.map(({ op }) => op);

/**
 * The writer of a row block keyed by `cle`, from its descriptor: one delete of the deleted keys,
 * one multi-row upsert of the others (their fields, `ordre` when rows are ordered by it, back to
 * « à valider » when validated).
 */
function appliquerLignesACle(bloc: BlocACle): Applicateur {
  const d = descripteurBloc(bloc);
  const ordonne = d.ordre.includes("ordre");
  return async (tx, demandeId, avant, lignes) => {
    const ops = sansContenu(lignes);
    const cles = ops.filter((o) => o.nature === "SUPPRESSION").map((o) => o.cle);
    await supprimer(tx, d.modele, "cle", demandeId, cles);
    const rangs = ordonne ? ordres(ops, avant[bloc].size, new Set()) : null;
    await insererOuMettreAJourParJson(
      tx,
      d.modele,
      ops
        .filter((o) => o.nature !== "SUPPRESSION")
        .map((o) => ({
          ...simple(ligneTypee(bloc, o.donnees!)),
          demandeId,
          cle: o.cle,
          ...(rangs ? { ordre: rangs.get(o.cle) ?? 0 } : {}),
          ...(d.validable ? REVALIDER : {}),
        })),
      ["demandeId", "cle"],
      rangs ? ["ordre"] : [],
    );
  };
}

/**
 * How confirm writes each block: a block without an entry does not compile; a block no draft
 * changes (the emails) says so with null.
 */
export const APPLICATEURS = {
  ...pourBlocsACle(appliquerLignesACle),
  INFORMATIONS: async (_tx, _demandeId, _avant, ops) => {
    const informations: Record<string, unknown> = {};
    for (const { op } of ops) {
      const valeurs = ligneTypee("INFORMATIONS", op.donnees!);
      for (const c of CHAMPS_INFORMATIONS_MODIFIABLES) if (c in op.donnees!) informations[c] = valeurs[c];
    }
    return informations;
  },

  ADMINISTRATEURS: async (tx, demandeId, avant, lignes) => {
    const administrateurs = sansContenu(lignes);
    await supprimer(
      tx,
      "AdministrateurTechnique",
      "finessJuridique",
      demandeId,
      administrateurs.filter((o) => o.nature === "SUPPRESSION").map((o) => o.cle),
    );
    // Rows without a certificate request are not in the versioned state, yet count and can be re-requested.
    const sansCertificat = administrateurs.some((o) => o.nature === "AJOUT")
      ? new Set(
          (
            await tx.administrateurTechnique.findMany({
              where: { demandeId, demandeCertificatServeur: false },
              select: { finessJuridique: true },
            })
          ).map((a) => a.finessJuridique),
        )
      : new Set<string>();
    const ordreA = ordres(administrateurs, avant.ADMINISTRATEURS.size + sansCertificat.size, sansCertificat);
    await insererOuMettreAJourParJson(
      tx,
      "AdministrateurTechnique",
      administrateurs
        .filter((o) => o.nature !== "SUPPRESSION")
        .map((o) => ({
          ...simple(ligneTypee("ADMINISTRATEURS", o.donnees!)),
          finessJuridique: o.cle,
          demandeId,
          ordre: ordreA.get(o.cle) ?? 0,
          demandeCertificatServeur: true,
          ...REVALIDER,
          ...RENVOYER,
        })),
      ["demandeId", "finessJuridique"],
      ["ordre"],
    );
  },

  // At most one row: one upsert.
  COORDONNEES_BANCAIRES: async (tx, demandeId, _avant, ops) => {
    for (const { op } of ops) {
      if (op.nature === "SUPPRESSION") await tx.coordonneesBancaires.deleteMany({ where: { demandeId } });
      else {
        const data = coordonnees(op.donnees!);
        await tx.coordonneesBancaires.upsert({
          where: { demandeId },
          create: { ...data, demandeId },
          update: { ...data, ...REVALIDER },
        });
      }
    }
  },

  // A pièce is its file: added whole (never edited), its content bound as bytes.
  PIECES: async (tx, demandeId, _avant, pieces) => {
    await supprimer(
      tx,
      "PieceJustificative",
      "cle",
      demandeId,
      pieces.filter(({ op }) => op.nature === "SUPPRESSION").map(({ op }) => op.cle),
    );
    const ajoutees = pieces.filter(({ op }) => op.nature !== "SUPPRESSION");
    if (ajoutees.length) {
      await tx.pieceJustificative.createMany({
        data: ajoutees.map(({ op, contenu }) => ({
          demandeId,
          cle: op.cle,
          nomFichier: op.donnees!.nomFichier!,
          type: op.donnees!.type!,
          taille: Number(op.donnees!.taille),
          sha256: op.donnees!.sha256!,
          contenu: new Uint8Array(contenu ?? new Uint8Array()),
        })),
      });
    }
  },

  COURRIELS: null,
} satisfies Record<Bloc, Applicateur | null>;

/**
 * Writes a draft's operations, checked against `avant` (the saved state they apply to), with a
 * few statements per block: one delete, multi-row upserts for additions and changes. The
 * informations fields are returned, for the caller's single update of the demande row.
 */
export async function appliquerOperations(
  tx: Tx,
  demandeId: number,
  avant: Etat,
  ops: readonly OpNette[],
  contenus: readonly (Uint8Array | null)[],
): Promise<Record<string, unknown>> {
  const avecContenus = ops.map((op, i) => ({ op, contenu: contenus[i] ?? null }));
  let informations: Record<string, unknown> = {};
  for (const bloc of BLOCS) {
    const appliquerBloc: Applicateur | null = APPLICATEURS[bloc];
    const duBloc = avecContenus.filter(({ op }) => op.bloc === bloc);
    if (!appliquerBloc || !duBloc.length) continue;
    informations = { ...informations, ...(await appliquerBloc(tx, demandeId, avant, duBloc)) };
  }
  return informations;
}
