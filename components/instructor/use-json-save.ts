"use client";

import { useState } from "react";
import type { FieldErrors } from "@/lib/db/instructor-schema";

/**
 * The save half of an instructor form: sends JSON, shows the server's Korean message and field errors
 * on a 4xx, and keeps what was typed when the server cannot be reached. `send` resolves to the response
 * body on success and to null otherwise (the message is already set).
 */
export function useJsonSave() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  /** aria-invalid and aria-describedby for a field that has an error (its message has id `err-<name>`). */
  const described = (name: string) => (errors[name] ? { "aria-invalid": true, "aria-describedby": `err-${name}` } : {});

  async function send<T>(url: string, method: "POST" | "PUT", body: unknown): Promise<T | null> {
    setPending(true);
    setMessage(null);
    try {
      const res = await fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      const data = await res.json().catch(() => ({}));
      if (!res.ok) {
        setErrors(data.fieldErrors ?? {});
        setMessage(data.error ?? "저장하지 못했습니다.");
        return null;
      }
      setErrors({});
      return data as T;
    } catch {
      setMessage("서버에 연결하지 못했습니다. 입력한 내용은 그대로 있습니다.");
      return null;
    } finally {
      setPending(false);
    }
  }

  return { errors, setErrors, message, setMessage, pending, described, send };
}
