/**
 * Topic-partition keys and the orderings the assignors rely on. A partition is the string
 * `${topic}-${partition}` (Kafka's `TopicPartition.toString`), parsed at the LAST '-' because
 * topic names may contain '-'.
 */
import type { AssignorMember } from "./assignor-types";

/** Builds the key of a topic-partition. */
export function tpKey(topic: string, partition: number): string {
  return `${topic}-${partition}`;
}

/** Splits a key at its last '-' into topic and partition number. */
export function parseTp(key: string): { topic: string; partition: number } {
  const i = key.lastIndexOf("-");
  return { topic: key.slice(0, i), partition: Number(key.slice(i + 1)) };
}

/** Orders topic-partitions by topic name then partition number (`TopicPartitionComparator`). */
export function compareTp(a: string, b: string): number {
  const x = parseTp(a);
  const y = parseTp(b);
  if (x.topic !== y.topic) return x.topic < y.topic ? -1 : 1;
  return x.partition - y.partition;
}

/** All partitions of the given topics that exist, sorted by topic then partition. */
export function allPartitionsSorted(partitions: Record<string, number>, topics: Iterable<string>): string[] {
  const names = [...new Set(topics)].filter((t) => partitions[t] !== undefined).sort();
  const out: string[] = [];
  for (const t of names) for (let p = 0; p < partitions[t]; p++) out.push(tpKey(t, p));
  return out;
}

/** `MemberInfo.compareTo`: static members (by group.instance.id) first, then dynamic ones by member.id. */
export function compareMembers(a: AssignorMember, b: AssignorMember): number {
  const ai = a.groupInstanceId ?? null;
  const bi = b.groupInstanceId ?? null;
  if (ai !== null && bi !== null) return ai < bi ? -1 : ai > bi ? 1 : 0;
  if (ai !== null) return -1;
  if (bi !== null) return 1;
  return a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0;
}

/** Returns the members sorted with `compareMembers` (input untouched). */
export function sortMembers<T extends AssignorMember>(members: readonly T[]): T[] {
  return [...members].sort(compareMembers);
}
