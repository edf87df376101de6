#!/bin/sh
# Stand-in for Prisma's schema engine, which cannot be downloaded on offline machines.
# `prisma generate` works without it; migrations use scripts/db-migrate.ts instead.
echo "schema engine not available offline" >&2
exit 1
