export * from "./descripteur.js";
export * from "./registre.js";
export { CHAMPS_COORDONNEES, type ChampCoordonnees } from "./coordonnees.js";
