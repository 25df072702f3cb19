// The floor for a quiz submission on this machine: bare node:http + better-sqlite3, no framework.
// It does the work a submission must do, and nothing else: checks an HMAC-signed session cookie,
// reads a capped JSON body, grades against the key, stores the attempt and its responses in one
// transaction (WAL, synchronous=NORMAL). `npm run bench` measures the app against it.
//   PORT, FLOOR_DB (file path), FLOOR_SECRET, FLOOR_KEY (JSON: question id → correct answer)
import Database from "better-sqlite3";
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";

const secret = process.env.FLOOR_SECRET ?? "floor-secret-floor-secret-floor-secret";
const key = JSON.parse(process.env.FLOOR_KEY ?? "{}");
const db = new Database(process.env.FLOOR_DB ?? ":memory:");
db.pragma("journal_mode = WAL");
db.pragma("synchronous = NORMAL");
db.pragma("busy_timeout = 5000");
db.exec(`CREATE TABLE IF NOT EXISTS attempt (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, chapter TEXT NOT NULL,
  score REAL NOT NULL, max_score REAL NOT NULL, submitted_at INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS response (id TEXT PRIMARY KEY, attempt_id TEXT NOT NULL REFERENCES attempt(id),
  question_id TEXT NOT NULL, answer TEXT NOT NULL, correct INTEGER NOT NULL);`);
const insertAttempt = db.prepare("INSERT INTO attempt VALUES (?, ?, ?, ?, ?, ?)");
const insertResponse = db.prepare("INSERT INTO response VALUES (?, ?, ?, ?, ?)");
const store = db.transaction((userId, chapter, results) => {
  const id = randomUUID();
  const score = results.filter((r) => r.correct).length;
  insertAttempt.run(id, userId, chapter, score, results.length, Date.now());
  for (const r of results) insertResponse.run(randomUUID(), id, r.id, r.answer, r.correct ? 1 : 0);
  return { id, score, maxScore: results.length };
});

/** `floor=<userId>.<base64url HMAC-SHA256(userId)>` → userId, or null. */
export function userFromCookie(header, s = secret) {
  const m = /(?:^|;\s*)floor=([^.;]+)\.([A-Za-z0-9_-]+)/.exec(header ?? "");
  if (!m) return null;
  const want = createHmac("sha256", s).update(m[1]).digest();
  const got = Buffer.from(m[2], "base64url");
  return got.length === want.length && timingSafeEqual(got, want) ? m[1] : null;
}

const send = (res, status, body) => {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
};

createServer((req, res) => {
  const user = userFromCookie(req.headers.cookie);
  if (!user) return send(res, 401, { error: "로그인이 필요합니다." });
  if (req.method !== "POST" || req.headers["content-type"] !== "application/json") return send(res, 415, { error: "JSON이 필요합니다." });
  const chunks = [];
  let size = 0;
  req.on("data", (c) => {
    size += c.length;
    if (size > 65536) {
      send(res, 413, { error: "요청 본문이 너무 큽니다." });
      req.destroy();
    } else chunks.push(c);
  });
  req.on("end", () => {
    if (res.headersSent) return;
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    } catch {
      return send(res, 400, { error: "올바른 JSON이 아닙니다." });
    }
    if (typeof body?.answers !== "object" || body.answers === null) return send(res, 400, { error: "answers가 필요합니다." });
    const results = Object.entries(key).map(([id, want]) => {
      const answer = JSON.stringify(body.answers[id] ?? null);
      return { id, answer, correct: answer === JSON.stringify(want) };
    });
    const chapter = req.url?.split("/")[3] ?? "";
    send(res, 201, store(user, chapter, results));
  });
}).listen(Number(process.env.PORT ?? 3122), "127.0.0.1");
