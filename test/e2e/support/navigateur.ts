import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { CHROMIUM } from "./chromium.js";

const require = createRequire(import.meta.url);
/**
 * Screenshots go under test/.artifacts (a test run leaves tracked files unchanged);
 * `CAPTURES_DOCS=1` refreshes the README's docs/screenshots instead.
 */
export const SCREENSHOTS = fileURLToPath(
  new URL(
    process.env.CAPTURES_DOCS === "1" ? "../../../docs/screenshots" : "../../.artifacts/screenshots",
    import.meta.url,
  ),
);

export async function lancerNavigateur(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // The date inputs' format (jj/mm/aaaa) follows the browser's own language, not the page's
    // locale: on Linux, LANGUAGE picks it among the packs of Debian's chromium-l10n.
    env: { ...process.env, LANGUAGE: "fr" },
    args: [
      "--lang=fr-FR",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-quic",
      "--disable-sync",
    ],
  });
}

const enAttenteParPage = new WeakMap<Page, Set<string>>();
const journalParPage = new WeakMap<Page, string[]>();

/** A page that records page errors and any request leaving the app's own host. */
export async function nouvellePage(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL, locale: "fr-FR", viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const hote = new URL(baseURL).host;
  const problemes: string[] = [];
  const journal: string[] = [];
  page.on("pageerror", (e) => problemes.push(`erreur de page : ${e.message}`));
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (!["data:", "blob:"].includes(u.protocol) && u.host !== hote) problemes.push(`requête externe : ${r.url()}`);
  });
  // Requests still unanswered: printed with a failed step's capture (a hung request explains a timeout).
  const enAttente = new Set<string>();
  page.on("request", (r) => enAttente.add(`${r.method()} ${r.url()}`));
  page.on("requestfinished", (r) => enAttente.delete(`${r.method()} ${r.url()}`));
  page.on("requestfailed", (r) => {
    enAttente.delete(`${r.method()} ${r.url()}`);
    const erreur = r.failure()?.errorText ?? "?";
    // A request the SPA cancels itself (navigation, superseded query) is not a failure.
    (erreur.includes("ERR_ABORTED") ? journal : problemes).push(
      `requête échouée : ${r.method()} ${r.url()} (${erreur})`,
    );
  });
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") journal.push(`console ${m.type()} : ${m.text()}`);
  });
  page.on("framenavigated", (f) => {
    if (f === page.mainFrame()) journal.push(`navigation : ${f.url()}`);
  });
  enAttenteParPage.set(page, enAttente);
  journalParPage.set(page, journal);
  // A server failure the SPA may hide behind a generic message.
  page.on("response", (r) => {
    if (r.status() >= 500) problemes.push(`réponse ${r.status()} : ${r.request().method()} ${r.url()}`);
  });
  return { page, problemes };
}

/**
 * Clicks a link that leads to `url` and waits for it. A click that lands while the page is
 * still re-rendering can be lost (seen once in ~20 runs), so one more click is tried.
 */
export async function suivreLien(page: Page, lien: Locator, url: RegExp) {
  for (let essai = 1; ; essai++) {
    await lien.click();
    try {
      await page.waitForURL(url, { timeout: 5_000 });
      return;
    } catch (erreur) {
      if (essai >= 2) throw erreur;
    }
  }
}

/**
 * Logs in; a gestionnaire lands on « À traiter », then goes on to the list (where the flows start)
 * unless `accueil` keeps the landing page.
 */
export async function seConnecter(page: Page, email: string, motDePasse: string, options: { accueil?: boolean } = {}) {
  await page.goto("/connexion");
  await page
    .getByLabel(/adresse électronique|e-mail|email/i)
    .first()
    .fill(email);
  await page
    .getByLabel(/mot de passe/i)
    .first()
    .fill(motDePasse);
  await page.getByRole("button", { name: /se connecter/i }).click();
  await page.waitForURL(/\/(demandes|a-traiter)/);
  if (!options.accueil && /\/a-traiter/.test(page.url())) {
    await page.locator("#nav-demandes").click();
    await page.waitForURL(/\/demandes/);
  }
}

/**
 * A full-page screenshot for the docs. The viewport is first stretched to the page's height (and
 * to an open pop-in's whole content) so that sticky bars and pop-ins land where a reader expects
 * them, instead of where the 900-px viewport happened to end.
 */
export async function capture(page: Page, nom: string) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  // Playwright scrolls a clicked element into view through every ancestor, overflow-hidden ones
  // too (DSFR tabs), which no mouse or keyboard can do: put those back.
  await page.evaluate(() => {
    for (const e of document.querySelectorAll<HTMLElement>("body *")) {
      if (e.scrollTop === 0 && e.scrollLeft === 0) continue;
      const { overflowX, overflowY } = getComputedStyle(e);
      if (overflowY === "hidden") e.scrollTop = 0;
      if (overflowX === "hidden") e.scrollLeft = 0;
    }
  });
  // No hover state left by the last click (a lighter button, a grey logo).
  await page.mouse.move(0, 0);
  const vue = page.viewportSize();
  const hauteur = await page.evaluate(() => {
    const popins = [
      ...document.querySelectorAll<HTMLElement>("dialog[open] .fr-modal__body, [role=dialog] .fr-modal__body"),
    ];
    return Math.max(document.documentElement.scrollHeight, ...popins.map((p) => p.scrollHeight + 200));
  });
  if (vue && hauteur > vue.height) await page.setViewportSize({ width: vue.width, height: Math.min(hauteur, 8000) });
  try {
    await page.screenshot({ path: path.join(SCREENSHOTS, `${nom}.png`), fullPage: true, animations: "disabled" });
  } finally {
    if (vue) await page.setViewportSize(vue);
  }
}

/** On a failed step: a screenshot outside the docs (temp dir), its path printed for the developer. */
export async function captureEchec(page: Page | undefined, nom: string) {
  if (!page || page.isClosed()) return;
  const fichier = path.join(os.tmpdir(), `segur-e2e-echec-${nom.replace(/[^\p{L}\d]+/gu, "-").slice(0, 60)}.png`);
  try {
    await page.screenshot({ path: fichier, fullPage: true });
    console.error(`Capture de l'échec : ${fichier} (${page.url()})`);
    console.error(`Requêtes sans réponse : ${[...(enAttenteParPage.get(page) ?? [])].join(", ") || "aucune"}`);
    console.error(`Journal (fin) :\n  ${(journalParPage.get(page) ?? []).slice(-15).join("\n  ")}`);
  } catch {
    // The page may be gone: nothing to show.
  }
}

let axeSource: string | undefined;

/** axe-core on the current page: serious and critical violations only. */
export async function violationsAxe(page: Page) {
  // Evaluated through the DevTools protocol: the app's Content-Security-Policy (default-src 'self')
  // forbids an inline <script>, and the page must keep its real CSP while it is tested.
  axeSource ??= fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  // Colours are only meaningful once transitions (a tab panel sliding in) have ended.
  await page
    .waitForFunction(
      () => document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== "running"),
      null,
      { timeout: 3_000 },
    )
    .catch(() => {});
  const r = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            o?: unknown,
          ) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    return axe.run({ resultTypes: ["violations"] });
  });
  return r.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}) : ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    );
}

/** Computed background colour of an element, as `rgb(r, g, b)`. */
export async function couleurFond(element: Locator): Promise<string> {
  return element.evaluate((el) => getComputedStyle(el).backgroundColor);
}

/** A DSFR colour token (e.g. `--background-contrast-success`) resolved to `rgb(r, g, b)` on this page. */
export async function couleurDsfr(page: Page, variable: string): Promise<string> {
  return page.evaluate((v) => {
    const sonde = document.createElement("div");
    sonde.style.backgroundColor = `var(${v})`;
    document.body.append(sonde);
    const c = getComputedStyle(sonde).backgroundColor;
    sonde.remove();
    return c;
  }, variable);
}
