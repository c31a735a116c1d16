/**
 * Validates an Okta org URL and returns its origin (`https://dev-123.okta.com`). Plain `http://` is refused
 * except on loopback (the emulator), because the API token would cross the network in clear text.
 * `from` names the config key or variable that held it, for the error.
 */
export function parseOrgUrl(value: string, from: string): string {
  const fix =
    "e.g. `pulumi config set okta-credentials:orgUrl https://login.example.com` (or okta:orgName + okta:baseUrl)";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${from} is not a URL: "${value}"; set the org's URL, ${fix}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`${from} must be an https:// URL (got a ${url.protocol} URL), ${fix}`);
  }
  if (url.protocol === "http:" && !isLoopback(url.hostname)) {
    throw new Error(
      `${from} uses plain http:// for ${url.hostname}, which would send the API token in clear text: ` +
        `use https:// (plain http is allowed only for loopback, such as the emulator), ${fix}`,
    );
  }
  if (url.username || url.password || url.search || url.hash || (url.pathname !== "/" && url.pathname !== "")) {
    throw new Error(
      `${from} must be the org's base URL, without a path, query or credentials (got "${url.origin}…"), ${fix}`,
    );
  }
  if (/-admin\./i.test(url.hostname)) {
    throw new Error(`${from} is the Admin Console's URL (${url.hostname}); use the org's URL without "-admin", ${fix}`);
  }
  return url.origin;
}

/** True for `localhost`, `::1` and `127.x.y.z`: hosts a plain-http URL may name. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "");
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}
