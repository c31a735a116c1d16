import * as pulumi from "@pulumi/pulumi";
import { type OktaClientSource, readAppCredentials } from "./appCredentials";
import type { ClientSecretStatus } from "./clientSecret";
import { stackOktaClient } from "./stackOktaClient";

/** The arguments of {@link listClientSecrets}. */
export interface ListClientSecretsArgs {
  /** The OIDC app (`0oa…`). */
  appId: string;
}

/** One secret of an app, without its value: compare values through `secretHash`. */
export interface ClientSecretSummary {
  /** Okta's id of the secret (`ocs…`). */
  secretId: string;
  /** Only ACTIVE secrets authenticate the app's clients. */
  status: ClientSecretStatus;
  /** Okta's `secret_hash` (first 16 bytes of SHA-256 of the secret, base64url). */
  secretHash: string;
  /** When Okta created the secret (ISO 8601). */
  created: string;
  /** When Okta last changed the secret, e.g. its status (ISO 8601). */
  lastUpdated: string;
}

/** What {@link listClientSecrets} answers. */
export interface ListClientSecretsResult {
  /** The app asked about. */
  appId: string;
  /** At most two (Okta's limit), oldest first as Okta lists them. */
  secrets: ClientSecretSummary[];
}

/**
 * Lists the client secrets an app holds now, managed by Pulumi or not, without their values. Uses the same `okta:*`
 * stack config as the resources (then the `OKTA_*` environment variables).
 *
 * @example
 * ```ts
 * const held = await listClientSecrets({ appId: "0oa1b2c3d4e5f6g7h8i9" });
 * pulumi.log.info(`${held.secrets.length} of 2 slots used`);
 * ```
 */
export function listClientSecrets(args: ListClientSecretsArgs): Promise<ListClientSecretsResult> {
  return listClientSecretsWith(stackOktaClient, args);
}

/** {@link listClientSecrets} with another Okta client: the provider plugin's function, with the provider's configuration. */
export function listClientSecretsWith(
  client: OktaClientSource,
  args: ListClientSecretsArgs,
): Promise<ListClientSecretsResult> {
  return readAppCredentials(
    args.appId,
    "client secrets",
    async (okta) => ({
      appId: args.appId,
      secrets: (await okta.listClientSecrets(args.appId)).map((s) => ({
        secretId: s.id,
        status: s.status,
        secretHash: s.secret_hash ?? "",
        created: s.created,
        lastUpdated: s.lastUpdated,
      })),
    }),
    client,
  );
}

/** {@link listClientSecrets} for an app id that is an Output (e.g. an app created in the same program). */
export function listClientSecretsOutput(args: { appId: pulumi.Input<string> }): pulumi.Output<ListClientSecretsResult> {
  return pulumi.output(args.appId).apply((appId) => listClientSecrets({ appId }));
}
