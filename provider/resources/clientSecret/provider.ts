import { configureOkta } from "../../okta/processClient";
import type { FullResourceProvider } from "../fullProvider";
import { printedOnce } from "../hookErrors";
import { checkClientSecret } from "./check";
import { createClientSecret } from "./create";
import { deleteClientSecret } from "./delete";
import { diffClientSecret } from "./diff";
import { readClientSecret } from "./read";
import type { ClientSecretInputs, ClientSecretOutputs } from "./types";
import { updateClientSecret } from "./update";

/** The seven hooks of the `ClientSecret` dynamic resource; an error any of them throws is shown once. */
export const clientSecretProvider: FullResourceProvider<ClientSecretInputs, ClientSecretOutputs> = {
  configure: printedOnce(async (req) => configureOkta(req)),
  check: printedOnce((olds, news) =>
    checkClientSecret(
      olds as unknown as Record<string, unknown> | undefined,
      news as unknown as Record<string, unknown>,
    ),
  ),
  diff: printedOnce(diffClientSecret),
  create: printedOnce(createClientSecret),
  read: printedOnce(readClientSecret),
  update: printedOnce(updateClientSecret),
  delete: printedOnce(deleteClientSecret),
};
