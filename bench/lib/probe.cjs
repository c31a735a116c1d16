// Loaded with `NODE_OPTIONS=--require` into the Node processes of a benchmark stack's `pulumi` commands; active only in
// the dynamic-provider process (`@pulumi/pulumi/cmd/dynamic-provider`). It writes `$BENCH_PROBE_DIR/<pid>.json`: when
// the process started (performance.timeOrigin), when it was ready to serve (its first write to stdout: the plugin
// prints its port), how long loading `pulumi-okta-credentials/provider` took, when it first called `fetch` (its first
// request to Okta), and its peak resident memory so far (VmHWM), refreshed every 100 ms and at exit.
const fs = require("node:fs");
const Module = require("node:module");

const dir = process.env.BENCH_PROBE_DIR;
if (dir && process.argv.some((arg) => arg.includes("dynamic-provider"))) {
  const record = {
    pid: process.pid,
    start: performance.timeOrigin,
    ready: null,
    providerLoadMs: null,
    firstRequest: null,
    peakRssKb: 0,
  };
  const peakKb = () => {
    const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync("/proc/self/status", "utf8"));
    return match ? Number(match[1]) : process.resourceUsage().maxRSS;
  };
  const save = () => {
    record.peakRssKb = peakKb();
    fs.writeFileSync(`${dir}/${process.pid}.json`, JSON.stringify(record));
  };
  const original = globalThis.fetch;
  globalThis.fetch = function probedFetch(...args) {
    if (record.firstRequest === null) {
      record.firstRequest = Date.now();
      save();
    }
    return original.apply(this, args);
  };
  const write = process.stdout.write;
  process.stdout.write = function probedWrite(...args) {
    if (record.ready === null) {
      record.ready = Date.now();
      save();
    }
    return write.apply(this, args);
  };
  const load = Module.prototype.require;
  Module.prototype.require = function probedRequire(id, ...rest) {
    if (id !== "pulumi-okta-credentials/provider" || record.providerLoadMs !== null)
      return load.call(this, id, ...rest);
    const started = performance.now();
    try {
      return load.call(this, id, ...rest);
    } finally {
      record.providerLoadMs = Math.round(performance.now() - started);
      save();
    }
  };
  setInterval(save, 100).unref();
  process.on("exit", save);
  save();
}
