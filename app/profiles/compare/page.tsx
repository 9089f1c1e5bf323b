import type { Metadata } from "next";
import { ComparisonLoader } from "../../components/profile/ComparisonView";
import { profileUrl } from "../../components/profile/load";
import { ComparePicker } from "../../components/profile/ComparePicker";

export const metadata: Metadata = { title: "Compare profiles" };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function ComparePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const q = await searchParams;
  const a = one(q.a);
  const b = one(q.b);
  if (a && b) return <ComparisonLoader urls={[profileUrl(a), profileUrl(b)]} />;
  return <ComparePicker a={a} />;
}
