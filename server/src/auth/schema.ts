import { z } from "zod";
import { builder } from "../builder.js";
import { ErreurAuthentification, ErreurValidation } from "../commun/erreurs.js";
import { RoleEnum } from "../commun/types.js";
import { enLectureSeule, type Acteur } from "./acteur.js";
import { COOKIE_SESSION, cookieSession, fermerSession, lireCookie, ouvrirSession } from "./service.js";

const MoiRef = builder.objectRef<Acteur>("Moi").implement({
  description: "L'utilisateur ou la clé API qui fait la requête.",
  fields: (t) => ({
    nom: t.exposeString("nom"),
    email: t.exposeString("email", { nullable: true }),
    role: t.field({ type: RoleEnum, resolve: (a) => a.role }),
    numeroEditeur: t.exposeString("numeroEditeur", { nullable: true }),
    lectureSeule: t.boolean({
      description: "Vrai pour une clé API en lecture seule (ni import ni modification).",
      resolve: (a) => enLectureSeule(a),
    }),
  }),
});

builder.queryField("moi", (t) => t.field({ type: MoiRef, nullable: true, resolve: (_r, _a, ctx) => ctx.acteur }));

const ConnexionInput = builder.inputType("ConnexionInput", {
  fields: (t) => ({
    email: t.string({ required: true }),
    motDePasse: t.string({ required: true }),
  }),
});

const connexionSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Adresse électronique : obligatoire.")
    .max(150)
    .email("Adresse électronique : format invalide (ex. prenom.nom@exemple.fr)."),
  motDePasse: z.string().min(1, "Mot de passe : obligatoire.").max(200),
});

builder.mutationField("connexion", (t) =>
  t.field({
    type: MoiRef,
    description: "Ouvre une session (cookie httpOnly) pour un gestionnaire ou un auditeur.",
    errors: { types: [ErreurAuthentification, ErreurValidation], dataField: { name: "moi" } },
    args: { input: t.arg({ type: ConnexionInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      const parsed = connexionSchema.safeParse(input);
      if (!parsed.success) {
        throw new ErreurValidation(
          parsed.error.issues.map((i) => ({
            code: "FORMAT",
            message: i.message,
            path: ["input", ...i.path.map(String)],
            champ: String(i.path[0]),
            gravite: "ERREUR" as const,
          })),
        );
      }
      const { jeton, utilisateur: u } = await ouvrirSession(
        ctx.prisma,
        parsed.data.email,
        parsed.data.motDePasse,
        ctx.config.sessionDureeHeures,
        {
          adresse: ctx.adresseClient,
        },
      );
      ctx.cookies.push(cookieSession(jeton, ctx.config.sessionDureeHeures * 3600, ctx.config.cookieSecure));
      const acteur: Acteur = {
        type: "UTILISATEUR",
        id: u.id,
        cle: `U:${u.id}`,
        nom: u.nom,
        email: u.email,
        role: u.role as "GESTIONNAIRE",
        numeroEditeur: null,
      };
      ctx.acteur = acteur;
      return acteur;
    },
  }),
);

builder.mutationField("deconnexion", (t) =>
  t.boolean({
    description: "Ferme la session courante.",
    resolve: async (_r, _a, ctx) => {
      const jeton = lireCookie(ctx.request.headers.get("cookie"), COOKIE_SESSION);
      if (jeton) await fermerSession(ctx.prisma, jeton);
      ctx.cookies.push(cookieSession("", 0, ctx.config.cookieSecure));
      return true;
    },
  }),
);
