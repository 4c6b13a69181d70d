// The dashboard's figures in three GROUP BY statements, whatever the number of demandes: the answer
// has at most (statuts × couloirs × 4 tranches) groups and binds a fixed number of parameters.
// Dates are compared with bound instants (now minus N days), the same SQL on SQLite and PostgreSQL.
import { STATUTS_DEMANDE, type StatutDemande } from "@segur/shared";
import { dialecte, marque, type Db } from "@segur/prisma";

const JOUR = 86_400_000;

/** Buckets of whole days: 0–7, 8–30, 31–90, more than 90. */
export const TRANCHES = [
  { libelle: "0 à 7 jours", joursMin: 0, joursMax: 7 },
  { libelle: "8 à 30 jours", joursMin: 8, joursMax: 30 },
  { libelle: "31 à 90 jours", joursMin: 31, joursMax: 90 },
  { libelle: "Plus de 90 jours", joursMin: 91, joursMax: null },
] as const;

export interface Tranche {
  libelle: string;
  joursMin: number;
  joursMax: number | null;
  nombre: number;
}

export interface TableauDeBord {
  calculeLe: Date;
  total: number;
  montantTotalCentimes: bigint;
  parStatut: { statut: StatutDemande; nombre: number; montantCentimes: bigint }[];
  parCouloir: { couloir: string; nombre: number }[];
  /** Demandes not yet « Décidée », by days since their dépôt. */
  ancienneteDepot: Tranche[];
  /** The same demandes, by days since the supplier's last confirmed version (their import when none). */
  ancienneteModificationFournisseur: Tranche[];
  certificats: { demandes: number; validees: number; transmises: number; modifieesDepuisTransmission: number };
}

/** `CASE … END` giving a date column's bucket (0…3); `p` receives the 3 bounds. */
function tranche(colonne: string, maintenant: Date, d: ReturnType<typeof dialecte>, p: unknown[]): string {
  // Day n (n whole days old) starts n days ago: « at most 7 days » is later than now − 8 days.
  const bornes = TRANCHES.flatMap((t) => (t.joursMax === null ? [] : [t.joursMax])).map(
    (max) => new Date(maintenant.getTime() - (max + 1) * JOUR),
  );
  const cas = bornes.map((b, i) => (p.push(b), `WHEN ${colonne} > ${marque(d, p.length)} THEN ${i}`));
  return `CASE ${cas.join(" ")} ELSE 3 END`;
}

const nombre = (v: unknown) => Number(v ?? 0);
const tranches = (comptes: number[]): Tranche[] => TRANCHES.map((t, i) => ({ ...t, nombre: comptes[i] ?? 0 }));

export async function tableauDeBord(prisma: Db, maintenant = new Date()): Promise<TableauDeBord> {
  const d = dialecte(prisma);

  // 1. Statut × couloir × bucket of dépôt, with the amounts: every figure about the demandes themselves.
  // Grouped bucket first: SQLite then scans the table once (by statut first, it walks the statut
  // index and reads every row through it, twice as slow at 100k demandes).
  const p1: unknown[] = [];
  const groupes = await prisma.$queryRawUnsafe<
    { statut: string; couloir: string; tranche: number | bigint; n: number | bigint; somme: string | null }[]
  >(
    `SELECT "statut" AS statut, "couloir" AS couloir, ${tranche(`"dateDepot"`, maintenant, d, p1)} AS tranche,
       count(*) AS n, CAST(SUM("montantCentimes") AS TEXT) AS somme
     FROM "Demande" GROUP BY 3, 2, 1`,
    ...p1,
  );

  // 2. Days since the supplier's last version, through Version's (demandeId, numero) index. An
  // aggregate subquery, not a correlated MAX: SQLite would evaluate that once per WHEN of the CASE.
  // SQLite's `?` bind in the text's order: the CASE's bounds, then the role, then the statut.
  const p2: unknown[] = [];
  const cas = tranche("t.m", maintenant, d, p2);
  p2.push("FOURNISSEUR");
  const role = marque(d, p2.length);
  p2.push("DECIDEE");
  const decidee = marque(d, p2.length);
  const fournisseur = await prisma.$queryRawUnsafe<{ tranche: number | bigint; n: number | bigint }[]>(
    `SELECT ${cas} AS tranche, count(*) AS n
     FROM (SELECT COALESCE(MAX(v."creeLe"), dm."dateDepot") AS m FROM "Demande" dm
       LEFT JOIN "Version" v ON v."demandeId" = dm."id" AND v."role" = ${role}
       WHERE dm."statut" <> ${decidee} GROUP BY dm."id", dm."dateDepot") t
     GROUP BY 1`,
    ...p2,
  );

  // 3. The certificate requests' pipeline: requested ⊇ validated ⊇ transmitted (current version sent).
  const [c] = await prisma.$queryRawUnsafe<Record<string, number | bigint | null>[]>(
    `SELECT count(*) AS demandes,
       SUM(CASE WHEN "validation" = ${marque(d, 1)} THEN 1 ELSE 0 END) AS validees,
       SUM(CASE WHEN "lotTransmissionId" IS NOT NULL THEN 1 ELSE 0 END) AS transmises,
       SUM(CASE WHEN "lotTransmissionId" IS NULL AND "dernierEnvoiId" IS NOT NULL THEN 1 ELSE 0 END) AS modifiees
     FROM "AdministrateurTechnique" WHERE "demandeCertificatServeur" = ${marque(d, 2)}`,
    "VALIDEE",
    true,
  );

  const statuts = new Map(STATUTS_DEMANDE.map((s) => [s as string, { nombre: 0, montantCentimes: 0n }]));
  const couloirs = new Map<string, number>([
    ["MS1", 0],
    ["MS2", 0],
  ]);
  const depot = [0, 0, 0, 0];
  let total = 0;
  let montantTotalCentimes = 0n;
  for (const g of groupes) {
    const n = nombre(g.n);
    const somme = BigInt(g.somme ?? "0");
    const s = statuts.get(g.statut);
    if (s) {
      s.nombre += n;
      s.montantCentimes += somme;
    }
    couloirs.set(g.couloir, (couloirs.get(g.couloir) ?? 0) + n);
    if (g.statut !== "DECIDEE") depot[nombre(g.tranche)]! += n;
    total += n;
    montantTotalCentimes += somme;
  }
  const modification = [0, 0, 0, 0];
  for (const f of fournisseur) modification[nombre(f.tranche)]! += nombre(f.n);

  return {
    calculeLe: maintenant,
    total,
    montantTotalCentimes,
    parStatut: STATUTS_DEMANDE.map((statut) => ({ statut, ...statuts.get(statut)! })),
    parCouloir: [...couloirs].sort(([a], [b]) => a.localeCompare(b)).map(([couloir, n]) => ({ couloir, nombre: n })),
    ancienneteDepot: tranches(depot),
    ancienneteModificationFournisseur: tranches(modification),
    certificats: {
      demandes: nombre(c?.demandes),
      validees: nombre(c?.validees),
      transmises: nombre(c?.transmises),
      modifieesDepuisTransmission: nombre(c?.modifiees),
    },
  };
}
