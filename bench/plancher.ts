// The floor: the minimal SQL producing each scenario's result, run with better-sqlite3 in-process
// on the same file as the product, in the same run. What the product costs above it is the
// GraphQL stack, the ORM and the query shapes.
import { Sqlite } from "@segur/prisma";

export type Plancher = ReturnType<typeof ouvrirPlancher>;

export function ouvrirPlancher(fichier: string) {
  const db = new Sqlite(fichier, { readonly: true });
  const cache = new Map<string, Sqlite.Statement>();
  const q = (sql: string) => cache.get(sql) ?? cache.set(sql, db.prepare(sql)).get(sql)!;
  const liste = (ids: number[]) => ids.map(() => "?").join(", ") || "NULL";

  const LISTE = `SELECT id, numero, type, numeroEditeur, logiciel, dateDepot, dateCommande, statut, etatPaiement, montantCentimes
    FROM "Demande" WHERE statut = ? AND dateDepot >= ? AND dateDepot < ? ORDER BY dateDepot DESC, id DESC LIMIT 51`;
  return {
    db,
    fermer: () => db.close(),
    /** Page of 50 (+1 to know if there is a next one) and its certificate rows. */
    liste(f: { statut: string; de: string; a: string }, avecTotal = false) {
      const page = q(LISTE).all(f.statut, f.de, f.a) as { id: number }[];
      const ids = page.map((d) => d.id);
      const admins = db
        .prepare(
          `SELECT demandeId, finessJuridique, numeroCarteCPX, nomAdminTechnique FROM "AdministrateurTechnique" WHERE demandeId IN (${liste(ids)}) ORDER BY demandeId, ordre`,
        )
        .all(...ids);
      const total = avecTotal
        ? q(`SELECT count(*) AS n FROM "Demande" WHERE statut = ? AND dateDepot >= ? AND dateDepot < ?`).get(
            f.statut,
            f.de,
            f.a,
          )
        : null;
      return { page, admins, total };
    },
    /** Plan of the list's query (which index SQLite picks). */
    planListe: () =>
      (q(`EXPLAIN QUERY PLAN ${LISTE}`).all("EN_COURS", "2024", "2025") as { detail: string }[])
        .map((r) => r.detail)
        .join(" ; "),
    detail(numero: string) {
      const d = q(`SELECT * FROM "Demande" WHERE numero = ?`).get(numero) as { id: number };
      return {
        d,
        cb: q(`SELECT * FROM "CoordonneesBancaires" WHERE demandeId = ?`).get(d.id),
        b: q(`SELECT * FROM "Beneficiaire" WHERE demandeId = ? ORDER BY ordre, id`).all(d.id),
        a: q(`SELECT * FROM "AdministrateurTechnique" WHERE demandeId = ? ORDER BY ordre, id`).all(d.id),
        p: q(
          `SELECT id, cle, nomFichier, type, taille, validation, validationMotif, valideePar, valideeLe FROM "PieceJustificative" WHERE demandeId = ?`,
        ).all(d.id),
        c: q(`SELECT * FROM "Courriel" WHERE demandeId = ? ORDER BY creeLe`).all(d.id),
        e: q(`SELECT * FROM "EtatBloc" WHERE demandeId = ?`).all(d.id),
      };
    },
    historique(numero: string) {
      const d = q(`SELECT id, versionCourante FROM "Demande" WHERE numero = ?`).get(numero) as {
        id: number;
        versionCourante: number;
      };
      return {
        b: q(`SELECT cle, nomResponsable, finessJuridique FROM "Beneficiaire" WHERE demandeId = ?`).all(d.id),
        p: q(`SELECT cle, nomFichier FROM "PieceJustificative" WHERE demandeId = ?`).all(d.id),
        // The 50 newest versions and their changes (the tab's first page).
        v: q(`SELECT * FROM "Version" WHERE demandeId = ? ORDER BY numero DESC LIMIT 50`).all(d.id),
        c: q(
          `SELECT c.* FROM "Version" v JOIN "ChangementVersion" c ON c.versionId = v.id WHERE v.demandeId = ? AND v.numero > ? ORDER BY v.numero DESC, c.ordre`,
        ).all(d.id, d.versionCourante - 50),
        e: q(`SELECT * FROM "EvenementAudit" WHERE demandeId = ? ORDER BY id`).all(d.id),
      };
    },
    /** Version k: the nearest snapshot at or before k (when the schema has them), then the changes after it. */
    version(numero: string, k: number) {
      const d = q(`SELECT id FROM "Demande" WHERE numero = ?`).get(numero) as { id: number };
      const avecInstantanes = q(`SELECT 1 FROM sqlite_master WHERE name = 'InstantaneVersion'`).get();
      const s = avecInstantanes
        ? (q(
            `SELECT numero, etat FROM "InstantaneVersion" WHERE demandeId = ? AND numero <= ? ORDER BY numero DESC LIMIT 1`,
          ).get(d.id, k) as { numero: number } | undefined)
        : undefined;
      const c = q(
        `SELECT c.* FROM "Version" v JOIN "ChangementVersion" c ON c.versionId = v.id WHERE v.demandeId = ? AND v.numero > ? AND v.numero <= ? ORDER BY v.numero, c.ordre`,
      ).all(d.id, s?.numero ?? 0, k);
      return { s, c };
    },
    /** Every row of the list's CSV, its nine columns, read in order (not held: iterated). */
    csv() {
      let n = 0;
      for (const _ of q(
        `SELECT numero, type, numeroEditeur, logiciel, dateDepot, dateCommande, statut, etatPaiement, montantCentimes FROM "Demande" ORDER BY dateDepot DESC, id DESC`,
      ).iterate())
        n++;
      return n;
    },
    journal(type: string, auteur: string) {
      const where = `WHERE e.type = ? AND e.auteur LIKE ?`;
      const page = q(
        `SELECT e.*, d.numero FROM "EvenementAudit" e LEFT JOIN "Demande" d ON d.id = e.demandeId ${where} ORDER BY e.id DESC LIMIT 51`,
      ).all(type, `%${auteur}%`);
      const total = q(`SELECT count(*) AS n FROM "EvenementAudit" e ${where}`).get(type, `%${auteur}%`);
      return { page, total };
    },
  };
}
