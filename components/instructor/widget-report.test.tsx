import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SessionProvider, useSession } from "@/components/auth/session-provider";
import { TopicNameChecker } from "@/components/widgets/topic-name-checker";
import { decodeScenario } from "@/lib/kafka/scenario";

const CHAPTER = "05-topics-and-partitions";
let signedIn = true;
let posted: Record<string, unknown>[] = [];

beforeEach(() => {
  signedIn = true;
  posted = [];
  // jsdom has <dialog> but not its modal methods.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.open = false;
  };
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init?: RequestInit) => {
      if (url.startsWith("/api/auth/session"))
        return Response.json(signedIn ? { user: { id: "u1", name: "학생", email: "s@example.com", role: "student" } } : null);
      if (url === "/api/reports") {
        posted.push(JSON.parse(String(init?.body)));
        return Response.json({ id: "r1" }, { status: 201 });
      }
      return new Response(null, { status: 404 });
    }),
  );
  window.history.replaceState(null, "", `/chapters/${CHAPTER}`);
});
afterEach(() => vi.unstubAllGlobals());

/** Shows the session state, so a test can wait until it has loaded before looking for the button. */
function SessionStatus() {
  return <p data-testid="session">{useSession().status}</p>;
}
const renderWidget = () =>
  render(
    <SessionProvider>
      <SessionStatus />
      <TopicNameChecker />
    </SessionProvider>,
  );

describe("문제 신고 in the widget frame", () => {
  it("sends the chapter, the widget and the run the learner changed it to", async () => {
    renderWidget();
    fireEvent.change(screen.getByLabelText("새 토픽 이름"), { target: { value: "payment.events" } });
    fireEvent.click(await screen.findByRole("button", { name: "문제 신고 (실습: 토픽 이름 검사기)" }));
    fireEvent.change(screen.getByLabelText("무엇이 이상한가요?"), { target: { value: "충돌 메시지가 이상해요" } });
    fireEvent.click(screen.getByRole("button", { name: "보내기" }));
    await screen.findByText("신고했습니다. 고맙습니다.");
    expect(posted).toHaveLength(1);
    const [report] = posted;
    expect(report).toMatchObject({ chapterSlug: CHAPTER, widget: "topic-name-checker", message: "충돌 메시지가 이상해요" });
    const [widget, payload] = String(report.scenario).split(".");
    expect(widget).toBe("topic-name-checker");
    const run = decodeScenario(payload);
    expect(run.ok && run.value.events.at(-1)).toEqual({ type: "type", name: "payment.events" });
  });

  it("attaches no run when the widget is as the page opened it", async () => {
    renderWidget();
    fireEvent.click(await screen.findByRole("button", { name: "문제 신고 (실습: 토픽 이름 검사기)" }));
    fireEvent.change(screen.getByLabelText("무엇이 이상한가요?"), { target: { value: "설명이 틀려요" } });
    fireEvent.click(screen.getByRole("button", { name: "보내기" }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0].scenario).toBeUndefined();
  });

  it("shows no button to a signed-out visitor or outside a chapter page", async () => {
    signedIn = false;
    const { unmount } = renderWidget();
    await waitFor(() => expect(screen.getByTestId("session").textContent).toBe("signed-out"));
    expect(screen.queryByRole("button", { name: /문제 신고/ })).toBeNull();
    unmount();
    signedIn = true;
    window.history.replaceState(null, "", "/instructor/questions/new");
    renderWidget();
    await waitFor(() => expect(screen.getByTestId("session").textContent).toBe("signed-in"));
    expect(screen.queryByRole("button", { name: /문제 신고/ })).toBeNull();
  });
});
