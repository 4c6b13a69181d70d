import type { IncomingMessage } from "node:http";

/**
 * The client's IP address, for login throttling. X-Forwarded-For is believed only behind a
 * trusted reverse proxy (PROXY_DE_CONFIANCE), and then only its last entry — the one that
 * proxy appended; earlier entries are whatever the client wrote. Otherwise the socket's
 * address; null when there is none (requests made in-process, e.g. tests via fetch).
 */
export function adresseClient(
  request: Request,
  serveur: { req?: IncomingMessage } | undefined,
  proxyDeConfiance: boolean,
): string | null {
  if (proxyDeConfiance) {
    const chaine = request.headers.get("x-forwarded-for");
    const derniere = chaine
      ?.split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .at(-1);
    if (derniere) return derniere.slice(0, 64);
  }
  return serveur?.req?.socket?.remoteAddress ?? null;
}
