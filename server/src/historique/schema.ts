import { BLOCS, VERSIONS_PAR_PAGE_MAX } from "@segur/shared";
import { builder } from "../builder.js";
import { BlocEnum, roleConnu, RoleEnum, valeurEnum } from "../commun/types.js";
import { ErreurIntrouvable, erreurChamp } from "../commun/erreurs.js";
import { perimetreDemandes, type Acteur } from "../auth/acteur.js";
import type { Context } from "../context.js";
import { Prisma, type Db, type Version } from "@segur/prisma";
import { charger } from "../commun/chargeur.js";
import { CLE_COORDONNEES, CLE_INFORMATIONS, type Etat, type Ligne } from "./champs.js";
import { differences, type Changement, type ChangementStocke } from "./changements.js";
import { etatALaVersion } from "./service.js";
import { changementsStockesOuDerives } from "./version-initiale.js";
import {
  ValeursAdministrateurRef,
  ValeursBeneficiaireRef,
  ValeursCoordonneesRef,
  ValeursInformationsRef,
  ValeursPieceRef,
} from "./valeurs.js";

const NatureEnum = builder.enumType("NatureChangement", { values: ["AJOUT", "MODIFICATION", "SUPPRESSION"] as const });

export const ChangementRef = builder.objectRef<Changement>("Changement").implement({
  description:
    "Changement d'un champ d'une ligne : bloc, clé de ligne, champ, ancienne et nouvelle valeur (texte ; booléens « true »/« false »).",
  fields: (t) => ({
    bloc: t.field({ type: BlocEnum, resolve: (c) => valeurEnum(BLOCS, c.bloc) }),
    cle: t.exposeString("cle"),
    nature: t.field({ type: NatureEnum, resolve: (c) => c.nature }),
    champ: t.exposeString("champ"),
    ancienneValeur: t.exposeString("ancienneValeur", { nullable: true }),
    nouvelleValeur: t.exposeString("nouvelleValeur", { nullable: true }),
  }),
});

interface LigneChangementOuInstantane extends ChangementStocke {
  versionId: number | bigint;
  ordre: number | bigint;
  /** Set on the one row of a version 1 that has a snapshot numero 1 (a compact version 1). */
  etat: string | null;
}

/**
 * Changes of the given versions, grouped by version, in their order: their rows and, in the same
 * statement, the snapshot of any version 1 among them, from which a compact version 1's changes
 * are derived (version-initiale.ts). `ids` is a slice of at most LOT_MAX: bound twice, under 999.
 */
const changementsDesVersions =
  (ctx: Context) =>
  async (ids: number[]): Promise<[number, Changement[]][]> => {
    const liste = Prisma.join(ids);
    const rows = await ctx.prisma.$queryRaw<LigneChangementOuInstantane[]>`
    SELECT c."versionId", c."ordre", c."bloc", c."cle", c."nature", c."champ", c."ancienneValeur", c."nouvelleValeur", NULL AS "etat"
    FROM "ChangementVersion" c WHERE c."versionId" IN (${liste})
    UNION ALL
    SELECT v."id", -1, NULL, NULL, NULL, NULL, NULL, NULL, i."etat"
    FROM "Version" v JOIN "InstantaneVersion" i ON i."demandeId" = v."demandeId" AND i."numero" = v."numero"
    WHERE v."numero" = 1 AND v."id" IN (${liste})
    ORDER BY 1, 2`;
    // Stored changes hold the enum values a Changement names (as the Prisma rows did).
    const parVersion = new Map<number, Changement[]>();
    const instantanes1 = new Map<number, string>();
    for (const { versionId, ordre: _ordre, etat, ...c } of rows) {
      const id = Number(versionId);
      if (etat !== null) instantanes1.set(id, etat);
      else (parVersion.get(id) ?? parVersion.set(id, []).get(id)!).push(c as Changement);
    }
    for (const [id, etat] of instantanes1)
      parVersion.set(id, changementsStockesOuDerives(1, parVersion.get(id), etat) as Changement[]);
    return [...parVersion];
  };

export const VersionRef = builder.prismaObject("Version", {
  description: "Version immuable d'une demande : une par confirmation (la version 1 est l'import).",
  fields: (t) => ({
    numero: t.exposeInt("numero"),
    auteur: t.string({
      description: "Auteur de la version (pour un fournisseur, les agents restent anonymes : « Agence de paiement »).",
      resolve: (v, _a, ctx) =>
        ctx.acteur?.role === "FOURNISSEUR" && v.role !== "FOURNISSEUR" ? "Agence de paiement" : v.auteur,
    }),
    role: t.exposeString("role", { description: "GESTIONNAIRE, FOURNISSEUR, ou SYSTEME (import, reprise)." }),
    creeLe: t.expose("creeLe", { type: "DateTime" }),
    commentaire: t.exposeString("commentaire", { nullable: true }),
    hash: t.exposeString("hash", { description: "SHA-256 chaîné à la version précédente." }),
    changements: t.field({
      type: [ChangementRef],
      // Batched per request in bounded slices, not a Prisma include (one parameter per version).
      resolve: async (v, _a, ctx) => (await charger(ctx, "changements", v.id, changementsDesVersions(ctx))) ?? [],
    }),
    // Stored with the version: a count per version would scan every change of the demande.
    nombreChangements: t.exposeInt("nombreChangements"),
  }),
});

export const EvenementRef = builder.prismaObject("EvenementAudit", {
  description: "Événement du journal d'audit (validation, rejet, verrouillage, statut, import…).",
  fields: (t) => ({
    type: t.exposeString("type"),
    auteur: t.exposeString("auteur"),
    role: t.field({ type: RoleEnum, nullable: true, resolve: (e) => roleConnu(e.role) }),
    creeLe: t.expose("creeLe", { type: "DateTime" }),
    bloc: t.field({ type: BlocEnum, nullable: true, resolve: (e) => valeurEnum(BLOCS, e.bloc) }),
    cle: t.exposeString("cle", { nullable: true }),
    motif: t.exposeString("motif", { nullable: true }),
    details: t.field({ type: "JSON", resolve: (e) => JSON.parse(e.details) }),
  }),
});

/** A range on (demandeId, numero): the page costs its own rows, whatever the history's length. */
function pageVersions({ premieres, avant }: { premieres?: number | null; avant?: number | null }) {
  if (premieres !== null && premieres !== undefined && (premieres < 1 || premieres > VERSIONS_PAR_PAGE_MAX)) {
    throw erreurChamp(
      ["premieres"],
      "HORS_LIMITES",
      `premieres doit être compris entre 1 et ${VERSIONS_PAR_PAGE_MAX}.`,
    );
  }
  if (avant !== null && avant !== undefined && avant < 1)
    throw erreurChamp(["avant"], "HORS_LIMITES", "avant doit être un numéro de version (1 ou plus).");
  if (!premieres && !avant) return null;
  return { take: premieres ?? VERSIONS_PAR_PAGE_MAX, where: avant ? { numero: { lt: avant } } : {} };
}

/** Every version of the given demandes (slices of bounded size), newest first per demande. */
const versionsDesDemandes =
  (ctx: Context) =>
  async (ids: number[]): Promise<[number, Version[]][]> => {
    const rows = await ctx.prisma.version.findMany({
      where: { demandeId: { in: ids } },
      orderBy: [{ demandeId: "asc" }, { numero: "desc" }],
    });
    const parDemande = new Map<number, Version[]>(ids.map((id) => [id, []]));
    for (const v of rows) parDemande.get(v.demandeId)!.push(v);
    return [...parDemande];
  };

builder.prismaObjectFields("Demande", (t) => ({
  versions: t.field({
    type: [VersionRef],
    description:
      "Versions, la plus récente d'abord. Par pages : `premieres` (les N plus récentes, 1000 au plus sans ce paramètre dès que `avant` " +
      "est donné) et `avant` (numéro de version exclu, pour la page suivante : le plus petit numéro reçu) ; sans argument, toutes.",
    args: {
      premieres: t.arg.int({
        required: false,
        description: `Nombre de versions au plus (1 à ${VERSIONS_PAR_PAGE_MAX}).`,
      }),
      avant: t.arg.int({ required: false, description: "Seulement les versions de numéro strictement inférieur." }),
    },
    // Its own query, not a nested relation: Prisma pages nested relations in memory (LIMIT -1,
    // every version read). A page is a LIMIT on (demandeId, numero); the whole list is batched.
    resolve: (demande, args, ctx) => {
      const page = pageVersions(args);
      if (!page) return charger(ctx, "versions", demande.id, versionsDesDemandes(ctx)).then((v) => v ?? []);
      return ctx.prisma.version.findMany({
        where: { demandeId: demande.id, ...page.where },
        orderBy: { numero: "desc" },
        take: page.take,
      });
    },
  }),
  evenements: t.relation("evenements", {
    description: "Journal d'audit, le plus récent d'abord (gestionnaires et auditeurs).",
    authScopes: { agent: true },
    // plugin-prisma types a list relation's unauthorizedResolver with its ref's config, not the rows: [] cannot type-check.
    unauthorizedResolver: () => [] as never,
    query: { orderBy: { id: "desc" } },
  }),
}));

// ---- the demande at a past version, and comparisons --------------------------------------------
interface Instantane {
  version: Version;
  etat: Etat;
}
const lignes = (etat: Etat, bloc: keyof Etat) => [...etat[bloc]].map(([cle, valeurs]) => ({ cle, valeurs }));
const LigneInstantaneRef = (name: string, valeurs: typeof ValeursAdministrateurRef) =>
  builder.objectRef<{ cle: string; valeurs: Ligne }>(name).implement({
    fields: (t) => ({ cle: t.exposeString("cle"), valeurs: t.field({ type: valeurs, resolve: (l) => l.valeurs }) }),
  });
const LigneAdminRef = LigneInstantaneRef("LigneVersionAdministrateur", ValeursAdministrateurRef);
const LigneBenefRef = LigneInstantaneRef("LigneVersionBeneficiaire", ValeursBeneficiaireRef);
const LignePieceRef = LigneInstantaneRef("LigneVersionPiece", ValeursPieceRef);

const InstantaneRef = builder.objectRef<Instantane>("DemandeALaVersion").implement({
  description: "La demande telle qu'elle était juste après une version.",
  fields: (t) => ({
    version: t.field({ type: VersionRef, resolve: (i) => i.version }),
    informations: t.field({
      type: ValeursInformationsRef,
      resolve: (i) => i.etat.INFORMATIONS.get(CLE_INFORMATIONS) ?? {},
    }),
    coordonneesBancaires: t.field({
      type: ValeursCoordonneesRef,
      nullable: true,
      resolve: (i) => i.etat.COORDONNEES_BANCAIRES.get(CLE_COORDONNEES) ?? null,
    }),
    beneficiaires: t.field({ type: [LigneBenefRef], resolve: (i) => lignes(i.etat, "BENEFICIAIRES") }),
    administrateurs: t.field({ type: [LigneAdminRef], resolve: (i) => lignes(i.etat, "ADMINISTRATEURS") }),
    pieces: t.field({ type: [LignePieceRef], resolve: (i) => lignes(i.etat, "PIECES") }),
  }),
});

async function demandeEtVersion(db: Db, acteur: Acteur | null, numero: string, version: number) {
  const d = await db.demande.findFirst({
    where: { numero, ...perimetreDemandes(acteur) },
    select: { id: true },
  });
  if (!d) throw new ErreurIntrouvable();
  const v = await db.version.findUnique({ where: { demandeId_numero: { demandeId: d.id, numero: version } } });
  if (!v) throw new ErreurIntrouvable(`Version ${version} introuvable.`);
  return { demandeId: d.id, version: v };
}

builder.queryFields((t) => ({
  demandeALaVersion: t.field({
    type: InstantaneRef,
    nullable: true,
    description: "La demande telle qu'elle était à la version k (null si la demande ou la version n'existe pas).",
    authScopes: { connecte: true },
    args: { numero: t.arg.string({ required: true }), version: t.arg.int({ required: true }) },
    resolve: async (_r, { numero, version }, ctx) => {
      const r = await demandeEtVersion(ctx.prisma, ctx.acteur, numero, version).catch(() => null);
      if (!r) return null;
      return { version: r.version, etat: await etatALaVersion(ctx.prisma, r.demandeId, version) };
    },
  }),
  demandeComparer: t.field({
    type: [ChangementRef],
    nullable: true,
    description: "Différences champ par champ entre la version `de` et la version `a` (null si l'une n'existe pas).",
    authScopes: { connecte: true },
    args: {
      numero: t.arg.string({ required: true }),
      de: t.arg.int({ required: true }),
      a: t.arg.int({ required: true }),
    },
    resolve: async (_r, { numero, de, a }, ctx) => {
      const r1 = await demandeEtVersion(ctx.prisma, ctx.acteur, numero, de).catch(() => null);
      const r2 = await demandeEtVersion(ctx.prisma, ctx.acteur, numero, a).catch(() => null);
      if (!r1 || !r2) return null;
      return differences(
        await etatALaVersion(ctx.prisma, r1.demandeId, de),
        await etatALaVersion(ctx.prisma, r1.demandeId, a),
      );
    },
  }),
}));
