import type { RouteLocationNormalized } from "vue-router";

/*
 * What the shell does around a navigation, as pure functions: tell a page whose code could not be
 * loaded (server stopped, or a redeploy renamed the chunks) from any other error, name the tab, and
 * say whether the focus moves (a new page, not a filter or a tab kept in the query).
 */

export const TITRE_APPLICATION = "Ségur — Back office";

/** Chromium, Firefox and Safari's messages for a dynamic import that failed, and Vite's preload error. */
const ECHECS_CHARGEMENT = [
  /Failed to fetch dynamically imported module/i,
  /error loading dynamically imported module/i,
  /Importing a module script failed/i,
  /Unable to preload CSS/i,
  /Loading (CSS )?chunk .* failed/i,
];

export function estEchecChargement(erreur: unknown): boolean {
  const message = erreur instanceof Error ? erreur.message : String(erreur ?? "");
  return ECHECS_CHARGEMENT.some((re) => re.test(message));
}

/** « Demande FINMS2007720M0 — Ségur — Back office »: the numéro of a demande's pages in the tab's title. */
export function titrePage(route: Pick<RouteLocationNormalized, "meta" | "params">): string {
  const titre = typeof route.meta.title === "string" ? route.meta.title : "";
  const numero = typeof route.params.numero === "string" ? route.params.numero : "";
  const complet = [titre, numero].filter(Boolean).join(" ");
  return complet ? `${complet} — ${TITRE_APPLICATION}` : TITRE_APPLICATION;
}

/** The focus moves to the new page's heading when the path changes, not on the first load nor on query changes. */
export function deplacerFocus(
  vers: Pick<RouteLocationNormalized, "path">,
  depuis: { path: string; matched: unknown[] },
) {
  return depuis.matched.length > 0 && vers.path !== depuis.path;
}
