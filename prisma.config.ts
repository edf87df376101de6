// Prisma 7 CLI configuration. The app itself never reads this: lib/db/client.ts builds the client
// with a driver adapter (PostgreSQL through `pg`, or embedded PGlite).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unused" },
});
