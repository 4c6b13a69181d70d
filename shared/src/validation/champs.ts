import { z } from "zod";
import type { CodeProbleme } from "../probleme.js";
import { LIMITES, libelleChamp, longueur } from "../limites.js";
import { finessFormatValide, normaliserFiness } from "../finess.js";
import { problemeEmail } from "../contact.js";
import { MONTANT_MAX_CENTIMES_DEFAUT, formatMontant, parseMontant } from "../montant.js";
import { caractereInterdit, normaliserFinsDeLigne, normaliserNfc } from "./caracteres.js";

/*
 * Field builders shared by every schema. Each field is `z.unknown().transform(...)`: it
 * normalises (trim, empty → null, NFC), checks, and reports with non-fatal custom issues, so one
 * bad field never hides the problems of the others nor the cross-field rules.
 * Messages: « <label> : <what is expected>. »; code and field name travel in `params`.
 */

export function signaler(
  ctx: z.RefinementCtx,
  code: CodeProbleme,
  champ: string,
  attendu: string,
  path?: (string | number)[],
): void {
  ctx.addIssue({
    code: z.ZodIssueCode.custom,
    message: `${libelleChamp(champ)} : ${attendu}.`,
    params: { code, champ },
    ...(path ? { path } : {}),
  });
}

const INVALIDE = Symbol("invalide");

/** Strings are trimmed; absent, null, empty or blank all mean "no value". */
function lireTexte(raw: unknown): string | null | typeof INVALIDE {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== "string") return INVALIDE;
  const t = raw.trim();
  return t === "" ? null : t;
}

export function estVide(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "");
}

export interface OptionsTexte {
  /** What to ask for when the value is missing; absent = optional. */
  requis?: string;
  /** Defaults to LIMITES[champ].max. */
  max?: number;
  /** Free text over several lines: newline and tab allowed (CR LF read as LF). */
  multiligne?: boolean;
  normaliser?: (v: string) => string;
  /** Returns what is expected when the value is wrong, null when it is fine. */
  verifier?: (v: string) => string | null;
}

const OBLIGATOIRE = "champ obligatoire";

function limite(champ: string): number | undefined {
  return (LIMITES as Record<string, { max: number } | undefined>)[champ]?.max;
}

const ASCII_IMPRIMABLE = /^[\x20-\x7e]*$/;

/** Checks one text value; returns the normalised value (issues are reported on ctx). */
function verifierTexte(raw: unknown, ctx: z.RefinementCtx, champ: string, o: OptionsTexte): string | null {
  const lu = lireTexte(raw);
  if (lu === INVALIDE) {
    signaler(ctx, "FORMAT", champ, "texte attendu");
    return null;
  }
  if (lu === null) {
    if (o.requis) signaler(ctx, "REQUIS", champ, o.requis);
    return null;
  }
  const lignes = o.multiligne ? normaliserFinsDeLigne(lu) : lu;
  // Printable ASCII (most values of a file) has no forbidden character and is its own NFC form.
  const ascii = ASCII_IMPRIMABLE.test(lignes);
  const interdit = ascii ? null : caractereInterdit(lignes, o.multiligne);
  if (interdit) {
    // Nothing else is said about such a value: its other checks would only mislead.
    signaler(ctx, "CARACTERE_INTERDIT", champ, interdit);
    return lignes;
  }
  const nfc = ascii ? lignes : normaliserNfc(lignes);
  const v = o.normaliser ? o.normaliser(nfc) : nfc;
  const max = o.max ?? limite(champ);
  // Code points are never more than UTF-16 units: counted only when the units exceed the maximum.
  if (max !== undefined && v.length > max && longueur(v) > max) {
    // One error per field: a value too long is not also told it is malformed.
    signaler(ctx, "TROP_LONG", champ, `${max} caractères au maximum`);
    return v;
  }
  const attendu = o.verifier?.(v);
  if (attendu) signaler(ctx, "FORMAT", champ, attendu);
  return v;
}

// Each builder is a single transform: zod aborts a transform chained after a failed one,
// which would hide the object's cross-field rules.

/** A field's own check, as its transform runs it: lets lireObjet skip zod's machinery. */
export type Lecteur<T> = (raw: unknown, ctx: z.RefinementCtx) => T;
const lecteurs = new WeakMap<z.ZodTypeAny, Lecteur<unknown>>();

function champLu<T>(lire: Lecteur<T>) {
  const schema = z.unknown().transform(lire);
  lecteurs.set(schema, lire);
  return schema;
}

/** The check behind a schema built here, or undefined. */
export function lecteurDe(schema: z.ZodTypeAny): Lecteur<unknown> | undefined {
  return lecteurs.get(schema);
}

export function texte(champ: string, o: OptionsTexte = {}) {
  return champLu((raw, ctx): string | null => verifierTexte(raw, ctx, champ, o));
}

/** Required text: the output type is string (a missing value is already an error). */
export function texteRequis(champ: string, o: OptionsTexte = {}) {
  const options = { requis: OBLIGATOIRE, ...o };
  return champLu((raw, ctx): string => verifierTexte(raw, ctx, champ, options) ?? "");
}

export const verifierEmail = (v: string): string | null => problemeEmail(v);

export const ATTENDU_FINESS = "9 caractères attendus : 2 pour le département (chiffres, 2A ou 2B) puis 7 chiffres";
export function finessRequis(champ: string) {
  return texteRequis(champ, {
    requis: `obligatoire, ${ATTENDU_FINESS}`,
    normaliser: normaliserFiness,
    verifier: (v) => (finessFormatValide(v) ? null : ATTENDU_FINESS),
  });
}

/** A JSON boolean: the string "true" is refused, a typo of type must not pass for an answer. */
export const ATTENDU_BOOLEEN = "un booléen (true ou false) est attendu";

export interface OptionsBooleen {
  requis?: string;
}

function verifierBooleen(raw: unknown, ctx: z.RefinementCtx, champ: string, o: OptionsBooleen): boolean | null {
  if (raw === true || raw === false) return raw;
  if (raw === undefined || raw === null) {
    if (o.requis) signaler(ctx, "REQUIS", champ, o.requis);
    return null;
  }
  signaler(ctx, "FORMAT", champ, ATTENDU_BOOLEEN);
  return null;
}

/** true / false; null or absent is "no answer". */
export function booleen(champ: string, o: OptionsBooleen = {}) {
  return champLu((raw, ctx): boolean | null => verifierBooleen(raw, ctx, champ, o));
}

/** Boolean where "no answer" means `defaut`. */
export function booleenDefaut(champ: string, defaut: boolean) {
  return champLu((raw, ctx): boolean => verifierBooleen(raw, ctx, champ, {}) ?? defaut);
}

export interface OptionsChoix<T extends string> {
  lire: (v: string) => T | null;
  /** What the allowed values are, for the VALEUR message. */
  attendu: string;
  requis?: string;
}

function verifierChoix<T extends string>(
  raw: unknown,
  ctx: z.RefinementCtx,
  champ: string,
  o: OptionsChoix<T>,
): T | null {
  if (estVide(raw)) {
    if (o.requis) signaler(ctx, "REQUIS", champ, o.requis);
    return null;
  }
  const v = typeof raw === "string" ? o.lire(raw.trim()) : null;
  if (v === null) signaler(ctx, "VALEUR", champ, o.attendu);
  return v;
}

/** One of a closed list of codes. */
export function choix<T extends string>(champ: string, o: OptionsChoix<T>) {
  return champLu((raw, ctx): T | null => verifierChoix(raw, ctx, champ, o));
}

/** Required code: output typed T (a missing value is already an error). */
export function choixRequis<T extends string>(champ: string, o: Omit<OptionsChoix<T>, "requis"> & { requis?: string }) {
  const options = { requis: o.attendu, ...o };
  return champLu((raw, ctx): T => verifierChoix(raw, ctx, champ, options) as T);
}

/** Amount in euros (decimal string or number) → integer cents, at most `maxCentimes` (SPEC §10). */
export function montantCentimes(champ: string, maxCentimes: bigint = MONTANT_MAX_CENTIMES_DEFAUT) {
  const attendu = 'montant positif en euros avec au plus 2 décimales attendu (exemple : "2920.00")';
  return champLu((raw, ctx): bigint => {
    if (estVide(raw)) {
      signaler(ctx, "REQUIS", champ, attendu);
      return 0n;
    }
    const centimes = typeof raw === "string" || typeof raw === "number" ? parseMontant(raw) : null;
    if (centimes === null) {
      signaler(ctx, "FORMAT", champ, attendu);
      return 0n;
    }
    if (centimes > maxCentimes) signaler(ctx, "TROP_GRAND", champ, `${formatMontant(maxCentimes)} au plus`);
    return centimes;
  });
}
