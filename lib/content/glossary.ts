import { z } from "zod";

const anchorRef = z.string().regex(/^\d{2}-[a-z0-9-]+#[^\s#]+$/, "'NN-slug#anchor' 형식이어야 합니다");

/** One glossary entry: the Korean headword, the English form learners meet in logs, where it is taught. */
export const glossaryTermSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "id는 소문자 kebab-case여야 합니다"),
  term: z.string().trim().min(1),
  english: z.string().trim().min(1),
  definition: z.string().trim().min(1),
  sections: z.array(anchorRef).min(1),
});

/** `content/glossary.yaml`: the writing conventions, then the terms. */
export const glossaryFileSchema = z
  .object({
    conventions: z.array(z.object({ topic: z.string().trim().min(1), rule: z.string().trim().min(1) })).min(1),
    terms: z.array(glossaryTermSchema).min(1),
  })
  .superRefine((g, ctx) => {
    const seen = new Set<string>();
    for (const t of g.terms) {
      if (seen.has(t.id)) ctx.addIssue({ code: "custom", message: `용어 id '${t.id}'가 중복됩니다` });
      seen.add(t.id);
    }
  });

export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;
export type GlossaryFile = z.infer<typeof glossaryFileSchema>;

/** Parses and validates the glossary file's YAML text (throws a message naming the broken field). */
export function parseGlossary(data: unknown): GlossaryFile {
  const r = glossaryFileSchema.safeParse(data);
  if (!r.success) throw new Error(`content/glossary.yaml: ${r.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  return r.data;
}
