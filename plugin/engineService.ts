import * as grpc from "@grpc/grpc-js";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import * as structproto from "google-protobuf/google/protobuf/struct_pb";
import { configKeys, configureCore, inPluginTerms } from "./providerConfig";

/**
 * The three configuration calls of the provider protocol, which `@pulumi/pulumi/provider`'s server does not pass on
 * to a provider (its `Configure` drops the configuration, `CheckConfig` and `DiffConfig` answer "unimplemented"). Put
 * in place of the server's own when it registers its service; every other call stays the server's.
 */
interface ConfigCalls {
  configure: grpc.handleUnaryCall<provproto.ConfigureRequest, provproto.ConfigureResponse>;
  checkConfig: grpc.handleUnaryCall<provproto.CheckRequest, provproto.CheckResponse>;
  diffConfig: grpc.handleUnaryCall<provproto.DiffRequest, provproto.DiffResponse>;
}

const calls: ConfigCalls = {
  configure(call, callback) {
    // jspb's map: toObject() gives its [key, value] pairs.
    configureCore(new Map(call.request.getVariablesMap().toObject() as [string, string][])).then(
      () => {
        const response = new provproto.ConfigureResponse();
        response.setAcceptsecrets(true);
        response.setAcceptresources(true);
        response.setAcceptoutputs(true);
        callback(null, response);
      },
      (e: unknown) => callback(asServiceError(e)),
    );
  },
  checkConfig(call, callback) {
    const news = call.request.getNews()?.toJavaScript() ?? {};
    const response = new provproto.CheckResponse();
    response.setInputs(structproto.Struct.fromJavaScript(news));
    const unknown = Object.keys(news).filter((key) => key !== "version" && !configKeys.includes(key));
    const problems = unknown.map((key) => ({
      property: key,
      reason: `okta-credentials:${key} is not a setting of the okta-credentials provider; it takes ${configKeys.join(", ")}`,
    }));
    const failures = problems.map(({ property, reason }) => {
      const failure = new provproto.CheckFailure();
      failure.setProperty(property);
      failure.setReason(reason);
      return failure;
    });
    response.setFailuresList(failures);
    callback(null, response);
  },
  diffConfig(call, callback) {
    const olds = call.request.getOlds()?.toJavaScript() ?? {};
    const news = call.request.getNews()?.toJavaScript() ?? {};
    const changed = [...new Set([...Object.keys(olds), ...Object.keys(news)])].filter(
      (key) => key !== "version" && JSON.stringify(olds[key]) !== JSON.stringify(news[key]),
    );
    // A new org or credential changes how the provider talks to Okta, never the credentials it manages: no replaces.
    const response = new provproto.DiffResponse();
    response.setChanges(
      changed.length > 0 ? provproto.DiffResponse.DiffChanges.DIFF_SOME : provproto.DiffResponse.DiffChanges.DIFF_NONE,
    );
    response.setDiffsList(changed);
    callback(null, response);
  },
};

function asServiceError(e: unknown): grpc.ServiceError {
  const message = inPluginTerms(e instanceof Error ? e.message : String(e));
  return Object.assign(new Error(message), {
    code: grpc.status.UNKNOWN,
    details: message,
    metadata: new grpc.Metadata(),
  });
}

/** Makes the next gRPC service registered in this process use `calls` for configuration. Call before `main()`. */
export function serveConfiguration(): void {
  const addService = grpc.Server.prototype.addService;
  grpc.Server.prototype.addService = function (this: grpc.Server, service, implementation) {
    return addService.call(this, service, { ...bound(implementation), ...calls });
  };
}

/** The server object's methods as own, bound properties: spreading a class instance would lose its prototype's. */
function bound(implementation: grpc.UntypedServiceImplementation): grpc.UntypedServiceImplementation {
  const out: grpc.UntypedServiceImplementation = {};
  let proto: object | null = implementation;
  while (proto && proto !== Object.prototype) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const value = (implementation as Record<string, unknown>)[name];
      if (name !== "constructor" && typeof value === "function" && !(name in out)) {
        out[name] = (value as (...args: unknown[]) => unknown).bind(implementation) as grpc.UntypedHandleCall;
      }
    }
    proto = Object.getPrototypeOf(proto);
  }
  return out;
}
