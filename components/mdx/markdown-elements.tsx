import { headingId, textOf } from "@/lib/content/slug";

/** `##` in a chapter: gets the same anchor id the table of contents links to. */
export function H2({ children }: { children?: React.ReactNode }) {
  const id = headingId(textOf(children));
  return (
    <h2 id={id} className="group">
      {children}
      <a
        href={`#${id}`}
        className="ml-2 text-slate-400 no-underline opacity-0 group-hover:opacity-100 focus:opacity-100"
        aria-label="이 절의 링크"
      >
        #
      </a>
    </h2>
  );
}

/** `###` in a chapter, with an anchor id. */
export function H3({ children }: { children?: React.ReactNode }) {
  return <h3 id={headingId(textOf(children))}>{children}</h3>;
}

/** Wide tables scroll sideways on phones instead of breaking the layout. */
export function Table(props: React.ComponentProps<"table">) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="표">
      <table {...props} />
    </div>
  );
}

/** Code blocks can scroll sideways; keyboard users must be able to focus them to scroll. */
export function Pre(props: React.ComponentProps<"pre">) {
  return <pre tabIndex={0} {...props} />;
}
