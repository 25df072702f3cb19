import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { QuestionEditor } from "./question-editor";

const router = { push: vi.fn(), refresh: vi.fn() };
vi.mock("next/navigation", () => ({ useRouter: () => router }));

const fetchMock = vi.fn();
beforeEach(() => {
  fetchMock.mockReset();
  router.push.mockReset();
  router.refresh.mockReset();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

const CHAPTERS = [{ slug: "04-replication-isr", label: "4장 복제" }];
const editor = (questionId: string | null) =>
  render(<QuestionEditor questionId={questionId} initial={null} chapterSlug="04-replication-isr" status="draft" chapters={CHAPTERS} />);
const save = () => fireEvent.submit(screen.getByRole("form", { name: "문제 편집" }));

describe("the question editor's save", () => {
  it("creates a new question with POST and opens its own page", async () => {
    fetchMock.mockResolvedValueOnce(Response.json({ id: "q9", version: 1, changed: true }, { status: 201 }));
    editor(null);
    save();
    await waitFor(() => expect(router.push).toHaveBeenCalledWith("/instructor/questions/q9"));
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe("/api/instructor/questions");
    expect(init.method).toBe("POST");
    expect(JSON.parse(init.body)).toMatchObject({ chapterSlug: "04-replication-isr", status: "draft" });
    expect(screen.getByRole("status").textContent).toBe("저장했습니다 (버전 1).");
  });

  it("says when an edit changed nothing, and stays on the page", async () => {
    fetchMock.mockResolvedValueOnce(Response.json({ id: "q9", version: 3, changed: false }));
    editor("q9");
    save();
    expect(await screen.findByText("바뀐 내용이 없습니다.")).toBeTruthy();
    expect(fetchMock.mock.calls[0][0]).toBe("/api/instructor/questions/q9");
    expect(fetchMock.mock.calls[0][1].method).toBe("PUT");
    expect(router.refresh).toHaveBeenCalled();
    expect(router.push).not.toHaveBeenCalled();
  });

  it("shows the server's Korean field error beside the field it names", async () => {
    fetchMock.mockResolvedValueOnce(Response.json({ error: "입력한 내용을 확인해 주세요.", fieldErrors: { prompt: "비워 둘 수 없습니다." } }, { status: 422 }));
    editor(null);
    save();
    const msg = await screen.findByText("비워 둘 수 없습니다.");
    expect(msg.id).toBe("err-prompt");
    expect(document.querySelector('[aria-describedby="err-prompt"]')?.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByRole("status").textContent).toBe("입력한 내용을 확인해 주세요.");
    expect(router.push).not.toHaveBeenCalled();
  });
});
