/**
 * Accounts and sessions: registration (with the password policy and Argon2id hashes), the
 * configured first admin, sign-in with email or username, refresh-token rotation with reuse
 * detection, sign-out, and the profile a user reads and edits. Publishes
 * {@link com.emporium.user.accounts.UserRegistered} (vendors),
 * {@link com.emporium.user.accounts.AccessTokenRevoked} and
 * {@link com.emporium.user.accounts.UserSessionsRevoked} through the outbox; signs tokens through
 * {@link com.emporium.user.keys.AccessTokens}.
 */
@NullMarked
package com.emporium.user.accounts;

import org.jspecify.annotations.NullMarked;
