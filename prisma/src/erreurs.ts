import { Prisma } from "../generated/prisma/client.js";

type Meta = { driverAdapterError?: { cause?: { originalMessage?: string } } } | undefined;

/**
 * The database's own text for a failed query, the same on both databases. A trigger's refusal
 * arrives as P2003 "Foreign key constraint violated" on SQLite (the adapter maps
 * SQLITE_CONSTRAINT_TRIGGER so), as P2039 "Database error. Code: P0001" on PostgreSQL, and as
 * P2010 from raw queries on both: its text is in meta.driverAdapterError.cause.originalMessage.
 * The two clients' error classes are the same runtime class (@prisma/client/runtime).
 */
export function messageBase(e: unknown): string {
  if (e instanceof Prisma.PrismaClientKnownRequestError) {
    const texte = (e.meta as Meta)?.driverAdapterError?.cause?.originalMessage;
    if (texte) return texte;
  }
  return e instanceof Error ? e.message : String(e);
}

/** Serialization failure or deadlock (PostgreSQL 40001 / 40P01): the transaction may be replayed. */
export const estConflitRejouable = (e: unknown) =>
  e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2034";
/** Unique constraint violated. */
export const estViolationUnicite = (e: unknown) =>
  e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
