package com.emporium.user.accounts;

import java.util.Collection;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a user may do. An account holds one or more roles and may do what any of them permits; the
 * access token's {@code roles} claim lists them and services check roles, not permissions. The
 * permissions name what each role stands for (the table in {@code docs/identity.md}), so that a
 * service deciding who may call an endpoint picks the roles that carry the permission.
 * <p>
 * Anyone may register as a customer or vendor; managers and admins are made by an admin (the first
 * one from configuration).
 */
enum Role {

	/** Shops: keeps a profile and address book, places and follows their own orders. */
	CUSTOMER(Set.of("profile.manage", "addresses.manage", "orders.place", "orders.view_own", "wishlist.manage")),

	/** Sells: runs their own stores and products and sees the orders for them. */
	VENDOR(Set.of("profile.manage", "addresses.manage", "stores.manage_own", "products.manage_own",
			"orders.view_store")),

	/** Runs the shop day to day: reads every account and order, moderates the catalog. */
	MANAGER(Set.of("profile.manage", "addresses.manage", "users.read", "orders.view_all", "orders.manage",
			"products.moderate", "analytics.read")),

	/**
	 * Administers the shop: everything a manager may, plus creating, changing, deactivating and
	 * deleting accounts, granting roles and reading the audit log.
	 */
	ADMIN(Set.of("profile.manage", "addresses.manage", "users.read", "users.manage", "roles.manage", "audit.read",
			"orders.view_all", "orders.manage", "products.manage", "products.moderate", "analytics.read"));

	private final Set<String> permissions;

	Role(Set<String> permissions) {
		this.permissions = permissions;
	}

	Set<String> permissions() {
		return this.permissions;
	}

	/** What an account with these roles may do, sorted. */
	static SortedSet<String> permissionsOf(Collection<Role> roles) {
		SortedSet<String> all = new TreeSet<>();
		roles.forEach(role -> all.addAll(role.permissions));
		return all;
	}

}
