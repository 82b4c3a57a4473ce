package dev.aep.example.springboothost;

import dev.aep.failedbatches.pipeline.AepBundleConfiguration;
import dev.aep.failedbatches.pipeline.HostBeans;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * What Camel Main does for the bundle from its properties, a Spring Boot host does here: bind the bundle's beans
 * (its batch thread pool is in application.properties), then run its configuration class, before the routes start.
 */
@Configuration
// the bundle's defaults, below the host's application.properties and environment (which win)
@PropertySource("classpath:aep/config/application.properties")
public class AepBundle {

    @Bean
    CamelContextConfiguration aepBundleConfiguration() {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext context) {
                try {
                    HostBeans.bind(context);
                    new AepBundleConfiguration().configure(context);
                } catch (Exception e) {
                    throw new IllegalStateException("the aep-failed-batches bundle cannot start", e);
                }
            }

            @Override
            public void afterApplicationStart(CamelContext context) {
            }
        };
    }
}
