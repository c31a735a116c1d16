import { hole, normalized } from "./messageSites";

/**
 * The messages a page quotes: every code span inside bold text, e.g. ``**`no Okta org configured: run …`**`` (a span
 * may wrap across lines). Code spans outside bold text and code blocks are not messages.
 */
export function quotedMessages(markdown: string): string[] {
  const text = markdown.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, "");
  const quoted: string[] = [];
  let bold = false;
  for (let at = 0; at < text.length; ) {
    if (text[at] === "`") {
      const ticks = /^`+/.exec(text.slice(at))?.[0] ?? "`";
      const close = text.indexOf(ticks, at + ticks.length);
      if (close < 0) break;
      if (bold) quoted.push(spanText(text.slice(at + ticks.length, close)));
      at = close + ticks.length;
    } else if (text.startsWith("**", at)) {
      bold = !bold;
      at += 2;
    } else at++;
  }
  return quoted;
}

/** True when `fragment` (where `…` stands for any text) occurs in `pattern` (where a hole stands for a run-time part). */
export function fragmentMatches(fragment: string, pattern: string): boolean {
  const pieces = normalized(fragment).split("…");
  const escaped = pieces.map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(escaped.join("[\\s\\S]*?")).test(pattern);
}

/** The longest part of a quoted message that is checked literally (between its `…`). */
export function longestLiteral(fragment: string): string {
  return normalized(fragment)
    .split("…")
    .reduce((a, b) => (b.trim().length > a.trim().length ? b : a), "")
    .trim();
}

/** True when a pattern holds words of its own (two of them in a row), not only run-time parts and punctuation. */
export function hasWords(pattern: string): boolean {
  return pattern.split(hole).some((part) => /[A-Za-z]{2,} [A-Za-z]{2,}/.test(part));
}

/** A code span's text (CommonMark: one padding space stripped from each end), line breaks as spaces. */
function spanText(body: string): string {
  const text = body.replace(/\s+/g, " ");
  return /^ .* $/.test(text) && text.trim() !== "" ? text.slice(1, -1) : text;
}
