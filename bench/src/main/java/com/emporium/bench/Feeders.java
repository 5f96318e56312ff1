package com.emporium.bench;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/** Gatling feeders the simulations share. */
final class Feeders {

	private Feeders() {
	}

	/**
	 * An endless feeder: each record names, for every key, a value drawn at random from the
	 * comma-separated system property given for it (or its default).
	 * @param properties per feeder key: the system property and its default, as {@code {key, property, default}}
	 */
	static Iterator<Map<String, Object>> randomFrom(String[]... properties) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		for (String[] property : properties) {
			values.put(property[0], Arrays.asList(System.getProperty(property[1], property[2]).split(",")));
		}
		return Stream.generate(() -> {
			Map<String, Object> record = new LinkedHashMap<>();
			values.forEach((key, choices) -> record.put(key,
					choices.get(ThreadLocalRandom.current().nextInt(choices.size()))));
			return record;
		}).iterator();
	}

}
