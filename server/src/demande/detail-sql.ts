// One demande and its row blocks (bénéficiaires, certificate rows, emails) by one plain statement
// instead of Prisma's findFirst with includes (four statements through its interpreter, ≈ 40 % of
// the detail's CPU): the rows come back as one JSON text, typed as Prisma types them. Only the
// includes the detail's fields ask for (REQUETES_LIGNES, the emails' order) are read here; any
// other include, or a where not translated by commun/where-sql.ts, returns null (read by Prisma).
import { dialecte, type Db, type Prisma } from "@segur/prisma";
import { clause, FormeInconnue } from "../commun/where-sql.js";
import { json, jsonLu, lecteurLigne, nomsColonnes, valeur, type Modele } from "../commun/sql-brut.js";
import { descripteurBloc } from "@segur/shared";
import { REQUETES_LIGNES } from "./types.js";
import { parRelationACle, type RelationDe } from "./blocs.js";

const ordreSql = (colonnes: readonly string[]) => colonnes.map((c) => `r."${c}"`).join(", ");

/** The relations read here: their model, the include Pothos sends for them, and the same rows in SQL. */
const RELATIONS: Record<string, { modele: Modele; include: unknown; filtre?: string; ordre: string }> = {
  // Keyed row blocks from their descriptor (a table with a file column, the pièces, is left to Prisma).
  ...parRelationACle((b) => {
    const d = descripteurBloc(b);
    return { modele: d.modele, include: REQUETES_LIGNES[d.relation as RelationDe<typeof b>], ordre: ordreSql(d.ordre) };
  }),
  administrateurs: {
    modele: "AdministrateurTechnique",
    include: REQUETES_LIGNES.administrateurs,
    filtre: `r."demandeCertificatServeur" = true`,
    ordre: `r."ordre", r."id"`,
  },
  courriels: {
    modele: "Courriel",
    include: { orderBy: [{ creeLe: "desc" }, { id: "desc" }] },
    ordre: `r."creeLe" DESC, r."id" DESC`,
  },
};

const memes = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The first demande matching `where`, every column, with the `include`d relations; null when the include or the where is not one read here. */
export async function demandeEtLignes(
  prisma: Db,
  where: Prisma.DemandeWhereInput,
  include: Record<string, unknown>,
): Promise<{ trouvee: Record<string, unknown> | null } | null> {
  const noms = Object.keys(include);
  if (noms.some((n) => !RELATIONS[n] || !memes(include[n], RELATIONS[n]!.include))) return null;
  const d = dialecte(prisma);
  const parametres: unknown[] = [];
  let sql: string;
  try {
    const colonnes = nomsColonnes("Demande");
    const valeurs = colonnes.map((c) => valeur(d, "Demande", "p", c));
    for (const n of noms) {
      const r = RELATIONS[n]!;
      const va = nomsColonnes(r.modele)
        .map((c) => valeur(d, r.modele, "r", c))
        .join(", ");
      valeurs.push(
        json.imbrique(
          d,
          `SELECT ${json.tableau(d, va, r.ordre)} FROM "${r.modele}" r WHERE r."demandeId" = p."id"${r.filtre ? ` AND ${r.filtre}` : ""}`,
        ),
      );
    }
    const filtre = clause(d, where, parametres);
    sql = `SELECT ${json.ligne(d, valeurs.join(", "))} AS ligne FROM (SELECT * FROM "Demande" WHERE ${filtre} LIMIT 1) p`;
  } catch (e) {
    if (e instanceof FormeInconnue) return null;
    throw e;
  }
  const [r] = await prisma.$queryRawUnsafe<{ ligne: string | unknown[] | null }[]>(sql, ...parametres);
  const l = jsonLu<unknown[]>(r?.ligne);
  if (!l) return { trouvee: null };
  const colonnes = nomsColonnes("Demande");
  const demande = lecteurLigne("Demande", colonnes)(l);
  noms.forEach((n, i) => {
    const m = RELATIONS[n]!.modele;
    demande[n] = (l[colonnes.length + i] as unknown[][]).map(lecteurLigne(m, nomsColonnes(m)));
  });
  return { trouvee: demande };
}
