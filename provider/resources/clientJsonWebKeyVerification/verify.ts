import { createPublicKey } from "node:crypto";
import { signAssertion } from "../../keys/clientAssertion";
import { materialOfKeyObject, sameKeyMaterial } from "../../keys/jwk";
import { readSigningKey, signingAlgorithm } from "../../keys/privateKeyInput";
import { explainedError, isOktaApiError, withContext } from "../../okta/errors";
import type { OktaJsonWebKey } from "../../okta/jsonWebKeys";
import { processOktaClient } from "../../runState";
import { clientJsonWebKeyKind } from "../clientJsonWebKey/kind";
import { proveCredential, verificationRecord } from "../verificationProvider";
import type { ClientJsonWebKeyVerificationInputs, ClientJsonWebKeyVerificationOutputs } from "./types";

const keepsPrevious = "nothing that depends on this check ran: the previous key stays ACTIVE";

/**
 * Proves that the key `keyId` of the app authenticates its client at the org authorization server: Okta's copy of the
 * key is read (this run's list of the app's keys, or a GET) and must be ACTIVE, carry `kid`, and be the public half of
 * `privateKey`; then one client assertion (RFC 7523) signed with `privateKey`, header `kid`, `aud` the introspection
 * endpoint, authenticates the introspection of a random token (`private_key_jwt`). The private key and the assertion
 * are never written to the outputs, an error or a log. Throws when Okta refuses the assertion or cannot be asked, so that the `up` fails before anything
 * that depends on this resource runs.
 */
export async function verifyClientJsonWebKey(
  inputs: ClientJsonWebKeyVerificationInputs,
): Promise<ClientJsonWebKeyVerificationOutputs> {
  const { appId, keyId, kid } = inputs;
  const doing = `verifying JSON Web Key ${keyId} (kid "${kid}") of app ${appId}`;
  const key = await keyOf(appId, keyId).catch((e) => {
    throw withContext(e, `${doing}: reading the key`);
  });
  if (key.status !== "ACTIVE") {
    throw explainedError(
      `${doing}: the key is ${key.status} in Okta, so it cannot authenticate; ${keepsPrevious}. Activate it, or run \`pulumi refresh\` and \`pulumi up\``,
    );
  }
  if (key.kid !== kid) {
    throw explainedError(
      `${doing}: Okta holds that key under kid "${key.kid ?? ""}", not "${kid}"; ${keepsPrevious}. Run \`pulumi refresh\`, then \`pulumi up\``,
    );
  }
  let signing: ReturnType<typeof readSigningKey>;
  try {
    signing = readSigningKey(inputs.privateKey, "privateKey");
  } catch (e) {
    throw explainedError(`${doing}: ${e instanceof Error ? e.message : String(e)}; ${keepsPrevious}`);
  }
  if (!sameKeyMaterial(materialOfKeyObject(createPublicKey(signing.key)), key)) {
    throw explainedError(
      `${doing}: privateKey is not the private half of the key Okta holds under ${keyId} (the key is not shown); ` +
        `${keepsPrevious}. Pass that key's privateKeyPem, or run \`pulumi refresh\`, then \`pulumi up\``,
    );
  }
  const { endpoint, answer } = await proveCredential(
    appId,
    { methods: ["private_key_jwt"], method: "private_key_jwt", noun: "key" },
    doing,
    keepsPrevious,
    async (clientId, _method, audience) => ({
      kind: "client_assertion",
      clientId,
      assertion: await signAssertion({
        clientId,
        audience,
        signing,
        algorithm: signingAlgorithm(signing, key.alg, "privateKey"),
        kid,
      }),
    }),
  );
  return { ...verificationRecord(inputs, { endpoint, answer }), keyId, kid };
}

async function keyOf(appId: string, keyId: string): Promise<OktaJsonWebKey> {
  // This run's list of the app already holds a key the run added: no request then.
  const listed = (await clientJsonWebKeyKind.ledger(appId).itemsNow()).find((k) => k.id === keyId);
  if (listed) return listed;
  try {
    return await processOktaClient().getClientJsonWebKey(appId, keyId);
  } catch (e) {
    if (isOktaApiError(e) && e.status === 404) {
      throw explainedError(`app ${appId} has no JSON Web Key ${keyId} (Okta answered 404); ${keepsPrevious}`, e);
    }
    throw e;
  }
}
