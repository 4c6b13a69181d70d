import { dialecte } from "@segur/prisma";
import { CHAMPS_COORDONNEES, CHAMPS_INFORMATIONS_MODIFIABLES, type Bloc, type CoordonneesValeurs } from "@segur/shared";
import { insererOuMettreAJourParJson } from "../commun/insertion-en-masse.js";
import { ligneTypee, type Etat, type Ligne } from "../historique/champs.js";
import type { Tx } from "../historique/service.js";
import type { OpNette } from "./operations.js";

/** A changed row must be validated again. */
const REVALIDER = { validation: "A_VALIDER", validationMotif: null, valideePar: null, valideeLe: null };
/** A changed certificate request is a new request for the health agency: it goes in a later batch. */
const RENVOYER = { lotTransmissionId: null, transmisLe: null };

/** Bénéficiaire and certificate fields are text or booleans (CHAMPS_VERSIONNES): nothing else to bind. */
const simple = (l: ReturnType<typeof ligneTypee>) => l as Record<string, string | boolean | null>;

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
 * How confirm writes each block: a block without an entry does not compile; a block no draft
 * changes (the emails) says so with null.
 */
export const APPLICATEURS = {
  INFORMATIONS: async (_tx, _demandeId, _avant, ops) => {
    const informations: Record<string, unknown> = {};
    for (const { op } of ops) {
      const valeurs = ligneTypee("INFORMATIONS", op.donnees!);
      for (const c of CHAMPS_INFORMATIONS_MODIFIABLES) if (c in op.donnees!) informations[c] = valeurs[c];
    }
    return informations;
  },

  BENEFICIAIRES: async (tx, demandeId, avant, lignes) => {
    const beneficiaires = sansContenu(lignes);
    await supprimer(
      tx,
      "Beneficiaire",
      "cle",
      demandeId,
      beneficiaires.filter((o) => o.nature === "SUPPRESSION").map((o) => o.cle),
    );
    const ordreB = ordres(beneficiaires, avant.BENEFICIAIRES.size, new Set());
    await insererOuMettreAJourParJson(
      tx,
      "Beneficiaire",
      beneficiaires
        .filter((o) => o.nature !== "SUPPRESSION")
        .map((o) => ({
          ...simple(ligneTypee("BENEFICIAIRES", o.donnees!)),
          demandeId,
          cle: o.cle,
          ordre: ordreB.get(o.cle) ?? 0,
          ...REVALIDER,
        })),
      ["demandeId", "cle"],
      ["ordre"],
    );
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
  for (const [bloc, appliquerBloc] of Object.entries(APPLICATEURS) as [Bloc, Applicateur | null][]) {
    const duBloc = avecContenus.filter(({ op }) => op.bloc === bloc);
    if (!appliquerBloc || !duBloc.length) continue;
    informations = { ...informations, ...(await appliquerBloc(tx, demandeId, avant, duBloc)) };
  }
  return informations;
}
