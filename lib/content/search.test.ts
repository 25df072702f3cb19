import { describe, expect, it } from "vitest";
import { readCorpus, readGlossary } from "./corpus";
import { buildSearchIndex, searchIndex } from "./search";

const index = buildSearchIndex(readCorpus(), readGlossary());
const hrefs = (q: string) => searchIndex(index, q).map((h) => h.doc.href);

describe("course search", () => {
  it("finds a noun inside its particle-suffixed form (파티션 in 파티션을)", () => {
    const hits = searchIndex(index, "파티션");
    expect(hits.length).toBeGreaterThan(10);
    expect(hits.some((h) => h.doc.text.includes("파티션을"))).toBe(true);
  });
  it("finds a config by its full dotted name, led by the section that teaches it", () => {
    expect(hrefs("min.insync.replicas")[0]).toMatch(/^\/chapters\/04-replication-isr#/);
    expect(hrefs("min.insync.replicas").length).toBeGreaterThan(3);
  });
  it("finds error names with underscores", () => {
    const hits = hrefs("NOT_LEADER_OR_FOLLOWER");
    expect(hits).toContain("/chapters/06-records-and-metadata#리더가-바뀌면-not_leader_or_follower");
  });
  it("ignores case and requires every word", () => {
    expect(hrefs("isr")).toEqual(hrefs("ISR"));
    expect(hrefs("파티션 zzzz-nothing")).toEqual([]);
  });
  it("includes glossary entries", () => expect(hrefs("LSO")).toContain("/glossary#lso"));
  it("highlights the matched text in the snippet", () => {
    const [hit] = searchIndex(index, "by_duration");
    expect(hit.snippet.match.toLowerCase()).toBe("by_duration");
  });
  it("never indexes the widget placeholder comment", () => expect(hrefs("DeliveryLab")).toEqual([]));
  it("stays small enough for a phone (under 400 KB before compression)", () =>
    expect(JSON.stringify(index).length).toBeLessThan(400_000));
});
