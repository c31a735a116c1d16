import * as pulumi from "@pulumi/pulumi";
import { ClientSecret, type ClientSecretArgs, type ClientSecretStatus } from "pulumi-okta-credentials";

// Config: appId (set by the harness), and `secrets`, a JSON list of the ClientSecrets to declare, e.g.
// [{"name":"a"},{"name":"b","rotation":"2","status":"INACTIVE","adopt":"ocs…","appId":"0oa…"}].
interface Spec {
  name: string;
  appId?: string;
  rotation?: string;
  status?: ClientSecretStatus;
  adopt?: string;
}

const config = new pulumi.Config();
const appId = config.require("appId");
const specs = config.requireObject<Spec[]>("secrets");

const secrets: Record<string, ClientSecret> = {};
for (const spec of specs) {
  const args: ClientSecretArgs = { appId: spec.appId ?? appId, rotationTriggers: { rotation: spec.rotation ?? "1" } };
  if (spec.status) args.status = spec.status;
  if (spec.adopt) args.adoptSecretId = spec.adopt;
  secrets[spec.name] = new ClientSecret(spec.name, args);
}

export const held = Object.fromEntries(
  Object.entries(secrets).map(([name, s]) => [
    name,
    pulumi.all([s.secretId, s.status]).apply(([id, st]) => `${id} ${st}`),
  ]),
);
