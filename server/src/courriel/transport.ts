import nodemailer from "nodemailer";
import type { Config } from "../config.js";

export interface MessageCourriel {
  destinataire: string;
  sujet: string;
  corps: string;
}

/** Sends an email; every email is recorded on the demande whatever the transport. */
export interface Courrielleur {
  nom: string;
  envoyer(m: MessageCourriel): Promise<void>;
  /** Nothing leaves the machine: the email counts as sent once recorded (no outbox pass). */
  enregistrementSeul?: boolean;
}

/** Default: nothing leaves the machine, the database record is the email (SPEC §7). */
export const courrielleurBase: Courrielleur = { nom: "base", envoyer: async () => {}, enregistrementSeul: true };

/** SMTP with bounded waits: an unreachable server must fail an attempt well within the outbox lease. */
export function courrielleurSmtp(url: string, expediteur: string): Courrielleur {
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  return {
    nom: "smtp",
    envoyer: async (m) => {
      await transport.sendMail({ from: expediteur, to: m.destinataire, subject: m.sujet, text: m.corps });
    },
  };
}

export function courrielleurDepuisConfig(config: Pick<Config, "smtpUrl" | "courrielExpediteur">): Courrielleur {
  return config.smtpUrl ? courrielleurSmtp(config.smtpUrl, config.courrielExpediteur) : courrielleurBase;
}
