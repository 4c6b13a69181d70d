-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CleApi" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "prefixe" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "numeroEditeur" TEXT NOT NULL,
    "libelle" TEXT NOT NULL,
    "lectureSeule" BOOLEAN NOT NULL DEFAULT false,
    "creeLe" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expireLe" DATETIME,
    "revoqueeLe" DATETIME,
    "utiliseeLe" DATETIME
);
INSERT INTO "new_CleApi" ("creeLe", "expireLe", "id", "libelle", "numeroEditeur", "prefixe", "revoqueeLe", "secretHash", "utiliseeLe") SELECT "creeLe", "expireLe", "id", "libelle", "numeroEditeur", "prefixe", "revoqueeLe", "secretHash", "utiliseeLe" FROM "CleApi";
DROP TABLE "CleApi";
ALTER TABLE "new_CleApi" RENAME TO "CleApi";
CREATE UNIQUE INDEX "CleApi_prefixe_key" ON "CleApi"("prefixe");
CREATE INDEX "CleApi_numeroEditeur_idx" ON "CleApi"("numeroEditeur");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
