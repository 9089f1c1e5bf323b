import type { Metadata } from "next";
import { preload } from "react-dom";
import { ProfileLoader } from "../../components/profile/ProfileLoader";
import { profileUrl } from "../../components/profile/load";
import { notModelled } from "../timing-notes.server";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // The browser starts downloading the document while it loads the page's scripts.
  preload(profileUrl(id), { as: "fetch", crossOrigin: "anonymous" });
  return <ProfileLoader url={profileUrl(id)} infoUrl={`${profileUrl(id)}/info`} notModelled={notModelled()} compareHref={`/profiles/compare?a=${encodeURIComponent(id)}`} />;
}
