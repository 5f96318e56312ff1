package com.emporium.recommendation.training;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code emporium.recommendation.ab.*}: an A/B test of two model versions. Shoppers are split by a
 * hash of their user id (or session) into variant A, served by the active version, and variant B,
 * served by {@code variantBVersion}. Here rather than in serving because training must keep that
 * version's bytes.
 *
 * @param enabled whether to split at all
 * @param variantBVersion the model version variant B is served by
 * @param share the share of shoppers in variant B, 0 to 1
 */
@ConfigurationProperties("emporium.recommendation.ab")
@Validated
public record ExperimentProperties(@DefaultValue("false") boolean enabled, @Nullable @Min(1) Long variantBVersion,
		@DefaultValue("0.5") @DecimalMin("0") @DecimalMax("1") double share) {

	/** Whether variant B is configured to be served. */
	public boolean splitting() {
		return this.enabled && this.variantBVersion != null && this.share > 0;
	}

}
