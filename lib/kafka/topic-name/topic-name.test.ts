import { describe, expect, it } from "vitest";
import fc from "fast-check";
import vectors from "../__fixtures__/kafka-test-vectors.json";
import {
  checkNewTopicName,
  COLLISION_WARNING,
  hasCollision,
  hasCollisionChars,
  isInternalTopic,
  unifyCollisionChars,
  validateTopicName,
} from "./index";

const v = vectors.topicName_validation_copied;
const c = vectors.topicName_collision_copied;
const nameOf = (e: { name: string; length?: number }) => (e.length ? "a".repeat(e.length) : e.name);

describe("validateTopicName (TopicTest vectors)", () => {
  it.each(v.valid)("accepts $name", (e) => {
    expect(validateTopicName(nameOf(e))).toMatchObject({ valid: true });
  });

  it.each(v.invalid)("rejects $name with Kafka's exact message", (e) => {
    const r = validateTopicName(nameOf(e));
    expect(r.valid).toBe(false);
    expect(r.error).toBe(e.expectedMessage_computed);
    expect(r.error!.startsWith(v.message_prefix)).toBe(true);
    expect(r.kafkaError).toBe("INVALID_TOPIC_EXCEPTION");
    expect(r.errorKo).toMatch(/[가-힣]/);
  });

  it.each(v.illegal_characters_copied.chars)("rejects names containing %j", (ch) => {
    expect(validateTopicName("Is " + ch + "illegal").valid).toBe(false);
  });

  it.each(v.messages_asserted_in_tests)("matches the message asserted in $source.method for '$name'", (e) => {
    const r = validateTopicName(e.name);
    if ("message" in e) expect(r.error).toBe(e.message);
    else expect(r.valid).toBe(true);
  });

  it("rejects Korean names and checks '..' before length and characters", () => {
    expect(validateTopicName("주문").valid).toBe(false);
    expect(validateTopicName("...").valid).toBe(true);
    const long = "a".repeat(250) + " ";
    expect(validateTopicName(long).error).toMatch(/longer than the max allowed length 249$/);
  });

  it("warns with the CLI's exact text for names containing '.' or '_'", () => {
    expect(validateTopicName("orders.v1").warnings).toEqual([c.cli_warning_text]);
    expect(COLLISION_WARNING).toBe(c.cli_warning_text);
    expect(validateTopicName("orders-v1").warnings).toEqual([]);
  });

  it("never throws and is valid exactly for 1–249 legal characters except '.' and '..'", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const legal = /^[a-zA-Z0-9._-]+$/.test(s) && s.length <= 249 && s !== "." && s !== "..";
        return validateTopicName(s).valid === legal;
      }),
    );
  });
});

describe("topic name collisions (TopicTest, ReplicationControlManagerTest)", () => {
  it.each(c.hasCollisionChars_false)("'%s' has no collision chars", (n) => expect(hasCollisionChars(n)).toBe(false));
  it.each(c.hasCollisionChars_true)("'%s' has collision chars", (n) => expect(hasCollisionChars(n)).toBe(true));
  it.each(Object.entries(c.unifyCollisionChars))("unifies '%s' to '%s'", (a, b) => expect(unifyCollisionChars(a)).toBe(b));
  it.each(c.hasCollision_true)("'%s' and '%s' collide", (a, b) => expect(hasCollision(a, b)).toBe(true));
  it.each(c.hasCollision_false)("'%s' and '%s' do not collide", (a, b) => expect(hasCollision(a, b)).toBe(false));

  it.each(c.controller_errors_copied.expected)("refuses to create $create: $message", (e) => {
    const existing = Object.values(c.controller_errors_copied.existing_normalized_to_existing).flat();
    expect(checkNewTopicName(e.create, existing)).toMatchObject({ ok: false, kafkaError: e.error, error: e.message });
  });

  it("reports an existing identical name as TOPIC_ALREADY_EXISTS before any collision", () => {
    expect(checkNewTopicName("foo_bar", ["foo_bar", "foo.bar"])).toMatchObject({
      kafkaError: "TOPIC_ALREADY_EXISTS",
      error: "Topic 'foo_bar' already exists.",
    });
    expect(checkNewTopicName("orders", ["payments"])).toEqual({ ok: true });
    expect(checkNewTopicName("", [])).toMatchObject({ error: "Topic name is invalid: the empty string is not allowed" });
  });
});

describe("internal topics", () => {
  it("knows Topic.isInternal's set and leaves __cluster_metadata out", () => {
    expect(isInternalTopic("__consumer_offsets")).toBe(true);
    expect(isInternalTopic("__transaction_state")).toBe(true);
    expect(isInternalTopic("__share_group_state")).toBe(true);
    expect(isInternalTopic("__cluster_metadata")).toBe(false);
    expect(isInternalTopic("orders")).toBe(false);
  });
});
