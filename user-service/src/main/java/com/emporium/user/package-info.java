/**
 * The user service: accounts, roles, address books, the audit log of admins' actions, tokens and the
 * JWKS the fleet checks tokens against. It owns its own PostgreSQL database.
 */
@NullMarked
package com.emporium.user;

import org.jspecify.annotations.NullMarked;
