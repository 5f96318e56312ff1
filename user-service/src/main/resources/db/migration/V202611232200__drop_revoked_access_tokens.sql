-- Signed-out tokens are refused from platform's in-memory TokenDenylist (fed by the revocation
-- events, and by this service directly when the sign-out commits), not by a query per request.
DROP TABLE revoked_access_tokens;
