import { z } from "zod";

export const MESSAGES_CONNEXION = {
  emailRequis: "Saisissez votre adresse électronique.",
  emailInvalide: "Le format de l’adresse électronique n’est pas valide. Format attendu : nom@domaine.fr",
  motDePasseRequis: "Saisissez votre mot de passe.",
} as const;

export const connexionSchema = z.object({
  email: z
    .string({ required_error: MESSAGES_CONNEXION.emailRequis })
    .trim()
    .min(1, MESSAGES_CONNEXION.emailRequis)
    .email(MESSAGES_CONNEXION.emailInvalide),
  motDePasse: z
    .string({ required_error: MESSAGES_CONNEXION.motDePasseRequis })
    .min(1, MESSAGES_CONNEXION.motDePasseRequis),
});

export type ConnexionFormulaire = z.infer<typeof connexionSchema>;
