import * as pulumi from "@pulumi/pulumi";
import { signAssertion } from "../provider/keys/clientAssertion";
import { readSigningKey, signingAlgorithm } from "../provider/keys/privateKeyInput";
import { tokenEndpoint } from "../provider/okta/tokenEndpoint";

/** The arguments of {@link signClientAssertion}. */
export interface SignClientAssertionArgs {
  /** The app's client id (`iss` and `sub`); for an app made by Okta, its id (`0oa…`). */
  clientId: string;
  /**
   * The private key: PEM (PKCS#8, PKCS#1 or SEC1, unencrypted) or a private JWK (object or JSON text), such as a
   * generated `ClientJsonWebKey`'s `privateKeyPem` or `privateJwk`.
   */
  privateKey: string | Record<string, unknown>;
  /** Header `kid`: which of the app's keys signed. Default: the JWK's own `kid`; none for a PEM. */
  kid?: string;
  /** The token endpoint (`aud`), e.g. a custom authorization server's `…/oauth2/aus…/v1/token`. */
  tokenUrl?: string;
  /** Or the org, for the org authorization server's `{orgUrl}/oauth2/v1/token`. */
  orgUrl?: string;
  /** RS256/384/512 or ES256/384/512. Default: the JWK's own `alg`, else RS256 for RSA, the curve's for EC. */
  algorithm?: string;
  /** 1 to 300 seconds; default 300. */
  lifetimeSeconds?: number;
}

/**
 * Signs a `private_key_jwt` client assertion (RFC 7523) for Okta's token endpoint: `iss` = `sub` = `clientId`,
 * `aud` = the token URL, a fresh `jti`, `iat` now and `exp` at most five minutes later. The result is a credential:
 * use it once, never log it. Errors never quote the private key.
 *
 * @example
 * ```ts
 * const assertion = await signClientAssertion({ clientId: "0oa1b2c3d4e5f6g7h8i9", privateKey: pem, kid, orgUrl });
 * ```
 */
export async function signClientAssertion(args: SignClientAssertionArgs): Promise<string> {
  if (typeof args.clientId !== "string" || args.clientId.trim() === "") {
    throw new Error(
      "signing a client assertion: clientId is required (the app's client id, like 0oa1b2c3d4e5f6g7h8i9)",
    );
  }
  try {
    const signing = readSigningKey(args.privateKey, "privateKey");
    const kid = args.kid ?? signing.kid;
    const claims = {
      clientId: args.clientId,
      audience: tokenEndpoint(args).href,
      signing,
      algorithm: signingAlgorithm(signing, args.algorithm, "privateKey"),
      ...(kid === undefined ? {} : { kid }),
      ...(args.lifetimeSeconds === undefined ? {} : { lifetimeSeconds: args.lifetimeSeconds }),
    };
    return await signAssertion(claims);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`signing a client assertion for client ${args.clientId}: ${reason}`);
  }
}

/**
 * {@link signClientAssertion} for inputs that are Outputs (e.g. a generated key's `privateKeyPem`); the assertion is a
 * Pulumi secret. It is signed when the Output resolves, so it expires five minutes after that.
 */
export function signClientAssertionOutput(
  args: {
    [K in keyof SignClientAssertionArgs]: pulumi.Input<SignClientAssertionArgs[K]>;
  },
): pulumi.Output<string> {
  return pulumi.secret(
    pulumi.output(args).apply((resolved) => signClientAssertion(resolved as SignClientAssertionArgs)),
  );
}
