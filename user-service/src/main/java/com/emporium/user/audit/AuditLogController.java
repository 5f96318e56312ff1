package com.emporium.user.audit;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import com.emporium.platform.security.EndpointAuthorization;
import com.emporium.platform.web.PageView;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/audit-log")
@Tag(name = "Audit log", description = "What admins did to accounts")
class AuditLogController {

	private final AuditLog auditLog;

	AuditLogController(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@GetMapping
	@Operation(summary = "Read the audit log (admins)",
			description = "Newest first. Each entry names the acting admin, the action, the account and its "
					+ "snapshots before and after (no password hashes; a deleted account's personal data is "
					+ "stripped). Filters combine.",
			security = @SecurityRequirement(name = "bearer-jwt"))
	PageView<AuditEntryView> list(
			@Parameter(description = "Only actions of this admin") @RequestParam(required = false) @Nullable UUID actor,
			@Parameter(description = "Only actions on this account") @RequestParam(
					required = false) @Nullable UUID target,
			@RequestParam(required = false) @Nullable AuditAction action,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return PageView.of(this.auditLog.search(actor, target, action, PageRequest.of(page, size)));
	}

	@Configuration(proxyBeanMethods = false)
	static class Access {

		@Bean
		EndpointAuthorization auditLogAccess() {
			return requests -> requests.requestMatchers("/api/v1/admin/audit-log", "/api/v1/admin/audit-log/**")
				.hasRole("ADMIN");
		}

	}

}
