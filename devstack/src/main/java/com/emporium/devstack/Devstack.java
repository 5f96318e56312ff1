package com.emporium.devstack;

/** Entry point of the fleet launcher behind {@code ./emporium}. */
public final class Devstack {

	private Devstack() {
	}

	public static void main(String[] args) {
		System.out.println("usage: devstack start|stop|status");
	}

}
