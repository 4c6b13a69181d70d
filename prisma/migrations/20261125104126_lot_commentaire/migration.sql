-- AlterTable
ALTER TABLE "LotTransmission" ADD COLUMN "commentaire" TEXT;
