import * as pulumi from "@pulumi/pulumi";

// The engine's floor: the same resources as ../secrets (same config, same inputs, a rotation is a create-first
// replacement, refresh reads each one), of a dynamic provider that asks nothing of anyone.
interface Spec {
  name: string;
  appId: string;
  rotation: string;
  adopt?: string;
  status?: string;
}

interface Inputs {
  appId: string;
  rotation: string;
  status: string;
}

const noop: pulumi.dynamic.ResourceProvider = {
  async check(_olds: Inputs, news: Inputs) {
    // The start-up benchmark's mark: when this process first served a hook.
    const dir = process.env.BENCH_PROBE_DIR;
    if (dir) {
      try {
        require("node:fs").writeFileSync(`${dir}/${process.pid}.hook`, String(Date.now()), { flag: "wx" });
      } catch {
        // Marked already: only the first hook counts.
      }
    }
    return { inputs: news };
  },
  async diff(_id: string, olds: Inputs, news: Inputs) {
    const replaces = olds.rotation === news.rotation ? [] : ["rotation"];
    return { changes: replaces.length > 0 || olds.status !== news.status, replaces, deleteBeforeReplace: false };
  },
  async create(inputs: Inputs) {
    return { id: `${inputs.appId}/${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`, outs: inputs };
  },
  async read(id: string, props: Inputs) {
    return { id, props };
  },
  async update(_id: string, _olds: Inputs, news: Inputs) {
    return { outs: news };
  },
  async delete() {},
};

class Floor extends pulumi.dynamic.Resource {
  constructor(name: string, inputs: Inputs) {
    super(noop, name, inputs, {}, "bench", "Floor");
  }
}

for (const spec of new pulumi.Config().requireObject<Spec[]>("specs")) {
  new Floor(spec.name, { appId: spec.appId, rotation: spec.rotation, status: spec.status ?? "ACTIVE" });
}
