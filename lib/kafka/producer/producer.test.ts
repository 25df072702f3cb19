import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createProducerState, resolveProducerConfig } from "./config";
import { stepProducer } from "./reducer";
import { consumerView, duplicateWrites, producerPartitionView } from "./selectors";
import type { ProducerEvent, ProducerInit, ProducerState } from "./types";

function mk(init: ProducerInit = {}): ProducerState {
  const r = createProducerState(init);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
const run = (s: ProducerState, evs: ProducerEvent[]) => evs.reduce(stepProducer, s);
const values = (s: ProducerState, iso: "read_committed" | "read_uncommitted", p = 0) => consumerView(s, p, iso).map((r) => r.value);

describe("producer config (ProducerConfig.postProcessAndValidateIdempotenceConfigs)", () => {
  it("4.x enables idempotence by default with acks=all", () => {
    const c = resolveProducerConfig({});
    expect(c.ok && c.value).toMatchObject({ idempotence: true, acks: "all", idempotenceDisabledReason: null });
  });

  it("4.x silently disables default idempotence for acks=1 or retries=0, but rejects them when idempotence is set explicitly", () => {
    const silent = resolveProducerConfig({ acks: "1" });
    expect(silent.ok && silent.value.idempotence).toBe(false);
    expect(silent.ok && silent.value.idempotenceDisabledReason).toMatch(/acks=1/);
    expect(resolveProducerConfig({ retries: 0 }).ok && resolveProducerConfig({ retries: 0 })).toMatchObject({
      value: { idempotence: false },
    });
    expect(resolveProducerConfig({ acks: "1", enableIdempotence: true })).toMatchObject({
      ok: false,
      error: { kafkaError: "ConfigException" },
    });
    expect(resolveProducerConfig({ retries: 0, enableIdempotence: true })).toMatchObject({ ok: false });
  });

  it("4.x rejects max.in.flight.requests.per.connection > 5 with idempotence even by default (KAFKA-17927); ≤ 5 is fine", () => {
    expect(resolveProducerConfig({ maxInFlight: 6 })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/at most 5/) } });
    expect(resolveProducerConfig({ maxInFlight: 5 }).ok).toBe(true);
    expect(resolveProducerConfig({ maxInFlight: 6, enableIdempotence: false }).ok).toBe(true);
  });

  it("transactional.id needs idempotence; 2.x turns idempotence on for it", () => {
    expect(resolveProducerConfig({ transactionalId: "t", acks: "1" })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/transactional\.id/) },
    });
    const old = resolveProducerConfig({ profile: "kafka-2.x", transactionalId: "t" });
    expect(old.ok && old.value).toMatchObject({ idempotence: true, acks: "all" });
    const oldPlain = resolveProducerConfig({ profile: "kafka-2.x" });
    expect(oldPlain.ok && oldPlain.value).toMatchObject({ idempotence: false, acks: "1" });
  });
});

describe("retries with and without idempotence", () => {
  const lostAck: ProducerEvent[] = [{ type: "send", values: ["a"] }, { type: "deliver", fault: "responseLost" }, { type: "deliver" }];

  it("without idempotence a retry after a lost response writes the record twice", () => {
    const s = run(mk({ enableIdempotence: false }), lostAck);
    expect(values(s, "read_uncommitted")).toEqual(["a", "a"]);
    expect(duplicateWrites(s, 0)).toEqual([{ value: "a", offsets: [0, 1] }]);
    expect(s.client.inFlight).toEqual([]);
  });

  it("with idempotence the broker recognises the retry by producer id and sequence and keeps one copy", () => {
    const s = run(mk(), lostAck);
    expect(values(s, "read_uncommitted")).toEqual(["a"]);
    expect(s.trace.some((t) => t.kind === "duplicate")).toBe(true);
    expect(producerPartitionView(s, 0)!.rows[0]).toMatchObject({ producerId: 1000, epoch: 0, sequence: 0 });
  });

  it("without idempotence and two in flight, a retried first batch lands after the second (reordering)", () => {
    const evs: ProducerEvent[] = [
      { type: "send", values: ["0"] },
      { type: "deliver" },
      { type: "send", values: ["1"] },
      { type: "send", values: ["2"] },
      { type: "deliver", batchId: 1, fault: "requestLost" },
      { type: "deliver", batchId: 2 },
      { type: "deliver", batchId: 1 },
    ];
    expect(values(run(mk({ enableIdempotence: false }), evs), "read_uncommitted")).toEqual(["0", "2", "1"]);
    // With idempotence batch 2 is refused (OUT_OF_ORDER_SEQUENCE_NUMBER) until batch 1 is in: order kept.
    const idem = run(mk(), [...evs, { type: "deliver", batchId: 2 }]);
    expect(idem.trace.some((t) => t.kafkaError === "OUT_OF_ORDER_SEQUENCE_NUMBER")).toBe(true);
    expect(values(idem, "read_uncommitted")).toEqual(["0", "1", "2"]);
  });

  it("a producer id the partition has never seen may start at any sequence (ProducerAppendInfo.checkSequence)", () => {
    const s = run(mk(), [
      { type: "send", values: ["1"] },
      { type: "send", values: ["2"] },
      { type: "deliver", batchId: 1 },
    ]);
    expect(values(s, "read_uncommitted")).toEqual(["2"]);
  });

  it("the broker remembers only the last 5 batches: an older retry is OUT_OF_ORDER_SEQUENCE_NUMBER, not a duplicate", () => {
    let s = run(mk({ maxInFlight: 5 }), [
      { type: "send", values: ["0"] },
      { type: "deliver", fault: "responseLost" },
    ]);
    const old = s.client.inFlight[0];
    for (let i = 1; i <= 5; i++)
      s = run(s, [
        { type: "send", values: [String(i)] },
        { type: "deliver", batchId: i },
      ]);
    s = stepProducer(s, { type: "deliver", batchId: old.id });
    expect(s.trace.at(-2)?.kafkaError ?? s.trace.at(-1)?.kafkaError).toBe("OUT_OF_ORDER_SEQUENCE_NUMBER");
    expect(values(s, "read_uncommitted")).toEqual(["0", "1", "2", "3", "4", "5"]);
  });

  it("retries=0: a lost request loses the record, a lost response reports failure although it was written", () => {
    const lost = run(mk({ retries: 0, enableIdempotence: false }), [
      { type: "send", values: ["x"] },
      { type: "deliver", fault: "requestLost" },
    ]);
    expect(values(lost, "read_uncommitted")).toEqual([]);
    expect(lost.client.failed).toHaveLength(1);
    const written = run(mk({ retries: 0, enableIdempotence: false }), [
      { type: "send", values: ["x"] },
      { type: "deliver", fault: "responseLost" },
    ]);
    expect(values(written, "read_uncommitted")).toEqual(["x"]);
    expect(written.client.failed[0]).toMatchObject({ error: "REQUEST_TIMED_OUT" });
  });
});

describe("transactions", () => {
  const tx = (init: ProducerInit = {}) => run(mk({ transactionalId: "tx-1", partitions: 2, ...init }), [{ type: "initTransactions" }]);

  it("read_committed sees nothing of an open transaction; the LSO stops at its first record", () => {
    const s = run(tx(), [{ type: "beginTransaction" }, { type: "send", partition: 0, values: ["a", "b"] }, { type: "flush" }]);
    const view = producerPartitionView(s, 0)!;
    expect(view).toMatchObject({ highWatermark: 2, lastStableOffset: 0 });
    expect(values(s, "read_uncommitted")).toEqual(["a", "b"]);
    expect(values(s, "read_committed")).toEqual([]);
  });

  it("commit writes a COMMIT marker on every partition of the transaction and exposes the records", () => {
    const s = run(tx(), [
      { type: "beginTransaction" },
      { type: "send", partition: 0, values: ["a"] },
      { type: "send", partition: 1, values: ["b"] },
      { type: "commitTransaction" },
    ]);
    for (const p of [0, 1]) {
      const v = producerPartitionView(s, p)!;
      expect(v.rows.map((r) => r.kind)).toEqual(["data", "control"]);
      expect(v.rows[1].marker).toBe("COMMIT");
      expect(v.lastStableOffset).toBe(2);
    }
    expect(values(s, "read_committed", 1)).toEqual(["b"]);
    expect(s.client.txnState).toBe("READY");
  });

  it("abort writes ABORT markers: read_committed skips the records, read_uncommitted still returns them", () => {
    const s = run(tx(), [
      { type: "beginTransaction" },
      { type: "send", partition: 0, values: ["bad"] },
      { type: "abortTransaction" },
      { type: "beginTransaction" },
      { type: "send", partition: 0, values: ["good"] },
      { type: "commitTransaction" },
    ]);
    expect(values(s, "read_uncommitted")).toEqual(["bad", "good"]);
    expect(values(s, "read_committed")).toEqual(["good"]);
    expect(s.broker.partitions[0].aborted).toEqual([{ producerId: 1000, firstOffset: 0, lastOffset: 1 }]);
    expect(producerPartitionView(s, 0)!.rows.map((r) => r.txnStatus)).toEqual(["aborted", "marker", "committed", "marker"]);
  });

  it("a new instance with the same transactional.id bumps the epoch, aborts the open transaction and fences the old one", () => {
    let s = run(tx(), [
      { type: "beginTransaction" },
      { type: "send", partition: 0, values: ["zombie"] },
      { type: "flush" },
      { type: "fence" },
    ]);
    expect(s.broker.transactions["tx-1"]).toMatchObject({ epoch: 1, state: "CompleteAbort" });
    expect(values(s, "read_committed")).toEqual([]);
    s = stepProducer(s, { type: "commitTransaction" });
    expect(s.lastError).toMatchObject({ kafkaError: "PRODUCER_FENCED" });
    expect(s.client.txnState).toBe("FENCED");
    expect(stepProducer(s, { type: "send", values: ["x"] }).lastError).toMatchObject({ kafkaError: "ProducerFencedException" });
  });

  it("refuses sends outside a transaction and transactions before initTransactions", () => {
    const s = mk({ transactionalId: "t" });
    expect(stepProducer(s, { type: "beginTransaction" }).lastError?.message).toMatch(/initTransactions/);
    expect(stepProducer(run(s, [{ type: "initTransactions" }]), { type: "send", values: ["x"] }).lastError?.message).toMatch(
      /beginTransaction/,
    );
  });
});

describe("producer properties", { timeout: 30_000 }, () => {
  const eventArb: fc.Arbitrary<ProducerEvent> = fc.oneof(
    fc.record({
      type: fc.constant("send" as const),
      partition: fc.integer({ min: 0, max: 1 }),
      values: fc.array(fc.constantFrom("a", "b", "c"), { minLength: 1, maxLength: 2 }),
    }),
    fc.record({
      type: fc.constant("deliver" as const),
      fault: fc.constantFrom("none" as const, "requestLost" as const, "responseLost" as const),
    }),
    fc.constant({ type: "flush" as const }),
  );

  it("with idempotence every sent record is written at most once and in send order per partition", () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 40 }), (evs) => {
        const s = run(mk({ partitions: 2 }), [...evs, { type: "flush" }]);
        for (const p of [0, 1]) {
          const rows = producerPartitionView(s, p)!.rows;
          expect(rows.filter((r) => r.duplicateOfOffset !== null)).toEqual([]);
          const seqs = rows.map((r) => r.sequence);
          expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
          expect(new Set(seqs).size).toBe(seqs.length);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("read_committed always sees a subset of read_uncommitted, and only offsets below the LSO", () => {
    const txArb: fc.Arbitrary<ProducerEvent> = fc.oneof(
      eventArb,
      fc.constantFrom<ProducerEvent>({ type: "beginTransaction" }, { type: "commitTransaction" }, { type: "abortTransaction" }),
    );
    fc.assert(
      fc.property(fc.array(txArb, { maxLength: 40 }), (evs) => {
        const s = run(mk({ partitions: 2, transactionalId: "t" }), [{ type: "initTransactions" }, ...evs]);
        for (const p of [0, 1]) {
          const view = producerPartitionView(s, p)!;
          const committed = consumerView(s, p, "read_committed");
          const all = new Set(consumerView(s, p, "read_uncommitted").map((r) => r.offset));
          for (const r of committed) {
            expect(all.has(r.offset)).toBe(true);
            expect(r.offset).toBeLessThan(view.lastStableOffset);
          }
          expect(view.lastStableOffset).toBeLessThanOrEqual(view.highWatermark);
        }
      }),
      { numRuns: 150 },
    );
  });
});
