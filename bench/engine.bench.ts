/**
 * Engine benchmark (prints, never asserts):
 *   (a) compacting a 1,000,000-record log (target < 1 s) vs a plain Map last-value-per-key pass
 *   (b) 10,000 replication reducer steps (target < 100 ms) vs a no-op reducer over the same events
 * Run: npx tsx bench/engine.bench.ts
 */
import { performance } from "node:perf_hooks";
import { createCompactionState, runCleanerRound } from "../lib/kafka/compaction";
import type { CompactionState } from "../lib/kafka/compaction";
import { appendMany, allRecords, rollSegment } from "../lib/kafka/log";
import type { RecordInput } from "../lib/kafka/log";
import { createReplicationState, stepReplication } from "../lib/kafka/replication";
import type { ReplicationEvent, ReplicationState } from "../lib/kafka/replication";
import { nextBelow, seedRng } from "../lib/kafka/core/rng";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => unknown, runs: number): number {
  fn(); // warm-up
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return median(out);
}

function report(name: string, ms: number, baselineName: string, baselineMs: number, targetMs: number): void {
  const ratio = baselineMs > 0 ? ms / baselineMs : Infinity;
  const verdict = ms < targetMs ? "within target" : "OVER target";
  console.log(`${name}: ${ms.toFixed(1)} ms (target < ${targetMs} ms, ${verdict})`);
  console.log(`  baseline ${baselineName}: ${baselineMs.toFixed(1)} ms → ratio ${ratio.toFixed(1)}×`);
}

// (a) compaction ------------------------------------------------------------------------------
const RECORDS = 1_000_000;
const KEYS = 50_000;
const PER_BATCH = 10;

function buildCompactedLog(): CompactionState {
  const created = createCompactionState({ segmentBytes: 1 << 20, minCleanableDirtyRatio: 0.5, seed: 1 });
  if (!created.ok) throw new Error(created.error.message);
  let rng = seedRng(42);
  const batches: { records: RecordInput[] }[] = [];
  for (let i = 0; i < RECORDS; i += PER_BATCH) {
    const records: RecordInput[] = [];
    for (let j = 0; j < PER_BATCH; j++) {
      let k: number;
      [k, rng] = nextBelow(rng, KEYS);
      // about 1 in 50 records is a tombstone
      records.push({ key: `k${k}`, value: k % 50 === 0 ? null : `v${i + j}`, timestamp: 1_000 + i, sizeBytes: 24 });
    }
    batches.push({ records });
  }
  const appended = appendMany(created.value.log, batches);
  if (!appended.ok) throw new Error(appended.error.message);
  return { ...created.value, log: rollSegment(appended.value.log) };
}

const tBuild = performance.now();
const dirty = buildCompactedLog();
const buildMs = performance.now() - tBuild;
const flat = allRecords(dirty.log);
console.log(
  `built ${flat.length.toLocaleString()} records in ${dirty.log.segments.length} segments (${buildMs.toFixed(0)} ms, not timed below)`,
);

let cleaned: CompactionState = dirty;
const compactMs = time(() => {
  cleaned = runCleanerRound(dirty);
}, 3);
const mapMs = time(() => {
  const m = new Map<string, string | null>();
  for (let i = 0; i < flat.length; i++) m.set(flat[i].key as string, flat[i].value);
  return m.size;
}, 3);
report("(a) compaction of 1M records (runCleanerRound)", compactMs, "Map last-value-per-key pass", mapMs, 1000);
console.log(
  `  kept ${cleaned.lastCleaning?.recordsRetained.toLocaleString()} of ${cleaned.lastCleaning?.recordsRead.toLocaleString()} records, ` +
    `${cleaned.lastCleaning?.groups.length} cleaned segments, dirty ratio before ${cleaned.lastCheck?.cleanableRatio.toFixed(2)}`,
);

// (b) replication -----------------------------------------------------------------------------
const STEPS = 10_000;

function replicationEvents(): ReplicationEvent[] {
  let rng = seedRng(7);
  let now = 0;
  const events: ReplicationEvent[] = [];
  for (let i = 0; i < STEPS; i++) {
    let r: number;
    [r, rng] = nextBelow(rng, 100);
    if (r < 45) events.push({ type: "produce", acks: r < 15 ? "all" : r < 30 ? "1" : "0", key: `k${r}`, value: `v${i}` });
    else if (r < 75) events.push({ type: "followerFetch", brokerId: r < 60 ? 2 : 3 });
    else if (r < 97) events.push({ type: "tick", nowMs: (now += 100) });
    else if (r < 98) events.push({ type: "brokerDown", brokerId: 3, notifyController: true });
    else if (r < 99) events.push({ type: "brokerUp", brokerId: 3 });
    else events.push({ type: "setFollowerPaused", brokerId: 2, paused: r % 2 === 0 });
  }
  return events;
}

const events = replicationEvents();
const created = createReplicationState({ replicas: [1, 2, 3], minInsyncReplicas: 2, followerFetchIntervalMs: 500 });
if (!created.ok) throw new Error(created.error.message);
const start: ReplicationState = created.value;

let final: ReplicationState = start;
const replMs = time(() => {
  let s = start;
  for (let i = 0; i < events.length; i++) s = stepReplication(s, events[i]);
  final = s;
}, 5);

function noop(s: ReplicationState, e: ReplicationEvent): ReplicationState {
  switch (e.type) {
    default:
      return s;
  }
}
const noopMs = time(() => {
  let s = start;
  for (let i = 0; i < events.length; i++) s = noop(s, events[i]);
  return s;
}, 5);
report("(b) 10k replication steps (stepReplication)", replMs, "no-op reducer loop", noopMs, 100);
console.log(`  final LEO ${final.replicas[0].leo}, leader ${final.leader}, epoch ${final.leaderEpoch}, ISR [${final.isr.join(", ")}]`);
