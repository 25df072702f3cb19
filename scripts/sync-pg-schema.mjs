// Derives prisma/postgres/schema.prisma from prisma/schema.prisma (the hand-edited source).
// Prisma needs a literal provider per schema file, so the PostgreSQL variant is generated.
import { readFileSync, writeFileSync } from "node:fs";

const src = readFileSync("prisma/schema.prisma", "utf8");
const out = src
  .replace(/^\/\/ Source of truth[^\n]*\n\/\/[^\n]*\n/m, "")
  .replace('provider = "sqlite"', 'provider = "postgresql"')
  .replace('url      = "file:./dev.db"', 'url      = "postgresql://unused"')
  .replace('output     = "../generated/sqlite"', 'output     = "../../generated/postgres"');
const header = "// GENERATED from prisma/schema.prisma by scripts/sync-pg-schema.mjs. Do not edit.\n\n";
writeFileSync("prisma/postgres/schema.prisma", header + out);
console.log("prisma/postgres/schema.prisma written");
