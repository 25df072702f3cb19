import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { cache } from "react";
import { parse } from "yaml";
import { parseGlossary, type GlossaryFile } from "./glossary";

export const GLOSSARY_FILE = path.join(process.cwd(), "content", "glossary.yaml");

/** The validated glossary, read once per build. */
export const loadGlossary = cache(async (): Promise<GlossaryFile> => parseGlossary(parse(await readFile(GLOSSARY_FILE, "utf8"))));
