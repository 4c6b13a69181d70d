// `pnpm run import:demandes <fichier.json…>`: imports files through the same service as the API.
import fs from "node:fs";
import path from "node:path";
import { ErreurValidation } from "../commun/erreurs.js";
import { AUTEUR_SYSTEME } from "../historique/service.js";
import { importerDocument } from "../import/service.js";
import { echouer, ouvrir } from "./outils.js";

const fichiers = process.argv.slice(2).filter((a) => a !== "--");
if (!fichiers.length) echouer("usage : pnpm run import:demandes <fichier.json> [autres fichiers…]");
const { config, prisma } = await ouvrir();
let echecs = 0;
for (const f of fichiers) {
  const chemin = path.resolve(process.env.INIT_CWD ?? process.cwd(), f);
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(chemin, "utf8"));
  } catch (e) {
    console.error(`✗ ${f} : fichier illisible ou JSON invalide (${(e as Error).message})`);
    echecs++;
    continue;
  }
  try {
    const { demandes, avertissements } = await importerDocument(prisma, config, json, {
      auteur: { ...AUTEUR_SYSTEME, nom: "Import en ligne de commande" },
    });
    console.log(`✓ ${f} : ${demandes.length} demande(s) créée(s) : ${demandes.map((d) => d.numero).join(", ")}`);
    for (const a of avertissements) console.log(`  ⚠ ${a.path.join(".")} : ${a.message}`);
  } catch (e) {
    if (!(e instanceof ErreurValidation)) throw e;
    echecs++;
    console.error(`✗ ${f} : ${e.message}`);
    for (const p of e.problemes)
      console.error(`  ${p.gravite === "ERREUR" ? "✗" : "⚠"} ${p.path.join(".")} : ${p.message}`);
  }
}
await prisma.$disconnect();
process.exit(echecs ? 1 : 0);
