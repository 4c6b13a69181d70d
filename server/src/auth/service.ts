import type { Db } from "@segur/prisma";
import type { Acteur } from "./acteur.js";
import {
  decomposerCleApi, egalConstant, hacherMotDePasse, jetonAleatoire, nouvelleCleApi, sha256, verifierMotDePasse,
} from "./secrets.js";
import { ErreurAuthentification } from "../commun/erreurs.js";

export const COOKIE_SESSION = "segur_session";

export async function creerUtilisateur(
  prisma: Db,
  data: { email: string; nom: string; role: "GESTIONNAIRE" | "AUDITEUR"; motDePasse: string },
) {
  return prisma.utilisateur.create({
    data: { email: data.email.toLowerCase(), nom: data.nom, role: data.role, motDePasseHash: await hacherMotDePasse(data.motDePasse) },
  });
}

export async function creerCleApi(prisma: Db, data: { numeroEditeur: string; libelle: string; expireLe?: Date | null; lectureSeule?: boolean }) {
  const { prefixe, secret, cle } = nouvelleCleApi();
  const row = await prisma.cleApi.create({
    data: { prefixe, secretHash: sha256(secret), numeroEditeur: data.numeroEditeur, libelle: data.libelle, expireLe: data.expireLe ?? null, lectureSeule: data.lectureSeule ?? false },
  });
  return { cle, id: row.id };
}

/** Failed logins per account in the current window: slows down password guessing. */
const ECHECS_MAX = 5;
const FENETRE_MS = 15 * 60_000;
const echecs = new Map<string, { nombre: number; depuis: number }>();

export function tentativesRestantes(email: string, maintenant = Date.now()): number {
  const e = echecs.get(email);
  if (!e || maintenant - e.depuis > FENETRE_MS) return ECHECS_MAX;
  return Math.max(0, ECHECS_MAX - e.nombre);
}

function noterEchec(email: string, maintenant = Date.now()) {
  const e = echecs.get(email);
  if (!e || maintenant - e.depuis > FENETRE_MS) echecs.set(email, { nombre: 1, depuis: maintenant });
  else e.nombre++;
}

/** Checks the password and opens a session; the same message whatever was wrong. */
export async function ouvrirSession(prisma: Db, emailSaisi: string, motDePasse: string, dureeHeures: number) {
  const email = emailSaisi.trim().toLowerCase();
  if (tentativesRestantes(email) === 0) {
    throw new ErreurAuthentification("Trop de tentatives de connexion pour ce compte : réessayez dans 15 minutes.");
  }
  const u = await prisma.utilisateur.findUnique({ where: { email } });
  // Verify against a dummy hash when the user is unknown, so timing does not reveal accounts.
  const ok = u ? await verifierMotDePasse(u.motDePasseHash, motDePasse) : (await verifierMotDePasse(await HASH_FACTICE(), motDePasse), false);
  if (!u || !ok || !u.actif) {
    noterEchec(email);
    throw new ErreurAuthentification("Adresse électronique ou mot de passe incorrect.");
  }
  echecs.delete(email);
  const jeton = jetonAleatoire();
  await prisma.session.create({
    data: { jetonHash: sha256(jeton), utilisateurId: u.id, expireLe: new Date(Date.now() + dureeHeures * 3600_000) },
  });
  return { jeton, utilisateur: u };
}

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
    return { type: "CLE_API", id: cle.id, cle: `K:${cle.id}`, nom: cle.libelle, email: null, role: "FOURNISSEUR", numeroEditeur: cle.numeroEditeur, lectureSeule: cle.lectureSeule };
  }
  const jeton = lireCookie(request.headers.get("cookie"), COOKIE_SESSION);
  if (!jeton) return null;
  const session = await prisma.session.findUnique({ where: { jetonHash: sha256(jeton) }, include: { utilisateur: true } });
  if (!session || session.expireLe < new Date() || !session.utilisateur.actif) return null;
  const u = session.utilisateur;
  return { type: "UTILISATEUR", id: u.id, cle: `U:${u.id}`, nom: u.nom, email: u.email, role: u.role as "GESTIONNAIRE" | "AUDITEUR", numeroEditeur: null };
}

export function cookieSession(jeton: string, maxAgeSecondes: number, secure: boolean): string {
  return `${COOKIE_SESSION}=${jeton}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSecondes}${secure ? "; Secure" : ""}`;
}
