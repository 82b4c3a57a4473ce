package dev.aep.failedbatches.simulator;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo profile's wiring ({@code config/application-demo.properties}): starts the embedded AEP simulator before
 * the bundle's own configuration runs, and points the bundle's connection properties at it. The bundle itself knows
 * nothing of the simulator: it sees a gateway URL, a token URL and a client secret like any other.
 */
public class SimulatorConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorConfiguration.class);

    @Override
    public void configure(CamelContext context) throws Exception {
        PropertiesComponent properties = context.getPropertiesComponent();
        if (!Boolean.parseBoolean(get(properties, "aep.simulator.enabled").orElse("false"))) {
            return;
        }
        String staticToken = get(properties, "aep.auth.access-token").orElse(null);
        String clientSecret = get(properties, "aep.auth.client-secret").orElse("sim-" + UUID.randomUUID());
        SimulatorSettings settings = new SimulatorSettings()
                .clientId(get(properties, "aep.auth.client-id").orElse("demo-client"))
                .clientSecret(clientSecret)
                .orgId(get(properties, "aep.auth.org-id").orElse("DEMO0000000000000000000@AdobeOrg"))
                .sandbox(get(properties, "aep.sandbox").orElse("prod"))
                .port(Integer.parseInt(get(properties, "aep.simulator.port").orElse("0")))
                .tokenTtlSeconds(Long.parseLong(get(properties, "aep.simulator.token-ttl-seconds").orElse("86399")))
                .loadDemoData(Boolean.parseBoolean(get(properties, "aep.simulator.demo-data").orElse("true")))
                .extraSandboxes(csv(get(properties, "aep.simulator.extra-sandboxes").orElse("")));
        if (staticToken != null) {
            settings.staticTokens(Set.of(staticToken));
        }
        AepSimulator simulator = new AepSimulator(settings).start();
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                simulator.close();
            }
        }, true, true);
        context.getRegistry().bind("aepSimulator", simulator);
        properties.addOverrideProperty("aep.api.base-url", simulator.baseUrl());
        properties.addOverrideProperty("aep.ims.token-url", simulator.tokenUrl());
        if (staticToken == null) {
            properties.addOverrideProperty("aep.auth.client-secret", clientSecret);
        }
        LOG.info("Demo profile: embedded AEP simulator on {}; the client talks to it, not to Adobe", simulator.baseUrl());
    }

    private static Optional<String> get(PropertiesComponent properties, String key) {
        return properties.resolveProperty(key).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static Set<String> csv(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }
}
