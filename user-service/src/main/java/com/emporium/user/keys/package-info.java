/**
 * Signing keys: the RSA key pairs that sign access tokens, kept in the service's database so that
 * restarts and replicas share them, rotated when the active one is older than
 * {@code emporium.user.tokens.key-rotation}, and published at {@code /.well-known/jwks.json} for as
 * long as tokens they signed may still be valid. {@link com.emporium.user.keys.AccessTokens} is the
 * API: it signs RS256 access tokens with the active key.
 */
@NullMarked
package com.emporium.user.keys;

import org.jspecify.annotations.NullMarked;
