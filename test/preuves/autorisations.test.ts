// Proving suite 1: the authorization matrix, generated from the schema.
// Every Query and Mutation field × every kind of caller × (own, another supplier's, missing)
// numéro, plus every plain HTTP route read from server/src/http/. A field or route
// without an expectation below fails the suite: adding one forces a decision on who may call it.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  getNamedType,
  isEnumType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
} from "graphql";
import { readSheet } from "read-excel-file/node";
import { exempleDocumentImport, PDF_MINIMAL_BASE64 } from "@segur/shared";
import { schema } from "../../server/src/schema.js";
import { importerDocument } from "../../server/src/import/service.js";
import { AUTEUR_SYSTEME } from "../../server/src/historique/service.js";
import { creerAppTest, importerExemple, type AppTest, type Identite } from "../../server/test/aide.js";
import { CODES_REFUS, compterAuRepos, erreurInterne, publierFigure, tablesChangees } from "./support.js";

type Role = "anonyme" | "gestionnaire" | "auditeur" | "fournisseurA" | "fournisseurB" | "lectureSeule";
const ROLES: Role[] = ["anonyme", "gestionnaire", "auditeur", "fournisseurA", "fournisseurB", "lectureSeule"];
const FOURNISSEURS: Role[] = ["fournisseurA", "fournisseurB", "lectureSeule"];
const EDITEUR: Record<Role, string | null> = {
  anonyme: null,
  gestionnaire: null,
  auditeur: null,
  fournisseurA: "00001",
  fournisseurB: "00002",
  lectureSeule: "00001",
};
type Cible = "propre" | "autre" | "absent";
const NUMERO_ABSENT = "FINMS2999999M0";

const CONNECTES: Role[] = ROLES.filter((r) => r !== "anonyme");
const AGENTS: Role[] = ["gestionnaire", "auditeur"];
const ECRIVAINS: Role[] = ["gestionnaire", "fournisseurA", "fournisseurB"];

/** The demande a call is aimed at, with real row keys so only the numéro differs between targets. */
interface Lignes {
  numero: string;
  versionBase: number;
  beneficiaire: string;
  piece: string;
  finess: string;
}
interface Appel {
  role: Role;
  d: Lignes;
}

interface Attente {
  /** Who may call it; everyone else gets a refusal code or null, never data. */
  roles: Role[];
  /** Takes a numéro: called on the caller's own demande, another supplier's and a missing one. */
  numero?: boolean;
  variables: (a: Appel) => Record<string, unknown>;
  /** Multipart upload: variable path → file. */
  fichier?: string;
  /** Run before the own-demande call (e.g. a draft to read back). */
  preparer?: (a: Appel) => Promise<void>;
  /** The own-demande answer must differ from the missing one (proves the role reaches it); default true. */
  atteint?: (r: Role) => boolean;
}

const beneficiaire = {
  nomResponsable: "Zoé MATRICE",
  emailResponsable: "zoe@matrice.fr",
  telResponsable: "0556000099",
  finessJuridique: "750712184",
  finessGeographique: "750100018",
  presentSolde: false,
};
const coordonnees = {
  iban: "FR7611808009101234567890147",
  bic: "CMCIFRPA",
  titulaire: "MAISON HELOISE",
  domiciliation: "BFCM",
};
const input = (f: (a: Appel) => Record<string, unknown>) => (a: Appel) => ({ input: f(a) });

let app: AppTest;
const ids = {} as Record<Role, Identite>;
const ATTENTES: Record<string, Attente> = {
  // ---- Query
  moi: { roles: CONNECTES, variables: () => ({}) },
  demandes: { roles: CONNECTES, variables: () => ({ first: 50 }) },
  demande: { roles: CONNECTES, numero: true, variables: ({ d }) => ({ numero: d.numero }) },
  demandeALaVersion: { roles: CONNECTES, numero: true, variables: ({ d }) => ({ numero: d.numero, version: 1 }) },
  demandeComparer: { roles: CONNECTES, numero: true, variables: ({ d }) => ({ numero: d.numero, de: 1, a: 1 }) },
  brouillon: {
    roles: ["gestionnaire", ...FOURNISSEURS],
    numero: true,
    variables: ({ d }) => ({ numero: d.numero }),
    preparer: async ({ role, d }) =>
      void (await app.gql(
        `mutation($n: String!) { brouillonOuvrir(input: { numero: $n }) { __typename } }`,
        { n: d.numero },
        ids[role],
      )),
    atteint: (r) => r !== "lectureSeule", // a read-only key cannot open a draft: it has none to read
  },
  lotsTransmission: { roles: AGENTS, variables: () => ({ first: 10 }) },
  certificatsATransmettre: { roles: AGENTS, variables: () => ({}) },
  certificatsACorriger: { roles: AGENTS, variables: () => ({}) },
  lotTransmissionApercu: { roles: AGENTS, variables: () => ({}) },
  certificatsModifiesDepuisTransmission: { roles: AGENTS, variables: () => ({}) },
  certificatsSupprimesApresTransmission: { roles: AGENTS, variables: () => ({}) },
  journalEvenements: { roles: AGENTS, variables: () => ({ first: 10 }) },
  journalVersions: { roles: AGENTS, variables: () => ({ first: 10 }) },
  tracesAcces: { roles: ["auditeur"], variables: () => ({ first: 10 }) },
  tableauDeBord: { roles: AGENTS, variables: () => ({}) },
  gestionnaires: { roles: AGENTS, variables: () => ({}) },
  aTraiter: { roles: ["gestionnaire"], variables: () => ({}) },
  // ---- Mutation
  connexion: { roles: ROLES, variables: input(() => ({ email: "inconnu@test.fr", motDePasse: "pas-le-bon" })) },
  deconnexion: { roles: ROLES, variables: () => ({}) },
  administrateurAjouter: {
    roles: ECRIVAINS,
    numero: true,
    variables: input(({ d }) => ({ numero: d.numero, valeurs: { finessJuridique: "750712184" } })),
  },
  administrateurModifier: {
    roles: ECRIVAINS,
    numero: true,
    variables: input(({ d }) => ({
      numero: d.numero,
      finessJuridique: d.finess,
      valeurs: { nomAdminTechnique: "MARTIN" },
    })),
  },
  administrateurSupprimer: {
    roles: ECRIVAINS,
    numero: true,
    variables: input(({ d }) => ({ numero: d.numero, finessJuridique: d.finess })),
  },
  beneficiaireAjouter: {
    roles: ECRIVAINS,
    numero: true,
    variables: input(({ d }) => ({ numero: d.numero, valeurs: beneficiaire })),
  },
  beneficiaireModifier: {
    roles: ECRIVAINS,
    numero: true,
    variables: input(({ d }) => ({ numero: d.numero, cle: d.beneficiaire, valeurs: beneficiaire })),
  },
  beneficiaireSupprimer: {
    roles: ECRIVAINS,
    numero: true,
    variables: input(({ d }) => ({ numero: d.numero, cle: d.beneficiaire })),
  },
  coordonneesBancairesModifier: {
    roles: ECRIVAINS,
    numero: true,
    variables: input(({ d }) => ({ numero: d.numero, valeurs: coordonnees })),
  },
  informationsModifier: {
    roles: ECRIVAINS,
    numero: true,
    variables: input(({ d }) => ({ numero: d.numero, valeurs: { courrielContact: "autre@editeur.fr" } })),
  },
  pieceSupprimer: { roles: ECRIVAINS, numero: true, variables: input(({ d }) => ({ numero: d.numero, cle: d.piece })) },
  pieceAjouter: {
    roles: ECRIVAINS,
    numero: true,
    fichier: "input.fichier",
    variables: input(({ d }) => ({ numero: d.numero, type: "VA", fichier: null })),
  },
  brouillonOuvrir: { roles: ECRIVAINS, numero: true, variables: input(({ d }) => ({ numero: d.numero })) },
  brouillonOperationAnnuler: {
    roles: ECRIVAINS,
    numero: true,
    variables: input(({ d }) => ({ numero: d.numero, bloc: "BENEFICIAIRES", cle: d.beneficiaire })),
  },
  brouillonRebaser: { roles: ECRIVAINS, numero: true, variables: input(({ d }) => ({ numero: d.numero })) },
  brouillonAbandonner: { roles: ECRIVAINS, numero: true, variables: input(({ d }) => ({ numero: d.numero })) },
  brouillonConfirmer: {
    roles: ECRIVAINS,
    numero: true,
    variables: input(({ d }) => ({ numero: d.numero, versionBase: d.versionBase, commentaire: "matrice" })),
  },
  demandesImporter: {
    roles: ["gestionnaire", "fournisseurA", "fournisseurB"],
    variables: input(({ role }) => ({ document: documentPour(EDITEUR[role] ?? "00001") })),
  },
  ligneValider: {
    roles: ["gestionnaire"],
    numero: true,
    variables: input(({ d }) => ({ numero: d.numero, bloc: "BENEFICIAIRES", cle: d.beneficiaire })),
  },
  ligneRejeter: {
    roles: ["gestionnaire"],
    numero: true,
    variables: input(({ d }) => ({ numero: d.numero, bloc: "PIECES", cle: d.piece, motif: "Illisible." })),
  },
  blocValider: {
    roles: ["gestionnaire"],
    numero: true,
    variables: input(({ d }) => ({ numero: d.numero, bloc: "COORDONNEES_BANCAIRES" })),
  },
  blocDeverrouiller: {
    roles: ["gestionnaire"],
    numero: true,
    variables: input(({ d }) => ({ numero: d.numero, bloc: "COORDONNEES_BANCAIRES", motif: "Erreur de saisie." })),
  },
  demandeChangerStatut: {
    roles: ["gestionnaire"],
    numero: true,
    variables: input(({ d }) => ({ numero: d.numero, statut: "EN_ATTENTE_PIECE", message: "La facture manque." })),
  },
  lotTransmissionCreer: { roles: ["gestionnaire"], variables: input(() => ({ commentaire: "matrice" })) },
  demandeAssigner: {
    roles: ["gestionnaire"],
    numero: true,
    variables: input(({ d }) => ({ numero: d.numero, gestionnaire: "gestionnaire@test.fr" })),
  },
};

function documentPour(editeur: string) {
  const doc = exempleDocumentImport();
  doc.demandes[0]!.numeroEditeur = editeur;
  return doc;
}

// ---- operations built from the schema ---------------------------------------------------------
const estFeuille = (t: GraphQLNamedType) => isScalarType(t) || isEnumType(t);

/** __typename, the identifying scalars, connection edges, and one level into a success's data. */
function champsObjet(t: GraphQLObjectType, profondeur: number): string {
  const f = t.getFields();
  const parts = ["__typename"];
  for (const nom of ["numero", "totalCount", "versionBase", "code", "message", "path"]) {
    if (f[nom] && estFeuille(getNamedType(f[nom]!.type))) parts.push(nom);
  }
  const edges = f.edges && getNamedType(f.edges.type);
  if (edges && isObjectType(edges)) {
    const node = getNamedType(edges.getFields().node!.type);
    if (isObjectType(node)) parts.push(`edges { node { ${champsObjet(node, 2)} } }`);
  }
  if (profondeur === 0 && t.name.endsWith("Succes")) {
    for (const champ of Object.values(f)) {
      const n = getNamedType(champ.type);
      if (isObjectType(n) && !champ.args.some((a) => a.type.toString().endsWith("!")))
        parts.push(`${champ.name} { ${champsObjet(n, 1)} }`);
      else if (estFeuille(n)) parts.push(champ.name);
    }
  }
  return parts.join(" ");
}

function selection(champ: GraphQLField<unknown, unknown>): string {
  const t = getNamedType(champ.type);
  if (estFeuille(t)) return "";
  if (isUnionType(t))
    return `{ __typename ${t
      .getTypes()
      .map((m) => `... on ${m.name} { ${champsObjet(m, 0)} }`)
      .join(" ")} }`;
  if (isObjectType(t)) return `{ ${champsObjet(t, 0)} }`;
  if (isInterfaceType(t)) return "{ __typename }";
  throw new Error(`type de résultat non prévu : ${String(t)}`);
}

function operation(
  racine: "query" | "mutation",
  champ: GraphQLField<unknown, unknown>,
  variables: Record<string, unknown>,
): string {
  const args = champ.args.filter((a) => a.name in variables);
  const decl = args.length ? `(${args.map((a) => `$${a.name}: ${a.type.toString()}`).join(", ")})` : "";
  const appel = args.length ? `(${args.map((a) => `${a.name}: $${a.name}`).join(", ")})` : "";
  return `${racine} Matrice${decl} { ${champ.name}${appel} ${selection(champ)} }`;
}

// ---- calls -------------------------------------------------------------------------------------
let appels = 0;
const fuites: string[] = [];
const internes: string[] = [];
const inattendues: string[] = [];

async function envoyer(
  racine: "query" | "mutation",
  champ: GraphQLField<unknown, unknown>,
  a: Appel,
  attente: Attente,
  identite: Identite,
) {
  const variables = attente.variables(a);
  const query = operation(racine, champ, variables);
  let res: Response;
  if (attente.fichier) {
    const form = new FormData();
    form.set("operations", JSON.stringify({ query, variables }));
    form.set("map", JSON.stringify({ 0: [`variables.${attente.fichier}`] }));
    form.set("0", new Blob([Buffer.from(PDF_MINIMAL_BASE64, "base64")], { type: "application/pdf" }), "va-matrice.pdf");
    res = await app.fetch("http://test/graphql", {
      method: "POST",
      headers: { "x-graphql-csrf": "1", ...identite.headers },
      body: form,
    });
  } else {
    res = await app.fetch("http://test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", ...identite.headers },
      body: JSON.stringify({ query, variables }),
    });
  }
  appels++;
  const texte = await res.text();
  if (erreurInterne(res.status, texte))
    internes.push(`${champ.name} ${a.role} ${a.d.numero}: HTTP ${res.status} ${texte.slice(0, 300)}`);
  return {
    statut: res.status,
    texte,
    json: JSON.parse(texte) as {
      data?: Record<string, unknown> | null;
      errors?: { message: string; extensions?: { code?: string } }[];
    },
  };
}

/** "erreur": a top-level error that is not a refusal (a malformed operation of this suite, or a server bug). */
type Issue = "refus" | "vide" | "donnees" | "erreur";
function issue(champ: string, r: Awaited<ReturnType<typeof envoyer>>): Issue {
  const codes = (r.json.errors ?? []).map((e) => e.extensions?.code);
  if (codes.some((c) => c && CODES_REFUS.has(c))) return "refus";
  if (r.json.errors?.length) {
    inattendues.push(`${champ}: ${r.texte.slice(0, 300)}`);
    return "erreur";
  }
  const v = r.json.data?.[champ];
  if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) return "vide";
  if (typeof v === "object" && !Array.isArray(v) && CODES_REFUS.has(String((v as { code?: unknown }).code)))
    return "refus";
  return "donnees";
}

const masquer = (texte: string, numero: string) => texte.split(numero).join("<NUMERO>");

/** Numéros a caller must never read: every demande of another éditeur. */
async function interdits(role: Role): Promise<string[]> {
  const editeur = EDITEUR[role];
  if (!editeur) return [];
  return (
    await app.prisma.demande.findMany({ where: { numeroEditeur: { not: editeur } }, select: { numero: true } })
  ).map((d) => d.numero);
}
async function verifierEtanche(role: Role, quoi: string, texte: string) {
  for (const n of await interdits(role)) if (texte.includes(n)) fuites.push(`${quoi} (${role}) contient ${n}`);
}

async function lignes(numero: string): Promise<Lignes> {
  const d = await app.prisma.demande.findUniqueOrThrow({
    where: { numero },
    include: {
      beneficiaires: { orderBy: { ordre: "asc" } },
      pieces: true,
      administrateurs: { orderBy: { ordre: "asc" } },
    },
  });
  return {
    numero,
    versionBase: d.versionCourante,
    beneficiaire: d.beneficiaires[0]!.cle,
    piece: d.pieces[0]!.cle,
    finess: d.administrateurs[0]!.finessJuridique,
  };
}

async function session(email: string): Promise<Identite> {
  const res = await app.fetch("http://test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: `mutation($i: ConnexionInput!) { connexion(input: $i) { __typename } }`,
      variables: { i: { email, motDePasse: "motdepasse-test" } },
    }),
  });
  return { headers: { cookie: res.headers.get("set-cookie")!.split(";")[0]! } };
}

let numeroA: string;
let numeroB: string;
beforeAll(async () => {
  app = await creerAppTest();
  numeroA = await importerExemple(app);
  numeroB = (await importerDocument(app.prisma, app.config, documentPour("00002"), { auteur: AUTEUR_SYSTEME }))
    .demandes[0]!.numero;
  ids.anonyme = { headers: {} };
  ids.gestionnaire = app.gestionnaire;
  ids.auditeur = app.auditeur;
  ids.fournisseurA = await app.fournisseur("00001");
  ids.fournisseurB = await app.fournisseur("00002");
  ids.lectureSeule = await app.fournisseur("00001", { lectureSeule: true });
  // Suppliers may change their demande only when asked to (SPEC §5): put both there.
  // (set directly: the statut change itself is one of the fields under test)
  await app.prisma.demande.updateMany({
    where: { numero: { in: [numeroA, numeroB] } },
    data: { statut: "A_MODIFIER" },
  });
  // One transmission batch, so the batch downloads have something to refuse or serve.
  const v = await app.gql(
    `mutation($n: String!) { blocValider(input: { numero: $n, bloc: ADMINISTRATEURS }) { __typename } }`,
    { n: numeroB },
    app.gestionnaire,
  );
  expect(v.data?.blocValider.__typename).toBe("BlocValiderSucces");
  const creation = await app.gql(`mutation { lotTransmissionCreer(input: {}) { __typename } }`, {}, app.gestionnaire);
  expect(creation.data?.lotTransmissionCreer.__typename).toBe("LotTransmissionCreerSucces");
}, 60_000);
afterAll(() => app?.fermer());

describe("authorization matrix (every field × every caller × own / other / missing numéro)", () => {
  it("every Query and Mutation field has an expectation, and each caller gets exactly what it may", async () => {
    const racines = [
      ["query", schema.getQueryType()!],
      ["mutation", schema.getMutationType()!],
    ] as const;
    const sansAttente = racines.flatMap(([, t]) => Object.keys(t.getFields()).filter((n) => !ATTENTES[n]));
    expect(sansAttente, "champs sans attente d'autorisation : ajoutez-les au tableau ATTENTES").toEqual([]);
    const enTrop = Object.keys(ATTENTES).filter((n) => !racines.some(([, t]) => t.getFields()[n]));
    expect(enTrop, "attentes pour des champs qui n'existent plus").toEqual([]);

    const ecarts: string[] = [];
    for (const [racine, type] of racines) {
      for (const champ of Object.values(type.getFields())) {
        const attente = ATTENTES[champ.name]!;
        for (const role of ROLES) {
          const permis = attente.roles.includes(role);
          // deconnexion closes the session it is sent with: use a throw-away one.
          const identite =
            champ.name === "deconnexion" && AGENTS.includes(role)
              ? await session(role === "gestionnaire" ? "gestionnaire@test.fr" : "auditeur@test.fr")
              : ids[role];
          if (!attente.numero) {
            const avant = permis ? null : await compterAuRepos(app);
            const r = await envoyer(racine, champ, { role, d: await lignes(numeroA) }, attente, identite);
            const i = issue(champ.name, r);
            if (permis && i === "refus") ecarts.push(`${champ.name}: ${role} refusé alors qu'il y a droit`);
            if (!permis && i === "donnees")
              fuites.push(`${champ.name}: ${role} reçoit des données : ${r.texte.slice(0, 200)}`);
            if (avant) {
              const diff = tablesChangees(avant, await compterAuRepos(app));
              if (Object.keys(diff).length)
                fuites.push(`${champ.name}: ${role} refusé mais a écrit ${JSON.stringify(diff)}`);
            }
            await verifierEtanche(role, champ.name, r.texte);
            continue;
          }
          const propre = role === "fournisseurB" ? numeroB : numeroA;
          const autre = role === "fournisseurB" ? numeroA : numeroB;
          const reponses = {} as Record<Cible, { texte: string; issue: Issue }>;
          for (const cible of ["propre", "autre", "absent"] as Cible[]) {
            const numero = cible === "propre" ? propre : cible === "autre" ? autre : NUMERO_ABSENT;
            // The missing numéro reuses the other demande's row keys: only the numéro differs.
            const d = { ...(await lignes(cible === "propre" ? propre : autre)), numero };
            if (cible === "propre" && permis) await attente.preparer?.({ role, d });
            const surveille = !permis || (cible !== "propre" && FOURNISSEURS.includes(role));
            const avant = surveille ? await compterAuRepos(app) : null;
            const r = await envoyer(racine, champ, { role, d }, attente, identite);
            reponses[cible] = { texte: masquer(r.texte, numero), issue: issue(champ.name, r) };
            if (avant) {
              const diff = tablesChangees(avant, await compterAuRepos(app));
              if (Object.keys(diff).length)
                fuites.push(`${champ.name}: ${role} sur ${cible} a écrit ${JSON.stringify(diff)}`);
            }
            if (cible !== "autre") await verifierEtanche(role, `${champ.name} ${cible}`, r.texte);
          }
          const { propre: p, autre: o, absent: x } = reponses;
          if (!permis) {
            for (const [c, rep] of Object.entries(reponses))
              if (rep.issue === "donnees")
                fuites.push(`${champ.name}: ${role} reçoit des données (${c}) : ${rep.texte.slice(0, 200)}`);
            // A refusal does not depend on the demande existing.
            if (p.texte !== x.texte || o.texte !== x.texte)
              fuites.push(`${champ.name}: le refus de ${role} varie selon la demande`);
            continue;
          }
          if (p.issue === "refus")
            ecarts.push(`${champ.name}: ${role} refusé sur sa propre demande : ${p.texte.slice(0, 200)}`);
          if ((attente.atteint?.(role) ?? true) && p.texte === x.texte)
            ecarts.push(`${champ.name}: ${role} n'atteint pas sa propre demande : ${p.texte.slice(0, 200)}`);
          if (FOURNISSEURS.includes(role)) {
            // Another supplier's demande answers byte for byte like a missing one.
            if (o.texte !== x.texte)
              fuites.push(
                `${champ.name}: ${role} distingue la demande d'un autre fournisseur :\n  autre  ${o.texte.slice(0, 300)}\n  absent ${x.texte.slice(0, 300)}`,
              );
          } else if (o.issue === "refus") {
            ecarts.push(`${champ.name}: ${role} refusé sur la demande d'un fournisseur : ${o.texte.slice(0, 200)}`);
          }
        }
      }
    }
    await verifierRoutes();
    publierFigure("autorisations", `${appels} calls, ${fuites.length} leaks`, {
      appels,
      fuites: fuites.length,
      internes: internes.length,
      ecarts: ecarts.length,
    });
    expect(internes, "erreurs internes").toEqual([]);
    expect(inattendues, "erreurs GraphQL inattendues").toEqual([]);
    expect(fuites, "fuites").toEqual([]);
    expect(ecarts, "droits attendus non accordés").toEqual([]);
  }, 180_000);
});

describe("CSRF: a cross-site request carrying a gestionnaire's cookie", () => {
  it("is refused before anything runs, whatever form a browser can send without a preflight", async () => {
    const mutation = `mutation($n: String!) { demandeChangerStatut(input: { numero: $n, statut: REGULARISATION_EN_COURS, message: "csrf" }) { __typename } }`;
    const corps = JSON.stringify({ query: mutation, variables: { n: numeroA } });
    const formulaire = new FormData();
    formulaire.set("operations", corps);
    formulaire.set("map", "{}");
    const essais: [string, RequestInit][] = [
      [
        "text/plain",
        { method: "POST", headers: { "content-type": "text/plain", ...app.gestionnaire.headers }, body: corps },
      ],
      [
        "form-urlencoded",
        {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", ...app.gestionnaire.headers },
          body: new URLSearchParams({ query: mutation, variables: JSON.stringify({ n: numeroA }) }).toString(),
        },
      ],
      ["multipart", { method: "POST", headers: { ...app.gestionnaire.headers }, body: formulaire }],
      ["GET", { method: "GET", headers: { ...app.gestionnaire.headers } }],
    ];
    const avant = await compterAuRepos(app);
    const statut = (await app.prisma.demande.findUniqueOrThrow({ where: { numero: numeroA } })).statut;
    for (const [nom, init] of essais) {
      const url =
        nom === "GET"
          ? `http://test/graphql?${new URLSearchParams({ query: mutation, variables: JSON.stringify({ n: numeroA }) })}`
          : "http://test/graphql";
      const res = await app.fetch(url, init);
      const texte = await res.text();
      expect(res.status, `${nom} : ${texte.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(res.status, nom).toBeLessThan(500);
      expect(texte, nom).not.toContain("DemandeChangerStatutSucces");
    }
    expect(tablesChangees(avant, await compterAuRepos(app))).toEqual({});
    expect((await app.prisma.demande.findUniqueOrThrow({ where: { numero: numeroA } })).statut).toBe(statut);
  });
});

// ---- plain HTTP routes -------------------------------------------------------------------------
interface AttenteRoute {
  roles: Role[];
  /** URL for a target; without `cibles`, only "propre" is called. */
  url: (c: Cible, role: Role) => string;
  cibles?: boolean;
}

let lot = "";
const piece = async (numero: string) =>
  (await app.prisma.pieceJustificative.findFirstOrThrow({ where: { demande: { numero } } })).id;
const pieces = {} as Record<Cible, Record<"A" | "B", number>>;

/** Keyed by the path literal or regexp source in server/src/http/ (a new route without an entry fails). */
const ROUTES: Record<string, AttenteRoute[]> = {
  [String.raw`^\/export\/demandes\.(csv|xlsx)$`]: ["csv", "xlsx"].flatMap((f) => [
    { roles: CONNECTES, url: () => `/export/demandes.${f}` },
    // A filter naming the other éditeur or its demande still shows only one's own.
    {
      roles: CONNECTES,
      url: (_c: Cible, r: Role) =>
        `/export/demandes.${f}?numeroEditeur=${r === "fournisseurB" ? "00001" : "00002"}&numero=${r === "fournisseurB" ? numeroA : numeroB}`,
    },
  ]),
  [String.raw`^\/export\/journal\.(csv|xlsx)$`]: ["csv", "xlsx"].flatMap((f) => [
    { roles: AGENTS, url: () => `/export/journal.${f}` },
    { roles: ["auditeur"] as Role[], url: () => `/export/journal.${f}?onglet=acces` },
  ]),
  [String.raw`^\/pieces\/(\d+)$`]: [
    {
      roles: CONNECTES,
      cibles: true,
      url: (c, r) => `/pieces/${c === "absent" ? 987654 : pieces[c][r === "fournisseurB" ? "B" : "A"]}`,
    },
  ],
  [String.raw`^\/lots\/([A-Za-z0-9-]+)\.(csv|json|xlsx)$`]: ["csv", "json", "xlsx"].map((f) => ({
    roles: AGENTS,
    cibles: true,
    url: (c: Cible) => `/lots/${c === "absent" ? "LOT-INEXISTANT" : lot}.${f}`,
  })),
  "/sante": [{ roles: ROLES, url: () => "/sante" }],
};

/** Path literals and regexps of the route plugins (server/src/http/): every `url.pathname === "…"` and `/…/.exec(url.pathname)`. */
function routesDuCode(): string[] {
  const dossier = new URL("../../server/src/http/", import.meta.url);
  const source = fs
    .readdirSync(dossier)
    .map((f) => fs.readFileSync(new URL(f, dossier), "utf8"))
    .join("\n");
  const egalites = [...source.matchAll(/url\.pathname === "([^"]+)"/g)].map((m) => m[1]!);
  const regexps = [...source.matchAll(/\/(\^.*?\$)\/\.exec\(url\.pathname\)/g)].map((m) => m[1]!);
  return [...egalites, ...regexps];
}
async function verifierRoutes() {
  const presentes = routesDuCode();
  const inconnues = presentes.filter((r) => !ROUTES[r]);
  if (inconnues.length)
    throw new Error(`routes sans attente d'autorisation : ${inconnues.join(", ")} (ajoutez-les à ROUTES)`);
  lot = (await app.prisma.lotTransmission.findFirstOrThrow()).numero;
  const pa = await piece(numeroA);
  const pb = await piece(numeroB);
  pieces.propre = { A: pa, B: pb };
  pieces.autre = { A: pb, B: pa };
  for (const [cle, attentes] of Object.entries(ROUTES)) {
    if (!presentes.includes(cle)) throw new Error(`route attendue absente du code : ${cle} (mettez ROUTES à jour)`);
    for (const attente of attentes) {
      for (const role of ROLES) {
        const permis = attente.roles.includes(role);
        const rep = {} as Record<Cible, { statut: number; texte: string }>;
        for (const cible of (attente.cibles ? ["propre", "autre", "absent"] : ["propre"]) as Cible[]) {
          const url = attente.url(cible, role);
          const avant = !permis ? await compterAuRepos(app) : null;
          const res = await app.fetch(`http://test${url}`, { headers: ids[role].headers });
          appels++;
          const corps = Buffer.from(await res.arrayBuffer());
          const texte = corps.toString("latin1");
          if (erreurInterne(res.status, texte)) internes.push(`${url} ${role}: HTTP ${res.status}`);
          rep[cible] = { statut: res.status, texte: `${res.headers.get("content-type")}\n${texte}` };
          if (!permis && res.status < 400) fuites.push(`${url}: ${role} reçoit HTTP ${res.status}`);
          if (permis && cible === "propre" && res.status !== 200)
            fuites.push(`${url}: ${role} refusé (HTTP ${res.status}) alors qu'il y a droit`);
          if (avant) {
            const diff = tablesChangees(avant, await compterAuRepos(app));
            if (Object.keys(diff).length) fuites.push(`${url}: ${role} refusé mais a écrit ${JSON.stringify(diff)}`);
          }
          if (cible !== "autre") {
            // An XLSX is a zip: read its cells to look for another éditeur's numéro.
            const lisible =
              /\.xlsx(\?|$)/.test(url) && res.status === 200 ? JSON.stringify(await readSheet(corps)) : texte;
            await verifierEtanche(role, url, lisible);
            // …and that the check reads something: a supplier's unfiltered export lists its own demande.
            const propre = role === "fournisseurB" ? numeroB : numeroA;
            if (FOURNISSEURS.includes(role) && /^\/export\/demandes\.\w+$/.test(url) && !lisible.includes(propre)) {
              inattendues.push(`${url}: ${role} ne trouve pas sa propre demande ${propre} dans l'export`);
            }
          }
        }
        if (attente.cibles) {
          const masque = (c: Cible) => `${rep[c].statut} ${rep[c].texte}`;
          if (FOURNISSEURS.includes(role) || !permis) {
            if (masque("autre") !== masque("absent"))
              fuites.push(`${cle}: ${role} distingue une ressource d'autrui d'une absente`);
          } else if (rep.autre.statut !== 200 && cle.includes("pieces")) {
            fuites.push(`${cle}: ${role} n'atteint pas la pièce d'un autre fournisseur`);
          }
        }
      }
    }
  }
}
