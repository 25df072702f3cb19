import { describe, expect, it } from "vitest";
import { makeCases, rng, type FuzzContext } from "./fuzz-cases.mts";
import { exportedMethods, listRoutes } from "./fuzz-routes.mts";

const ctx: FuzzContext = {
  origin: "http://127.0.0.1:1",
  slugs: ["01-a"],
  questionIds: ["q1"],
  cookies: { valid: "v=1", deletedUser: "d=1", expired: "e=1", forged: "f=1", garbage: "g", huge: "h", none: "" },
};

describe("fuzz route discovery", () => {
  it("reads the methods a route module exports in each form Next accepts", () => {
    expect(exportedMethods("export async function POST() {}\nexport function GET() {}")).toEqual(["GET", "POST"]);
    expect(exportedMethods("export { handle as GET, handle as POST };")).toEqual(["GET", "POST"]);
    expect(exportedMethods("export const PUT = h; export const dynamic = 'force-dynamic';")).toEqual(["PUT"]);
  });

  it("finds every route handler of the app with at least one method, and its pages", () => {
    const routes = listRoutes();
    expect(routes.filter((r) => r.kind === "route" && r.methods.length === 0)).toEqual([]);
    expect(routes.map((r) => r.pattern)).toEqual(expect.arrayContaining(["/", "/chapters/[slug]", "/api/quizzes/[slug]/attempts"]));
    // Class quizzes: the builder's routes, the learner's start and submit, and their pages.
    expect(routes.filter((r) => r.pattern.includes("quizzes") || r.pattern.startsWith("/q") || r.pattern.startsWith("/api/q")).map((r) => `${r.kind} ${r.pattern} ${r.methods}`)).toEqual(
      expect.arrayContaining([
        "route /api/instructor/quizzes GET,POST",
        "route /api/instructor/quizzes/[id] GET,PUT",
        "route /api/instructor/quizzes/[id]/status POST",
        "route /api/instructor/quizzes/[id]/grades GET",
        "route /api/q/[code]/start POST",
        "route /api/q/[code]/submit POST",
        "page /instructor/quizzes GET",
        "page /q/[code] GET",
        "page /q/[code]/attempts/[attemptId] GET",
      ]),
    );
  });
});

describe("fuzz cases", () => {
  it("are the same for the same seed and differ for another", () => {
    const routes = listRoutes();
    const strip = (seed: number) => makeCases(routes, ctx, seed, 300).map((c) => ({ ...c, body: c.body?.toString("base64") }));
    expect(strip(7)).toEqual(strip(7));
    expect(strip(7)).not.toEqual(strip(8));
  });

  it("put only characters a request line may carry in the path", () => {
    for (const c of makeCases(listRoutes(), ctx, 3, 2000)) expect(c.path).toMatch(/^[\x21-\x7e]+$/);
  });

  it("draw numbers in [0, 1) from the seeded generator", () => {
    const r = rng(42);
    const xs = Array.from({ length: 1000 }, r.next);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });
});
