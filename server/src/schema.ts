import { builder } from "./builder.js";
import "./commun/types.js";
import "./auth/schema.js";
import "./demande/schema.js";
import "./demande/brouillon-en-cours.js";
import "./historique/schema.js";
import "./brouillon/schema.js";
import "./import/schema.js";
import "./validation/schema.js";
import "./statut/schema.js";
import "./transmission/schema.js";
import "./journal/schema.js";
import "./suivi/schema.js";
import "./a-traiter/schema.js";
import "./tableau-de-bord/schema.js";

export const schema = builder.toSchema({ sortSchema: false });
