import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { captureEchec, lancerNavigateur, nouvellePage } from "./navigateur.js";
import { demarrerServeur } from "./serveur.js";

export type Serveur = Awaited<ReturnType<typeof demarrerServeur>>;
export interface Parcours {
  serveur: Serveur;
  page: Page;
  /** Page errors, 5xx answers and requests to other hosts seen so far. */
  problemes: string[];
}

/**
 * One browser page on a server with demo data, for a file's sequential steps: started before
 * them, stopped after. `pret` receives them (the steps read them as module variables).
 */
export function preparerParcours(options: { count?: number }, pret: (p: Parcours) => void): void {
  let fermer = async () => {};
  beforeAll(async () => {
    const serveur = await demarrerServeur(options);
    const navigateur = await lancerNavigateur();
    fermer = async () => {
      await navigateur.close();
      await serveur.arreter();
    };
    const { page, problemes } = await nouvellePage(navigateur, serveur.url);
    page.setDefaultTimeout(10_000);
    pret({ serveur, page, problemes });
  });
  afterAll(() => fermer());
}

/**
 * A serial flow (call inside its describe): once a step fails, the next ones are skipped,
 * as they would only time out on its consequences; the failure is captured.
 */
export function enSerie(page: () => Page | undefined, prefixe = ""): void {
  let echoue = false;
  beforeEach(({ skip, onTestFailed }) => {
    if (echoue) skip();
    onTestFailed(async ({ task }) => {
      echoue = true;
      await captureEchec(page(), `${prefixe}${task.name}`);
    });
  });
}

/** Text as read: whitespace (including non-breaking ones) collapsed. */
export const net = (t: string | null) => (t ?? "").replace(/\s+/g, " ").trim();
export const visible = (l: Locator) => l.waitFor({ state: "visible" });
export const cache = (l: Locator) => l.waitFor({ state: "hidden" });
