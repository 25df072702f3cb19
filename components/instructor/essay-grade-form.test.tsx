// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { render } from "@testing-library/react";
import { deferred, fakeFetch } from "@/lib/testing/app-router";
import { EssayGradeForm } from "./essay-grade-form";

const realFetch = globalThis.fetch;
afterEach(() => {
  cleanup();
  globalThis.fetch = realFetch;
});

const score = () => screen.getByLabelText(/^점수/) as HTMLInputElement;
const comment = () => screen.getByLabelText("의견 (선택)") as HTMLTextAreaElement;
const describedBy = (el: HTMLElement) => document.getElementById(el.getAttribute("aria-describedby") ?? "")?.textContent;

describe("essay grade form", () => {
  it("refuses a missing, too large or too precise mark next to the score field, without calling the server", () => {
    const calls = fakeFetch(() => Response.json({}));
    render(<EssayGradeForm target="log" id="l1" grades={[]} provisionalScore={0} />);
    const save = screen.getByRole("button", { name: "채점 저장" });
    fireEvent.click(save);
    expect(describedBy(score())).toBe("점수는 0에서 1 사이의 숫자여야 합니다.");
    expect(score().getAttribute("aria-invalid")).toBe("true");
    fireEvent.change(score(), { target: { value: "1.5" } });
    fireEvent.click(save);
    expect(describedBy(score())).toBe("점수는 1 이하여야 합니다.");
    fireEvent.change(score(), { target: { value: "0.333" } });
    fireEvent.click(save);
    expect(describedBy(score())).toBe("점수는 소수 둘째 자리까지 줄 수 있습니다.");
    expect(calls).toEqual([]);
  });

  it("sends the mark and comment, is disabled while saving, then says what it saved and refreshes the queue", async () => {
    const answer = deferred<Response>();
    const calls = fakeFetch(() => answer.promise);
    render(<EssayGradeForm target="response" id="r1" grades={[]} provisionalScore={1} />);
    expect(screen.getByTestId("grade-state").textContent).toBe("채점 대기 (지금 점수 1점은 스스로 채점)");
    fireEvent.change(score(), { target: { value: "0.5" } });
    fireEvent.change(comment(), { target: { value: "  근거를 더 써 보세요.  " } });
    fireEvent.click(screen.getByRole("button", { name: "채점 저장" }));
    const busy = await screen.findByRole("button", { name: "저장하는 중…" });
    expect((busy as HTMLButtonElement).disabled).toBe(true);
    expect(calls).toEqual([
      { url: "/api/instructor/grading", body: { target: "response", id: "r1", score: 0.5, comment: "근거를 더 써 보세요." } },
    ]);
    await act(async () =>
      answer.resolve(
        Response.json({
          target: "response",
          id: "r1",
          attemptScore: 1.5,
          grade: { score: 0.5, comment: "근거를 더 써 보세요.", graderName: "강사", gradedAt: "2026-04-01T09:00:00.000Z" },
        }),
      ),
    );
    expect(await screen.findByText("0.5점으로 저장했습니다.")).toBeTruthy();
    // The new mark shows at once, and the form now re-grades.
    expect(screen.getByTestId("grade-state").textContent).toBe("강사 채점: 0.5 / 1점 · 강사 · 2026-04-01 18:00 (한국 시간)");
    expect(screen.getByText("의견: 근거를 더 써 보세요.")).toBeTruthy();
    expect((screen.getByRole("button", { name: "다시 채점" }) as HTMLButtonElement).disabled).toBe(false);
  });

  it("shows a server refusal in Korean next to the field it is about, or above the button", async () => {
    fakeFetch(() => Response.json({ error: "의견은 2000자 이하로 써 주세요." }, { status: 400 }));
    render(<EssayGradeForm target="log" id="l1" grades={[]} provisionalScore={0} />);
    fireEvent.change(score(), { target: { value: "1" } });
    fireEvent.click(screen.getByRole("button", { name: "채점 저장" }));
    await screen.findByText("의견은 2000자 이하로 써 주세요.");
    expect(describedBy(comment())).toBe("의견은 2000자 이하로 써 주세요.");
    cleanup();

    fakeFetch(() => Response.json({ error: "그런 서술형 답안이 없습니다." }, { status: 404 }));
    render(<EssayGradeForm target="log" id="gone" grades={[]} provisionalScore={0} />);
    fireEvent.change(score(), { target: { value: "1" } });
    fireEvent.click(screen.getByRole("button", { name: "채점 저장" }));
    expect((await screen.findByRole("alert")).textContent).toBe("그런 서술형 답안이 없습니다.");
    expect(screen.getByTestId("grade-state").textContent).toBe("채점 대기 (지금 점수 0점은 스스로 채점)");
  });

  it("keeps what was typed when the server cannot be reached", async () => {
    fakeFetch(() => Promise.reject(new TypeError("Failed to fetch")));
    render(<EssayGradeForm target="log" id="l1" grades={[]} provisionalScore={0} />);
    fireEvent.change(score(), { target: { value: "0.25" } });
    fireEvent.change(comment(), { target: { value: "좋아요" } });
    fireEvent.click(screen.getByRole("button", { name: "채점 저장" }));
    expect((await screen.findByRole("alert")).textContent).toContain("서버에 연결하지 못했습니다");
    expect(score().value).toBe("0.25");
    expect(comment().value).toBe("좋아요");
  });

  it("re-grading starts from the current mark and comment, and a new mark moves the old one into the trail", async () => {
    const first = { score: 0.75, comment: "거의 맞습니다.", graderName: "이강사", gradedAt: "2026-04-01T00:30:00.000Z" };
    fakeFetch(() =>
      Response.json({
        target: "log",
        id: "l1",
        attemptScore: null,
        grade: { score: 1, comment: null, graderName: "관리자", gradedAt: "2026-04-02T00:00:00.000Z" },
      }),
    );
    render(<EssayGradeForm target="log" id="l1" grades={[first]} provisionalScore={0} />);
    expect(score().value).toBe("0.75");
    expect(comment().value).toBe("거의 맞습니다.");
    expect(screen.getByRole("form", { name: "강사 채점" })).toBeTruthy();
    expect(screen.queryByText(/이전 채점/)).toBeNull();
    fireEvent.change(score(), { target: { value: "1" } });
    fireEvent.change(comment(), { target: { value: "" } });
    fireEvent.click(screen.getByRole("button", { name: "다시 채점" }));
    expect(await screen.findByText("1점으로 저장했습니다.")).toBeTruthy();
    expect(screen.getByTestId("grade-state").textContent).toBe("강사 채점: 1 / 1점 · 관리자 · 2026-04-02 09:00 (한국 시간)");
    expect(screen.getByText("이전 채점 1건")).toBeTruthy();
    expect(screen.getByText("0.75 / 1점 · 이강사 · 2026-04-01 09:30 (한국 시간) · 거의 맞습니다.")).toBeTruthy();
  });
});
