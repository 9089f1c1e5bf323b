import { notFound } from "next/navigation";
import { ProfileLoader } from "../../components/profile/ProfileLoader";
import { ComparisonLoader } from "../../components/profile/ComparisonView";
import { notModelled } from "../../profiles/timing-notes.server";
import { devPagesEnabled } from "./dev-pages";

// Decided per request: KERNEL_LAB_DEV_PAGES is read at run time, not at build time.
export const dynamic = "force-dynamic";

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/**
 * Dev page: the profile viewer on a real simulated kernel's profile, without storage.
 * `?shape=small|medium|large&target=trn1|trn2|trn3`, `&compare=trn3` for the comparison view.
 */
export default async function DevProfilePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (!devPagesEnabled()) notFound();
  const q = await searchParams;
  const shape = one(q.shape) || "small";
  const target = one(q.target) || "trn2";
  const fixture = (t: string) => `/dev/profile/fixture?shape=${encodeURIComponent(shape)}&target=${encodeURIComponent(t)}`;
  const compare = one(q.compare);
  if (compare) return <ComparisonLoader urls={[fixture(target), fixture(compare)]} />;
  return <ProfileLoader url={fixture(target)} notModelled={notModelled()} />;
}
