// The list page and the detail as Pothos asks for them (`query`: the include built from the
// GraphQL selection), with the hot blocks read by one plain statement (./lignes.ts) instead of
// Prisma's include; any other shape of selection goes to Prisma unchanged.
import type { GraphQLResolveInfo } from "graphql";
import type { Db, Demande, Prisma } from "@segur/prisma";
import { administrateursDes, petitsBlocs } from "./lignes.js";
import { REQUETES_LIGNES } from "./types.js";
import { champsSelectionnes, colonnesDe } from "./selection.js";
import { lirePageListe } from "./liste-sql.js";
import { demandeEtLignes } from "./detail-sql.js";

type Requete = { include?: Record<string, unknown>; select?: unknown };

const memes = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
/** Fields of Demande that show one column (GraphQL name → column): a page showing only these reads only them. */
const SIMPLES_DEMANDE: Record<string, string> = Object.fromEntries([
  ...[
    "numero",
    "type",
    "couloir",
    "numeroEditeur",
    "logiciel",
    "dateDepot",
    "dateCommande",
    "statut",
    "etatPaiement",
    "mandataire",
    "courrielContact",
    "referenceFournisseur",
    "scenarioInstallation",
    "versionCourante",
    "derniereModification",
    "majLe",
    "montantCentimes",
  ].map((c) => [c, c]),
  ["montant", "montantCentimes"],
  ["montantFormate", "montantCentimes"],
]);
/** Likewise for a certificate row (server/src/administrateur/types.ts). */
const SIMPLES_ADMINISTRATEUR: Record<string, string> = Object.fromEntries(
  [
    "finessJuridique",
    "demandeCertificatServeur",
    "contractualisationOG",
    "statutAdminTechnique",
    "contractualisationEditeur",
    "numeroCarteCPX",
    "nomAdminTechnique",
    "telAdminTechnique",
    "emailAdminTechnique",
    "utiliteCertificat",
    "transmisLe",
  ].map((c) => [c, c]),
);

/**
 * A page of demandes. When it shows the demande's columns and its certificate rows as the
 * `administrateurs` field reads them, the whole page by one plain statement (./liste-sql.ts:
 * Prisma's interpreter cost more than the SQL), reading only the columns shown when every field
 * shows one (a page's 120 certificate rows × 19 columns cost more to turn into objects than to
 * find); a where, order or cursor it does not translate: Prisma, its certificate rows still by one
 * plain statement.
 */
export async function pageDemandes(
  prisma: Db,
  query: Requete,
  args: { where: Prisma.DemandeWhereInput; orderBy: Prisma.DemandeOrderByWithRelationInput[] },
  info: GraphQLResolveInfo,
): Promise<Demande[]> {
  const { include, ...reste } = query;
  const autres = Object.keys(include ?? {}).filter((k) => k !== "administrateurs");
  const avecAdministrateurs = include?.administrateurs !== undefined;
  if (
    query.select ||
    autres.length ||
    (avecAdministrateurs && !memes(include!.administrateurs, REQUETES_LIGNES.administrateurs))
  ) {
    return prisma.demande.findMany({ ...(query as object), ...args });
  }
  // From here the rows hold the selected columns only (typed as whole rows for Pothos, which reads only those).
  const noeud = champsSelectionnes(info, ["edges", "node"]);
  const colonnes = noeud && colonnesDe(new Set([...noeud].filter((c) => c !== "administrateurs")), SIMPLES_DEMANDE);
  const sousChamps = avecAdministrateurs ? champsSelectionnes(info, ["edges", "node", "administrateurs"]) : null;
  const colonnesAdmin = sousChamps && colonnesDe(sousChamps, SIMPLES_ADMINISTRATEUR);
  // The whole page by one statement when its where, order and cursor translate (commun/where-sql.ts).
  const { take, skip, cursor, ...autresCles } = reste as { take?: number; skip?: number; cursor?: { id: number } };
  if (typeof take === "number" && !Object.keys(autresCles).length) {
    const page = await lirePageListe(prisma, {
      ...args,
      take,
      skip: skip ?? 0,
      cursor,
      colonnes: colonnes ?? undefined,
      administrateurs: avecAdministrateurs ? (colonnesAdmin ?? []) : undefined,
    });
    if (page) return page as unknown as Demande[];
  }
  const page: { id: number }[] = colonnes
    ? await prisma.demande.findMany({
        ...(reste as object),
        select: Object.fromEntries(["id", ...colonnes].map((c) => [c, true])) as { id: true },
        ...args,
      })
    : await prisma.demande.findMany({ ...(reste as object), ...args });
  if (!avecAdministrateurs) return page as Demande[];
  const admins = await administrateursDes(
    prisma,
    page.map((d) => d.id),
    colonnesAdmin ?? undefined,
  );
  return page.map((d) => Object.assign(d as Demande, { administrateurs: admins.get(d.id) ?? [] }));
}

/** The columns of a `select` of columns only; `[]` for `true` (every column); null for anything else (a nested relation). */
const colonnesSeules = (v: unknown): string[] | null => {
  if (v === true) return [];
  if (typeof v !== "object" || v === null) return null;
  const { select, ...reste } = v as { select?: Record<string, unknown> };
  if (!select || Object.keys(reste).some((k) => k !== "orderBy") || !Object.values(select).every((x) => x === true))
    return null;
  return Object.keys(select);
};

/**
 * One demande; its small blocks (bank details, block states, pièces — the pièces as the `pieces`
 * field reads them) by one statement instead of three, and the demande with its bénéficiaires,
 * certificate rows and emails by one more (./detail-sql.ts) instead of Prisma's four.
 */
export async function demandeDetaillee(
  prisma: Db,
  query: Requete,
  where: Prisma.DemandeWhereInput,
): Promise<Demande | null> {
  const { include, ...reste } = query;
  const colonnesPieces = include && colonnesSeules(include.pieces);
  const pieces = include?.pieces as { orderBy?: unknown } | undefined;
  if (
    !include ||
    include.blocs !== true ||
    colonnesSeules(include.coordonneesBancaires) === null ||
    !colonnesPieces?.includes("id") ||
    !memes(pieces?.orderBy, REQUETES_LIGNES.pieces.orderBy)
  ) {
    return prisma.demande.findFirst({ ...(query as object), where });
  }
  const { blocs: _b, coordonneesBancaires: _c, pieces: _p, ...autres } = include;
  // The demande and its row blocks by one plain statement when they are the ones the detail's fields read.
  const lue = Object.keys(reste).length ? null : await demandeEtLignes(prisma, where, autres);
  const d = lue
    ? (lue.trouvee as Demande | null)
    : await prisma.demande.findFirst({
        ...(reste as object),
        ...(Object.keys(autres).length ? { include: autres } : {}),
        where,
      });
  return d && Object.assign(d, await petitsBlocs(prisma, d.id, colonnesPieces));
}
