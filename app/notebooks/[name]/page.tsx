import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cellSource, type CellOutput } from "@/lib/notebook/nbformat";
import { highlightPython, renderMarkdown } from "@/lib/notebook/render-markdown";
import { summarizeNotebook } from "@/lib/notebook/summary";
import { OpenTutorialButton } from "@/app/components/home/OpenTutorialButton";
import { loadNotebook } from "@/lib/server/notebook-catalogue";
import styles from "./preview.module.css";

export const dynamic = "force-dynamic";

interface PageProps {
  params: Promise<{ name: string }>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const { name } = await params;
  const loaded = await loadNotebook(decodeURIComponent(name));
  return { title: loaded.kind === "ok" ? summarizeNotebook(loaded.notebook, name).title : "Notebook" };
}

export default async function NotebookPage({ params }: PageProps) {
  const name = decodeURIComponent((await params).name);
  const loaded = await loadNotebook(name);
  if (loaded.kind === "missing") notFound();
  if (loaded.kind === "invalid") {
    return (
      <article className="notebook">
        <p className="back"><Link href="/">← All tutorials</Link></p>
        <h1>{name}</h1>
        <p className="error-reason" role="alert">
          <span className="badge badge-error">invalid notebook</span> {loaded.error}
        </p>
      </article>
    );
  }
  return (
    <article className="notebook">
      <div className={styles.toolbar}>
        <p className="back"><Link href="/">← All tutorials</Link></p>
        <span className={styles.readOnly}>Read-only preview: open your copy to edit and run it.</span>
        <OpenTutorialButton tutorial={name} title={summarizeNotebook(loaded.notebook, name).title} label="Open my copy" primary />
      </div>
      {loaded.notebook.cells.map((c, index) => {
        const key = c.id ?? String(index);
        const source = cellSource(c);
        if (c.cell_type === "markdown") {
          return <section key={key} className="cell cell-markdown" dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }} />;
        }
        if (c.cell_type === "raw") {
          return <pre key={key} className="cell cell-raw">{source}</pre>;
        }
        return (
          <section key={key} className="cell cell-code" aria-label={`Code cell ${index + 1}`}>
            <div className="prompt">In [{c.execution_count ?? " "}]:</div>
            <pre className="source hljs">
              <code className="language-python" dangerouslySetInnerHTML={{ __html: highlightPython(source) }} />
            </pre>
            {c.outputs.map((o, i) => <OutputView key={i} output={o} />)}
          </section>
        );
      })}
    </article>
  );
}

/** Read-only rendering of stored outputs: text forms only until the workbench renders rich MIME types. */
function OutputView({ output }: { output: CellOutput }) {
  switch (output.output_type) {
    case "stream":
      return <pre className={`output output-${output.name}`}>{joinText(output.text)}</pre>;
    case "error":
      return <pre className="output output-stderr">{`${output.ename}: ${output.evalue}`}</pre>;
    case "display_data":
    case "execute_result": {
      const text = output.data["text/plain"];
      return typeof text === "string" || Array.isArray(text) ? <pre className="output">{joinText(text)}</pre> : null;
    }
  }
}

function joinText(text: unknown): string {
  return Array.isArray(text) ? text.join("") : String(text);
}
