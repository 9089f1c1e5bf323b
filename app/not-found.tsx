import Link from "next/link";

export default function NotFound() {
  return (
    <section className="not-found">
      <h1>Not found</h1>
      <p>There is no notebook or page at this address.</p>
      <p><Link href="/">Back to the tutorials</Link></p>
    </section>
  );
}
