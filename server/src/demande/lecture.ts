// The list page and the detail as Pothos asks for them (`query`: the include built from the
// GraphQL selection), with the hot blocks read by one plain statement (./lignes.ts) instead of
// Prisma's include; any other shape of selection goes to Prisma unchanged.
import type { GraphQLResolveInfo } from "graphql";
import type { Db, Demande, Prisma } from "@segur/prisma";
import { administrateursDes, petitsBlocs } from "./lignes.js";
import { REQUETES_LIGNES } from "./types.js";
import { champsSelectionnes, colonnesDe } from "./selection.js";

type Requete = { include?: Record<string, unknown>; select?: unknown };

const memes = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
/** Fields of Demande that show one column (GraphQL name → column): a page showing only these reads only them. */
const SIMPLES_DEMANDE: Record<string, string> = Object.fromEntries([
  ...["numero", "type", "couloir", "numeroEditeur", "logiciel", "dateDepot", "dateCommande", "statut", "etatPaiement", "mandataire", "courrielContact",
    "referenceFournisseur", "scenarioInstallation", "versionCourante", "derniereModification", "majLe", "montantCentimes"].map((c) => [c, c]),
  ["montant", "montantCentimes"], ["montantFormate", "montantCentimes"],
]);
/** Likewise for a certificate row (server/src/administrateur/types.ts). */
const SIMPLES_ADMINISTRATEUR: Record<string, string> = Object.fromEntries(["finessJuridique", "demandeCertificatServeur", "contractualisationOG", "statutAdminTechnique",
  "contractualisationEditeur", "numeroCarteCPX", "nomAdminTechnique", "telAdminTechnique", "emailAdminTechnique", "utiliteCertificat", "transmisLe"].map((c) => [c, c]));

/**
 * A page of demandes. Its certificate rows, when selected as the `administrateurs` field reads
 * them, by one plain statement; and when the page shows only single-column fields, only those
 * columns are read (a page's 120 certificate rows × 19 columns cost more to turn into objects
 * than to find).
 */
export async function pageDemandes(
  prisma: Db, query: Requete, args: { where: Prisma.DemandeWhereInput; orderBy: Prisma.DemandeOrderByWithRelationInput[] }, info: GraphQLResolveInfo,
): Promise<Demande[]> {
  const { include, ...reste } = query;
  const autres = Object.keys(include ?? {}).filter((k) => k !== "administrateurs");
  const avecAdministrateurs = include?.administrateurs !== undefined;
  if (query.select || autres.length || (avecAdministrateurs && !memes(include!.administrateurs, REQUETES_LIGNES.administrateurs))) {
    return prisma.demande.findMany({ ...(query as object), ...args });
  }
  // From here the rows hold the selected columns only (typed as whole rows for Pothos, which reads only those).
  const noeud = champsSelectionnes(info, ["edges", "node"]);
  const colonnes = noeud && colonnesDe(new Set([...noeud].filter((c) => c !== "administrateurs")), SIMPLES_DEMANDE);
  const sousChamps = avecAdministrateurs ? champsSelectionnes(info, ["edges", "node", "administrateurs"]) : null;
  const colonnesAdmin = sousChamps && colonnesDe(sousChamps, SIMPLES_ADMINISTRATEUR);
  const page: { id: number }[] = colonnes
    ? await prisma.demande.findMany({ ...(reste as object), select: Object.fromEntries(["id", ...colonnes].map((c) => [c, true])) as { id: true }, ...args })
    : await prisma.demande.findMany({ ...(reste as object), ...args });
  if (!avecAdministrateurs) return page as Demande[];
  const admins = await administrateursDes(prisma, page.map((d) => d.id), colonnesAdmin ?? undefined);
  return page.map((d) => Object.assign(d as Demande, { administrateurs: admins.get(d.id) ?? [] }));
}

/** The columns of a `select` of columns only; `[]` for `true` (every column); null for anything else (a nested relation). */
const colonnesSeules = (v: unknown): string[] | null => {
  if (v === true) return [];
  if (typeof v !== "object" || v === null) return null;
  const { select, ...reste } = v as { select?: Record<string, unknown> };
  if (!select || Object.keys(reste).some((k) => k !== "orderBy") || !Object.values(select).every((x) => x === true)) return null;
  return Object.keys(select);
};

/**
 * One demande; its small blocks (bank details, block states, pièces — the pièces as the `pieces`
 * field reads them) by one statement instead of three.
 */
export async function demandeDetaillee(prisma: Db, query: Requete, where: Prisma.DemandeWhereInput): Promise<Demande | null> {
  const { include, ...reste } = query;
  const colonnesPieces = include && colonnesSeules(include.pieces);
  const pieces = include?.pieces as { orderBy?: unknown } | undefined;
  if (!include || include.blocs !== true || colonnesSeules(include.coordonneesBancaires) === null
    || !colonnesPieces?.includes("id") || !memes(pieces?.orderBy, REQUETES_LIGNES.pieces.orderBy)) {
    return prisma.demande.findFirst({ ...(query as object), where });
  }
  const { blocs: _b, coordonneesBancaires: _c, pieces: _p, ...autres } = include;
  const d = await prisma.demande.findFirst({ ...(reste as object), ...(Object.keys(autres).length ? { include: autres } : {}), where });
  return d && Object.assign(d, await petitsBlocs(prisma, d.id, colonnesPieces));
}
