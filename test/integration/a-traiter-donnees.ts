// Demandes in each state the work queue (« À traiter ») counts, on demandes already created:
// shared by its tests and by the export's filter examples (export-filtres.test.ts).
import type { Db } from "@segur/prisma";
import { BLOCS_VALIDABLES } from "@segur/shared";

const BANQUE = { iban: "FR7630006000011234567890189", bic: "AGRIFRPP", titulaire: "T", domiciliation: "D" };

/** Marks the demandes (by id order) with rejected, to-revalidate, to-send, failed-email, followed and ready states. */
export async function etatsATraiter(prisma: Db, suiviParId: number): Promise<void> {
  const ids = (await prisma.demande.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((d) => d.id);
  const banque = (demandeId: number, validation: string) =>
    prisma.coordonneesBancaires.upsert({
      where: { demandeId },
      create: { demandeId, ...BANQUE, validation },
      update: { validation },
    });
  for (const [i, demandeId] of ids.entries()) {
    if (i % 4 === 1) await banque(demandeId, "REJETEE");
    if (i % 4 === 2) {
      await banque(demandeId, "A_VALIDER");
      await prisma.version.create({
        data: { demandeId, numero: 99, auteur: "F", acteur: "K:1", role: "FOURNISSEUR", hashPrecedent: "x", hash: "y" },
      });
    }
    if (i % 4 === 3) {
      await banque(demandeId, "VALIDEE");
      // Every row validated, every block locked: ready to be « Décidée ».
      if (i % 8 === 3) {
        const ligne = { where: { demandeId }, data: { validation: "VALIDEE" } };
        await prisma.beneficiaire.updateMany(ligne);
        await prisma.administrateurTechnique.updateMany(ligne);
        await prisma.pieceJustificative.updateMany(ligne);
        for (const bloc of BLOCS_VALIDABLES)
          await prisma.etatBloc.upsert({
            where: { demandeId_bloc: { demandeId, bloc } },
            create: { demandeId, bloc, verrouille: true },
            update: { verrouille: true },
          });
      }
    }
    if (i % 5 === 0)
      await prisma.administrateurTechnique.create({
        data: { demandeId, finessJuridique: `0199999${String(i).padStart(2, "0")}`, validation: "VALIDEE" },
      });
    if (i % 6 === 0)
      await prisma.courriel.create({
        data: { demandeId, destinataire: "a@b.fr", sujet: "S", corps: "C", etat: "ECHEC" },
      });
    if (i % 3 === 0) await prisma.demande.update({ where: { id: demandeId }, data: { suiviParId } });
    // Sent in a batch, then changed: out of its batch, its last sending kept.
    if (i % 7 === 2) {
      const finessJuridique = `0188888${String(i).padStart(2, "0")}`;
      const lot = await prisma.lotTransmission.create({
        data: { numero: `LOT-TEST-${i}`, auteur: "G", nombre: 1, csv: "", json: "[]" },
      });
      const envoi = await prisma.envoiCertificat.create({
        data: { lotId: lot.id, demandeId, finessJuridique, numeroVersion: 1, envoyeLe: new Date() },
      });
      await prisma.administrateurTechnique.create({
        data: { demandeId, finessJuridique, validation: "A_VALIDER", dernierEnvoiId: envoi.id },
      });
    }
  }
}
