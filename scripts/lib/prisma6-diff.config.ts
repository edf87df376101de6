// Config for Prisma 6's WebAssembly schema engine, used only to turn schema.prisma changes into SQL
// (`migrate diff` between two schema files) on machines that cannot download Prisma 7's engine.
// See STACK.md / README "Migrations". An in-memory PGlite satisfies the adapter requirement.
import { defineConfig } from "prisma6/config";
import { PrismaPGlite } from "pglite-prisma-adapter6";
import { PGlite } from "@electric-sql/pglite";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaPGlite(new PGlite()),
} as unknown as Parameters<typeof defineConfig>[0]);
