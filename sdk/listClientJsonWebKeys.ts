import * as pulumi from "@pulumi/pulumi";
import { type OktaClientSource, readAppCredentials } from "./appCredentials";
import { stackOktaClient } from "./stackOktaClient";

/** The arguments of {@link listClientJsonWebKeys}. */
export interface ListClientJsonWebKeysArgs {
  /** The OIDC app (`0oa…`). */
  appId: string;
}

/** One JSON Web Key of an app: its public key and lifecycle (Okta never holds the private key). */
export interface ClientJsonWebKeySummary {
  /** Okta's id of the key (`pks…`). */
  keyId: string;
  /** The key's `kid`; empty for a key added without one. */
  kid: string;
  /** Only ACTIVE keys verify a client's assertions. */
  status: "ACTIVE" | "INACTIVE";
  /** `sig` or `enc`, as Okta reports it (empty when it reports none). */
  use: string;
  /** E.g. `RS256`; empty when the key declares none. */
  algorithm: string;
  /** The public JWK as Okta holds it (`kty` and `n`, `e` or `crv`, `x`, `y`, with `kid`, `use`, `alg`). */
  publicJwk: Record<string, string>;
  /** When Okta added the key (ISO 8601). */
  created: string;
  /** When Okta last changed the key, e.g. its status (ISO 8601). */
  lastUpdated: string;
}

/** What {@link listClientJsonWebKeys} answers. */
export interface ListClientJsonWebKeysResult {
  /** The app asked about. */
  appId: string;
  /** At most 50 (Okta's limit), in Okta's order. */
  keys: ClientJsonWebKeySummary[];
}

/**
 * Lists the JSON Web Keys an app holds now, managed by Pulumi or not. Uses the same `okta:*` stack config as the
 * resources (then the `OKTA_*` environment variables).
 *
 * @example
 * ```ts
 * const held = await listClientJsonWebKeys({ appId: "0oa1b2c3d4e5f6g7h8i9" });
 * pulumi.log.info(`${held.keys.filter((k) => k.status === "ACTIVE").length} ACTIVE keys`);
 * ```
 */
export function listClientJsonWebKeys(args: ListClientJsonWebKeysArgs): Promise<ListClientJsonWebKeysResult> {
  return listClientJsonWebKeysWith(stackOktaClient, args);
}

/** {@link listClientJsonWebKeys} with another Okta client: the provider plugin's function, with the provider's configuration. */
export function listClientJsonWebKeysWith(
  client: OktaClientSource,
  args: ListClientJsonWebKeysArgs,
): Promise<ListClientJsonWebKeysResult> {
  return readAppCredentials(
    args.appId,
    "JSON Web Keys",
    async (okta) => ({
      appId: args.appId,
      keys: (await okta.listClientJsonWebKeys(args.appId)).map(({ id, status, created, lastUpdated, ...jwk }) => ({
        keyId: id,
        kid: jwk.kid ?? "",
        status,
        use: jwk.use ?? "",
        algorithm: jwk.alg ?? "",
        publicJwk: { ...jwk },
        created,
        lastUpdated,
      })),
    }),
    client,
  );
}

/** {@link listClientJsonWebKeys} for an app id that is an Output (e.g. an app created in the same program). */
export function listClientJsonWebKeysOutput(args: {
  appId: pulumi.Input<string>;
}): pulumi.Output<ListClientJsonWebKeysResult> {
  return pulumi.output(args.appId).apply((appId) => listClientJsonWebKeys({ appId }));
}
