import { configureOkta } from "../../okta/processClient";
import type { FullResourceProvider } from "../fullProvider";
import { checkClientSecret } from "./check";
import { createClientSecret } from "./create";
import { diffClientSecret } from "./diff";
import { deleteClientSecret, readClientSecret, updateClientSecret } from "./lifecycle";
import type { ClientSecretInputs, ClientSecretOutputs } from "./types";

/** The seven hooks of the `ClientSecret` dynamic resource. */
export const clientSecretProvider: FullResourceProvider<ClientSecretInputs, ClientSecretOutputs> = {
  configure: async (req) => configureOkta(req),
  check: (olds, news) =>
    checkClientSecret(
      olds as unknown as Record<string, unknown> | undefined,
      news as unknown as Record<string, unknown>,
    ),
  diff: (id, olds, news) => diffClientSecret(id, olds, news),
  create: (inputs) => createClientSecret(inputs),
  read: (id, props) => readClientSecret(id, props),
  update: (id, olds, news) => updateClientSecret(id, olds, news),
  delete: (id, props) => deleteClientSecret(id, props),
};
