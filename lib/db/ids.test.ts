import { describe, expect, it } from "vitest";
import { uuidv7 } from "./ids";

describe("uuidv7", () => {
  it("is a version 7, RFC 9562 variant UUID whose first 48 bits are the time in milliseconds", () => {
    const t = Date.UTC(2026, 11, 1, 12, 0, 0, 123);
    const id = uuidv7(t);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(t);
  });

  it("sorts by creation time across milliseconds and never repeats", () => {
    const ids = Array.from({ length: 1000 }, (_, i) => uuidv7(1_700_000_000_000 + i));
    expect([...ids].sort()).toEqual(ids);
    const same = Array.from({ length: 10_000 }, () => uuidv7(1_700_000_000_000));
    expect(new Set(same).size).toBe(same.length);
  });
});
