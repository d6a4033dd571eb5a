/**
 * Creates the demo coalition (prisma/seed.ts) in the configured database. Run as a script of its
 * own by server/setup.ts, on an empty database with DEMO_DATA on (`npm start`, `npm run db:seed`),
 * so that the server never imports the demo data (docs/ARCHITECTURE.md, "Layers").
 */
import { prisma } from "../app/models/core/db.server";
import { seedDemoData } from "./seed";

await seedDemoData(prisma);
await prisma.$disconnect();
