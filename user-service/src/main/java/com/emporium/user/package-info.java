/**
 * The user service: accounts, roles, tokens and the JWKS the fleet checks tokens against. It owns its own PostgreSQL database.
 */
@NullMarked
package com.emporium.user;

import org.jspecify.annotations.NullMarked;
