import { Home } from "@/app/components/home/Home";
import { listNotebooks } from "@/lib/server/notebook-catalogue";

// The catalogue reads notebooks/ on every request, so a new or edited tutorial shows without a rebuild.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const tutorials = await listNotebooks();
  return (
    <>
      <section className="intro">
        <h1>Tutorials</h1>
        <p>
          Learn to write Trainium kernels in NKI, step by step. Every notebook runs on Kernel Lab&apos;s
          simulator — no Trainium hardware or AWS account needed.
        </p>
      </section>
      <Home tutorials={tutorials} />
    </>
  );
}
