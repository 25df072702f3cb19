import Link from "next/link";

/** A Kafka term in a chapter, linked to its glossary entry (`id` must exist in content/glossary.yaml). */
export function Term({ id, children }: { id: string; children: React.ReactNode }) {
  return (
    <Link
      href={`/glossary#${id}`}
      className="underline decoration-sky-600/50 decoration-dotted underline-offset-4 hover:decoration-solid print:no-underline"
    >
      {children}
    </Link>
  );
}
