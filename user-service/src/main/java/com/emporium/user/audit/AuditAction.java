package com.emporium.user.audit;

/** What an admin did to an account. */
public enum AuditAction {

	USER_CREATED, USER_UPDATED, USER_DEACTIVATED, USER_REACTIVATED, USER_DELETED, ROLE_ASSIGNED, ROLE_REMOVED

}
