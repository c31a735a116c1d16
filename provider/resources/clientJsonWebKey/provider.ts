import { configureOkta } from "../../okta/processClient";
import type { FullResourceProvider } from "../fullProvider";
import { printedOnce } from "../hookErrors";
import { checkClientJsonWebKey } from "./check";
import { createClientJsonWebKey } from "./create";
import { deleteClientJsonWebKey } from "./delete";
import { diffClientJsonWebKey } from "./diff";
import { readClientJsonWebKey } from "./read";
import type { ClientJsonWebKeyInputs, ClientJsonWebKeyOutputs } from "./types";
import { updateClientJsonWebKey } from "./update";

/** The seven hooks of the `ClientJsonWebKey` dynamic resource; an error any of them throws is shown once. */
export const clientJsonWebKeyProvider: FullResourceProvider<ClientJsonWebKeyInputs, ClientJsonWebKeyOutputs> = {
  configure: printedOnce(async (req) => configureOkta(req)),
  check: printedOnce((olds, news) =>
    checkClientJsonWebKey(
      olds as unknown as Record<string, unknown> | undefined,
      news as unknown as Record<string, unknown>,
    ),
  ),
  diff: printedOnce(diffClientJsonWebKey),
  create: printedOnce(createClientJsonWebKey),
  read: printedOnce(readClientJsonWebKey),
  update: printedOnce(updateClientJsonWebKey),
  delete: printedOnce(deleteClientJsonWebKey),
};
