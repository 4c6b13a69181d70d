import type { Db } from "@segur/prisma";
import type { Acteur } from "./acteur.js";
import {
  decomposerCleApi,
  egalConstant,
  hacherMotDePasse,
  jetonAleatoire,
  nouvelleCleApi,
  sha256,
  verifierMotDePasse,
} from "./secrets.js";
import { ErreurAuthentification } from "../commun/erreurs.js";
import { messageTropDeTentatives } from "@segur/shared";
import { attenteConnexion, clesLimite, noterEchecConnexion, oublierEchecsCompte } from "./limitation.js";

export const COOKIE_SESSION = "segur_session";

export async function creerUtilisateur(
  prisma: Db,
  data: { email: string; nom: string; role: "GESTIONNAIRE" | "AUDITEUR"; motDePasse: string },
) {
  return prisma.utilisateur.create({
    data: {
      email: data.email.toLowerCase(),
      nom: data.nom,
      role: data.role,
      motDePasseHash: await hacherMotDePasse(data.motDePasse),
    },
  });
}

export async function creerCleApi(
  prisma: Db,
  data: { numeroEditeur: string; libelle: string; expireLe?: Date | null; lectureSeule?: boolean },
) {
  const { prefixe, secret, cle } = nouvelleCleApi();
  const row = await prisma.cleApi.create({
    data: {
      prefixe,
      secretHash: sha256(secret),
      numeroEditeur: data.numeroEditeur,
      libelle: data.libelle,
      expireLe: data.expireLe ?? null,
      lectureSeule: data.lectureSeule ?? false,
    },
  });
  return { cle, id: row.id };
}

/**
 * Checks the password and opens a session; the same message whatever was wrong. Failures are
 * throttled per account and per client address (auth/limitation.ts): while a key is delayed
 * the password is not even checked. Known and unknown accounts take the same path (a dummy
 * hash is verified for unknown ones), so neither the answer nor its timing reveals accounts.
 */
export async function ouvrirSession(
  prisma: Db,
  emailSaisi: string,
  motDePasse: string,
  dureeHeures: number,
  options: { adresse?: string | null; maintenant?: Date } = {},
) {
  const email = emailSaisi.trim().toLowerCase();
  const factice = HASH_FACTICE(); // made on the first login of any account, so no path pays it alone
  const maintenant = options.maintenant ?? new Date();
  const cles = clesLimite(email, options.adresse ?? null);
  const attente = await attenteConnexion(prisma, cles, maintenant);
  if (attente > 0) throw new ErreurAuthentification(messageTropDeTentatives(attente), "TROP_DE_TENTATIVES");

  const u = await prisma.utilisateur.findUnique({ where: { email } });
  const ok = await verifierMotDePasse(u?.motDePasseHash ?? (await factice), motDePasse);
  if (!u || !ok || !u.actif) {
    await noterEchecConnexion(prisma, cles, maintenant);
    throw new ErreurAuthentification("Adresse électronique ou mot de passe incorrect.");
  }
  await oublierEchecsCompte(prisma, email);
  const jeton = jetonAleatoire();
  await prisma.session.create({
    data: {
      jetonHash: sha256(jeton),
      utilisateurId: u.id,
      expireLe: new Date(maintenant.getTime() + dureeHeures * 3600_000),
    },
  });
  return { jeton, utilisateur: u };
}

// Per process and safe: a random hash for unknown accounts' timing, never compared with a real one.
let hashFactice: Promise<string> | undefined;
const HASH_FACTICE = () => (hashFactice ??= hacherMotDePasse(jetonAleatoire()));

export async function fermerSession(prisma: Db, jeton: string) {
  await prisma.session.deleteMany({ where: { jetonHash: sha256(jeton) } });
}

export function lireCookie(header: string | null, nom: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === nom) return decodeURIComponent(v.join("="));
  }
  return null;
}

/** Resolves the request's actor from the bearer API key or the session cookie. */
export async function identifier(prisma: Db, request: Request): Promise<Acteur | null> {
  const auth = request.headers.get("authorization");
  if (auth?.startsWith("Bearer ")) {
    const parts = decomposerCleApi(auth.slice(7).trim());
    if (!parts) return null;
    const cle = await prisma.cleApi.findUnique({ where: { prefixe: parts.prefixe } });
    if (!cle || cle.revoqueeLe || (cle.expireLe && cle.expireLe < new Date())) return null;
    if (!egalConstant(cle.secretHash, sha256(parts.secret))) return null;
    return {
      type: "CLE_API",
      id: cle.id,
      cle: `K:${cle.id}`,
      nom: cle.libelle,
      email: null,
      role: "FOURNISSEUR",
      numeroEditeur: cle.numeroEditeur,
      lectureSeule: cle.lectureSeule,
    };
  }
  const jeton = lireCookie(request.headers.get("cookie"), COOKIE_SESSION);
  if (!jeton) return null;
  // It runs on every request: one plain statement (a join on the unique token hash), not Prisma's
  // interpreter (≈ 1 ms), and nothing written. Same rule as before: a live session of an active user.
  const [u] = await prisma.$queryRaw<
    { id: number; nom: string; email: string; role: string }[]
  >`SELECT u."id", u."nom", u."email", u."role"
    FROM "Session" s JOIN "Utilisateur" u ON u."id" = s."utilisateurId"
    WHERE s."jetonHash" = ${sha256(jeton)} AND s."expireLe" >= ${new Date()} AND u."actif" = true`;
  if (!u) return null;
  return {
    type: "UTILISATEUR",
    id: u.id,
    cle: `U:${u.id}`,
    nom: u.nom,
    email: u.email,
    role: u.role as "GESTIONNAIRE" | "AUDITEUR",
    numeroEditeur: null,
  };
}

export function cookieSession(jeton: string, maxAgeSecondes: number, secure: boolean): string {
  return `${COOKIE_SESSION}=${jeton}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSecondes}${secure ? "; Secure" : ""}`;
}
