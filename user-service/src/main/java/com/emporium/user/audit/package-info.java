/**
 * The audit log: what admins did to accounts (created, changed, deactivated, reactivated, deleted,
 * granted or removed a role), by whom and when, with the account before and after. Entries are
 * written by {@link com.emporium.user.audit.AuditLog} in the transaction of the change, so there is
 * no change without its entry and no entry without its change; admins read them at
 * {@code /api/v1/admin/audit-log}.
 */
@NullMarked
package com.emporium.user.audit;

import org.jspecify.annotations.NullMarked;
