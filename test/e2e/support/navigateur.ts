import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { CHROMIUM } from "./chromium.js";

const require = createRequire(import.meta.url);
export const SCREENSHOTS = fileURLToPath(new URL("../../../docs/screenshots", import.meta.url));

export async function lancerNavigateur(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"],
  });
}

/** A page that records page errors and any request leaving the app's own host. */
export async function nouvellePage(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL, locale: "fr-FR", viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const hote = new URL(baseURL).host;
  const problemes: string[] = [];
  page.on("pageerror", (e) => problemes.push(`erreur de page : ${e.message}`));
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (!["data:", "blob:"].includes(u.protocol) && u.host !== hote) problemes.push(`requête externe : ${r.url()}`);
  });
  return { page, problemes };
}

export async function seConnecter(page: Page, email: string, motDePasse: string) {
  await page.goto("/connexion");
  await page.getByLabel(/adresse électronique|e-mail|email/i).first().fill(email);
  await page.getByLabel(/mot de passe/i).first().fill(motDePasse);
  await page.getByRole("button", { name: /se connecter/i }).click();
  await page.waitForURL(/\/demandes/);
}

export async function capture(page: Page, nom: string) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${nom}.png`), fullPage: true });
}

/** axe-core on the current page: serious and critical violations only. */
export async function violationsAxe(page: Page) {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const r = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (o?: unknown) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run({ resultTypes: ["violations"] });
  });
  return r.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}) : ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
}
