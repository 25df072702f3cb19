import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decodeScenario,
  encodeScenario,
  readScenarioParam,
  scenarioHref,
  scenarioParamValue,
  SCENARIO_ENGINE_VERSION,
  type Scenario,
} from "./codec";

const value = fc.oneof(fc.string({ maxLength: 20, unit: "grapheme" }), fc.integer(), fc.boolean(), fc.constant(null));
const eventArb = fc
  .record({ type: fc.constantFrom("tick", "nodeDown", "append", "produce"), a: value, b: fc.array(value, { maxLength: 3 }) })
  .map((e) => e as { type: string } & Record<string, unknown>);
const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  engine: fc.constant(SCENARIO_ENGINE_VERSION),
  mechanism: fc.constantFrom("cluster", "compaction", "metadata"),
  profile: fc.constantFrom("kafka-2.x" as const, "kafka-4.x" as const),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  events: fc.array(eventArb, { maxLength: 20 }),
});

describe("scenario codec", () => {
  it("round-trips any scenario exactly, through URL-safe text", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const text = encodeScenario(s);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(decodeScenario(text)).toEqual({ ok: true, value: s });
      }),
    );
  });

  it("keeps Korean text in events intact", () => {
    const s: Scenario = {
      engine: SCENARIO_ENGINE_VERSION,
      mechanism: "compaction",
      profile: "kafka-4.x",
      seed: 7,
      events: [{ type: "append", key: "카프카" }],
    };
    const back = decodeScenario(encodeScenario(s));
    expect(back.ok && back.value.events[0].key).toBe("카프카");
  });

  it("refuses broken, foreign and oversized text with a Korean message and never throws", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (junk) => {
        const r = decodeScenario(junk);
        if (!r.ok) expect(r.error.message).toMatch(/^공유된 실행을 열 수 없습니다/);
      }),
    );
    expect(decodeScenario("%%%")).toMatchObject({ ok: false, error: { code: "INVALID_EVENT" } });
    expect(decodeScenario("a".repeat(20_000))).toMatchObject({ ok: false });
    const old = encodeScenario({ engine: 0, mechanism: "cluster", profile: "kafka-4.x", seed: 1, events: [] });
    expect(decodeScenario(old)).toMatchObject({ ok: false, error: { message: expect.stringContaining("다른 엔진 버전") } });
  });

  it("refuses a payload nested thousands deep with a Korean message instead of overflowing the stack", () => {
    const deep = (n: number) => Buffer.from(`{"v":${SCENARIO_ENGINE_VERSION},"m":"cluster","p":"kafka-4.x","s":1,"e":[{"type":"tick","a":${"[".repeat(n)}${"]".repeat(n)}}]}`).toString("base64url");
    expect(decodeScenario(deep(2000))).toMatchObject({ ok: false, error: { message: expect.stringContaining("너무 깊게 중첩") } });
    expect(decodeScenario(deep(3))).toMatchObject({ ok: true });
    // Brackets inside strings are text, not nesting.
    const quoted = Buffer.from(`{"v":${SCENARIO_ENGINE_VERSION},"m":"cluster","p":"kafka-4.x","s":1,"e":[{"type":"tick","a":"${"[".repeat(100)}\\"${"{".repeat(50)}"}]}`).toString("base64url");
    expect(decodeScenario(quoted)).toMatchObject({ ok: true });
  });

  it("refuses a scenario meant for another mechanism or with events the widget does not know", () => {
    const s: Scenario = {
      engine: SCENARIO_ENGINE_VERSION,
      mechanism: "cluster",
      profile: "kafka-4.x",
      seed: 1,
      events: [{ type: "nodeDown", nodeId: 1 }],
    };
    const text = encodeScenario(s);
    expect(decodeScenario(text, { mechanism: "metadata", eventTypes: ["nodeDown"] }).ok).toBe(false);
    expect(decodeScenario(text, { mechanism: "cluster", eventTypes: ["tick"] })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('"nodeDown"') },
    });
    expect(decodeScenario(text, { mechanism: "cluster", eventTypes: ["tick", "nodeDown"] }).ok).toBe(true);
  });

  it("addresses one widget per page through ?scenario=<widgetId>.<payload>", () => {
    const s: Scenario = {
      engine: SCENARIO_ENGINE_VERSION,
      mechanism: "cluster",
      profile: "kafka-2.x",
      seed: 3,
      events: [{ type: "tick", nowMs: 1000 }],
    };
    const param = scenarioParamValue("cluster-lab", s);
    expect(readScenarioParam(param, "cluster-lab")).toEqual({ ok: true, value: s });
    expect(readScenarioParam(param, "metadata-lab")).toBeNull();
    expect(readScenarioParam(null, "cluster-lab")).toBeNull();
    const href = scenarioHref("/chapters/02-brokers-and-cluster", "cluster-lab", s);
    expect(href).toBe(`/chapters/02-brokers-and-cluster?scenario=${param}#cluster-lab`);
    expect(new URL(href, "http://x").searchParams.get("scenario")).toBe(param);
  });
});
