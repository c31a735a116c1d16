import { verificationProvider } from "../verificationProvider";
import { validateKeyVerificationInputs } from "./inputValidation";
import type { ClientJsonWebKeyVerificationInputs, ClientJsonWebKeyVerificationOutputs } from "./types";
import { verifyClientJsonWebKey } from "./verify";

/**
 * The seven hooks of `ClientJsonWebKeyVerification`: a check that a JSON Web Key authenticates its app's client at the
 * org authorization server (an assertion signed with its private half), made when the resource is created and whenever
 * what it checks changes. It holds no Okta object.
 */
export const clientJsonWebKeyVerificationProvider = verificationProvider<
  ClientJsonWebKeyVerificationInputs,
  ClientJsonWebKeyVerificationOutputs
>({
  // A new key has a new `keyId`: the private key is not compared.
  checkedInputs: ["appId", "keyId", "kid", "checkedFor"],
  validate: validateKeyVerificationInputs,
  verify: verifyClientJsonWebKey,
  idSuffix: "key-verification",
});
