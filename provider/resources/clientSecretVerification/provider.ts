import { verificationProvider } from "../verificationProvider";
import { validateVerificationInputs } from "./inputValidation";
import type { ClientSecretVerificationInputs, ClientSecretVerificationOutputs } from "./types";
import { verifyClientSecret } from "./verify";

/**
 * The seven hooks of `ClientSecretVerification`: a check that a client secret authenticates its app's client at the
 * org authorization server, made when the resource is created and whenever what it checks changes. It holds no Okta
 * object.
 */
export const clientSecretVerificationProvider = verificationProvider<
  ClientSecretVerificationInputs,
  ClientSecretVerificationOutputs
>({
  checkedInputs: ["appId", "secretId", "secretHash", "checkedFor"],
  validate: validateVerificationInputs,
  verify: verifyClientSecret,
  idSuffix: "verification",
});
