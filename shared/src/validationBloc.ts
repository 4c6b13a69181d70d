import { ETATS_VALIDATION, type EtatValidation } from "./enums.js";

/*
 * Validating a whole block (SPEC §6, §10): rows « À valider » are validated; a rejected row
 * stays rejected unless the gestionnaire explicitly lifts the rejection, and a block with a
 * rejected row left is not locked. The server applies this plan, the SPA shows it first.
 */

export interface LigneAValiderEnBloc {
  cle: string;
  validation: EtatValidation | string;
}

export interface PlanValidationBloc<L extends LigneAValiderEnBloc> {
  /** Rows the block validation sets to VALIDEE (rows « À valider », and rejected rows when lifted). */
  aValider: L[];
  /** Rejected rows left rejected (no explicit override). */
  restentRejetees: L[];
  /** Rejected rows validated anyway: each one is journaled. */
  rejetsLeves: L[];
  /** Every row is validated afterwards: the block locks. */
  verrouiller: boolean;
}

/** Does validating the block set a row in this state to VALIDEE? */
export function valideeEnBloc(etat: string, inclureRejetees: boolean): boolean {
  return etat === "A_VALIDER" || (inclureRejetees && etat === "REJETEE");
}

/** What validating the block does to its rows, with or without lifting the rejections. */
export function planValidationBloc<L extends LigneAValiderEnBloc>(
  lignes: readonly L[],
  inclureRejetees: boolean,
): PlanValidationBloc<L> {
  const rejetees = lignes.filter((l) => l.validation === "REJETEE");
  const aValider = lignes.filter((l) => valideeEnBloc(l.validation, inclureRejetees));
  const restentRejetees = inclureRejetees ? [] : rejetees;
  return {
    aValider,
    restentRejetees,
    rejetsLeves: inclureRejetees ? rejetees : [],
    verrouiller: lignes.length > 0 && restentRejetees.length === 0,
  };
}

/** The validation states a block validation changes (a constant list, never one per row). */
export function etatsValidesEnBloc(inclureRejetees: boolean): EtatValidation[] {
  return ETATS_VALIDATION.filter((e) => valideeEnBloc(e, inclureRejetees));
}
