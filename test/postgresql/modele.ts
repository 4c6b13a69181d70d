// Vitest global setup of the `integration-pg` project: a PostgreSQL server (TEST_PG_URL, or a
// throwaway cluster started here from Debian's binaries), and one template database migrated
// once; each test app then copies it (`CREATE DATABASE t_<hex> TEMPLATE …`, server/test/aide.ts).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import { fileURLToPath } from "node:url";
import { ouvrirBase } from "@segur/prisma";
import { creerBase, serveurJoignable, supprimerBase } from "@segur/prisma/postgresql";
import { binairesPostgres } from "./disponible.js";

const SCRIPT = fileURLToPath(new URL("../../prisma/scripts/pg-test-cluster.sh", import.meta.url));
const MODELE = `segur_modele_${process.pid}`;

function portLibre(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

export default async function preparerPostgres() {
  let urlAdmin = process.env.TEST_PG_URL;
  let arreter = () => {};
  if (!urlAdmin) {
    const bin = binairesPostgres();
    if (!bin) throw new Error("integration-pg : ni TEST_PG_URL ni PostgreSQL installé");
    // Directly under /tmp: as root, initdb runs as the postgres user, who must reach the folder.
    const dossier = `/tmp/segur-pgtest-${process.pid}`;
    const port = await portLibre();
    urlAdmin = execFileSync("sh", [SCRIPT, "start", dossier, String(port)], {
      encoding: "utf8",
      env: { ...process.env, PGBIN: bin },
    }).trim();
    arreter = () => {
      execFileSync("sh", [SCRIPT, "stop", dossier], { stdio: "ignore" });
      fs.rmSync(dossier, { recursive: true, force: true });
    };
  } else if (!(await serveurJoignable(urlAdmin))) {
    throw new Error(`integration-pg : aucun serveur PostgreSQL ne répond à TEST_PG_URL`);
  }
  try {
    const url = await creerBase(urlAdmin, MODELE);
    await (await ouvrirBase(url)).$disconnect();
  } catch (e) {
    arreter();
    throw e;
  }
  process.env.SEGUR_TEST_PG_URL = urlAdmin;
  process.env.SEGUR_TEST_PG_MODELE = MODELE;
  return async () => {
    await supprimerBase(urlAdmin, MODELE).catch(() => {});
    arreter();
  };
}
