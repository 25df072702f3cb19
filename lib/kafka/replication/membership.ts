/**
 * Controller-side partition changes: broker failure/fencing and restart, leader elections
 * (online, unclean, preferred) with leader-epoch bumps, and the records a new leader does not have.
 */
import { chunkedToArray } from "../core/chunked-list";
import { divergenceOffset, epochAt } from "./epochs";
import { failAllPending, replicaOf, settle, withReplica } from "./high-watermark";
import { targetElr } from "./elr";
import { electLeader } from "./leader-election";
import type { DivergentRecord, ElectionKind, ProduceRequest, ReplicationState } from "./types";

/** Brokers the controller considers alive (registered and unfenced). */
export function aliveReplicas(s: ReplicationState): number[] {
  return s.replicas.filter((r) => !r.fenced).map((r) => r.brokerId);
}

/** Records on other replicas beyond their divergence point with `leaderId`'s log. */
export function divergentRecords(s: ReplicationState, leaderId: number): DivergentRecord[] {
  const leader = replicaOf(s, leaderId);
  if (!leader) return [];
  const found = new Map<string, DivergentRecord>();
  let index: Map<string, ProduceRequest> | null = null;
  for (const r of s.replicas) {
    if (r.brokerId === leaderId) continue;
    for (let o = divergenceOffset(r, leader); o < r.leo; o++) {
      const epoch = epochAt(r.epochs, o);
      const k = `${epoch}:${o}`;
      const prev = found.get(k);
      if (prev) {
        prev.replicas.push(r.brokerId);
        continue;
      }
      index ??= new Map(
        chunkedToArray(s.requests)
          .filter((q) => q.offset >= 0)
          .map((q) => [`${q.leaderEpoch}:${q.offset}`, q]),
      );
      const req = index.get(k);
      found.set(k, {
        offset: o,
        epoch,
        replicas: [r.brokerId],
        requestId: req?.id ?? null,
        acks: req?.acks ?? null,
        acknowledged: req?.status === "acknowledged",
      });
    }
  }
  return [...found.values()].sort((a, b) => a.offset - b.offset || a.epoch - b.epoch);
}

/**
 * Installs a new leader (or -1): bumps the leader epoch, starts the new epoch at the leader's LEO
 * in its cache, resets the leader's view of every follower, fails requests waiting on the old
 * leader, and records the election with the records other replicas will have to truncate.
 * `elr` is the change's target ELR (KIP-966): a leader taken from it becomes the sole ISR member
 * and leaves it; an unclean election clears it (`tryElection`, `maybeUpdateRecordElr`).
 */
export function applyLeaderChange(
  s: ReplicationState,
  leader: number,
  isr: number[],
  kind: ElectionKind,
  unclean: boolean,
  trigger: string,
  elr: number[] = targetElr(s, isr),
  viaLastKnownLeader = false,
): ReplicationState {
  const isrChange = (out: ReplicationState, newIsr: number[], newElr: number[]) =>
    newIsr.join() === s.isr.join() && newElr.join() === s.elr.join()
      ? out.isrChanges
      : [...out.isrChanges, { atMs: s.nowMs, isr: newIsr, elr: newElr, reason: trigger }];
  // `maybeUpdateLastKnownLeader`: remember the leader when the ISR first becomes empty; forget it once there is a leader.
  const lastKnown = (newIsr: number[], newLeader: number) =>
    !s.config.eligibleLeaderReplicas
      ? []
      : newIsr.length === 0 && s.isr.length > 0 && s.leader >= 0
        ? [s.leader]
        : newLeader >= 0
          ? []
          : s.lastKnownLeader;
  if (leader === s.leader) return settle({ ...s, isr, elr, lastKnownLeader: lastKnown(isr, leader), isrChanges: isrChange(s, isr, elr) });
  const epoch = s.leaderEpoch + 1;
  const fromElr = !unclean && leader >= 0 && !isr.includes(leader) && elr.includes(leader);
  const newIsr = unclean || fromElr ? [leader] : isr;
  const newElr = unclean ? [] : fromElr ? elr.filter((r) => r !== leader) : elr;
  const divergent = leader >= 0 ? divergentRecords(s, leader) : [];
  let out: ReplicationState = {
    ...s,
    leader,
    leaderEpoch: epoch,
    isr: newIsr,
    elr: newElr,
    lastKnownLeader: lastKnown(newIsr, leader),
    uncleanElections: s.uncleanElections + (unclean ? 1 : 0),
    isrChanges: isrChange(s, newIsr, newElr),
    replicas: s.replicas.map((r) =>
      r.brokerId === leader
        ? { ...r, epochs: [...r.epochs, { epoch, startOffset: r.leo }] }
        : {
            ...r,
            fetchState: {
              leo: -1,
              lastCaughtUpTimeMs: newIsr.includes(r.brokerId) ? s.nowMs : null,
              lastFetchTimeMs: null,
              lastFetchLeaderLeo: -1,
            },
          },
    ),
  };
  out = {
    ...out,
    elections: [
      ...s.elections,
      {
        atMs: s.nowMs,
        kind,
        trigger,
        previousLeader: s.leader,
        leader,
        leaderEpoch: epoch,
        unclean,
        isr: newIsr,
        elr: newElr,
        fromElr,
        lastKnownLeader: viaLastKnownLeader,
        divergentRecords: divergent,
      },
    ],
  };
  return settle(out); // pending requests of the old epoch fail with NOT_LEADER_OR_FOLLOWER here
}

/**
 * Runs an election of `kind` over `targetIsr` and applies its outcome. `uncleanShutdown` replicas
 * (back after a crash) leave the ELR first and cannot lead in this change.
 */
export function runElection(
  s: ReplicationState,
  targetIsr: number[],
  kind: ElectionKind,
  trigger: string,
  uncleanShutdown: number[] = [],
): ReplicationState {
  if (!s.controllerAvailable) return s;
  const elr = targetElr(s, targetIsr, uncleanShutdown);
  const alive = aliveReplicas(s).filter((r) => !uncleanShutdown.includes(r));
  const outcome = electLeader(
    {
      replicas: s.config.replicas,
      isr: targetIsr,
      ...(s.config.eligibleLeaderReplicas ? { elr, lastKnownLeader: s.lastKnownLeader } : {}),
      currentLeader: s.leader,
      alive,
    },
    kind,
  );
  return applyLeaderChange(s, outcome.leader, targetIsr, kind, outcome.unclean, trigger, elr, !!outcome.lastKnownLeader);
}

/** Election type used when a broker change leaves the partition to be re-elected. */
export function onlineElectionKind(s: ReplicationState): ElectionKind {
  return s.config.uncleanLeaderElectionEnable ? "UNCLEAN" : "ONLINE";
}

/**
 * Controller fences a broker (KRaft: missed heartbeats for broker.session.timeout.ms; ZooKeeper:
 * session expired): it leaves the ISR unless it is the last member, and leadership moves if needed.
 * With ELR (KIP-966) it leaves even as the last member: the ISR may be empty, and the replicas that
 * left it below min.insync.replicas are the ELR.
 */
export function fenceBroker(s: ReplicationState, brokerId: number): ReplicationState {
  const r = replicaOf(s, brokerId);
  if (!r || !s.controllerAvailable) return s;
  const fenced = withReplica(s, brokerId, (x) => ({ ...x, fenced: true }));
  const leaves = s.isr.includes(brokerId) && (s.isr.length > 1 || s.config.eligibleLeaderReplicas);
  const targetIsr = leaves ? s.isr.filter((id) => id !== brokerId) : s.isr;
  if (s.leader === brokerId || s.leader < 0) return runElection(fenced, targetIsr, onlineElectionKind(s), `브로커 ${brokerId} 펜싱`);
  return applyLeaderChange(fenced, s.leader, targetIsr, "ONLINE", false, `브로커 ${brokerId} 펜싱으로 ISR에서 제외`);
}

/**
 * The broker process stops; with `notifyController` the controller fences it right away.
 * `graceful` = controlled shutdown; otherwise a crash, which counts as an unclean shutdown when the
 * broker registers again (KIP-966).
 */
export function brokerDown(s: ReplicationState, brokerId: number, notifyController: boolean, graceful = false): ReplicationState {
  if (!replicaOf(s, brokerId)) return s;
  let out = withReplica(s, brokerId, (r) => ({ ...r, running: false, cleanShutdown: graceful }));
  if (s.leader === brokerId) out = failAllPending(out, "NETWORK_EXCEPTION");
  return notifyController ? fenceBroker(out, brokerId) : out;
}

/**
 * The broker restarts and registers: it is unfenced (only if a controller is there to register
 * with), and a leaderless partition is re-elected. With ELR, a broker back from a crash is first
 * taken out of the ISR and the ELR (`handleBrokerUncleanShutdown`): it may have lost the tail of
 * its log, so it must not be elected from the ELR.
 */
export function brokerUp(s: ReplicationState, brokerId: number): ReplicationState {
  const r = replicaOf(s, brokerId);
  if (!r) return s;
  let out = s;
  if (
    s.config.eligibleLeaderReplicas &&
    !r.cleanShutdown &&
    s.controllerAvailable &&
    (s.elr.includes(brokerId) || s.isr.includes(brokerId))
  )
    out = runElection(
      out,
      out.isr.filter((id) => id !== brokerId),
      onlineElectionKind(out),
      `브로커 ${brokerId}의 비정상 종료(unclean shutdown) 확인`,
      [brokerId],
    );
  out = withReplica(out, brokerId, (x) => ({
    ...x,
    running: true,
    cleanShutdown: true,
    fenced: s.controllerAvailable ? false : x.fenced,
  }));
  return out.leader < 0 ? runElection(out, out.isr, onlineElectionKind(out), `브로커 ${brokerId} 복귀`) : settle(out);
}

/** Periodic KRaft check: a leaderless partition gets an unclean leader once the topic allows it. */
export function maybeUncleanElection(s: ReplicationState): ReplicationState {
  if (s.leader >= 0 || !s.config.uncleanLeaderElectionEnable) return s;
  return runElection(s, s.isr, "UNCLEAN", "unclean.leader.election.enable 주기 점검");
}

/** auto.leader.rebalance.enable: move leadership back to the preferred replica when it is in sync. */
export function maybeRebalanceLeader(s: ReplicationState): ReplicationState {
  if (!s.config.autoLeaderRebalanceEnable || s.leader === s.config.replicas[0] || s.leader < 0) return s;
  return runElection(s, s.isr, "PREFERRED", "auto.leader.rebalance (선호 리더 복귀)");
}
