/**
 * The address book: each user's postal addresses (at most 20), with at most one default shipping
 * and one default billing address, at {@code /api/v1/users/me/addresses}. Only the owner sees or
 * changes them; someone else's address id is answered as unknown. When an account is deleted its
 * addresses go in the same transaction ({@link com.emporium.user.accounts.UserDeleted}).
 */
@NullMarked
package com.emporium.user.addresses;

import org.jspecify.annotations.NullMarked;
