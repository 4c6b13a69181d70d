// Proving suite 2: property-based fuzzing (fast-check, seeded) of the import documents and of
// every mutation's input, through app.fetch. Each case starts from a valid input and breaks it
// (wrong types, huge and unicode strings, missing blocks, duplicate FINESS, injection strings,
// prototype keys). Whatever the input: no internal error, a structured French refusal naming a
// field, and no partial write (every table's row count unchanged after a refusal).
// Replay: PREUVES_SEED=<seed> [PREUVES_CAS=<n>] npx vitest run --config test/vitest.config.ts test/preuves/fuzz.test.ts
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exempleDocumentImport, PDF_MINIMAL_BASE64 } from "@segur/shared";
import {
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
} from "graphql";
import { schema } from "../../server/src/schema.js";
import { importerDocument } from "../../server/src/import/service.js";
import { AUTEUR_SYSTEME } from "../../server/src/historique/service.js";
import { creerAppTest, type AppTest, type Identite } from "../../server/test/aide.js";
import { compterAuRepos, erreurInterne, GRAINE, nombreDeCas, publierFigure, tablesChangees } from "./support.js";

// 2,000 cases at CI size (imports are the slower ones); PREUVES_CAS sets each of the two.
const CAS_IMPORT = nombreDeCas(600);
const CAS_MUTATIONS = nombreDeCas(1400);

// ---- hostile values ----------------------------------------------------------------------------
const CHAINES_PIEGES = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "x\uDFFFy",
  "\u202Eevil",
  "\r\n",
  "\t",
  "\u0007",
  "𝒳😀é",
  "ǅ\u0301",
  '=HYPERLINK("http://exemple.invalid","clic")',
  "+SUM(1,2)",
  "-2+3",
  "@A1",
  "=1+1",
  "'; DROP TABLE Demande; --",
  '" OR 1=1 --',
  "<script>alert(1)</script>",
  "${7*7}",
  "{{7*7}}",
  "../../etc/passwd",
  "99999999999.99",
  "10000000000.00",
  "-0.01",
  "1e400",
  "NaN",
  "Infinity",
  "0x10",
  "2920,00",
  "9".repeat(40),
  "__proto__",
  "constructor",
  "2024-02-30",
  "0000-00-00",
  "330058066",
  "FR76 1180 8009 1012 3456 7890 147",
];
/** Keys of amounts, identifiers, files, addresses and free texts, in documents and mutation inputs. */
const CHAMPS_SENSIBLES = [
  "montantSegurDeclare",
  "finessJuridique",
  "finessGeographique",
  "numeroEditeur",
  "referenceFournisseur",
  "contenuBase64",
  "nomFichier",
  "courrielContact",
  "scenarioInstallation",
  "iban",
  "bic",
  "titulaire",
  "numeroCarteCPX",
  "nomAdminTechnique",
  "dateCommande",
  "telResponsable",
  "emailResponsable",
  "numero",
  "cle",
  "motif",
  "message",
  "commentaire",
  "versionBase",
  "email",
  "motDePasse",
];
const CLES_PROTOTYPE = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf"];

const texteHostile: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...CHAINES_PIEGES), weight: 6 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }), weight: 2 },
  { arbitrary: fc.integer({ min: 151, max: 70_000 }).map((n) => "é".repeat(n)), weight: 1 },
  // 1 MiB, now and then
  { arbitrary: fc.constant("x".repeat(1024 * 1024)), weight: 1 },
);
const valeurHostile: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: texteHostile, weight: 8 },
  {
    arbitrary: fc.oneof(
      fc.integer(),
      fc.constantFrom(2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, 1e21, -1, 0, 1.5),
    ),
    weight: 2,
  },
  { arbitrary: fc.double({ noNaN: true }), weight: 1 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constantFrom(null, [], {}, [null], { a: 1 }, ["x", "y"]), weight: 2 },
);

// ---- mutations of a valid input ----------------------------------------------------------------
type Chemin = (string | number)[];
type Mutation =
  /** `champ`: only among the paths ending at that key (the fields whose rules matter most). */
  | { op: "remplacer"; chemin: number; valeur: unknown; champ?: string }
  | { op: "supprimer"; chemin: number }
  | { op: "cleProto"; chemin: number; cle: string; valeur: unknown }
  | { op: "dupliquer"; chemin: number };

/** Every path of a JSON value (the root included), in a stable order. */
function chemins(v: unknown, base: Chemin = []): Chemin[] {
  const out: Chemin[] = [base];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...chemins(x, [...base, i])));
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) out.push(...chemins(x, [...base, k]));
  return out;
}

const arbMutations = fc.array(
  fc.oneof(
    {
      arbitrary: fc.record({ op: fc.constant("remplacer" as const), chemin: fc.nat(), valeur: valeurHostile }),
      weight: 4,
    },
    {
      arbitrary: fc.record({
        op: fc.constant("remplacer" as const),
        chemin: fc.nat(),
        champ: fc.constantFrom(...CHAMPS_SENSIBLES),
        valeur: valeurHostile,
      }),
      weight: 3,
    },
    { arbitrary: fc.record({ op: fc.constant("supprimer" as const), chemin: fc.nat() }), weight: 2 },
    {
      arbitrary: fc.record({
        op: fc.constant("cleProto" as const),
        chemin: fc.nat(),
        cle: fc.constantFrom(...CLES_PROTOTYPE),
        valeur: valeurHostile,
      }),
      weight: 2,
    },
    { arbitrary: fc.record({ op: fc.constant("dupliquer" as const), chemin: fc.nat() }), weight: 1 },
  ),
  { minLength: 1, maxLength: 3 },
);

function definir(o: Record<string | number, unknown>, cle: string | number, valeur: unknown) {
  // defineProperty, so that "__proto__" becomes an own key that JSON.stringify sends.
  Object.defineProperty(o, cle, { value: valeur, enumerable: true, writable: true, configurable: true });
}

/**
 * Most mutation-input cases keep GraphQL's types (a hostile string where a String goes, an
 * integer where an Int goes…) so that they reach the resolvers; the others break the types.
 */
interface Typage {
  /** The value to put at `chemin` (converted to the field's GraphQL type). */
  valeur: (chemin: Chemin, valeur: unknown, actuelle: unknown) => unknown;
  /** Whether this operation keeps the variables valid for GraphQL. */
  permis: (chemin: Chemin, op: Mutation["op"]) => boolean;
}

/** The GraphQL input type at a path of the variables; "json" inside a JSON scalar (anything goes). */
function typeEntree(racine: GraphQLInputType, chemin: Chemin): GraphQLInputType | "json" | null {
  let t: GraphQLInputType = racine;
  for (const k of chemin) {
    const n: GraphQLInputType = isNonNullType(t) ? t.ofType : t;
    if (isScalarType(n) && n.name === "JSON") return "json";
    if (isListType(n)) t = n.ofType;
    else if (isInputObjectType(n) && n.getFields()[String(k)]) t = n.getFields()[String(k)]!.type;
    else return null;
  }
  const n = getNullableType(t);
  return isScalarType(n) && n.name === "JSON" && chemin.length ? "json" : t;
}

function typerPour(args: Record<string, GraphQLInputType>): Typage {
  const typeDe = (chemin: Chemin) => {
    const [arg, ...reste] = chemin;
    return args[String(arg)] ? typeEntree(args[String(arg)]!, reste) : null;
  };
  return {
    valeur: (chemin, valeur, actuelle) => {
      const t = typeDe(chemin);
      if (!t || t === "json") return valeur;
      const n = getNullableType(t);
      if (isScalarType(n) && n.name === "String") return typeof valeur === "string" ? valeur : JSON.stringify(valeur);
      if (isScalarType(n) && n.name === "Int") {
        return typeof valeur === "number" && Number.isInteger(valeur) && Math.abs(valeur) < 2 ** 31
          ? valeur
          : (typeof actuelle === "number" ? actuelle : 0) + (String(valeur).length % 3) - 1;
      }
      if (isScalarType(n) && n.name === "Boolean")
        return typeof valeur === "boolean" ? valeur : String(valeur).length % 2 === 0;
      return actuelle; // enums: GraphQL checks them itself
    },
    permis: (chemin, op) => {
      const t = typeDe(chemin);
      if (t === "json") return true;
      if (!t) return false;
      const n = getNullableType(t);
      if (op === "remplacer") return isScalarType(n) || isEnumType(n);
      if (op === "supprimer") return !isNonNullType(t);
      return false; // unknown keys and extra list items: GraphQL refuses them before any resolver
    },
  };
}

/** A mutation as applied, at an absolute path (printable, and replayable without the others). */
type Applique = { op: Mutation["op"]; chemin: Chemin; valeur?: unknown; cle?: string };

/** Resolves the mutations' paths (picked modulo the current paths) and applies them to a copy of `base`. */
function muter(base: unknown, mutations: Mutation[], typer?: Typage): { resultat: unknown; journal: Applique[] } {
  const racine = { v: structuredClone(base) } as Record<string, unknown>;
  const journal: Applique[] = [];
  for (const m of mutations) {
    let tous = chemins(racine.v);
    if (m.op === "remplacer" && m.champ) {
      const cibles = tous.filter((c) => c[c.length - 1] === m.champ);
      if (cibles.length) tous = cibles;
    }
    const chemin = tous[m.chemin % tous.length]!;
    if (typer && !typer.permis(chemin, m.op)) continue;
    const a: Applique = { op: m.op, chemin };
    if (m.op === "remplacer") a.valeur = typer ? typer.valeur(chemin, m.valeur, lire(racine.v, chemin)) : m.valeur;
    if (m.op === "cleProto") Object.assign(a, { cle: m.cle, valeur: m.valeur });
    if (appliquer(racine, a)) journal.push(a);
  }
  return { resultat: racine.v, journal };
}

const lire = (v: unknown, chemin: Chemin) => chemin.reduce<any>((o, k) => o?.[k], v);

/** Applies one mutation in place under `racine.v`; false when its path no longer exists. */
function appliquer(racine: Record<string, unknown>, a: Applique): boolean {
  const chemin = ["v", ...a.chemin];
  const parent = lire(racine, chemin.slice(0, -1));
  const cle = chemin[chemin.length - 1]!;
  if (parent === null || typeof parent !== "object") return false;
  const cible = parent[cle];
  if (a.op === "remplacer") definir(parent, cle, a.valeur);
  else if (a.op === "supprimer") {
    if (Array.isArray(parent) && typeof cle === "number") parent.splice(cle, 1);
    else if (chemin.length > 1) delete parent[cle];
  } else if (a.op === "cleProto") {
    if (cible && typeof cible === "object" && !Array.isArray(cible)) definir(cible, a.cle!, a.valeur);
    else definir(parent, a.cle!, a.valeur);
  } else if (a.op === "dupliquer") {
    if (Array.isArray(cible) && cible.length) cible.push(structuredClone(cible[0]));
    else if (Array.isArray(parent)) parent.push(structuredClone(cible));
  }
  return true;
}

/** Replays applied mutations (a subset of a journal) on a copy of `base`. */
function rejouer(base: unknown, journal: Applique[]): unknown {
  const racine = { v: structuredClone(base) } as Record<string, unknown>;
  for (const a of journal) appliquer(racine, a);
  return racine.v;
}

/** Short, printable form of a counterexample (long strings abbreviated). */
function resume(v: unknown): string {
  return JSON.stringify(v, (k, x) => {
    if (typeof x !== "string") return x;
    if (k === "message") return x.slice(0, 300);
    return x.length > 60 ? `<${x.length} × ${JSON.stringify(x.slice(0, 12))}…>` : x;
  }).slice(0, 1500);
}

// ---- checking one answer ---------------------------------------------------------------------
interface Reponse {
  statut: number;
  texte: string;
  json: any;
}
/** Why an answer is wrong (null when it is fine). */
function defaut(
  champ: string,
  r: Reponse,
  avant: Record<string, number>,
  apres: Record<string, number>,
  exemptees: string[] = [],
): string | null {
  if (erreurInterne(r.statut, r.texte)) return `erreur interne (HTTP ${r.statut}) : ${r.texte.slice(0, 160)}`;
  if (!r.json) return `réponse non JSON (HTTP ${r.statut}) : ${r.texte.slice(0, 120)}`;
  const erreurs: any[] = r.json.errors ?? [];
  const resultat = r.json.data?.[champ];
  let refus = false;
  if (erreurs.length) {
    refus = true;
    const sansCode = erreurs.find((e) => !e.extensions?.code);
    // graphql-js' own coercion errors ('Variable "$input" got invalid value …'): one kind, whatever the field.
    if (sansCode && /^Variable "\$/.test(String(sansCode.message)))
      return "variables refusées par GraphQL sans code (message en anglais)";
    if (sansCode) return `erreur GraphQL sans code : ${String(sansCode.message).slice(0, 160).replace(/\d+/g, "N")}`;
    const sansArgument = erreurs.find((e) => e.extensions?.code === "BAD_USER_INPUT" && !e.extensions?.argument);
    if (sansArgument)
      return `BAD_USER_INPUT sans argument nommé : ${String(sansArgument.message).slice(0, 160).replace(/\d+/g, "N")}`;
    const anglais = erreurs.find((e) =>
      /^Variable "\$|cannot represent|is not defined by type/.test(String(e.message)),
    );
    if (anglais) return `message en anglais : ${String(anglais.message).slice(0, 160).replace(/\d+/g, "N")}`;
  } else if (resultat && typeof resultat === "object" && String(resultat.__typename).startsWith("Erreur")) {
    refus = true;
    if (!resultat.code || !resultat.message) return `${resultat.__typename} sans code ou message`;
    if (resultat.__typename === "ErreurValidation") {
      const sansChemin = (resultat.problemes ?? []).find((p: any) => p.gravite === "ERREUR" && !(p.path?.length > 0));
      if (!resultat.problemes?.length) return "ErreurValidation sans problème";
      if (sansChemin)
        return `problème sans chemin de champ : ${sansChemin.code} « ${String(sansChemin.message).slice(0, 120)} »`;
    }
  } else if (resultat === undefined) {
    return `réponse sans résultat : ${r.texte.slice(0, 120)}`;
  }
  if (refus) {
    const diff = tablesChangees(avant, apres);
    for (const t of exemptees) delete diff[t];
    if (Object.keys(diff).length) return `écriture partielle après un refus : ${Object.keys(diff).sort().join(", ")}`;
  }
  return null;
}

// ---- the app and the calls ---------------------------------------------------------------------
let app: AppTest;
let numero: string;
let fournisseur: Identite;

async function graphql(query: string, variables: unknown, identite: Identite): Promise<Reponse> {
  const res = await app.fetch("http://test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", ...identite.headers },
    body: JSON.stringify({ query, variables }),
  });
  const texte = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(texte);
  } catch {
    // checked by defaut()
  }
  return { statut: res.status, texte, json };
}

async function multipart(
  query: string,
  variables: unknown,
  chemin: string,
  fichier: { contenu: Uint8Array<ArrayBuffer>; nom: string },
  identite: Identite,
): Promise<Reponse> {
  const form = new FormData();
  form.set("operations", JSON.stringify({ query, variables }));
  form.set("map", JSON.stringify({ 0: [chemin] }));
  form.set("0", new Blob([fichier.contenu], { type: "application/pdf" }), fichier.nom);
  const res = await app.fetch("http://test/graphql", {
    method: "POST",
    headers: { "x-graphql-csrf": "1", ...identite.headers },
    body: form,
  });
  const texte = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(texte);
  } catch {
    // checked by defaut()
  }
  return { statut: res.status, texte, json };
}

const SELECTION_ERREURS = `__typename ... on Erreur { code message path } ... on ErreurValidation { problemes { code message path gravite } }`;

/** One fuzzing case, replayed from applied mutations: the defect found (null when fine) and a printable description. */
type Essai = (journal: Applique[]) => Promise<{ defaut: string | null; exemple: string }>;

/** Collects failures by kind, keeping the first counterexample of each, reduced. */
class Releve {
  cas = 0;
  echecs = 0;
  parType = new Map<string, { nombre: number; premier: number; exemple: string }>();
  async noter(type: string, journal: Applique[], essayer: Essai, exemple: string) {
    this.echecs++;
    const t = this.parType.get(type);
    if (t) return void t.nombre++;
    const entree = { nombre: 1, premier: this.cas, exemple };
    this.parType.set(type, entree);
    // Smallest counterexample: drop every mutation the failure does not need.
    let reste = journal;
    for (let i = reste.length - 1; i >= 0 && reste.length > 1; i--) {
      const sans = reste.filter((_, j) => j !== i);
      const e = await essayer(sans);
      if (e.defaut === type) {
        reste = sans;
        entree.exemple = e.exemple;
      }
    }
  }
  rapport(nom: string) {
    const lignes = [...this.parType.entries()].map(
      ([t, v]) => `  ✗ ${t} — ${v.nombre} cas, premier n° ${v.premier}\n      contre-exemple : ${v.exemple}`,
    );
    return `${nom} : ${this.cas} cas, ${this.echecs} échec(s) (graine ${GRAINE}, rejouer avec PREUVES_SEED=${GRAINE})${lignes.length ? `\n${lignes.join("\n")}` : ""}`;
  }
}

beforeAll(async () => {
  app = await creerAppTest();
  const doc = exempleDocumentImport();
  numero = (await importerDocument(app.prisma, app.config, doc, { auteur: AUTEUR_SYSTEME })).demandes[0]!.numero;
  // Suppliers may modify only a demande sent back to them (SPEC §5).
  await app.prisma.demande.updateMany({ where: { numero }, data: { statut: "A_MODIFIER" } });
  fournisseur = await app.fournisseur("00001");
}, 60_000);
afterAll(() => app?.fermer());

const releves: Record<string, Releve> = {};

describe("fuzzing (fast-check, seeded)", () => {
  it(`import documents (${CAS_IMPORT} cases): no internal error, a refusal names a field and writes nothing`, async () => {
    const releve = (releves.import = new Releve());
    const base = exempleDocumentImport();
    const mutation = `mutation($input: DemandesImporterInput!) { demandesImporter(input: $input) { ${SELECTION_ERREURS} } }`;
    await fc.assert(
      fc.asyncProperty(arbMutations, fc.constantFrom("gestionnaire", "fournisseur"), async (mutations, qui) => {
        releve.cas++;
        const essayer: Essai = async (journal) => {
          const avant = await compterAuRepos(app);
          const r = await graphql(
            mutation,
            { input: { document: rejouer(base, journal) } },
            qui === "gestionnaire" ? app.gestionnaire : fournisseur,
          );
          return {
            defaut: defaut("demandesImporter", r, avant, await compterAuRepos(app)),
            exemple: resume({ qui, document: journal }),
          };
        };
        const { journal } = muter(base, mutations);
        const e = await essayer(journal);
        if (e.defaut) await releve.noter(e.defaut, journal, essayer, e.exemple);
      }),
      { seed: GRAINE, numRuns: CAS_IMPORT, endOnFailure: true },
    );
    console.log(releve.rapport("import"));
    expect(releve.echecs, releve.rapport("import")).toBe(0);
  }, 600_000);

  it(`every mutation's input (${CAS_MUTATIONS} cases): no internal error, a refusal names a field and writes nothing`, async () => {
    const releve = (releves.mutations = new Releve());
    const mutationType = schema.getMutationType()!;
    const sansEntree = Object.keys(mutationType.getFields()).filter((n) => !(n in ENTREES));
    expect(sansEntree, "mutations sans entrée de fuzzing : ajoutez-les à ENTREES").toEqual([]);
    const noms = Object.keys(ENTREES).filter((n) => ENTREES[n] !== null);
    const statiques = await lignesDe(numero);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...noms),
        arbMutations,
        fc.constantFrom("gestionnaire", "fournisseur"),
        fc.nat(9),
        async (nom, mutations, qui, de) => {
          releve.cas++;
          const entree = ENTREES[nom]!;
          const champ = mutationType.getFields()[nom]!;
          // 8 cases in 10 keep the GraphQL types (and reach the resolvers), 2 break them.
          const typer = de < 8 ? typerPour(Object.fromEntries(champ.args.map((a) => [a.name, a.type]))) : undefined;
          const decl = champ.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(", ");
          const args = champ.args.map((a) => `${a.name}: $${a.name}`).join(", ");
          const selection = champ.type.toString().startsWith("Boolean") ? "" : `{ ${SELECTION_ERREURS} }`;
          const query = `mutation Fuzz${decl ? `(${decl})` : ""} { ${nom}${args ? `(${args})` : ""} ${selection} }`;
          const identite =
            nom === "connexion" ? { headers: {} } : qui === "gestionnaire" ? app.gestionnaire : fournisseur;
          const base = () =>
            lignesDe(numero).then((l) => entree.variables({ ...statiques, versionBase: l.versionBase }));
          const essayer: Essai = async (journal) => {
            const variables = rejouer(await base(), journal);
            // The uploaded file's name is hostile too: the first mutation's value.
            const nomFichier = String(journal[0] && "valeur" in journal[0] ? journal[0].valeur : "a.pdf").slice(0, 300);
            const avant = await compterAuRepos(app);
            const r = entree.fichier
              ? await multipart(
                  query,
                  variables,
                  entree.fichier,
                  { contenu: new Uint8Array(Buffer.from(PDF_MINIMAL_BASE64, "base64")), nom: nomFichier },
                  identite,
                )
              : await graphql(query, variables, identite);
            const d = defaut(nom, r, avant, await compterAuRepos(app), entree.exemptees);
            return {
              defaut: d && (d.startsWith("variables refusées") ? d : `${nom} : ${d}`),
              exemple: resume({
                mutation: nom,
                qui,
                variables: journal,
                ...(entree.fichier ? { nomFichier } : {}),
                message: r.json?.errors?.[0]?.message,
              }),
            };
          };
          const { journal } = muter(await base(), mutations, typer);
          const e = await essayer(journal);
          if (e.defaut) await releve.noter(e.defaut, journal, essayer, e.exemple);
        },
      ),
      { seed: GRAINE + 1, numRuns: CAS_MUTATIONS, endOnFailure: true },
    );
    console.log(releve.rapport("mutations"));
    const total = (releves.import?.cas ?? 0) + releve.cas;
    const echecs = (releves.import?.echecs ?? 0) + releve.echecs;
    const internes = [...Object.values(releves)]
      .flatMap((r) => [...r.parType.entries()])
      .filter(([t]) => t.includes("erreur interne"))
      .reduce((n, [, v]) => n + v.nombre, 0);
    publierFigure("fuzz", `${total} cases, ${echecs} failures, ${internes} internal errors`, {
      cas: total,
      echecs,
      internes,
      types: Object.fromEntries(
        Object.entries(releves).map(([k, r]) => [
          k,
          [...r.parType.entries()].map(([t, v]) => ({ type: t, nombre: v.nombre, exemple: v.exemple })),
        ]),
      ),
    });
    expect(releve.echecs, releve.rapport("mutations")).toBe(0);
  }, 600_000);
});

// ---- valid inputs, one per mutation (a new mutation without an entry fails the suite) ---------
interface Lignes {
  numero: string;
  versionBase: number;
  beneficiaire: string;
  piece: string;
  finess: string;
}
async function lignesDe(n: string): Promise<Lignes> {
  const d = await app.prisma.demande.findUniqueOrThrow({
    where: { numero: n },
    include: {
      beneficiaires: { orderBy: { ordre: "asc" } },
      pieces: true,
      administrateurs: { orderBy: { ordre: "asc" } },
    },
  });
  return {
    numero: n,
    versionBase: d.versionCourante,
    beneficiaire: d.beneficiaires[0]!.cle,
    piece: d.pieces[0]!.cle,
    finess: d.administrateurs[0]!.finessJuridique,
  };
}

const beneficiaire = {
  nomResponsable: "Zoé FUZZ",
  emailResponsable: "zoe@fuzz.fr",
  telResponsable: "0556000099",
  finessJuridique: "750712184",
  finessGeographique: "750100018",
  presentSolde: false,
  ancienneVersion: "DUI 3",
  maitreIdentite: "DUI",
  stockageIdentite: "DUI",
  operateurMessagerie: "Mailiz",
};
const administrateur = {
  finessJuridique: "750712184",
  contractualisationOG: true,
  statutAdminTechnique: "E",
  contractualisationEditeur: true,
  numeroCarteCPX: "8001234599",
  nomAdminTechnique: "FUZZ",
  telAdminTechnique: "0603334174",
  emailAdminTechnique: "admin@fuzz.fr",
  utiliteCertificat: "DMP",
};
type Entree = { variables: (l: Lignes) => Record<string, unknown>; fichier?: string; exemptees?: string[] } | null;
const ENTREES: Record<string, Entree> = {
  // A failed login is counted on purpose (shared rate limit, and one CONNEXION_LIMITEE event when the delays begin): those writes are the point.
  connexion: {
    variables: () => ({ input: { email: "gestionnaire@test.fr", motDePasse: "pas-le-bon" } }),
    exemptees: ["LimiteConnexion", "EvenementAudit"],
  },
  deconnexion: null, // no input; it would close the session the other cases use
  administrateurAjouter: { variables: (l) => ({ input: { numero: l.numero, valeurs: administrateur } }) },
  administrateurModifier: {
    variables: (l) => ({
      input: {
        numero: l.numero,
        finessJuridique: l.finess,
        valeurs: { ...administrateur, finessJuridique: undefined },
      },
    }),
  },
  administrateurSupprimer: { variables: (l) => ({ input: { numero: l.numero, finessJuridique: l.finess } }) },
  beneficiaireAjouter: { variables: (l) => ({ input: { numero: l.numero, valeurs: beneficiaire } }) },
  beneficiaireModifier: {
    variables: (l) => ({ input: { numero: l.numero, cle: l.beneficiaire, valeurs: beneficiaire } }),
  },
  beneficiaireSupprimer: { variables: (l) => ({ input: { numero: l.numero, cle: l.beneficiaire } }) },
  coordonneesBancairesModifier: {
    variables: (l) => ({
      input: {
        numero: l.numero,
        valeurs: { iban: "FR7611808009101234567890147", bic: "CMCIFRPA", titulaire: "MAISON", domiciliation: "BFCM" },
      },
    }),
  },
  informationsModifier: {
    variables: (l) => ({
      input: { numero: l.numero, valeurs: { courrielContact: "c@fuzz.fr", scenarioInstallation: "SaaS." } },
    }),
  },
  pieceSupprimer: { variables: (l) => ({ input: { numero: l.numero, cle: l.piece } }) },
  pieceAjouter: {
    variables: (l) => ({ input: { numero: l.numero, type: "VA", fichier: null } }),
    fichier: "variables.input.fichier",
  },
  brouillonOuvrir: { variables: (l) => ({ input: { numero: l.numero } }) },
  brouillonOperationAnnuler: {
    variables: (l) => ({ input: { numero: l.numero, bloc: "BENEFICIAIRES", cle: l.beneficiaire } }),
  },
  brouillonRebaser: { variables: (l) => ({ input: { numero: l.numero } }) },
  brouillonAbandonner: { variables: (l) => ({ input: { numero: l.numero } }) },
  brouillonConfirmer: {
    variables: (l) => ({ input: { numero: l.numero, versionBase: l.versionBase, commentaire: "fuzz" } }),
  },
  demandesImporter: { variables: () => ({ input: { document: exempleDocumentImport() } }) },
  ligneValider: { variables: (l) => ({ input: { numero: l.numero, bloc: "BENEFICIAIRES", cle: l.beneficiaire } }) },
  ligneRejeter: {
    variables: (l) => ({ input: { numero: l.numero, bloc: "PIECES", cle: l.piece, motif: "Illisible." } }),
  },
  blocValider: { variables: (l) => ({ input: { numero: l.numero, bloc: "COORDONNEES_BANCAIRES" } }) },
  blocDeverrouiller: {
    variables: (l) => ({ input: { numero: l.numero, bloc: "COORDONNEES_BANCAIRES", motif: "Erreur." } }),
  },
  demandeChangerStatut: {
    variables: (l) => ({ input: { numero: l.numero, statut: "A_MODIFIER", message: "À compléter." } }),
  },
  lotTransmissionCreer: { variables: () => ({ input: { commentaire: "fuzz" } }) },
  demandeAssigner: { variables: (l) => ({ input: { numero: l.numero, gestionnaire: "gestionnaire@test.fr" } }) },
};
