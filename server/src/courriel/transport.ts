import nodemailer from "nodemailer";

export interface MessageCourriel {
  destinataire: string;
  sujet: string;
  corps: string;
}

/** Sends (or not) an email; every email is recorded on the demande whatever the transport. */
export interface Courrielleur {
  nom: string;
  envoyer(m: MessageCourriel): Promise<void>;
}

/** Default: nothing leaves the machine, the database record is the email (SPEC §7). */
export const courrielleurBase: Courrielleur = { nom: "base", envoyer: async () => {} };

export function courrielleurSmtp(url: string, expediteur: string): Courrielleur {
  const transport = nodemailer.createTransport(url);
  return {
    nom: "smtp",
    envoyer: async (m) => {
      await transport.sendMail({ from: expediteur, to: m.destinataire, subject: m.sujet, text: m.corps });
    },
  };
}
