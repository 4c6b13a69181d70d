import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

// Passwords: argon2id (slow on purpose). Session tokens and API keys are 256-bit random
// secrets, so a fast SHA-256 is enough to make a stolen database useless.
export const hacherMotDePasse = (motDePasse: string) => hash(motDePasse);
export const verifierMotDePasse = (hache: string, motDePasse: string) => verify(hache, motDePasse).catch(() => false);

export const jetonAleatoire = (octets = 32) => randomBytes(octets).toString("base64url");
export const sha256 = (s: string | Uint8Array) => createHash("sha256").update(s).digest("hex");

export function egalConstant(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** API key as shown once to its owner: `sgr_<prefixe>_<secret>`. */
export function nouvelleCleApi(): { prefixe: string; secret: string; cle: string } {
  const prefixe = randomBytes(6).toString("hex");
  const secret = jetonAleatoire(32);
  return { prefixe, secret, cle: `sgr_${prefixe}_${secret}` };
}

export function decomposerCleApi(cle: string): { prefixe: string; secret: string } | null {
  const m = /^sgr_([0-9a-f]{12})_([A-Za-z0-9_-]{20,})$/.exec(cle);
  return m ? { prefixe: m[1]!, secret: m[2]! } : null;
}
