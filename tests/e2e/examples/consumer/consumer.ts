import * as pulumi from "@pulumi/pulumi";

// A stand-in for the Kubernetes Deployment of examples/deliver-to-consumer, whose plugin cannot be downloaded here: a
// dynamic resource that, when created or updated with a secret, "starts" by authenticating with it at the org's token
// endpoint, as a service does on startup. A refused secret (invalid_client) fails it, as a rollout whose pods cannot
// authenticate never becomes ready; `healthy: "false"` fails it too, for a rollout that fails for another reason. It
// keeps the secret's hash and Okta's answer, never the secret. Serialized by value into state, as program providers are.

export interface ConsumerArgs {
  orgUrl: pulumi.Input<string>;
  clientId: pulumi.Input<string>;
  clientSecret: pulumi.Input<string>;
  secretHash: pulumi.Input<string>;
  healthy: pulumi.Input<string>;
}

interface ConsumerInputs {
  orgUrl: string;
  clientId: string;
  clientSecret: string;
  secretHash: string;
  healthy: string;
}

interface ConsumerOutputs {
  secretHash: string;
  answer: string;
}

async function start(inputs: ConsumerInputs): Promise<ConsumerOutputs> {
  if (inputs.healthy !== "true") throw new Error("consumer: the rollout never became ready");
  const okta: typeof import("pulumi-okta-credentials") = require("pulumi-okta-credentials");
  // A scope the org authorization server does not know: Okta authenticates the client before it looks at scopes, so
  // any answer but invalid_client means the secret was accepted.
  const answer = await okta
    .requestClientCredentialsToken({
      orgUrl: inputs.orgUrl,
      clientId: inputs.clientId,
      scopes: ["orders.read"],
      clientSecret: inputs.clientSecret,
    })
    .then(
      () => "token",
      (e: Error) => e.message,
    );
  if (/\binvalid_client\b/.test(answer)) throw new Error(`consumer: the secret was refused: ${answer}`);
  return { secretHash: inputs.secretHash, answer };
}

const consumerProvider: pulumi.dynamic.ResourceProvider<ConsumerInputs, ConsumerOutputs> = {
  async create(inputs) {
    return { id: "consumer", outs: await start(inputs) };
  },
  async diff(_id, olds, news) {
    return { changes: olds.secretHash !== news.secretHash || news.healthy !== "true" };
  },
  async update(_id, _olds, news) {
    return { outs: await start(news) };
  },
};

export class Consumer extends pulumi.dynamic.Resource {
  declare readonly secretHash: pulumi.Output<string>;
  declare readonly answer: pulumi.Output<string>;

  constructor(name: string, args: ConsumerArgs, opts?: pulumi.CustomResourceOptions) {
    super(consumerProvider, name, { ...args, answer: undefined }, opts, "e2e", "Consumer");
  }
}
