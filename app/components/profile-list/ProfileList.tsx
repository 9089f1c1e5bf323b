"use client";

import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { formatNs } from "../profile/timeline/ruler";
import styles from "./profile-list.module.css";

interface Listing {
  readonly id: string;
  readonly path: string | null;
  readonly kernelName: string | null;
  readonly target: string;
  readonly cellId: string | null;
  readonly createdAt: string;
  readonly totalNs: number;
}

type State = { kind: "loading" } | { kind: "error"; message: string } | { kind: "ready"; profiles: readonly Listing[] };

async function errorMessage(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { message?: string } | null;
  return body?.message ?? `The server answered ${response.status}.`;
}

/** The profiles of one notebook (or all of the user's): open, compare two, delete. */
export function ProfileList({ path }: { path: string | null }) {
  const [state, setState] = useState<State>({ kind: "loading" });
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    const response = await fetch(path ? `/api/lab/profiles?path=${encodeURIComponent(path)}` : "/api/lab/profiles", { credentials: "same-origin" });
    if (!response.ok) return setState({ kind: "error", message: await errorMessage(response) });
    setState({ kind: "ready", profiles: ((await response.json()) as { profiles: Listing[] }).profiles });
  }, [path]);

  useEffect(() => {
    load().catch((e: unknown) => setState({ kind: "error", message: e instanceof Error ? e.message : String(e) }));
  }, [load]);

  const remove = async (p: Listing) => {
    if (!window.confirm(`Delete the profile of ${p.kernelName ?? "this kernel"} on ${p.target}? This cannot be undone.`)) return;
    const response = await fetch(`/api/lab/profiles/${encodeURIComponent(p.id)}`, { method: "DELETE", credentials: "same-origin" });
    if (!response.ok && response.status !== 404) return setNotice(await errorMessage(response));
    setChosen((c) => c.filter((id) => id !== p.id));
    setNotice(`Deleted the profile of ${p.kernelName ?? "kernel"} on ${p.target}.`);
    await load();
  };

  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c.slice(-1), id]));

  const heading = path ? `Profiles of ${path}` : "Your profiles";
  return (
    <section className={styles.page} aria-labelledby="profiles-heading">
      <h1 id="profiles-heading">{heading}</h1>
      <p className={styles.muted}>
        A profile is stored each time a cell runs a kernel under <code>nki.benchmark</code>, <code>nki.profile</code> or{" "}
        <code>kernel_lab.profile</code>. Pick two to compare them.
      </p>
      <p role="status" className={styles.notice}>
        {notice}
      </p>
      {state.kind === "loading" && <p className={styles.muted}>Loading profiles…</p>}
      {state.kind === "error" && <p role="alert" className={styles.error}>{state.message}</p>}
      {state.kind === "ready" && state.profiles.length === 0 && <p className={styles.muted}>No profiles yet.</p>}
      {state.kind === "ready" && state.profiles.length > 0 && (
        <>
          <div className={styles.actions}>
            {chosen.length === 2 ? (
              <Link className={styles.button} href={`/profiles/compare?a=${encodeURIComponent(chosen[0])}&b=${encodeURIComponent(chosen[1])}`}>
                Compare the two selected
              </Link>
            ) : (
              <span className={styles.muted}>Select two profiles to compare ({chosen.length} selected).</span>
            )}
          </div>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Compare</th>
                <th scope="col">Kernel</th>
                <th scope="col">Target</th>
                <th scope="col" className={styles.number}>Time</th>
                {!path && <th scope="col">Notebook</th>}
                <th scope="col">Recorded</th>
                <th scope="col">
                  <span className={styles.visuallyHidden}>Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {state.profiles.map((p) => {
                const name = `${p.kernelName ?? "kernel"} on ${p.target}, ${new Date(p.createdAt).toLocaleString()}`;
                return (
                  <tr key={p.id}>
                    <td>
                      <input type="checkbox" aria-label={`Select ${name} for comparison`} checked={chosen.includes(p.id)} onChange={() => toggle(p.id)} />
                    </td>
                    <td>
                      <Link href={`/profiles/${encodeURIComponent(p.id)}`}>{p.kernelName ?? "kernel"}</Link>
                    </td>
                    <td>{p.target}</td>
                    <td className={styles.number}>{formatNs(p.totalNs)}</td>
                    {!path && <td>{p.path ? <Link href={`/edit/${p.path.split("/").map(encodeURIComponent).join("/")}`}>{p.path}</Link> : <span className={styles.muted}>deleted</span>}</td>}
                    <td>
                      <time dateTime={p.createdAt}>{new Date(p.createdAt).toLocaleString()}</time>
                    </td>
                    <td>
                      <button type="button" className={styles.danger} aria-label={`Delete the profile of ${name}`} onClick={() => void remove(p)}>
                        Delete
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
