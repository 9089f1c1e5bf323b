import type { Metadata } from "next";
import { ProfileList } from "../components/profile-list/ProfileList";

export const metadata: Metadata = { title: "Profiles" };

/** `/profiles?path=<notebook>` lists one notebook's profiles; without `path`, all of the user's. */
export default async function ProfilesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).path;
  const path = (Array.isArray(raw) ? raw[0] : raw) || null;
  return <ProfileList key={path ?? ""} path={path} />;
}
