import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { TopicNameChecker } from "./topic-name-checker";

describe("TopicNameChecker", () => {
  it("reports Kafka's collision message for payment.events", () => {
    render(<TopicNameChecker />);
    fireEvent.change(screen.getByLabelText("새 토픽 이름"), { target: { value: "payment.events" } });
    expect(screen.getByTestId("topic-name-result").textContent).toContain("collides with existing topic: payment_events");
    expect(window.location.search).toMatch(/^\?scenario=topic-name-checker\./);
  });
});
