package com.emporium.product.imports;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code emporium.catalog.imports.*}.
 *
 * @param maxRows the most data rows one file may have (the file's size is capped by the platform's
 * request size limit, 1 MiB by default)
 */
@ConfigurationProperties("emporium.catalog.imports")
@Validated
record ImportProperties(@Min(1) @Max(100_000) @DefaultValue("1000") int maxRows) {
}
