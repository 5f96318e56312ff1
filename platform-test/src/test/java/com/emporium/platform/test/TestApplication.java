package com.emporium.platform.test;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The smallest application the customizer can wire: JDBC, Kafka and MongoDB auto-configuration. */
@SpringBootApplication
class TestApplication {

}
