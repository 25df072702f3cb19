// The one server boundary: every route handler and server action goes through defineRoute / defineAction.
export { defineRoute, reply, type LimitCheck, type Reply, type RouteContext, type RouteOptions } from "./route";
export { defineAction, IDLE, type ActionState, type BoundAction } from "./action";
export { type AuthLevel, type UserFor } from "./auth-level";
export { HttpError, errorResponse, firstIssue, isRetryable, isUniqueViolation, toErrorResponse, type ErrorBody } from "./errors";
export { DEFAULT_BODY_LIMIT, parseMediaType, readBodyCapped, readJsonBody } from "./body";
export { assertSameOrigin, clientAddress, publicOrigin } from "./origin";
export { blockedFor, consume, limitedError, resetLimit, retryText, type LimitSpec } from "./rate-limit";
export { forgetUser, resolveSession, USER_CACHE_MS, type SessionResult, type SessionUser } from "./session";
export { LIMITS } from "./limits";
