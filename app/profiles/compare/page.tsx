import type { Metadata } from "next";
import { ComparisonLoader } from "../../components/profile/ComparisonView";
import { profileUrl } from "../../components/profile/load";
import styles from "../../components/profile/profile.module.css";

export const metadata: Metadata = { title: "Compare profiles" };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function ComparePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const q = await searchParams;
  const a = one(q.a);
  const b = one(q.b);
  if (a && b) return <ComparisonLoader urls={[profileUrl(a), profileUrl(b)]} />;
  return (
    <form className={styles.pickForm} method="get" action="/profiles/compare">
      <h1>Compare two profiles</h1>
      <p className={styles.muted}>Paste the ids of two profiles (the last part of their /profiles/… address), e.g. the same kernel on trn2 and trn3, or before and after an optimisation.</p>
      <label>
        Profile A <input name="a" defaultValue={a} required />
      </label>
      <label>
        Profile B <input name="b" defaultValue={b} required />
      </label>
      <button type="submit" className={styles.button}>
        Compare
      </button>
    </form>
  );
}
