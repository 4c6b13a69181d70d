// `pnpm --filter @segur/server courriels:relancer [--id N] [--envoyer]`: puts the emails the
// outbox gave up on (état ECHEC) back EN_ATTENTE for a new series of attempts, one audit event
// each. The running server sends them at its next pass; --envoyer makes one pass right away.
import { parseArgs } from "node:util";
import { relancerCourriels, traiterBoiteEnvoi } from "../courriel/boite-envoi.js";
import { courrielleurDepuisConfig } from "../courriel/transport.js";
import { echouer, ouvrir } from "./outils.js";

const { values } = parseArgs({ options: { id: { type: "string" }, envoyer: { type: "boolean", default: false } } });
const id = values.id === undefined ? undefined : Number(values.id);
if (id !== undefined && !(Number.isInteger(id) && id > 0))
  echouer(`--id : numéro de courriel attendu (entier positif), reçu « ${values.id} ».`);

const { config, prisma } = await ouvrir();
try {
  const relances = await relancerCourriels(prisma, { id });
  if (relances.length === 0) {
    console.log(
      id === undefined
        ? "Aucun courriel en échec à relancer."
        : `Le courriel ${id} n'est pas en échec : rien à relancer.`,
    );
  } else {
    console.log(`${relances.length} courriel(s) remis en attente d'envoi : ${relances.join(", ")}.`);
  }
  if (values.envoyer) {
    const b = await traiterBoiteEnvoi(prisma, courrielleurDepuisConfig(config));
    console.log(
      `Envoi : ${b.envoyes} envoyé(s), ${b.echecs} en échec (nouvel essai prévu), ${b.abandons} abandonné(s).`,
    );
  }
} finally {
  await prisma.$disconnect();
}
