import { Hono } from "hono";
import { methodNotAllowed, OAuthError, OktaApiError, ResourceChallenge, serverError, unknownPath } from "../errors";
import { managementAuth } from "./auth";
import type { EmulatorContext, EmulatorEnv } from "./context";
import { limits } from "./limits";
import { admitted, errorResponse, observe } from "./observe";
import { appRoutes } from "./routes/apps";
import { type ControlActions, controlRoutes } from "./routes/control";
import { grantRoutes } from "./routes/grants";
import { introspectionRoutes } from "./routes/introspection";
import { jwkRoutes } from "./routes/jwks";
import { roleRoutes } from "./routes/roles";
import { secretRoutes } from "./routes/secrets";
import { tokenRoutes } from "./routes/token";

/** The emulator's whole HTTP surface as one Hono app. */
export function createHttpApp(ctx: EmulatorContext, control: ControlActions): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();
  app.use("*", observe(ctx));
  app.route("/__emulator", controlRoutes(control));

  app.use("/api/*", limits(ctx));
  app.use("/oauth2/*", limits(ctx));
  app.use("*", admitted);
  app.use("/api/*", managementAuth(ctx));
  app.use("/oauth2/v1/clients/*", managementAuth(ctx));
  app.route("/api/v1/apps/:appId/credentials/secrets", secretRoutes(ctx));
  app.route("/api/v1/apps/:appId/credentials/jwks", jwkRoutes(ctx));
  app.route("/api/v1/apps/:appId/grants", grantRoutes(ctx));
  app.route("/api/v1/apps", appRoutes(ctx));
  app.route("/oauth2/v1/clients/:clientId/roles", roleRoutes(ctx));
  app.route("/oauth2/v1", tokenRoutes(ctx));
  app.route("/oauth2/v1", introspectionRoutes(ctx));

  const known = knownPaths(app);
  // A known path asked with another method is Okta's 405, not a 404: a client reads 404 as "already gone".
  app.notFound((c) =>
    errorResponse(c, known.some((p) => p.test(c.req.path)) ? methodNotAllowed() : unknownPath(c.req.path)),
  );
  app.onError((error, c) => {
    if (error instanceof OktaApiError) return errorResponse(c, error);
    if (error instanceof OAuthError) return c.json(error.body(), error.status, error.headers);
    if (error instanceof ResourceChallenge) return c.body(null, error.status, error.headers(ctx.origin));
    return errorResponse(c, serverError(500));
  });
  return app;
}

/** The paths the app serves with some method (middleware excluded), as patterns. */
function knownPaths(app: Hono<EmulatorEnv>): RegExp[] {
  const paths = new Set(app.routes.filter((r) => r.method !== "ALL").map((r) => r.path.replace(/\/$/, "")));
  return [...paths].map((path) => {
    const pattern = path.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/:[A-Za-z]+/g, "[^/]+");
    return new RegExp(`^${pattern}/?$`);
  });
}
