import * as grpc from "@grpc/grpc-js";
import { EngineClient } from "@pulumi/pulumi/proto/engine_grpc_pb";
import { LogRequest, LogSeverity } from "@pulumi/pulumi/proto/engine_pb";
import type { DiagnosticSink } from "./diagnostics";

/**
 * A sink that sends each diagnostic to the engine's log service (`pulumirpc.Engine/Log`) with the resource's URN: the
 * CLI shows it under that resource, and `pulumi preview --json` lists it in `diagnostics[]` with the URN. The
 * engine's address is the plugin's first argument.
 */
export function engineLogSink(engineAddress: string): DiagnosticSink {
  const client = new EngineClient(engineAddress, grpc.credentials.createInsecure(), {
    "grpc.max_receive_message_length": 400 * 1024 * 1024,
  });
  return ({ urn, severity, message }) =>
    new Promise<void>((resolve, reject) => {
      const request = new LogRequest();
      request.setSeverity(severity === "warning" ? LogSeverity.WARNING : LogSeverity.INFO);
      request.setMessage(message);
      request.setUrn(urn);
      request.setEphemeral(false);
      client.log(request, (error) => (error ? reject(error) : resolve()));
    });
}
