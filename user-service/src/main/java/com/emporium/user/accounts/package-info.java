/**
 * Accounts and sessions: registration (with the password policy and Argon2id hashes), the
 * configured first admin, sign-in with email or username, refresh-token rotation with reuse
 * detection, sign-out, the profile (with preferences and username) a user reads and edits, the
 * deletion of an account (its row and id stay, its personal data goes), and the administration of
 * accounts and their roles by admins and managers. Publishes
 * {@link com.emporium.user.accounts.UserRegistered} (vendors),
 * {@link com.emporium.user.accounts.AccessTokenRevoked},
 * {@link com.emporium.user.accounts.UserSessionsRevoked} and
 * {@link com.emporium.user.accounts.UserDeleted} through the outbox; signs tokens through
 * {@link com.emporium.user.keys.AccessTokens}; records admins' actions in
 * {@link com.emporium.user.audit.AuditLog}.
 */
@NullMarked
package com.emporium.user.accounts;

import org.jspecify.annotations.NullMarked;
