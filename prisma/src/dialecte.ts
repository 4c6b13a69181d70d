export type Dialecte = "sqlite" | "postgresql";

/** `file:…` (or a bare path, `:memory:`) is SQLite; `postgresql://…` / `postgres://…` is PostgreSQL. */
export function dialecteUrl(url: string): Dialecte {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgresql" : "sqlite";
}

/** The placeholder of the n-th bound parameter (1-based) in a raw statement: `?` or `$n`. */
export const marque = (d: Dialecte, n: number) => (d === "postgresql" ? `$${n}` : "?");
