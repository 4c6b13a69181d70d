/**
 * Login throttling, per key ("compte:<email>" or "adresse:<ip>"): no delay for the first
 * failures (typos), then a delay that doubles with each further failure, capped.
 * The per-account cap is short on purpose: anyone can type a gestionnaire's address, so a
 * long per-account delay would let them lock the real user out; one minute still makes
 * guessing one account's password hopeless. The per-address cap is long: an address that
 * keeps failing is a guesser, and a legitimate user behind it only waits at worst.
 */
export type CleLimiteConnexion = "compte" | "adresse";

export const LIMITES_CONNEXION: Record<CleLimiteConnexion, { echecsLibres: number; delaiMaxMs: number }> = {
  compte: { echecsLibres: 3, delaiMaxMs: 60_000 },
  adresse: { echecsLibres: 10, delaiMaxMs: 15 * 60_000 },
};

/** Failures are forgotten after this quiet time (and their rows purged). */
export const OUBLI_ECHECS_CONNEXION_MS = 24 * 3600_000;

/** How long no attempt is checked after `echecs` consecutive failures on a key. */
export function delaiConnexion(type: CleLimiteConnexion, echecs: number): number {
  const { echecsLibres, delaiMaxMs } = LIMITES_CONNEXION[type];
  if (echecs <= echecsLibres) return 0;
  // 2^n overflows to Infinity for large n: Math.min still caps it.
  return Math.min(delaiMaxMs, 1000 * 2 ** (echecs - echecsLibres - 1));
}

/** The French answer while a key is delayed (whole seconds, at least 1). */
export function messageTropDeTentatives(attenteMs: number): string {
  const s = Math.max(1, Math.ceil(attenteMs / 1000));
  return `Trop de tentatives : réessayez dans ${s} seconde${s > 1 ? "s" : ""}.`;
}
