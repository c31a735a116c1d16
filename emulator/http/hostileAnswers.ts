import type { FaultSpec } from "../types";

// Answers no Okta API gives but a proxy, a load balancer or a misbehaving server in front of an org may: what a client
// must survive with a clear error (the control API's `redirect`, `html`, `truncate` and `hugeBytes` faults).

/** A redirect to the fault's `Location`, with the small HTML body servers send along. */
export function redirectAnswer(fault: FaultSpec): Response {
  const status = fault.status ?? 302;
  const location = fault.redirect as string;
  return new Response(`<html><body>Moved: <a href="${location}">${location}</a></body></html>`, {
    status,
    headers: { Location: location, "Content-Type": "text/html; charset=utf-8" },
  });
}

/** An HTML error page such as nginx answers for an unreachable upstream (502 by default). */
export function htmlAnswer(fault: FaultSpec): Response {
  const status = fault.status ?? 502;
  const title = `${status} ${status === 200 ? "OK" : status === 503 ? "Service Temporarily Unavailable" : "Bad Gateway"}`;
  const page = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
  return new Response(page, { status, headers: { "Content-Type": "text/html" } });
}

/** `hugeBytes` of valid JSON: an array of strings. */
export function hugeAnswer(fault: FaultSpec): Response {
  const size = fault.hugeBytes as number;
  const item = `"${"x".repeat(1022)}"`;
  const items = Math.max(0, Math.floor((size - 2) / (item.length + 1)));
  const body = `[${Array.from({ length: items }, () => item).join(",")}]`;
  return new Response(body.length >= size ? body : `${body.slice(0, -1)}${" ".repeat(size - body.length)}]`, {
    status: fault.status ?? 200,
    headers: { "Content-Type": "application/json" },
  });
}

/** The real answer cut to half its length, its status and headers kept (but the length). */
export async function truncatedAnswer(real: Response): Promise<Response> {
  const text = await real.text();
  const headers = new Headers(real.headers);
  headers.delete("Content-Length");
  return new Response(text.slice(0, Math.floor(text.length / 2)), { status: real.status, headers });
}
