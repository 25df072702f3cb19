// CooperativeStickyAssignor revocation cases from Kafka (apache/kafka @ 1eb7644349cb07139d6a3c1ad1986979647cac99:
// CooperativeStickyAssignorTest.java and the partitionsTransferringOwnership assertions of
// AbstractStickyAssignorTest.java). Owned partitions come from buildSubscriptionV2Above(…, generationId = 1).
import { describe, expect, it } from "vitest";
import { assignCooperativeSticky } from "./assign-cooperative";
import { stickyAssignDetailed } from "./assign-sticky";
import type { AssignorMember, PartitionCounts } from "./assignor-types";

const tp = (topic: string, ...ps: number[]) => ps.map((p) => `${topic}-${p}`);
const member = (memberId: string, topics: string[], owned: string[] = [], generation = 1): AssignorMember => ({
  memberId,
  topics,
  owned,
  generation,
});
/** What Kafka's cooperative assignor records as partitionsTransferringOwnership. */
const transferring = (p: PartitionCounts, members: AssignorMember[]) => stickyAssignDetailed(p, members, "protocol").transferring;

describe("CooperativeStickyAssignorTest", () => {
  it("testAllConsumersHaveOwnedPartitionInvalidatedWhenClaimedByMultipleConsumersInSameGenerationWithEqualPartitionsPerConsumer", () => {
    const r = assignCooperativeSticky({ topic: 3 }, [
      member("consumer1", ["topic"], tp("topic", 0, 1)),
      member("consumer2", ["topic"], tp("topic", 0, 2)),
      member("consumer3", ["topic"]),
    ]);
    // topic-0 still counts as owned, so nobody gets it until both claimants have revoked it.
    expect(r.assignment).toEqual({ consumer1: tp("topic", 1), consumer2: tp("topic", 2), consumer3: [] });
    expect(r.revoked).toEqual({ consumer1: tp("topic", 0), consumer2: tp("topic", 0), consumer3: [] });
    expect(r.target.consumer3).toEqual(tp("topic", 0));
  });

  it("testAllConsumersHaveOwnedPartitionInvalidatedWhenClaimedByMultipleConsumersInSameGenerationWithUnequalPartitionsPerConsumer", () => {
    const r = assignCooperativeSticky({ topic: 4 }, [
      member("consumer1", ["topic"], tp("topic", 0, 1)),
      member("consumer2", ["topic"], tp("topic", 0, 2)),
      member("consumer3", ["topic"]),
    ]);
    expect(r.assignment).toEqual({ consumer1: tp("topic", 1, 3), consumer2: tp("topic", 2), consumer3: [] });
    expect(r.followUpRebalance).toBe(true);
  });

  it("testAssignorWithOldVersionSubscriptions", () => {
    const r = assignCooperativeSticky({ topic1: 3 }, [
      member("consumer1", ["topic1"], tp("topic1", 0)),
      member("consumer2", ["topic1"], tp("topic1", 1)),
      member("consumer3", ["topic1"]),
    ]);
    expect(r.assignment).toEqual({ consumer1: tp("topic1", 0), consumer2: tp("topic1", 1), consumer3: tp("topic1", 2) });
    expect(r.followUpRebalance).toBe(false);
  });
});

describe("partitionsTransferringOwnership (AbstractStickyAssignorTest)", () => {
  it("testMaxQuotaConsumerMoreThanNumExpectedMaxCapacityMembers", () => {
    const both = ["topic1", "topic2"];
    const members = [
      member("consumer1", both, [...tp("topic1", 0), ...tp("topic2", 0)]),
      member("consumer2", both, [...tp("topic1", 1), ...tp("topic2", 1)]),
      member("consumer3", both),
    ];
    expect(transferring({ topic1: 2, topic2: 2 }, members)).toEqual({ "topic2-0": "consumer3" });
    const r = assignCooperativeSticky({ topic1: 2, topic2: 2 }, members);
    expect(r.assignment).toEqual({ consumer1: tp("topic1", 0), consumer2: [...tp("topic1", 1), ...tp("topic2", 1)], consumer3: [] });
    expect(r.revoked.consumer1).toEqual(tp("topic2", 0));
  });

  it("testAddRemoveConsumerOneTopic (second assignment)", () => {
    const members = [member("consumer1", ["topic"], tp("topic", 0, 1, 2)), member("consumer2", ["topic"])];
    expect(transferring({ topic: 3 }, members)).toEqual({ "topic-2": "consumer2" });
  });

  it("testAddRemoveTwoConsumersTwoTopics: withheld first, then exactly Kafka's final lists", () => {
    const both = ["topic1", "topic2"];
    const p = { topic1: 3, topic2: 4 };
    const start = [
      member("consumer1", both, [...tp("topic1", 0, 2), ...tp("topic2", 1, 3)]),
      member("consumer2", both, [...tp("topic1", 1), ...tp("topic2", 0, 2)]),
      member("consumer3", both),
      member("consumer4", both),
    ];
    expect(transferring(p, start)).toEqual({ "topic1-2": "consumer3", "topic2-3": "consumer3", "topic2-2": "consumer4" });
    const first = assignCooperativeSticky(p, start);
    // Kafka's verifyValidityAndBalance rejoins with the phase-1 assignment as owned partitions.
    const second = assignCooperativeSticky(
      p,
      start.map((m) => ({ ...m, owned: first.assignment[m.memberId] })),
    );
    expect(second.assignment).toEqual({
      consumer1: [...tp("topic1", 0), ...tp("topic2", 1)],
      consumer2: [...tp("topic2", 0), ...tp("topic1", 1)],
      consumer3: [...tp("topic1", 2), ...tp("topic2", 3)],
      consumer4: tp("topic2", 2),
    });
    expect(second.followUpRebalance).toBe(false);
  });

  it("testPartitionsTransferringOwnershipIncludeThePartitionClaimedByMultipleConsumersInSameGeneration", () => {
    const members = [
      member("consumer1", ["topic"], tp("topic", 0, 1)),
      member("consumer2", ["topic"], tp("topic", 0, 2)),
      member("consumer3", ["topic"]),
    ];
    expect(transferring({ topic: 3 }, members)).toEqual({ "topic-0": "consumer3" });
  });

  it("is empty when every member keeps what it owns (testAllConsumersReachExpectedQuotaAndAreConsideredFilled, testAllConsumersAreUnderMinQuota)", () => {
    expect(
      transferring({ topic: 4 }, [
        member("consumer1", ["topic"], tp("topic", 0, 1)),
        member("consumer2", ["topic"], tp("topic", 2)),
        member("consumer3", ["topic"]),
      ]),
    ).toEqual({});
    const both = ["topic1", "topic2"];
    expect(
      transferring({ topic1: 2, topic2: 3 }, [
        member("consumer1", both, tp("topic1", 0)),
        member("consumer2", both, tp("topic1", 1)),
        member("consumer3", both),
      ]),
    ).toEqual({});
  });

  it("testOwnedPartitionsAreInvalidatedForConsumerWithStaleGeneration: the stale claim is simply dropped", () => {
    const both = ["topic", "topic2"];
    const owned = [...tp("topic", 0, 2), ...tp("topic2", 1)];
    const members = [member("consumer1", both, owned, 10), member("consumer2", both, owned, 9)];
    expect(transferring({ topic: 3, topic2: 3 }, members)).toEqual({});
  });

  it("is null for mixed subscriptions, where the cooperative assignor recomputes it (testMultipleConsumersMixedTopicSubscriptions)", () => {
    const members = [member("consumer1", ["topic1"]), member("consumer2", ["topic1", "topic2"]), member("consumer3", ["topic1"])];
    expect(transferring({ topic1: 3, topic2: 2 }, members)).toBeNull();
  });
});
