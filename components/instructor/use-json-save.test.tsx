import { act, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useJsonSave } from "./use-json-save";

const fetchMock = vi.fn();
beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("saving an instructor form", () => {
  it("sends the body as JSON and hands back the saved answer, clearing earlier field errors", async () => {
    fetchMock.mockResolvedValueOnce(json(422, { error: "입력한 내용을 확인해 주세요.", fieldErrors: { prompt: "비워 둘 수 없습니다." } }));
    fetchMock.mockResolvedValueOnce(json(201, { id: "q1", version: 1, changed: true }));
    const { result } = renderHook(() => useJsonSave());

    let first: unknown;
    await act(async () => {
      first = await result.current.send("/api/instructor/questions", "POST", { prompt: "" });
    });
    expect(first).toBeNull();
    expect(result.current.message).toBe("입력한 내용을 확인해 주세요.");
    expect(result.current.errors).toEqual({ prompt: "비워 둘 수 없습니다." });
    expect(result.current.described("prompt")).toEqual({ "aria-invalid": true, "aria-describedby": "err-prompt" });

    let saved: unknown;
    await act(async () => {
      saved = await result.current.send("/api/instructor/questions", "POST", { prompt: "ISR이란?" });
    });
    expect(saved).toEqual({ id: "q1", version: 1, changed: true });
    expect(result.current.errors).toEqual({});
    expect(result.current.described("prompt")).toEqual({});
    expect(result.current.pending).toBe(false);
    const [url, init] = fetchMock.mock.calls[1];
    expect(url).toBe("/api/instructor/questions");
    expect(init).toMatchObject({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ prompt: "ISR이란?" }) });
  });

  it("says in Korean that the server could not be reached, keeping what was typed", async () => {
    fetchMock.mockRejectedValueOnce(new TypeError("Failed to fetch"));
    const { result } = renderHook(() => useJsonSave());
    await act(async () => {
      expect(await result.current.send("/api/instructor/quizzes/x", "PUT", {})).toBeNull();
    });
    expect(result.current.message).toBe("서버에 연결하지 못했습니다. 입력한 내용은 그대로 있습니다.");
    expect(result.current.pending).toBe(false);
  });

  it("falls back to a Korean message when an error answer is not JSON", async () => {
    fetchMock.mockResolvedValueOnce(new Response("<html>502</html>", { status: 502 }));
    const { result } = renderHook(() => useJsonSave());
    await act(async () => {
      await result.current.send("/api/instructor/questions", "POST", {});
    });
    expect(result.current.message).toBe("저장하지 못했습니다.");
  });
});
