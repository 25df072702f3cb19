function Anchored({ as: Tag, id, children }: { as: "h2" | "h3"; id?: string; children?: React.ReactNode }) {
  return (
    <Tag id={id} className="group">
      {children}
      <a
        href={`#${id}`}
        className="ml-2 text-slate-400 no-underline opacity-0 group-hover:opacity-100 focus:opacity-100 print:hidden"
        aria-label="이 절의 링크"
      >
        #
      </a>
    </Tag>
  );
}

/** `##` in a chapter: its id comes from the compiler's heading collector, like the TOC's links. */
export function H2(props: { children?: React.ReactNode; id?: string }) {
  return <Anchored as="h2" {...props} />;
}

/** `###` in a chapter, anchored the same way. */
export function H3(props: { children?: React.ReactNode; id?: string }) {
  return <Anchored as="h3" {...props} />;
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
