package com.emporium.recommendation.engine;

import java.io.Serializable;

import java.util.EnumMap;
import java.util.Map;

/**
 * How much each kind of interaction says about a shopper's taste: purchase > cart > wishlist >
 * search click > view. The defaults are the documented ones; the service binds its own.
 */
public final class InteractionWeights implements Serializable {

	private static final long serialVersionUID = 1L;

	private final double[] weights = new double[Interaction.Kind.values().length];

	public InteractionWeights(Map<Interaction.Kind, Double> weights) {
		for (Interaction.Kind kind : Interaction.Kind.values()) {
			Double weight = weights.get(kind);
			if (weight == null || !(weight >= 0)) {
				throw new IllegalArgumentException("weight of " + kind + " must be >= 0, was " + weight);
			}
			this.weights[kind.ordinal()] = weight;
		}
	}

	public static InteractionWeights defaults() {
		Map<Interaction.Kind, Double> weights = new EnumMap<>(Interaction.Kind.class);
		weights.put(Interaction.Kind.VIEW, 0.1);
		weights.put(Interaction.Kind.SEARCH_CLICK, 0.15);
		weights.put(Interaction.Kind.WISHLIST, 0.3);
		weights.put(Interaction.Kind.CART, 0.5);
		weights.put(Interaction.Kind.PURCHASE, 1.0);
		return new InteractionWeights(weights);
	}

	public double of(Interaction.Kind kind) {
		return this.weights[kind.ordinal()];
	}

}
