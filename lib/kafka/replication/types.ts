/**
 * Data model of one replicated partition (`Partition`, `Replica`, the controller's
 * `PartitionChangeBuilder`). Replica logs are modelled by their LEO and leader-epoch cache: a record
 * is identified by (leader epoch, offset), which is exactly what Kafka uses to find divergence.
 */
import type { ChunkedList } from "../core/chunked-list";
import type { SimError } from "../core/errors";
import type { ProfileId } from "../core/profile";

/** Producer `acks`. */
export type Acks = "0" | "1" | "all";

/** Election types of `PartitionChangeBuilder` / `kafka-leader-election.sh`. */
export type ElectionKind = "ONLINE" | "UNCLEAN" | "PREFERRED";

/** Leader-epoch cache entry: records from `startOffset` on were written in `epoch`. */
export interface EpochEntry {
  epoch: number;
  startOffset: number;
}

/** The leader's view of a follower (`Replica.ReplicaState`), reset on every leader change. */
export interface FollowerFetchState {
  /** Fetch offset the follower last reported (= its LEO then); -1 = unknown. */
  leo: number;
  /** Last time the follower was caught up (null = never since this leader took over). */
  lastCaughtUpTimeMs: number | null;
  lastFetchTimeMs: number | null;
  /** Leader LEO at the follower's previous fetch (-1 = none). */
  lastFetchLeaderLeo: number;
}

/** One replica of the partition, on one broker. */
export interface ReplicaState {
  brokerId: number;
  /** Broker process is up (it fetches, serves, accepts produce when leader). */
  running: boolean;
  /** Controller's view: a fenced broker is neither eligible as leader nor for the ISR. */
  fenced: boolean;
  /** Follower fetcher paused (slow disk / network partition) while the broker stays up. */
  paused: boolean;
  leo: number;
  /** This replica's own high watermark (a follower learns it from fetch responses). */
  hw: number;
  epochs: EpochEntry[];
  fetchState: FollowerFetchState;
  /**
   * How the broker last stopped: false after a crash (an unclean shutdown, which takes it out of
   * the ELR when it registers again, KIP-966), true after a controlled shutdown or while running.
   */
  cleanShutdown: boolean;
}

/** Status of a produce request from the producer's point of view. */
export type ProduceStatus = "pending" | "acknowledged" | "failed" | "sent";

/** One produce request (one record). */
export interface ProduceRequest {
  id: number;
  acks: Acks;
  key: string | null;
  value: string | null;
  /** Offset the leader appended the record at (-1 if rejected). */
  offset: number;
  /** Offset reported to the producer: -1 for acks=0 (it never hears back) and for rejections. */
  responseOffset: number;
  /** Epoch of the leader that appended it (-1 if rejected). */
  leaderEpoch: number;
  requestedAtMs: number;
  completedAtMs: number | null;
  status: ProduceStatus;
  /** Kafka error name when failed. */
  error: string | null;
}

/** A record that exists on some replica but not on the (new) leader, so it will be truncated away. */
export interface DivergentRecord {
  offset: number;
  epoch: number;
  /** Replicas that hold it now. */
  replicas: number[];
  requestId: number | null;
  acks: Acks | null;
  acknowledged: boolean;
}

/** One leader election as the controller recorded it. */
export interface ElectionRecord {
  atMs: number;
  kind: ElectionKind;
  trigger: string;
  previousLeader: number;
  leader: number;
  leaderEpoch: number;
  unclean: boolean;
  isr: number[];
  /** ELR after the election (KIP-966; [] when off). */
  elr: number[];
  /** The leader came from the ELR (the ISR was empty). */
  fromElr: boolean;
  /** The leader was KIP-966's last known leader (ISR and ELR empty); `unclean` is then true as in Kafka. */
  lastKnownLeader: boolean;
  /** Records on other replicas that the new leader does not have (lost for good when unclean). */
  divergentRecords: DivergentRecord[];
}

/** A follower truncating its log to match the leader (leader-epoch based, KIP-101). */
export interface TruncationRecord {
  atMs: number;
  brokerId: number;
  fromLeo: number;
  toOffset: number;
}

/** Partition / topic / broker settings relevant to replication. */
export interface ReplicationConfig {
  topic: string;
  partition: number;
  /** Assignment; replicas[0] is the preferred leader. */
  replicas: number[];
  /** min.insync.replicas */
  minInsyncReplicas: number;
  /** replica.lag.time.max.ms */
  replicaLagTimeMaxMs: number;
  /** unclean.leader.election.enable */
  uncleanLeaderElectionEnable: boolean;
  /** 3.7+ (KAFKA-15583): HW frozen while |ISR| < min(min.insync.replicas, RF); effective min ISR capped at RF. */
  modernMinIsr: boolean;
  defaultAcks: Acks;
  /** Followers fetch every this many ms on `tick` (0 = only explicit followerFetch events). */
  followerFetchIntervalMs: number;
  /** Records per follower fetch (stands in for replica.fetch.max.bytes). */
  maxFetchRecords: number;
  /** request.timeout.ms for acks=all waits. */
  requestTimeoutMs: number;
  /**
   * KIP-966 eligible leader replicas: the controller keeps replicas that left the ISR below
   * min.insync.replicas as ELR, lets the ISR become empty and elects an ELR member when it is.
   * On in the 4.x profile with KRaft (a cluster created with 4.1+), off in 2.x and with ZooKeeper.
   */
  eligibleLeaderReplicas: boolean;
  /** auto.leader.rebalance.enable */
  autoLeaderRebalanceEnable: boolean;
  /** leader.imbalance.check.interval.seconds × 1000 */
  leaderImbalanceCheckIntervalMs: number;
  /** KRaft re-checks leaderless partitions for unclean election this often (ZooKeeper acts on the config change). */
  uncleanElectionCheckIntervalMs: number;
  metadataMode: "kraft" | "zookeeper";
  profile: ProfileId;
}

/** Scheduled work driven by `tick`. */
export interface ReplicationTimers {
  nextFetchMs: number | null;
  nextIsrCheckMs: number;
  nextUncleanCheckMs: number;
  nextRebalanceCheckMs: number | null;
}

/** The replicated partition. */
export interface ReplicationState {
  config: ReplicationConfig;
  nowMs: number;
  leader: number;
  leaderEpoch: number;
  isr: number[];
  /** Eligible leader replicas (KIP-966); always [] when `config.eligibleLeaderReplicas` is off. ELR ∩ ISR = ∅. */
  elr: number[];
  /**
   * KIP-966's last known leader (`lastKnownElr` with `useLastKnownLeaderInBalancedRecovery`): the
   * leader at the moment the ISR became empty, elected (as an unclean election) when it is back and
   * neither ISR nor ELR has anyone. [] otherwise.
   */
  lastKnownLeader: number[];
  /** False while no controller is active (KRaft ISR changes and all elections then stall). */
  controllerAvailable: boolean;
  /** In assignment order. */
  replicas: ReplicaState[];
  /** Every produce request, by id (chunked so appends stay cheap). */
  requests: ChunkedList<ProduceRequest>;
  /** Ids of acks=all requests waiting for the HW. */
  pending: number[];
  timers: ReplicationTimers;
  elections: ElectionRecord[];
  truncations: TruncationRecord[];
  isrChanges: { atMs: number; isr: number[]; elr: number[]; reason: string }[];
  uncleanElections: number;
  lastProduce: ProduceRequest | null;
  lastError: SimError | null;
}

/** Options accepted by `createReplicationState`. */
export type ReplicationInit = Partial<Omit<ReplicationConfig, "profile">> & {
  profile?: ProfileId;
  /** Used when `replicas` is not given: the first RF brokers, rotated by the partition number. */
  brokers?: number[];
  replicationFactor?: number;
  nowMs?: number;
};

/** Events of the replication reducer. */
export type ReplicationEvent =
  | { type: "produce"; acks?: Acks; key?: string | null; value?: string | null }
  | { type: "followerFetch"; brokerId: number }
  | { type: "tick"; nowMs: number }
  | { type: "brokerDown"; brokerId: number; notifyController?: boolean; graceful?: boolean }
  | { type: "brokerFenced"; brokerId: number }
  | { type: "brokerUp"; brokerId: number }
  | { type: "setFollowerPaused"; brokerId: number; paused: boolean }
  | { type: "electLeader"; kind: "PREFERRED" | "UNCLEAN" }
  | { type: "setUncleanLeaderElection"; enabled: boolean }
  | { type: "setControllerAvailable"; available: boolean };
