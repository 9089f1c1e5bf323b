import { createPrismaClient } from "../lib/server/db";
import { LOCAL_USER } from "../lib/server/local-user";

// Seeds what the app needs to run: the single local user that owns notebooks until accounts arrive.
// Idempotent, so `npm start` can run it every time.
async function main(): Promise<void> {
  const prisma = createPrismaClient();
  try {
    await prisma.user.upsert({
      where: { email: LOCAL_USER.email },
      update: {},
      create: { email: LOCAL_USER.email, displayName: LOCAL_USER.displayName },
    });
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error("seed failed:", error);
  process.exit(1);
});
