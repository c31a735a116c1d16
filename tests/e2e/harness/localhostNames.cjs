// Loaded with `NODE_OPTIONS=--require` into the Pulumi processes of an end-to-end test that reaches the emulator by
// an Okta-style host name (`okta:orgName` + `okta:baseUrl`, e.g. `https://e2e-org.localhost:PORT`). RFC 6761 (6.3)
// asks resolvers to answer every `*.localhost` name with loopback, as systemd-resolved and browsers do; this
// machine's resolver does not, so this does it for `dns.lookup`, which Node's fetch uses. Nothing else changes.
const dns = require("node:dns");

const lookup = dns.lookup;
dns.lookup = function lookupLocalhostNames(hostname, ...rest) {
  const [options, callback] = rest;
  if (typeof hostname === "string" && hostname.toLowerCase().endsWith(".localhost")) {
    const done = typeof options === "function" ? options : callback;
    const all = typeof options === "object" && options !== null && options.all === true;
    process.nextTick(() => (all ? done(null, [{ address: "127.0.0.1", family: 4 }]) : done(null, "127.0.0.1", 4)));
    return {};
  }
  return lookup.call(this, hostname, ...rest);
};
