import { describe, expect, it } from "vitest";
import { createReplicationState, stepReplication, type ReplicationEvent } from "../replication";
import { replicationLabInit } from "./lab-setup";
import { describeReplication } from "./replication";

describe("ReplicationLab's words for a timed-out acks=all request", () => {
  it("says the broker answered REQUEST_TIMED_OUT, that a real producer retries until delivery.timeout.ms without duplicates under idempotence, and that the lab shows one request", () => {
    const created = createReplicationState(replicationLabInit("kafka-4.x", { minIsr: 2 }));
    if (!created.ok) throw new Error(created.error.message);
    const events: ReplicationEvent[] = [
      // Without a controller the ISR cannot shrink, so the leader waits for paused followers until request.timeout.ms.
      { type: "setControllerAvailable", available: false },
      { type: "setFollowerPaused", brokerId: 2, paused: true },
      { type: "setFollowerPaused", brokerId: 3, paused: true },
      { type: "produce", acks: "all" },
      { type: "tick", nowMs: 31_000 },
    ];
    const text = describeReplication(events.reduce(stepReplication, created.value));
    expect(text).toContain("브로커가 REQUEST_TIMED_OUT으로 답했습니다");
    expect(text).toContain("delivery.timeout.ms(기본 2분)까지 재시도");
    expect(text).toContain("멱등성이 켜져 있으면 재시도해도 중복이 생기지 않습니다");
    expect(text).toContain("이 실습은 요청 하나만 보여 줍니다");
    expect(text).not.toContain("실패로 알지만");
  });
});
