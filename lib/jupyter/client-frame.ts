/*
 * One call for the server's WebSocket handler: bytes in, a validated client message or an error
 * value out. The size check comes first so an oversized frame is refused before any JSON parsing.
 */
import { decodeFrame, type Framing } from "./framing";
import type { ClientMessage } from "./messages";
import { validateClientMessage, type Validated } from "./validate";

/** Default cap on one client message (the code of a cell plus headers): 16 MiB, like the server's ws maxPayload. */
export const DEFAULT_MAX_CLIENT_MESSAGE_BYTES = 16 * 1024 * 1024;

export function decodeClientFrame(
  data: string | Uint8Array,
  framing: Framing,
  maxBytes: number = DEFAULT_MAX_CLIENT_MESSAGE_BYTES,
): Validated<ClientMessage> {
  // A JS string's UTF-8 size is at most 3 bytes per UTF-16 unit; only measure exactly near the cap.
  const size =
    typeof data === "string"
      ? data.length * 3 <= maxBytes
        ? data.length
        : new TextEncoder().encode(data).byteLength
      : data.byteLength;
  if (size > maxBytes) {
    return { ok: false, error: { reason: "too_large", message: `message of ${size} bytes exceeds the limit of ${maxBytes} bytes` } };
  }
  const raw = decodeFrame(data, framing);
  return raw.ok ? validateClientMessage(raw.value) : raw;
}
