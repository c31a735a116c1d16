import { Hono } from "hono";
import { OAuthError, OktaApiError, serverError, unknownPath } from "../errors";
import { managementAuth } from "./auth";
import type { EmulatorContext, EmulatorEnv } from "./context";
import { limits } from "./limits";
import { admitted, errorResponse, observe } from "./observe";
import { appRoutes } from "./routes/apps";
import { type ControlActions, controlRoutes } from "./routes/control";
import { jwkRoutes } from "./routes/jwks";
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
  app.route("/api/v1/apps/:appId/credentials/secrets", secretRoutes(ctx));
  app.route("/api/v1/apps/:appId/credentials/jwks", jwkRoutes(ctx));
  app.route("/api/v1/apps", appRoutes(ctx));
  app.route("/oauth2/v1", tokenRoutes(ctx));

  app.notFound((c) => errorResponse(c, unknownPath(c.req.path)));
  app.onError((error, c) => {
    if (error instanceof OktaApiError) return errorResponse(c, error);
    if (error instanceof OAuthError) return c.json(error.body(), error.status);
    return errorResponse(c, serverError(500));
  });
  return app;
}
