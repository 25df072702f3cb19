import { describe, expect, it } from "vitest";
import vectors from "../__fixtures__/kafka-test-vectors.json";
import {
  logDeleteDirName,
  offsetFromFileName,
  offsetFromFileNameBig,
  offsetIndexFileName,
  parseTopicPartitionName,
  partitionDirName,
  producerSnapshotFileName,
  segmentFileName,
  filenamePrefixFromOffset,
  timeIndexFileName,
  txnIndexFileName,
} from "./file-names";

const group = vectors.logSegment_fileNames;

describe("segment file names (logSegment_fileNames vectors)", () => {
  it("pads every copied offset to the copied 20-digit prefix / file name", () => {
    for (const v of group.copied) {
      if ("prefix" in v && v.prefix !== undefined) expect(filenamePrefixFromOffset(v.offset)).toBe(v.prefix);
      if ("file" in v && v.file !== undefined) expect(segmentFileName(v.offset)).toBe(v.file);
      if ("roundTrip" in v && v.roundTrip !== undefined) {
        for (const name of [segmentFileName(v.offset), offsetIndexFileName(v.offset), timeIndexFileName(v.offset)]) {
          expect(offsetFromFileName(name)).toBe(v.offset);
        }
      }
    }
  });

  it("formats Long.MAX_VALUE exactly when given as a bigint", () => {
    const max = BigInt("9223372036854775807");
    expect(segmentFileName(max)).toBe("09223372036854775807.log");
    expect(offsetFromFileNameBig(segmentFileName(max))).toBe(max);
  });

  it("names the index, time index, txn index and producer snapshot files after the offset", () => {
    expect(offsetIndexFileName(5)).toBe("00000000000000000005.index");
    expect(timeIndexFileName(5)).toBe("00000000000000000005.timeindex");
    expect(txnIndexFileName(5)).toBe("00000000000000000005.txnindex");
    expect(producerSnapshotFileName(15)).toBe("00000000000000000015.snapshot");
    expect(segmentFileName(7, ".log.deleted")).toBe("00000000000000000007.log.deleted");
  });
});

describe("partition directory names (partition_directory_copied)", () => {
  const dirs = group.partition_directory_copied;

  it("builds <topic>-<partition>", () => {
    expect(partitionDirName("my-topic", 0)).toBe("my-topic-0");
  });

  it("parses the valid copied directories at the last '-'", () => {
    expect(parseTopicPartitionName(dirs.valid[0].dir)).toEqual({ ok: true, value: { topic: "test_topic", partition: 143 } });
    const del = logDeleteDirName("foo.bar-testtopic", 42, "0123456789abcdef0123456789abcdef");
    expect(parseTopicPartitionName(del)).toEqual({ ok: true, value: { topic: dirs.valid[1].topic, partition: dirs.valid[1].partition } });
  });

  it("rejects every copied invalid directory name", () => {
    // The fixture annotates each name with a comment in parentheses; the name is the first token.
    const names = dirs.invalid.map((s) => (s.startsWith("''") ? "" : s.split(" ")[0]));
    expect(names).toEqual(["test_topic1999", "-1999", "test_topic-", "test_topic-1999a", "non_kafka_dir", "non_kafka_dir-delete", ""]);
    for (const n of names) {
      const r = parseTopicPartitionName(n);
      expect(r.ok, n).toBe(false);
      if (!r.ok) expect(r.error.message.length).toBeGreaterThan(0);
    }
  });

  it("caps a delete dir name at 255 characters by truncating a 249-char topic to 'n' + 212 'o's", () => {
    const topic = "n" + "o".repeat(248);
    const name = logDeleteDirName(topic, 3, "0123456789abcdef0123456789abcdef");
    expect(name.length).toBe(255);
    expect(name.startsWith("n" + "o".repeat(212) + "-3.")).toBe(true);
    expect(/^foo-3\.[0-9a-z]{32}-delete$/.test(logDeleteDirName("foo", 3, "0123456789abcdef0123456789abcdef"))).toBe(true);
  });
});
