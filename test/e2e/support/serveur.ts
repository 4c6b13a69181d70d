import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { openDatabase } from "@segur/prisma";
import { lireConfig } from "../../../server/src/config.js";
import { createApp } from "../../../server/src/app.js";
import { semer } from "../../../server/src/seed/service.js";

export const ADMIN_DIST = fileURLToPath(new URL("../../../admin/dist", import.meta.url));

/** The real server (API + built SPA) on a loopback ephemeral port, with demo data on its own database. */
export async function demarrerServeur({ count = 30 } = {}) {
  if (!fs.existsSync(path.join(ADMIN_DIST, "index.html")))
    throw new Error("admin/dist is missing: run `pnpm --filter @segur/admin build` (pnpm test does it).");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "segur-e2e-"));
  const prisma = openDatabase(`file:${path.join(dir, "e2e.db")}`);
  const config = { ...lireConfig({}), adminDist: ADMIN_DIST };
  await semer(prisma, config, { count });
  const app = createApp({ prisma, config });
  const server = http.createServer(app.handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    prisma,
    arreter: async () => {
      await new Promise((r) => server.close(r));
      await prisma.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
