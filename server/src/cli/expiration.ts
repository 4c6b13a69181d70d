import { dateIsoValide, debutJourParis, formatDate, jourParis } from "@segur/shared";

/**
 * `users cle --expire AAAA-MM-JJ`: the key works through that day (Paris time). A day already
 * past, or today, would issue a key dead on arrival (or within hours): refused.
 * Returns the expiry instant, null without the option; throws an Error with a French message.
 */
export function lireExpiration(option: string | undefined, maintenant = new Date()): Date | null {
  if (option === undefined) return null;
  const jour = option.trim();
  if (!dateIsoValide(jour))
    throw new Error(`--expire : date réelle au format AAAA-MM-JJ attendue (reçu « ${option} »).`);
  const aujourdhui = jourParis(maintenant);
  if (jour <= aujourdhui) {
    throw new Error(
      `--expire : la date d'expiration ${formatDate(jour)} doit être postérieure à aujourd'hui (${formatDate(aujourdhui)}) ; la clé serait inutilisable.`,
    );
  }
  return debutJourParis(jour, 1);
}
