import path from "node:path";

/**
 * A file from the course's shared fixtures (Moodle's GIFT examples and statistics fixture), which sit
 * in `shared/fixtures/` beside the repository rather than inside it.
 */
export function sharedFixture(name: string): string {
  return path.resolve(import.meta.dirname, "..", "..", "..", "shared", "fixtures", name);
}
