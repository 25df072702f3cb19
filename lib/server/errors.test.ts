import { describe, expect, it } from "vitest";
import { z } from "zod";
import { firstIssue } from "./errors";

const schema = z.strictObject({ answers: z.record(z.string(), z.unknown(), { error: "answers 객체가 필요합니다." }), n: z.number().optional() });
const issue = (v: unknown) => firstIssue(schema.safeParse(v).error!);

describe("firstIssue", () => {
  it("keeps a schema's own Korean message", () => expect(issue({ answers: "a" })).toBe("answers 객체가 필요합니다."));
  it("names an unknown field of a strict object in Korean", () => expect(issue({ answers: {}, extra: 1 })).toBe("알 수 없는 필드입니다: extra"));
  it("puts zod's own English wording in Korean, with the field's path", () =>
    expect(issue({ answers: {}, n: "x" })).toBe("n: 입력값의 형식이 올바르지 않습니다."));
});
