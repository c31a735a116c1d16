import * as pulumi from "@pulumi/pulumi";
import { ClientSecret, type ClientSecretArgs, type ClientSecretStatus } from "pulumi-okta-credentials";

// The benchmark's ClientSecrets, from the config `specs`: a JSON list such as
// [{"name":"s0","appId":"0oa…","adopt":"ocs…","rotation":"1"},{"name":"t0","appId":"0oa…","rotation":"1","status":"INACTIVE"}].
interface Spec {
  name: string;
  appId: string;
  rotation: string;
  adopt?: string;
  status?: ClientSecretStatus;
}

for (const spec of new pulumi.Config().requireObject<Spec[]>("specs")) {
  const args: ClientSecretArgs = { appId: spec.appId, rotationTriggers: { rotation: spec.rotation } };
  if (spec.adopt) args.adoptSecretId = spec.adopt;
  if (spec.status) args.status = spec.status;
  new ClientSecret(spec.name, args);
}
