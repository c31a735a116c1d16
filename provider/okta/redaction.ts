/**
 * Redaction: every credential a request carried (an API token, an access token, a client secret, a client assertion,
 * a DPoP proof, an Authorization header) is cut out of any text an answer brings back before it goes into an error,
 * also where the answer quotes it form- or URL-encoded or escaped in JSON (an echoing proxy, an API that repeats the
 * request). Values shorter than 8 characters are no credential this package sends and are left alone.
 */
export function redactor(credentials: readonly string[]): (text: string) => string {
  const forms = credentials.filter((s) => s.length >= 8).flatMap(encodings);
  return (text) => forms.reduce((t, s) => t.split(s).join("[redacted]"), text);
}

/** A credential as an answer may quote it: as sent, form- or URL-encoded, or escaped in a JSON string. */
function encodings(value: string): string[] {
  const forms = [
    value,
    encodeURIComponent(value),
    new URLSearchParams({ v: value }).toString().slice(2),
    JSON.stringify(value).slice(1, -1),
  ];
  return [...new Set(forms)];
}
