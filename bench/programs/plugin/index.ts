import * as pulumi from "@pulumi/pulumi";

// The benchmark's ClientSecrets of the provider plugin (okta-credentials), from the same config `specs` as ../secrets:
// registered by type token, as any language's SDK registers them, so the program's own cost is the same as there.
interface Spec {
  name: string;
  appId: string;
  rotation: string;
  adopt?: string;
  status?: "ACTIVE" | "INACTIVE";
}

class PluginSecret extends pulumi.CustomResource {
  constructor(name: string, props: Record<string, unknown>) {
    super("okta-credentials:index:ClientSecret", name, props);
  }
}

const outputs = ["secretId", "clientSecret", "secretHash", "created", "lastUpdated"];
for (const spec of new pulumi.Config().requireObject<Spec[]>("specs")) {
  const props: Record<string, unknown> = Object.fromEntries(outputs.map((o) => [o, undefined]));
  Object.assign(props, { appId: spec.appId, rotationTriggers: { rotation: spec.rotation } });
  if (spec.adopt) props.adoptSecretId = spec.adopt;
  if (spec.status) props.status = spec.status;
  new PluginSecret(spec.name, props);
}
