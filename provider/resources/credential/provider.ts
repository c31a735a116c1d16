import { configureOkta } from "../../runState";
import type { FullResourceProvider } from "../fullProvider";
import { printedOnce } from "../hookErrors";
import { checkCredential } from "./check";
import { createCredential } from "./create";
import { deleteCredential } from "./delete";
import { diffCredential } from "./diff";
import type { AnyCredentialKind } from "./identity";
import type { CredentialInputs, CredentialOutputs } from "./kind";
import { readCredential } from "./read";
import { updateCredential } from "./update";

/**
 * The seven hooks of a credential resource (`ClientSecret`, `ClientJsonWebKey`), written once over the kind: what
 * differs between the two lives in `kind`. An error any hook throws is shown once.
 */
export function credentialProvider<I extends CredentialInputs, O extends CredentialOutputs>(
  kind: AnyCredentialKind,
): FullResourceProvider<I, O> {
  const hooks: FullResourceProvider<CredentialInputs, CredentialOutputs> = {
    configure: printedOnce(async (req) => configureOkta(req)),
    check: printedOnce((olds, news) =>
      checkCredential(kind, olds as unknown as Record<string, unknown>, news as unknown as Record<string, unknown>),
    ),
    diff: printedOnce((id, olds, news) => diffCredential(kind, id, olds, news)),
    create: printedOnce((inputs) => createCredential(kind, inputs)),
    read: printedOnce((id, props) => readCredential(kind, id, props)),
    update: printedOnce((id, olds, news) => updateCredential(kind, id, olds, news)),
    delete: printedOnce((id, props) => deleteCredential(kind, id, props)),
  };
  return hooks as unknown as FullResourceProvider<I, O>;
}
