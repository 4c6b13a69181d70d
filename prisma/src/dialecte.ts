export type Dialecte = "sqlite" | "postgresql";

/** `file:…` (or a bare path, `:memory:`) is SQLite; `postgresql://…` / `postgres://…` is PostgreSQL. */
export function dialecteUrl(url: string): Dialecte {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgresql" : "sqlite";
}
