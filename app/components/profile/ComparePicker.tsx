"use client";

import { useEffect, useState } from "react";
import { formatNs } from "./timeline/ruler";
import styles from "./profile.module.css";

interface Listing {
  readonly id: string;
  readonly path: string | null;
  readonly kernelName: string | null;
  readonly target: string;
  readonly createdAt: string;
  readonly totalNs: number;
}

function label(p: Listing): string {
  const when = new Date(p.createdAt).toLocaleString();
  return `${p.kernelName ?? "kernel"} on ${p.target} · ${formatNs(p.totalNs)} · ${p.path ?? "deleted notebook"} · ${when}`;
}

/** Pick two of the user's stored profiles (newest first) to compare; `a` preselects the first. */
export function ComparePicker({ a }: { a: string }) {
  const [profiles, setProfiles] = useState<readonly Listing[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let cancelled = false;
    fetch("/api/lab/profiles", { credentials: "same-origin" })
      .then((r) => (r.ok ? (r.json() as Promise<{ profiles: Listing[] }>) : Promise.reject(new Error(String(r.status)))))
      .then(
        (body) => !cancelled && setProfiles(body.profiles),
        () => !cancelled && setFailed(true),
      );
    return () => {
      cancelled = true;
    };
  }, []);
  const second = profiles?.find((p) => p.id !== a)?.id ?? "";
  return (
    <form className={styles.pickForm} method="get" action="/profiles/compare">
      <h1>Compare two profiles</h1>
      <p className={styles.muted}>For example the same kernel on trn2 and trn3, or before and after an optimisation. B is compared against A.</p>
      {profiles && profiles.length >= 2 ? (
        <>
          <label>
            Profile A{" "}
            <select name="a" defaultValue={a || profiles[0].id}>
              {profiles.map((p) => (
                <option key={p.id} value={p.id}>
                  {label(p)}
                </option>
              ))}
            </select>
          </label>
          <label>
            Profile B{" "}
            <select name="b" defaultValue={a ? second : profiles[1].id}>
              {profiles.map((p) => (
                <option key={p.id} value={p.id}>
                  {label(p)}
                </option>
              ))}
            </select>
          </label>
        </>
      ) : (
        <>
          {profiles && <p>You have {profiles.length === 0 ? "no stored profiles" : "one stored profile"} yet: run a kernel under kernel_lab.profile or nki.benchmark in a notebook.</p>}
          {(failed || profiles === null) && (
            <>
              <label>
                Profile A <input name="a" defaultValue={a} required />
              </label>
              <label>
                Profile B <input name="b" required />
              </label>
            </>
          )}
        </>
      )}
      <button type="submit" className={styles.button}>
        Compare
      </button>
    </form>
  );
}
