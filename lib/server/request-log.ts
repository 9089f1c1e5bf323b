/** One log line per event: errors must never span lines, so log scrapers and humans see one record each. */
export function logLine(level: "info" | "error", requestId: string | null, message: string): void {
  const oneLine = message.replace(/\s*\n\s*/g, " | ");
  const line = `${new Date().toISOString()} ${level.toUpperCase()}${requestId ? ` req=${requestId}` : ""} ${oneLine}`;
  if (level === "error") console.error(line);
  else console.log(line);
}
