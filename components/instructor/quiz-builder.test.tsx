import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ClassQuizDto } from "@/lib/assessment/class-quiz-contracts";
import { QuizBuilder } from "./quiz-builder";
import type { BankOption } from "./quiz-builder-picker";
import { fromDto, fromLocalInput, moveItem, toInput, toLocalInput } from "./quiz-builder-state";

const router = { push: vi.fn(), refresh: vi.fn() };
vi.mock("next/navigation", () => ({ useRouter: () => router }));

const CHAPTERS = [
  { slug: "01-intro", label: "1장 소개" },
  { slug: "04-replication", label: "4장 복제" },
];
const q = (id: string, chapterSlug: string, concepts: string[], prompt: string, published = true): BankOption => ({ id, chapterSlug, type: "single", concepts, prompt, published });
const BANK = [
  q("r1", "04-replication", ["replication"], "복제 계수는 무엇인가요?"),
  q("r2", "04-replication", ["replication", "isr"], "ISR에서 빠지는 조건은?"),
  q("r3", "04-replication", ["replication"], "acks=all의 뜻은?"),
  q("i1", "01-intro", ["isr"], "초안 문제", false),
];

const fetchMock = vi.fn();
beforeEach(() => {
  fetchMock.mockReset();
  router.push.mockReset();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

const builder = (quiz: ClassQuizDto | null = null) => render(<QuizBuilder quiz={quiz} bank={BANK} chapters={CHAPTERS} concepts={["isr", "replication"]} />);
const items = () => within(screen.getByRole("list", { name: "퀴즈 문항" })).queryAllByRole("listitem").map((li) => li.textContent);

describe("the class quiz builder", () => {
  it("adds a fixed question from a filtered bank list and a random rule, counting what the rule can draw", () => {
    builder();
    fireEvent.change(screen.getByLabelText("장"), { target: { value: "04-replication" } });
    fireEvent.change(screen.getByLabelText("개념"), { target: { value: "replication" } });
    expect(screen.getByText("3개 문제")).toBeTruthy();
    expect(screen.getByText(/무작위로 뽑을 수 있는 게시된 문항/).textContent).toContain("3개");
    fireEvent.click(screen.getByRole("button", { name: "고정 문항으로 추가: ISR에서 빠지는 조건은?" }));
    // The chosen question no longer counts for a rule, and cannot be added twice.
    expect(screen.getByText(/무작위로 뽑을 수 있는 게시된 문항/).textContent).toContain("2개");
    expect((screen.getByRole("button", { name: "고정 문항으로 추가: ISR에서 빠지는 조건은?" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText("뽑을 문항 수"), { target: { value: "2" } });
    fireEvent.click(screen.getByRole("button", { name: "무작위 규칙 추가" }));
    expect(items()).toEqual([
      expect.stringContaining("1. 고정 문항: ISR에서 빠지는 조건은?"),
      expect.stringContaining("2. 무작위: 4장 복제에서 · 개념 replication · 2문항 무작위"),
    ]);
    fireEvent.click(screen.getByRole("button", { name: "2번 항목 위로" }));
    expect(items()[0]).toContain("1. 무작위");
    fireEvent.click(screen.getByRole("button", { name: "1번 항목 빼기" }));
    expect(items()).toHaveLength(1);
  });

  it("shows Korean errors next to the fields before sending anything", async () => {
    builder();
    fireEvent.change(screen.getByLabelText("응시 횟수(비우면 제한 없음)"), { target: { value: "0" } });
    fireEvent.click(screen.getByRole("button", { name: "퀴즈 만들기" }));
    expect(await screen.findByText("제목을 입력해 주세요.")).toBeTruthy();
    expect(screen.getByText("문항을 하나 이상 넣어 주세요.")).toBeTruthy();
    expect(screen.getByText("응시 횟수는 1~20번입니다.")).toBeTruthy();
    expect(screen.getByRole("textbox", { name: /^제목/ }).getAttribute("aria-invalid")).toBe("true");
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("sends the quiz and opens it once created; the server's field errors land on their item", async () => {
    builder();
    fireEvent.change(screen.getByLabelText("제목"), { target: { value: "3주차 쪽지 시험" } });
    fireEvent.change(screen.getByLabelText("제한 시간(분, 비우면 없음)"), { target: { value: "20" } });
    fireEvent.change(screen.getByLabelText("성적 방식"), { target: { value: "average" } });
    fireEvent.click(screen.getByRole("button", { name: "고정 문항으로 추가: 복제 계수는 무엇인가요?" }));
    fetchMock.mockResolvedValueOnce(Response.json({ error: "입력한 내용을 확인해 주세요.", fieldErrors: { "items.0": "문제 은행에 없는(또는 보관된) 문항입니다: r1" } }, { status: 400 }));
    fireEvent.click(screen.getByRole("button", { name: "퀴즈 만들기" }));
    expect(await screen.findByText("문제 은행에 없는(또는 보관된) 문항입니다: r1")).toBeTruthy();
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe("/api/instructor/quizzes");
    expect(JSON.parse(init.body)).toEqual({
      title: "3주차 쪽지 시험",
      description: "",
      items: [{ kind: "fixed", questionId: "r1" }],
      timeLimitMinutes: 20,
      maxAttempts: null,
      gradingPolicy: "average",
      feedback: "after-attempt",
      opensAt: null,
      closesAt: null,
    });
    fetchMock.mockResolvedValueOnce(Response.json({ quiz: { id: "cq1" } }, { status: 201 }));
    fireEvent.click(screen.getByRole("button", { name: "퀴즈 만들기" }));
    await waitFor(() => expect(router.push).toHaveBeenCalledWith("/instructor/quizzes/cq1"));
  });

  it("edits a saved quiz with PUT", async () => {
    const saved: ClassQuizDto = {
      id: "cq9",
      code: "abcdefgh",
      status: "active",
      createdAt: "2026-01-01T00:00:00.000Z",
      updatedAt: "2026-01-01T00:00:00.000Z",
      title: "저장된 퀴즈",
      description: "",
      items: [{ kind: "draw", chapterSlug: null, concept: "isr", type: null, count: 1 }],
      timeLimitMinutes: null,
      maxAttempts: 3,
      gradingPolicy: "last",
      feedback: "after-attempt",
      opensAt: null,
      closesAt: null,
    };
    builder(saved);
    expect((screen.getByLabelText("제목") as HTMLInputElement).value).toBe("저장된 퀴즈");
    expect(items()[0]).toContain("아무 장에서 · 개념 isr · 1문항 무작위");
    fetchMock.mockResolvedValueOnce(Response.json({ quiz: saved }));
    fireEvent.click(screen.getByRole("button", { name: "퀴즈 저장" }));
    expect(await screen.findByText("저장했습니다.")).toBeTruthy();
    expect(fetchMock.mock.calls[0][0]).toBe("/api/instructor/quizzes/cq9");
    expect(fetchMock.mock.calls[0][1].method).toBe("PUT");
    expect(JSON.parse(fetchMock.mock.calls[0][1].body)).toEqual(toInput(fromDto(saved)));
  });
});

describe("builder state", () => {
  it("round-trips a datetime-local value through an ISO instant", () => {
    const iso = fromLocalInput("2026-05-01T09:30")!;
    expect(toLocalInput(iso)).toBe("2026-05-01T09:30");
    expect(fromLocalInput("")).toBeNull();
    expect(fromLocalInput("not a date")).toBeNull();
  });

  it("moves an item and ignores a move past either end", () => {
    expect(moveItem([1, 2, 3], 2, -1)).toEqual([1, 3, 2]);
    expect(moveItem([1, 2, 3], 0, -1)).toEqual([1, 2, 3]);
  });
});
