package com.emporium.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import com.emporium.devstack.fleet.Fleet;
import com.emporium.devstack.fleet.FleetOptions;

/**
 * The identity figures, through the gateway on a running fleet: sign-ins per second (and per core)
 * with the production Argon2id cost, and what checking a JWT costs: the same public
 * {@code GET /api/v1/users/{id}} without and with a bearer token, side by side in one run, plus
 * {@code GET /api/v1/users/me}. Run with {@code bench/run identity}.
 */
public final class IdentityBench {

	static final String PASSWORD = "bench-only-Heron-73-quill";

	private IdentityBench() {
	}

	public static void main(String[] args) throws Exception {
		Path root = Path.of(System.getProperty("emporium.root", ".")).toAbsolutePath().normalize();
		int cores = Runtime.getRuntime().availableProcessors();
		System.out.printf("Emporium identity bench on %d cores, %s%n", cores,
				System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
		try (Fleet fleet = BenchFleet.start(root)) {
			Path var = fleet.options().varDir();
			String gateway = fleet.gatewayUrl();
			BenchHttp.awaitRoute(gateway + "/api/v1/auth/username-availability?username=bench");
			// The fresh var/ replays the demo history and trains after start: measure once that is over.
			BenchHttp.awaitDemoModel(gateway, java.time.Duration.ofMinutes(15));
			String username = "bench" + UUID.randomUUID().toString().substring(0, 8);
			String userId = BenchHttp.field(BenchHttp.post(gateway + "/api/v1/auth/register", """
					{"email":"%s@bench.example","username":"%s","password":"%s","firstName":"Bench","lastName":"User"}"""
				.formatted(username, username, PASSWORD)), "id");
			String token = BenchHttp.field(BenchHttp.post(gateway + "/api/v1/auth/login",
					"{\"login\":\"%s\",\"password\":\"%s\"}".formatted(username, PASSWORD)), "access_token");
			String[] credentials = { "bench.login=" + username, "bench.password=" + PASSWORD, "bench.userId=" + userId,
					"bench.token=" + token };
			int loginUsers = Integer.getInteger("bench.loginUsers", 4);

			System.out.println();
			System.out.printf("== Sign-in through the gateway (Argon2id m=19 MiB, t=2, p=1; %d in flight)%n", loginUsers);
			phase(var, "warmup-login", gateway, "login", 15, loginUsers, credentials);
			GatlingRunner.Summary login = phase(var, "login", gateway, "login", 30, loginUsers, credentials);
			System.out.printf("sign-ins/s %.1f (%.1f per core), p50 %d ms, p99 %d ms, failed %d%n", login.throughput(),
					login.throughput() / cores, login.p50(), login.p99(), login.failed());

			System.out.println();
			System.out.println("== JWT check: GET /api/v1/users/{id} without and with a bearer token (16 in flight)");
			// The gateway runs with the full JIT (C2), which compiles for about a minute under load.
			int warmup = Integer.getInteger("bench.warmupSeconds", 30);
			phase(var, "warmup-anonymous", gateway, "anonymous", warmup, 16, credentials);
			phase(var, "warmup-bearer", gateway, "bearer", warmup, 16, credentials);
			GatlingRunner.Summary anonymous = phase(var, "anonymous", gateway, "anonymous", 20, 16, credentials);
			GatlingRunner.Summary bearer = phase(var, "bearer", gateway, "bearer", 20, 16, credentials);
			GatlingRunner.Summary me = phase(var, "me", gateway, "me", 20, 16, credentials);
			System.out.printf("%-34s %9s %9s %9s%n", "", "req/s", "p50 ms", "p99 ms");
			row("without a token", anonymous);
			row("with a bearer token", bearer);
			row("GET /users/me (token)", me);
			System.out.printf("with a token / without = %.2f (target >= 0.90: the check costs under 10%%)%n",
					bearer.throughput() / anonymous.throughput());
			System.out.printf("failed requests: %d%n", anonymous.failed() + bearer.failed() + me.failed());
			System.out.println("Gatling reports and logs: " + var.resolve("gatling"));
		}
	}

	private static GatlingRunner.Summary phase(Path var, String phase, String target, String mode, long seconds,
			int users, String[] credentials) throws Exception {
		String[] properties = new String[credentials.length + 1];
		System.arraycopy(credentials, 0, properties, 0, credentials.length);
		properties[credentials.length] = "bench.users=" + users;
		return GatlingRunner.run(IdentitySimulation.class, var, phase, target, mode, seconds, properties);
	}

	private static void row(String label, GatlingRunner.Summary summary) {
		System.out.printf("%-34s %9.0f %9d %9d%n", label, summary.throughput(), summary.p50(), summary.p99());
	}


}
