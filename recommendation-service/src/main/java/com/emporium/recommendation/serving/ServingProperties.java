package com.emporium.recommendation.serving;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code emporium.recommendation.serving.*}.
 *
 * @param justBought how long after buying a product it is not recommended to that shopper again,
 * unless it is a repeat-purchase product
 * @param repeatItemShare the share of a product's buyers who bought it in two or more orders that
 * makes it a repeat-purchase product (recommended again: "buy again"), 0 to 1
 * @param catalogRefresh how often the in-memory catalog reads what changed in the replica
 * @param catalogReload how often it reads the whole replica again (a safety net)
 * @param modelRefresh how often a replica checks which model version is active (another replica
 * may have activated one)
 * @param servedListRetention how long a served list is remembered for attribution
 * @param servedListFlush how long a served list may wait before it is stored (with the others of
 * that interval, in one insert)
 */
@ConfigurationProperties("emporium.recommendation.serving")
@Validated
record ServingProperties(@DefaultValue("14d") @NotNull Duration justBought,
		@DefaultValue("0.3") @DecimalMin("0") @DecimalMax("1") double repeatItemShare,
		@DefaultValue("2s") @NotNull Duration catalogRefresh, @DefaultValue("10m") @NotNull Duration catalogReload,
		@DefaultValue("30s") @NotNull Duration modelRefresh,
		@DefaultValue("30d") @NotNull Duration servedListRetention,
		@DefaultValue("200ms") @NotNull Duration servedListFlush) {
}
