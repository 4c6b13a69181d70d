// `pnpm --filter @segur/server users …`: create users and supplier API keys.
//   utilisateur <email> <nom> <GESTIONNAIRE|AUDITEUR>   (password read from MOT_DE_PASSE or generated)
//   cle <numeroEditeur> <libellé> [--expire AAAA-MM-JJ] [--lecture-seule]
//   revoquer <prefixe>
import { parseArgs } from "node:util";
import { creerCleApi, creerUtilisateur } from "../auth/service.js";
import { jetonAleatoire } from "../auth/secrets.js";
import { echouer, ouvrir } from "./outils.js";
import { lireExpiration } from "./expiration.js";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { expire: { type: "string" }, "lecture-seule": { type: "boolean" } },
});
const [commande, ...args] = positionals.filter((a) => a !== "--");
const { prisma } = await ouvrir();

if (commande === "utilisateur") {
  const [email, nom, role] = args;
  if (!email || !nom || (role !== "GESTIONNAIRE" && role !== "AUDITEUR"))
    echouer("usage : utilisateur <email> <nom> <GESTIONNAIRE|AUDITEUR>");
  const motDePasse = process.env.MOT_DE_PASSE ?? jetonAleatoire(12);
  if (motDePasse.length < 12) echouer("Le mot de passe doit faire au moins 12 caractères.");
  await creerUtilisateur(prisma, { email, nom, role, motDePasse });
  console.log(`Utilisateur ${email} (${role}) créé.${process.env.MOT_DE_PASSE ? "" : ` Mot de passe : ${motDePasse}`}`);
} else if (commande === "cle") {
  const [numeroEditeur, ...libelle] = args;
  if (!numeroEditeur || !/^\d{5}$/.test(numeroEditeur) || !libelle.length)
    echouer("usage : cle <numeroEditeur à 5 chiffres> <libellé> [--expire AAAA-MM-JJ] [--lecture-seule]");
  let expireLe: Date | null = null;
  try {
    expireLe = lireExpiration(values.expire);
  } catch (e) {
    echouer((e as Error).message);
  }
  const lectureSeule = values["lecture-seule"] ?? false;
  const { cle } = await creerCleApi(prisma, { numeroEditeur, libelle: libelle.join(" "), expireLe, lectureSeule });
  console.log(
    `Clé API${lectureSeule ? " en lecture seule" : ""} pour l'éditeur ${numeroEditeur} (affichée une seule fois) :\n${cle}`,
  );
} else if (commande === "revoquer") {
  const [prefixe] = args;
  const { count } = await prisma.cleApi.updateMany({
    where: { prefixe, revoqueeLe: null },
    data: { revoqueeLe: new Date() },
  });
  console.log(count ? `Clé ${prefixe} révoquée.` : `Aucune clé active ${prefixe}.`);
} else {
  echouer(
    "commandes : utilisateur <email> <nom> <GESTIONNAIRE|AUDITEUR> | cle <numeroEditeur> <libellé> [--expire AAAA-MM-JJ] [--lecture-seule] | revoquer <prefixe>",
  );
}
await prisma.$disconnect();
