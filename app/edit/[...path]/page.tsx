import type { Metadata } from "next";
import { NotebookEditor } from "../../components/notebook/NotebookEditor";

interface PageProps {
  params: Promise<{ path: string[] }>;
}

function notebookPath(segments: string[]): string {
  return segments.map((s) => decodeURIComponent(s)).join("/");
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const path = notebookPath((await params).path);
  return { title: path.slice(path.lastIndexOf("/") + 1).replace(/\.ipynb$/, "") };
}

export default async function EditPage({ params }: PageProps) {
  const path = notebookPath((await params).path);
  // Keyed by path so opening another notebook starts from a fresh editor (kernel, autosave, drafts).
  return (
    <div data-layout="wide">
      <NotebookEditor key={path} path={path} />
    </div>
  );
}
