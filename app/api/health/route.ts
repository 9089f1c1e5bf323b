import { NextResponse } from "next/server";
import { db } from "@/lib/server/db";
import { appVersion } from "@/lib/server/version";

export const dynamic = "force-dynamic";

export interface HealthReport {
  status: "ok" | "degraded";
  version: string;
  database: "ok" | "error";
  uptimeSeconds: number;
}

export async function GET(): Promise<NextResponse<HealthReport>> {
  const database = await checkDatabase();
  const report: HealthReport = {
    status: database === "ok" ? "ok" : "degraded",
    version: appVersion(),
    database,
    uptimeSeconds: Math.round(process.uptime()),
  };
  return NextResponse.json(report, { status: database === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
}

async function checkDatabase(): Promise<"ok" | "error"> {
  try {
    await db().$queryRaw`SELECT 1`;
    return "ok";
  } catch {
    return "error";
  }
}
