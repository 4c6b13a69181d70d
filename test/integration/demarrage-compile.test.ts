import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import { fileURLToPath } from "node:url";
import { creerAppTest, importerExemple, type AppTest } from "../../server/test/aide.js";

/*
 * `pnpm start` runs the server built into one JavaScript file (server/scripts/construire.mjs) on
 * plain node. The built file must serve what the sources serve, on this database, with several
 * processes, and stop cleanly.
 */

const RACINE = fileURLToPath(new URL("../..", import.meta.url));

let app: AppTest;
beforeEach(async () => {
  app = await creerAppTest();
});
afterEach(() => app.fermer());

async function portLibre(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.address() as net.AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

describe("the built server (pnpm start)", () => {
  it("answers like the sources with PROCESSUS=2, exports the CSV, and stops with exit code 0", async () => {
    const numero = await importerExemple(app);
    execFileSync(process.execPath, ["server/scripts/construire.mjs"], { cwd: RACINE, stdio: "ignore" });
    const source = fs.readFileSync(`${RACINE}server/dist/main.mjs`, "utf8");
    // The workspace's TypeScript is inside; no tsx at run time.
    expect(/(from|import\() *"(tsx|@segur\/)/.test(source)).toBe(false);

    const port = await portLibre();
    const serveur = spawn(process.execPath, ["server/dist/main.mjs"], {
      cwd: RACINE,
      env: {
        ...process.env,
        DATABASE_URL: app.urlBase,
        PORT: String(port),
        HOST: "127.0.0.1",
        NODE_ENV: "production",
        PROCESSUS: "2",
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let erreurs = "";
    serveur.stderr!.on("data", (b) => (erreurs += b));
    const fin = new Promise<number | null>((r) => serveur.once("exit", (code) => r(code)));
    try {
      const url = `http://127.0.0.1:${port}`;
      for (let i = 0; ; i++) {
        const pret = await fetch(`${url}/sante/pret`).then(
          (r) => r.ok,
          () => false,
        );
        if (pret) break;
        if (i > 150 || serveur.exitCode !== null) throw new Error(`le serveur construit ne démarre pas : ${erreurs}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      const query = `query($f: FiltreDemandes) { demandes(filtre: $f) { totalCount edges { node { numero montant dateDepot statut } } } }`;
      const attendu = await app.gql(query, { f: { numero } }, app.gestionnaire);
      const recu = await (
        await fetch(`${url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", ...app.gestionnaire.headers },
          body: JSON.stringify({ query, variables: { f: { numero } } }),
        })
      ).json();
      expect(recu).toEqual(attendu);
      expect(recu.data.demandes.totalCount).toBe(1);
      const csv = await fetch(`${url}/export/demandes.csv?numero=${numero}`, { headers: app.gestionnaire.headers });
      expect(csv.status).toBe(200);
      expect((await csv.text()).trim().split("\r\n")[1]).toMatch(new RegExp(`^${numero};`));
    } finally {
      serveur.kill("SIGTERM");
    }
    expect(await fin, erreurs).toBe(0);
  }, 120_000);
});
