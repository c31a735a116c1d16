/**
 * The most of an answer's body read: far above any answer of Okta's this package reads (an app, two secrets, 50 keys
 * are some tens of KB), far below what would strain the process. The rest of a larger body is not read.
 */
const maxAnswerBytes = 2 * 1024 * 1024;

/** An answer's body as read: its JSON, or what it was instead, for an error that says what came back. */
interface AnswerBody {
  /** The parsed JSON; undefined for an empty body or one that is not JSON. */
  json: unknown;
  /** Why the body cannot be Okta's answer, e.g. `an HTML page (…)`; undefined for an empty body or one that is JSON. */
  summary?: string;
}

/** Reads at most {@link maxAnswerBytes} of a response's body (then stops reading) and says what it holds. */
export async function readAnswerBody(response: Response, maxBytes = maxAnswerBytes): Promise<AnswerBody> {
  const contentType = response.headers.get("content-type")?.split(";")[0]?.trim() || "no content type";
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  const reader = response.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > maxBytes) {
        await reader.cancel();
        return {
          json: undefined,
          summary: `an answer of more than ${mebibytes(maxBytes)} (${contentType}; the rest was not read), far larger than any of Okta's`,
        };
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return { json: undefined };
  const json = parseJson(text);
  if (json !== undefined) return { json };
  return describeText(text, contentType, bytes);
}

function describeText(text: string, contentType: string, bytes: number): AnswerBody {
  const size = `${contentType}, ${bytes} bytes`;
  if (contentType === "text/html" || /^\s*<(!doctype|html)/i.test(text)) {
    const title = /<title>([^<]{1,200})<\/title>/i.exec(text)?.[1]?.replace(/\s+/g, " ").trim();
    const shown = title ? `, titled "${title.length > 80 ? `${title.slice(0, 80)}…` : title}"` : "";
    return {
      json: undefined,
      summary: `an HTML page (${size}${shown}), which a proxy, a load balancer or a sign-in page sends, not Okta's API`,
    };
  }
  if (contentType.endsWith("json") || /^\s*[[{]/.test(text)) {
    return {
      json: undefined,
      summary: `JSON cut short or malformed (${size}): the answer ended before it was whole, as when a connection closes early`,
    };
  }
  return { json: undefined, summary: `a body that is not JSON (${size})` };
}

function mebibytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
