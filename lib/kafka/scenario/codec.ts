/**
 * The one URL-safe form of a simulation run: `(engine version, mechanism, profile, seed, events)`.
 * Encoded once (JSON → UTF-8 → base64url), decoded and validated once (zod), so a shared link, an
 * assessment question and a bug report all replay exactly the same run. Errors are Korean.
 */
import { z } from "zod";
import { fail, ok, type Result } from "../core/errors";
import type { ProfileId } from "../core/profile";

/** Bumped whenever a reducer's meaning changes, so an old link is refused instead of replayed wrongly. */
// v2: replication and cluster keep eligible leader replicas (KIP-966) in the 4.x profile.
export const SCENARIO_ENGINE_VERSION = 2;
/** Query parameter that carries `<widgetId>.<payload>`. */
export const SCENARIO_PARAM = "scenario";
/** Longest payload accepted (a few hundred events); longer text is refused before decoding. */
export const MAX_SCENARIO_CHARS = 16_000;
/** Most events a scenario may hold. */
export const MAX_SCENARIO_EVENTS = 2_000;

/** A replayable run. `events` are the reducer's own events, in order. */
export interface Scenario<E = ScenarioEvent> {
  engine: number;
  mechanism: string;
  profile: ProfileId;
  seed: number;
  events: E[];
}

/** Any engine event: a plain JSON object with a `type`. */
export type ScenarioEvent = { type: string } & Record<string, unknown>;

const json: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string().max(2_000), z.number(), z.boolean(), z.null(), z.array(json).max(200), z.record(z.string().max(60), json)]),
);

const eventSchema = z
  .record(z.string().max(60), json)
  .refine((e) => typeof e.type === "string" && e.type.length > 0 && e.type.length <= 40, { message: "type" });

const scenarioSchema = z.strictObject({
  v: z.number().int(),
  m: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
  p: z.enum(["kafka-2.x", "kafka-4.x"]),
  s: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1),
  e: z.array(eventSchema).max(MAX_SCENARIO_EVENTS),
});

const WIDGET_ID = /^[a-z][a-z0-9-]{0,39}$/;

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const bin = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4));
    return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

/** Encodes a scenario as URL-safe text (no padding, no characters that need escaping). */
export function encodeScenario(scenario: Scenario<object>): string {
  const { engine, mechanism, profile, seed, events } = scenario;
  return toBase64Url(JSON.stringify({ v: engine, m: mechanism, p: profile, s: seed, e: events }));
}

/** What a widget expects of a scenario it is asked to replay. */
export interface ScenarioExpectation {
  mechanism: string;
  /** Event types the widget's reducer accepts; anything else is refused before replay. */
  eventTypes: readonly string[];
}

// A real run nests a few levels (scenario → events → event → fields); validating a payload nested
// thousands deep would overflow the stack, so depth is checked on the text before anything recurses.
const MAX_NESTING = 16;

/** The deepest `[`/`{` nesting of a JSON text, ignoring brackets inside strings (no recursion). */
function nestingDepth(json: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "[" || c === "{") max = Math.max(max, ++depth);
    else if (c === "]" || c === "}") depth--;
  }
  return max;
}

/** Decodes and validates a scenario; never throws. */
export function decodeScenario(text: string, expect?: ScenarioExpectation): Result<Scenario> {
  const bad = (why: string) => fail<Scenario>("INVALID_EVENT", `공유된 실행을 열 수 없습니다: ${why}`);
  if (typeof text !== "string" || text.length === 0) return bad("시나리오가 비어 있습니다.");
  if (text.length > MAX_SCENARIO_CHARS) return bad(`시나리오가 너무 깁니다 (${MAX_SCENARIO_CHARS}자까지).`);
  const raw = fromBase64Url(text);
  if (raw === null) return bad("주소의 시나리오 부분이 깨졌습니다 (base64url이 아닙니다).");
  if (nestingDepth(raw) > MAX_NESTING) return bad(`시나리오가 너무 깊게 중첩되어 있습니다 (${MAX_NESTING}단계까지).`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return bad("시나리오 내용이 JSON이 아닙니다.");
  }
  const checked = scenarioSchema.safeParse(parsed);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return bad(`시나리오 형식이 맞지 않습니다 (${issue.path.join(".") || "전체"}).`);
  }
  const { v, m, p, s, e } = checked.data;
  if (v !== SCENARIO_ENGINE_VERSION)
    return bad(`다른 엔진 버전(v${v})에서 만든 실행입니다. 지금 엔진은 v${SCENARIO_ENGINE_VERSION}입니다.`);
  if (expect && m !== expect.mechanism) return bad(`이 실습(${expect.mechanism})의 시나리오가 아닙니다 (${m}).`);
  if (expect) {
    const unknown = e.find((ev) => !expect.eventTypes.includes(String(ev.type)));
    if (unknown) return bad(`이 실습이 모르는 이벤트가 있습니다: "${String(unknown.type)}".`);
  }
  return ok({ engine: v, mechanism: m, profile: p, seed: s, events: e as ScenarioEvent[] });
}

/** The `?scenario=` value for one widget on a page: `<widgetId>.<payload>`. */
export function scenarioParamValue(widgetId: string, scenario: Scenario<object>): string {
  return `${widgetId}.${encodeScenario(scenario)}`;
}

/**
 * Reads a `?scenario=` value: null when it belongs to another widget (or is absent), otherwise the
 * decoded scenario or a Korean error.
 */
export function readScenarioParam(value: string | null, widgetId: string, expect?: ScenarioExpectation): Result<Scenario> | null {
  if (!value || !WIDGET_ID.test(widgetId)) return null;
  const dot = value.indexOf(".");
  if (dot < 0 || value.slice(0, dot) !== widgetId) return null;
  return decodeScenario(value.slice(dot + 1), expect);
}

/** A link that opens `path` (e.g. `/chapters/02-brokers-and-cluster`) with the run loaded in the widget. */
export function scenarioHref(path: string, widgetId: string, scenario: Scenario<object>): string {
  return `${path}?${SCENARIO_PARAM}=${scenarioParamValue(widgetId, scenario)}#${widgetId}`;
}
