// Kept apart from lib/connexion.ts (zod): the router, in the initial bundle, needs only this.

/** Only same-site paths are accepted as a post-login destination (no open redirect). */
export function destinationApresConnexion(redirect: unknown): string {
  const value = Array.isArray(redirect) ? redirect[0] : redirect;
  if (
    typeof value === "string" &&
    value.startsWith("/") &&
    !value.startsWith("//") &&
    !value.startsWith("/\\") &&
    !value.startsWith("/connexion")
  )
    return value;
  // The home, which sends each role to its first screen (modules/router.ts).
  return "/";
}
