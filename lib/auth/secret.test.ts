import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "../env-schema";
import { resolveAuthSecret } from "./secret";

const tmp = () => mkdtempSync(path.join(os.tmpdir(), "secret-"));

describe("auth secret", () => {
  it("creates a 32-byte secret file on first start and keeps using it", () => {
    const dir = tmp();
    const first = resolveAuthSecret({ AUTH_SECRET: undefined, AUTH_SECRET_FILE: ".auth-secret" }, dir);
    expect(Buffer.from(first, "base64url").length).toBe(32);
    expect(readFileSync(path.join(dir, ".auth-secret"), "utf8").trim()).toBe(first);
    expect(statSync(path.join(dir, ".auth-secret")).mode & 0o777).toBe(0o600);
    expect(resolveAuthSecret({ AUTH_SECRET: undefined, AUTH_SECRET_FILE: ".auth-secret" }, dir)).toBe(first);
  });

  it("lets AUTH_SECRET from the environment win over the file", () => {
    const dir = tmp();
    writeFileSync(path.join(dir, ".auth-secret"), "x".repeat(40));
    const fromEnv = "e".repeat(32);
    expect(resolveAuthSecret({ AUTH_SECRET: fromEnv, AUTH_SECRET_FILE: ".auth-secret" }, dir)).toBe(fromEnv);
  });

  it("refuses an AUTH_SECRET shorter than 32 bytes with a clear message", () => {
    expect(() => parseEnv({ AUTH_SECRET: "too-short" })).toThrow(/AUTH_SECRET은 최소 32바이트여야 합니다/);
    expect(parseEnv({ AUTH_SECRET: "한".repeat(11) }).AUTH_SECRET).toBe("한".repeat(11)); // 33 UTF-8 bytes
  });

  it("accepts SQLite and PostgreSQL URLs and refuses anything else", () => {
    expect(parseEnv({}).DATABASE_URL).toBe("file:./dev.db");
    expect(parseEnv({ DATABASE_URL: "postgresql://u@h/db" }).DATABASE_URL).toBe("postgresql://u@h/db");
    expect(() => parseEnv({ DATABASE_URL: "mysql://u@h/db" })).toThrow(/DATABASE_URL/);
  });
});
