// @vitest-environment jsdom
import { readFileSync } from "node:fs";
import path from "node:path";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import { gradedResponseSchema, type GradedQuestion, type PublicQuestion } from "@/lib/quiz/contracts";
import { gradeQuizWith, type Answer } from "@/lib/quiz/grade";
import { buildGradedResponse } from "@/lib/quiz/modes";
import { toPublicQuiz } from "@/lib/quiz/public";
import { quizFileSchema, type Quiz } from "@/lib/quiz/schema";
import { QuestionView } from "./question-view";

afterEach(cleanup);

const quiz: Quiz = {
  id: "04-replication-isr",
  chapterSlug: "04-replication-isr",
  ...quizFileSchema.parse(parse(readFileSync(path.join(process.cwd(), "lib/quiz/__fixtures__/every-type.quiz.yaml"), "utf8"))),
};
const pub = toPublicQuiz(quiz, { attemptSeed: 3 });
const question = (id: string) => pub.questions.find((q) => q.id === id)!;
/** Grades one answer with the real grader and reshapes it as the client receives it. */
function graded(id: string, answer: Answer | undefined, mode: "practice" | "exam" = "practice"): GradedQuestion {
  const g = gradeQuizWith(quiz, answer === undefined ? {} : { [id]: answer }, { attemptSeed: 3 });
  const res = gradedResponseSchema.parse(buildGradedResponse(g, { mode }));
  return res.results.find((r) => r.questionId === id)!;
}
function view(q: PublicQuestion, extra: Partial<Parameters<typeof QuestionView>[0]> = {}) {
  const onChange = vi.fn();
  render(<QuestionView question={q} index={0} value={undefined} onChange={onChange} {...extra} />);
  return onChange;
}

describe("QuestionView for a learner", () => {
  it("single choice: a radio per option with Markdown text, in the attempt's shuffled order", () => {
    const q = question("ex-single-partial");
    const onChange = view(q);
    const radios = screen.getAllByRole("radio");
    expect(radios).toHaveLength(3);
    if (q.type !== "single") throw new Error();
    expect(radios.map((r) => (r.closest("label") as HTMLElement).textContent)).toEqual(q.options.map((o) => o.text));
    fireEvent.click(screen.getByRole("radio", { name: "브로커 1" }));
    expect(onChange).toHaveBeenCalledWith("a");
    expect(screen.getByRole("group").querySelector("code")?.textContent).toBe("Replicas: 3,1,2");
  });

  it("multiple choice: checkboxes, the hint to pick all, and code in option text", () => {
    const onChange = view(question("ex-multiple-weights"));
    expect(screen.getByText("(모두 고르세요)")).toBeTruthy();
    fireEvent.click(screen.getByRole("checkbox", { name: "acks=all" }));
    expect(onChange).toHaveBeenCalledWith(["a"]);
  });

  it("true/false: 참 (O) and 거짓 (X)", () => {
    const onChange = view(question("ex-true-false"));
    fireEvent.click(screen.getByRole("radio", { name: "거짓 (X)" }));
    expect(onChange).toHaveBeenCalledWith(false);
    expect(screen.getByRole("radio", { name: "참 (O)" })).toBeTruthy();
  });

  it("short answer and numeric: labelled text and number inputs", () => {
    const onShort = view(question("ex-short-partial"));
    fireEvent.change(screen.getByRole("textbox", { name: "1번 답" }), { target: { value: "NOT_ENOUGH_REPLICAS" } });
    expect(onShort).toHaveBeenCalledWith("NOT_ENOUGH_REPLICAS");
    cleanup();
    const onNum = view(question("ex-numeric-several"));
    const input = screen.getByRole("spinbutton", { name: "1번 답 (숫자)" });
    fireEvent.change(input, { target: { value: "7" } });
    expect(onNum).toHaveBeenCalledWith(7);
  });

  it("matching: one labelled select per item offering every answer and the distractor", () => {
    const onChange = view(question("ex-matching"));
    const select = screen.getByRole("combobox", { name: "min.insync.replicas" });
    expect(within(select).getAllByRole("option").map((o) => o.textContent).sort()).toEqual(["ISR의 하한", "— 고르세요 —", "보존 기간", "쓰기 확인 수준", "파티션 개수"].sort());
    fireEvent.change(select, { target: { value: "ISR의 하한" } });
    expect(onChange).toHaveBeenCalledWith({ b: "ISR의 하한" });
    expect(screen.getAllByRole("combobox")).toHaveLength(3);
  });

  it("ordering: a numbered list with up and down buttons, the ends disabled, moves reported in order", () => {
    const q = question("ex-ordering");
    if (q.type !== "ordering") throw new Error();
    const onChange = view(q);
    const list = screen.getByRole("list", { name: "1번 순서" });
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(4);
    expect(within(items[0]).getByRole("button", { name: /위로$/ })).toHaveProperty("disabled", true);
    expect(within(items[3]).getByRole("button", { name: /아래로$/ })).toHaveProperty("disabled", true);
    fireEvent.click(within(items[1]).getByRole("button", { name: `${q.items[1].text} 위로` }));
    expect(onChange).toHaveBeenCalledWith([q.items[1].id, q.items[0].id, q.items[2].id, q.items[3].id]);
  });

  it("ordering buttons work from the keyboard (they are real buttons in tab order)", () => {
    const q = question("ex-ordering");
    if (q.type !== "ordering") throw new Error();
    render(<QuestionView question={q} />);
    const down = screen.getByRole("button", { name: `${q.items[0].text} 아래로` });
    down.focus();
    expect(document.activeElement).toBe(down);
    fireEvent.click(down);
    const items = within(screen.getByRole("list", { name: "1번 순서" })).getAllByRole("listitem");
    expect(items[1].textContent).toContain(q.items[0].text);
  });

  it("essay: a labelled textarea, then the model answer after submitting, waiting for an instructor", () => {
    const onChange = view(question("ex-essay"));
    fireEvent.change(screen.getByRole("textbox", { name: "1번 서술형 답" }), { target: { value: "ISR 하한" } });
    expect(onChange).toHaveBeenCalledWith({ text: "ISR 하한" });
    cleanup();
    view(question("ex-essay"), { value: { text: "ISR 하한" }, graded: graded("ex-essay", { text: "ISR 하한" }) });
    expect(screen.getByText("채점 대기")).toBeTruthy();
    expect(screen.getByText("모범 답안")).toBeTruthy();
    expect(screen.getByText(/ISR의 하한이 없으면/)).toBeTruthy();
  });

  it("simulation: the scenario summary, choices answered with the seed, and the widget link only after submitting", () => {
    const q = question("ex-sim-acks");
    if (q.type !== "simulation") throw new Error();
    const onChange = view(q);
    const scenario = screen.getByRole("region", { name: "시나리오" });
    expect(within(scenario).getByText(`시나리오 #${q.seed}`)).toBeTruthy();
    expect(within(scenario).getAllByRole("listitem")).toHaveLength(q.summary.length);
    expect(screen.queryByRole("link")).toBeNull();
    fireEvent.click(screen.getByRole("radio", { name: "NOT_ENOUGH_REPLICAS 오류로 거절된다" }));
    expect(onChange).toHaveBeenCalledWith({ seed: q.seed, choice: "not-enough-replicas" });
    cleanup();
    view(q, { graded: graded("ex-sim-acks", { seed: q.seed, choice: "pending" }) });
    expect(screen.getByRole("link", { name: "이 시나리오를 위젯에서 재생하기" }).getAttribute("href")).toBe(q.scenarioHref);
    expect(screen.getByText("오답")).toBeTruthy();
    expect(screen.getByText(/엔진이 재생한 결과/)).toBeTruthy();
  });

  it("asks for a confidence 1–3 when certainty-based marking is on", () => {
    const onConfidence = vi.fn();
    view(question("ex-true-false"), { onConfidenceChange: onConfidence });
    const group = screen.getByRole("radiogroup", { name: "확신도" });
    fireEvent.click(within(group).getByRole("radio", { name: /확신 높음/ }));
    expect(onConfidence).toHaveBeenCalledWith(3);
  });
});

describe("QuestionView with a graded result", () => {
  it("locks the inputs and shows partial credit, the key, option feedback and the explanation", () => {
    view(question("ex-single-partial"), { value: "b", graded: graded("ex-single-partial", "b") });
    expect(screen.getByRole("group")).toHaveProperty("disabled", true);
    const fb = screen.getByTestId("feedback-ex-single-partial");
    expect(fb.textContent).toContain("부분 정답 (25%)");
    expect(fb.textContent).toContain("정답: 브로커 1");
    expect(fb.textContent).toContain("ISR 목록 순서는 기준이 아닙니다.");
    expect(fb.textContent).toContain("배정 순서 3, 1, 2에서");
  });

  it("describes matching and ordering keys in words", () => {
    view(question("ex-matching"), { graded: graded("ex-matching", { a: "보존 기간" }) });
    expect(screen.getByTestId("feedback-ex-matching").textContent).toContain("acks → 쓰기 확인 수준");
    cleanup();
    view(question("ex-ordering"), { graded: graded("ex-ordering", undefined) });
    expect(screen.getByText("답하지 않음")).toBeTruthy();
    expect(screen.getByTestId("feedback-ex-ordering").textContent).toContain("브로커가 하트비트를 멈춘다 → 컨트롤러가");
  });

  it("shows no key or explanation for a withheld exam result", () => {
    view(question("ex-true-false"), { graded: graded("ex-true-false", true, "exam") });
    const fb = screen.getByTestId("feedback-ex-true-false");
    expect(fb.textContent).toBe("제출했습니다. 결과는 응시를 마친 뒤 볼 수 있습니다.");
  });

  it("serves as the instructor's live preview without a controlling form", () => {
    render(<QuestionView question={question("ex-true-false")} />);
    const yes = screen.getByRole("radio", { name: "참 (O)" });
    fireEvent.click(yes);
    expect(yes).toHaveProperty("checked", true);
  });

  it("shows authored XSS as inert text in a preview", () => {
    const evil: PublicQuestion = { id: "x", type: "single", prompt: "<script>alert(1)</script>질문 [링크](javascript:alert(1))", options: [{ id: "a", text: '<img src=x onerror="alert(1)">보기' }, { id: "b", text: "둘" }] };
    const { container } = render(<QuestionView question={evil} />);
    expect(container.querySelector("script, img, [onerror]")).toBeNull();
    expect(container.textContent).toContain("<script>alert(1)</script>질문");
    expect(container.querySelector('[href*="javascript"]')).toBeNull();
  });
});
