package io.fraudops.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The Spring application behind the commands that need the registry or a server. The process entry
 * point is {@link FraudopsMain} (the CLI); it starts this context only for the commands that need
 * it, so {@code generate} and {@code validate} stay instant.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class FraudopsApplication {}
