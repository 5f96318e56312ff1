/**
 * The profile other services keep a copy of: email, names and the default shipping and billing
 * addresses of an account. Whenever one of them changes (registration, a profile or admin edit, a
 * change to a default address) it publishes {@link com.emporium.user.profiles.UserProfileChanged}
 * through the outbox, in the transaction of the change, with a version that grows by one per user
 * and event ({@code profile_versions}), so that consumers keep the newest. Reads the account through
 * {@link com.emporium.user.accounts.AccountContacts} and the address book through
 * {@link com.emporium.user.addresses.DefaultAddresses}.
 */
@NullMarked
package com.emporium.user.profiles;

import org.jspecify.annotations.NullMarked;
