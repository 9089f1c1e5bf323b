import Link from "next/link";
import { listNotebooks } from "@/lib/server/notebook-catalogue";

// The catalogue reads notebooks/ on every request, so a new or edited tutorial shows without a rebuild.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const notebooks = await listNotebooks();
  return (
    <>
      <section className="intro">
        <h1>Tutorials</h1>
        <p>
          Learn to write Trainium kernels in NKI, step by step. Every notebook runs on Kernel Lab&apos;s
          simulator — no Trainium hardware or AWS account needed.
        </p>
      </section>
      {notebooks.length === 0 ? (
        <p className="empty">No notebooks found in the notebooks folder.</p>
      ) : (
        <ul className="catalogue" aria-label="Tutorial notebooks">
          {notebooks.map((nb) => (
            <li key={nb.path} className={nb.ok ? "card" : "card card-broken"}>
              {nb.ok ? (
                <Link href={`/notebooks/${encodeURIComponent(nb.path)}`} className="card-link">
                  <h2>{nb.title}</h2>
                  {nb.description && <p className="summary">{nb.description}</p>}
                  <span className="meta">
                    {[nb.difficulty, nb.estimatedMinutes && `${nb.estimatedMinutes} min`, `${nb.cellCount} cells`]
                      .filter(Boolean)
                      .join(" · ")}
                  </span>
                </Link>
              ) : (
                <div className="card-link">
                  <h2>
                    {nb.title} <span className="badge badge-error">invalid notebook</span>
                  </h2>
                  <p className="error-reason">
                    <code>{nb.path}</code>: {nb.error}
                  </p>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
