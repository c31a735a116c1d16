/**
 * `pulumi-resource-okta-credentials`: the okta-credentials provider plugin. The engine starts it with its own address
 * as the first argument; it answers on a port it prints (`@pulumi/pulumi/provider`'s `main()`).
 */
import { main } from "@pulumi/pulumi/provider";
import { setDiagnosticSink } from "./diagnostics";
import { engineLogSink } from "./engineLog";
import { serveConfiguration } from "./engineService";
import { oktaCredentialsProvider } from "./provider";

const args = process.argv.slice(2);
// As main() reads them: flags (`--logtostderr`, `-v=9`, `--tracing <endpoint>`) aside, the first is the engine's address.
const engineAddress = args.filter((arg, i) => !arg.startsWith("-") && args[i - 1] !== "--tracing")[0];
if (engineAddress) setDiagnosticSink(engineLogSink(engineAddress));
serveConfiguration();
main(oktaCredentialsProvider, args).catch((e: unknown) => {
  console.error(`okta-credentials provider: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
