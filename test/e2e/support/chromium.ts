import { execSync } from "node:child_process";
import fs from "node:fs";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** From Debian's chromium-l10n: French for the browser itself (date fields in jj/mm/aaaa). */
const PACK_FRANCAIS = "/usr/lib/chromium/locales/fr.pak";

/** Vitest global setup: make sure Debian's Chromium is there (never a downloaded browser). */
export default function assurerChromium() {
  const present = fs.existsSync(CHROMIUM);
  if (present && fs.existsSync(PACK_FRANCAIS)) return;
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (root && fs.existsSync("/usr/bin/apt-get")) {
    console.log("Installing Debian's chromium and its French pack for the browser tests (apt-get)…");
    execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-l10n", {
      stdio: "inherit",
    });
    return;
  }
  // Without the French pack the tests still run; only the date fields read mm/dd/yyyy.
  if (present) return;
  throw new Error(
    `Browser tests need Chromium at ${CHROMIUM}: run 'sudo apt-get install -y chromium chromium-l10n' (or set CHROMIUM_PATH).`,
  );
}
