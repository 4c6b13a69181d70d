import { GraphQLError } from "graphql";
import {
  BLOCS,
  BLOCS_LABELS,
  ETATS_PAIEMENT,
  ETATS_PAIEMENT_LABELS,
  ETATS_VALIDATION,
  ETATS_VALIDATION_LABELS,
  ROLES,
  ROLES_LABELS,
  STATUTS_ADMIN_TECHNIQUE,
  STATUTS_ADMIN_TECHNIQUE_LABELS,
  STATUTS_DEMANDE,
  STATUTS_DEMANDE_LABELS,
  TYPES_DEMANDE,
  TYPES_PIECE,
  dateIsoValide,
  TYPES_PIECE_LABELS,
  UTILITES_CERTIFICAT,
  UTILITES_CERTIFICAT_LABELS,
  montantDecimal,
  parseMontant,
  type Probleme,
  type Role,
} from "@segur/shared";
import { builder } from "../builder.js";
import {
  ErreurAuthentification,
  ErreurAutorisation,
  ErreurConflit,
  ErreurEtat,
  ErreurIntrouvable,
  ErreurMetier,
  ErreurValidation,
  ErreurVerrouillage,
} from "./erreurs.js";

// ---- scalars -------------------------------------------------------------------------------
builder.scalarType("DateTime", {
  description: "Date et heure ISO 8601 (UTC).",
  serialize: (d) => d.toISOString(),
  parseValue: (v) => {
    const d = new Date(String(v));
    if (Number.isNaN(d.getTime())) throw new GraphQLError("DateTime invalide : format ISO 8601 attendu.");
    return d;
  },
});

builder.scalarType("Date", {
  description: "Date calendaire AAAA-MM-JJ.",
  serialize: (d) => d.toISOString().slice(0, 10),
  parseValue: (v) => {
    const s = String(v);
    const d = new Date(`${s}T00:00:00.000Z`);
    // dateIsoValide: JavaScript would read 2024-02-30 as 1 March.
    if (!dateIsoValide(s)) throw new GraphQLError(`Date invalide « ${s} » : format AAAA-MM-JJ attendu.`);
    return d;
  },
});

builder.scalarType("JSON", { serialize: (v) => v, parseValue: (v) => v });

builder.scalarType("Montant", {
  description:
    "Montant en euros : texte décimal à 2 décimales, ex. « 2920.00 ». Exact, sans limite de taille (jamais un flottant ni un entier 32 bits).",
  serialize: (centimes) => montantDecimal(centimes),
  parseValue: (v) => {
    const centimes = typeof v === "string" || typeof v === "number" ? parseMontant(v) : null;
    if (centimes === null)
      throw new GraphQLError(
        `Montant invalide « ${String(v)} » : montant positif en euros avec au plus 2 décimales attendu (exemple : "2920.00").`,
      );
    return centimes;
  },
});

/** Largest value of a GraphQL Int (32-bit signed): 21 474 836,47 € in cents. */
const INT32_MAX = 2_147_483_647n;

/** Cents for the deprecated `montantCentimes: Int` fields: null when a 32-bit Int cannot hold them (never an error). */
export function centimesInt32(centimes: bigint | null | undefined): number | null {
  if (centimes === null || centimes === undefined || centimes > INT32_MAX || centimes < -INT32_MAX - 1n) return null;
  return Number(centimes);
}

export const RAISON_MONTANT_CENTIMES =
  "Entier 32 bits : vaut null au-delà de 21 474 836,47 €. Utiliser `montant` (type Montant, texte décimal exact).";

builder.scalarType("File", {
  description: "Fichier envoyé en multipart (GraphQL multipart request).",
  serialize: () => {
    throw new Error("File est une entrée seulement");
  },
  parseValue: (v) => {
    // Duck-typed: yoga's multipart parser hands over its own File implementation.
    const f = v as File | null;
    if (!f || typeof f !== "object" || typeof f.arrayBuffer !== "function" || typeof f.name !== "string") {
      throw new GraphQLError("Fichier attendu (requête multipart).");
    }
    return f;
  },
});

// ---- enums, from the shared definitions (one source of truth) -----------------------------
export function enumDepuis<const T extends readonly string[]>(
  name: string,
  values: T,
  labels: Record<T[number], string>,
) {
  return builder.enumType(name, {
    values: Object.fromEntries(values.map((v) => [v, { value: v, description: labels[v as T[number]] }])) as {
      [K in T[number]]: { value: K; description: string };
    },
  });
}

export const TypeDemandeEnum = enumDepuis("TypeDemande", TYPES_DEMANDE, { AVANCE: "Avance", SOLDE: "Solde" });
export const StatutDemandeEnum = enumDepuis("StatutDemande", STATUTS_DEMANDE, STATUTS_DEMANDE_LABELS);
export const EtatPaiementEnum = enumDepuis("EtatPaiement", ETATS_PAIEMENT, ETATS_PAIEMENT_LABELS);
export const StatutAdminTechniqueEnum = enumDepuis(
  "StatutAdminTechnique",
  STATUTS_ADMIN_TECHNIQUE,
  STATUTS_ADMIN_TECHNIQUE_LABELS,
);
export const UtiliteCertificatEnum = enumDepuis("UtiliteCertificat", UTILITES_CERTIFICAT, UTILITES_CERTIFICAT_LABELS);
export const TypePieceEnum = enumDepuis("TypePiece", TYPES_PIECE, TYPES_PIECE_LABELS);
export const BlocEnum = enumDepuis("Bloc", BLOCS, BLOCS_LABELS);
export const EtatValidationEnum = enumDepuis("EtatValidation", ETATS_VALIDATION, ETATS_VALIDATION_LABELS);
export const RoleEnum = enumDepuis("Role", ROLES, ROLES_LABELS);
/** A stored enum column (text in SQLite) as its enum value; a value outside the list is a corrupted row, never sent. */
export function valeurEnum<const T extends string>(valeurs: readonly T[], v: string): T;
export function valeurEnum<const T extends string>(valeurs: readonly T[], v: string | null): T | null;
export function valeurEnum<const T extends string>(valeurs: readonly T[], v: string | null): T | null {
  if (v === null) return null;
  const connue = (x: string): x is T => (valeurs as readonly string[]).includes(x);
  if (!connue(v)) throw new Error(`Valeur « ${v} » hors de l'énumération (${valeurs.join(", ")}).`);
  return v;
}
/** A stored role as the Role enum; null for the system's (import, seed). */
export const roleConnu = (role: string): Role | null =>
  (ROLES as readonly string[]).includes(role) ? (role as Role) : null;
export const GraviteEnum = builder.enumType("Gravite", { values: ["ERREUR", "AVERTISSEMENT"] as const });

// ---- problems and errors -------------------------------------------------------------------
export const ProblemeRef = builder.objectRef<Probleme>("Probleme").implement({
  description: "Un problème sur un champ : erreur bloquante ou avertissement.",
  fields: (t) => ({
    code: t.exposeString("code"),
    message: t.exposeString("message"),
    path: t.stringList({ resolve: (p) => p.path.map(String) }),
    champ: t.exposeString("champ"),
    gravite: t.field({ type: GraviteEnum, resolve: (p) => p.gravite }),
  }),
});

export const ErreurInterface = builder.interfaceRef<ErreurMetier>("Erreur").implement({
  description: "Erreur métier : un code stable, un message en français et le chemin du champ concerné.",
  fields: (t) => ({
    code: t.exposeString("code"),
    message: t.exposeString("message"),
    path: t.stringList({
      nullable: true,
      description: "Chemin du champ en cause dans l'entrée.",
      resolve: (e) => e.chemin,
    }),
  }),
});

builder.objectType(ErreurValidation, {
  name: "ErreurValidation",
  interfaces: [ErreurInterface],
  isTypeOf: (o) => o instanceof ErreurValidation,
  fields: (t) => ({
    problemes: t.field({ type: [ProblemeRef], resolve: (e) => e.problemes }),
  }),
});
for (const [cls, name] of [
  [ErreurAuthentification, "ErreurAuthentification"],
  [ErreurAutorisation, "ErreurAutorisation"],
  [ErreurIntrouvable, "ErreurIntrouvable"],
  [ErreurEtat, "ErreurEtat"],
] as const) {
  builder.objectType(cls, {
    name,
    interfaces: [ErreurInterface],
    isTypeOf: (o) => o instanceof cls,
    fields: () => ({}),
  });
}
builder.objectType(ErreurConflit, {
  name: "ErreurConflit",
  interfaces: [ErreurInterface],
  isTypeOf: (o) => o instanceof ErreurConflit,
  fields: (t) => ({ versionActuelle: t.exposeInt("versionActuelle") }),
});
builder.objectType(ErreurVerrouillage, {
  name: "ErreurVerrouillage",
  interfaces: [ErreurInterface],
  isTypeOf: (o) => o instanceof ErreurVerrouillage,
  fields: (t) => ({ bloc: t.field({ type: BlocEnum, resolve: (e) => valeurEnum(BLOCS, e.bloc) }) }),
});

/** Error types every mutation may answer. */
export const ERREURS_COMMUNES = [ErreurValidation, ErreurAutorisation, ErreurIntrouvable, ErreurEtat] as const;
export const ERREURS_ECRITURE = [...ERREURS_COMMUNES, ErreurVerrouillage, ErreurConflit] as const;

builder.queryType({});
builder.mutationType({});
