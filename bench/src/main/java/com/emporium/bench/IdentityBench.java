package com.emporium.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.emporium.devstack.fleet.Fleet;

/**
 * The identity figures, through the gateway on a running fleet: sign-ins per second (and per core)
 * with the production Argon2id cost, and what checking a JWT costs: the same public
 * {@code GET /api/v1/users/{id}} without and with a bearer token, in alternating rounds of one run
 * (throughput, and the CPU each request costs the processes on its path), plus
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
			BenchHttp.awaitDemoModel(gateway, Duration.ofMinutes(15));
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
			// Side by side: alternating rounds (A B, B A, A B, ...) so that a drift of the machine over the
			// minutes of the run (the JIT, a background task) falls on both modes alike.
			int rounds = Integer.getInteger("bench.jwtRounds", 4);
			int roundSeconds = Integer.getInteger("bench.jwtRoundSeconds", 10);
			List<GatlingRunner.Summary> anonymous = new ArrayList<>();
			List<GatlingRunner.Summary> bearer = new ArrayList<>();
			// What each request cost the processes on its path, from the kernel's CPU accounting.
			ProcessCpu path = ProcessCpu.of(fleet, "gateway", "user-service");
			long[] cpuMicros = new long[2];
			long[] requests = new long[2];
			System.out.printf("%-34s %9s %9s %9s %12s%n", "", "req/s", "p50 ms", "p99 ms", "CPU ms/req");
			for (int round = 1; round <= rounds; round++) {
				for (String mode : (round % 2 == 1) ? List.of("anonymous", "bearer") : List.of("bearer", "anonymous")) {
					int withToken = mode.equals("bearer") ? 1 : 0;
					Duration before = path.used();
					GatlingRunner.Summary summary = phase(var, mode + "-" + round, gateway, mode, roundSeconds, 16,
							credentials);
					long micros = path.used().minus(before).toNanos() / 1000;
					cpuMicros[withToken] += micros;
					requests[withToken] += summary.sent();
					(withToken == 1 ? bearer : anonymous).add(summary);
					row("round %d %s".formatted(round, withToken == 1 ? "with a token" : "without a token"), summary,
							"%12.3f".formatted(micros / 1000.0 / Math.max(1, summary.sent())));
				}
			}
			GatlingRunner.Summary me = phase(var, "me", gateway, "me", 20, 16, credentials);
			GatlingRunner.Summary without = GatlingRunner.Summary.of(anonymous);
			GatlingRunner.Summary with = GatlingRunner.Summary.of(bearer);
			System.out.println();
			row("without a token (all rounds)", without);
			row("with a bearer token (all rounds)", with);
			row("GET /users/me (token)", me);
			System.out.printf("with a token / without = %.2f (target >= 0.90: the check costs under 10%%)%n",
					with.throughput() / without.throughput());
			double cpuWithout = cpuMicros[0] / 1000.0 / Math.max(1, requests[0]);
			double cpuWith = cpuMicros[1] / 1000.0 / Math.max(1, requests[1]);
			System.out.printf("CPU per request in the gateway, user-service and PostgreSQL: %.3f ms without a token,"
					+ " %.3f ms with one%n", cpuWithout, cpuWith);
			System.out.printf("  the throughput that CPU allows, with a token / without = %.2f%n", cpuWithout / cpuWith);
			System.out.printf("failed requests: %d%n", without.failed() + with.failed() + me.failed());
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
		row(label, summary, "");
	}

	private static void row(String label, GatlingRunner.Summary summary, String more) {
		System.out.printf("%-34s %9.0f %9d %9d%s%n", label, summary.throughput(), summary.p50(), summary.p99(), more);
	}


}
