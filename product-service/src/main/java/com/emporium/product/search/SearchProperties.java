package com.emporium.product.search;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code emporium.catalog.search.*}.
 *
 * @param clickWindow how long after a search its clicks are accepted (and the search kept)
 */
@ConfigurationProperties("emporium.catalog.search")
@Validated
record SearchProperties(@NotNull @DefaultValue("PT24H") Duration clickWindow) {
}
