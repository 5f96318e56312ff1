package com.emporium.product.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code emporium.catalog.demo.*}.
 *
 * @param enabled load the demo catalog at startup when the catalog has no product (only in the
 * devstack's profile {@code local}; off by default and in tests)
 */
@ConfigurationProperties("emporium.catalog.demo")
record DemoProperties(@DefaultValue("false") boolean enabled) {
}
