// Runs once when a server instance starts: refuse to serve with a bad environment
// (e.g. an AUTH_SECRET shorter than 32 bytes) instead of answering every request with an error.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { parseEnv } = await import("./lib/env-schema");
  try {
    parseEnv(process.env);
  } catch (e) {
    console.error((e as Error).message);
    // Looked up at run time: this file is also compiled for the Edge runtime, which has no exit.
    (Reflect.get(process, "exit") as (code: number) => never)(1);
  }
}
