// Filled in by the workflow work (validation, statut, transmission).
export {};
