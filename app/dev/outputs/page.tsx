import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CellOutputs } from "../../components/outputs/CellOutputs";
import { OUTPUT_FIXTURES } from "./fixtures/outputs";
import styles from "./page.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Output gallery (development)" };

/** Development preview of every output kind; absent in production unless KERNEL_LAB_DEV_PAGES=1. */
export default function OutputsPreviewPage() {
  if (process.env.NODE_ENV === "production" && process.env.KERNEL_LAB_DEV_PAGES !== "1") notFound();
  return (
    <article className={styles.gallery}>
      <h1>Output gallery</h1>
      <p className={styles.note}>Every output kind the workbench renders, from fixtures. Development only.</p>
      {OUTPUT_FIXTURES.map((f) => (
        <section key={f.id} className={styles.fixture} aria-labelledby={`fixture-${f.id}`} data-fixture={f.id}>
          <h2 id={`fixture-${f.id}`} className={styles.title}>{f.title}</h2>
          <div className={styles.cell}>
            <CellOutputs outputs={f.outputs} executionCount={f.executionCount ?? null} />
          </div>
        </section>
      ))}
    </article>
  );
}
