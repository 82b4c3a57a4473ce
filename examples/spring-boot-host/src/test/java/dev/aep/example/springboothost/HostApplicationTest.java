package dev.aep.example.springboothost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.failedbatches.simulator.AepSimulator;
import dev.aep.failedbatches.simulator.SimulatorSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The Spring Boot host runs one batch through its own route and the bundle's entry point, against the simulator. */
@SpringBootTest
class HostApplicationTest {

    private static final String CLIENT_SECRET = "host-test-secret";
    private static final AepSimulator SIMULATOR = new AepSimulator(new SimulatorSettings()
            .clientId("host-client").clientSecret(CLIENT_SECRET).orgId("HOST0000000000000000000@AdobeOrg")
            .sandbox("prod").port(0).loadDemoData(true)).start();
    private static Path output;

    @Autowired
    ProducerTemplate template;

    @DynamicPropertySource
    static void aepConnection(DynamicPropertyRegistry registry) throws Exception {
        output = Files.createTempDirectory("spring-boot-host-out");
        registry.add("aep.api.base-url", SIMULATOR::baseUrl);
        registry.add("aep.ims.token-url", SIMULATOR::tokenUrl);
        registry.add("aep.auth.client-id", () -> "host-client");
        registry.add("aep.auth.client-secret", () -> CLIENT_SECRET);
        registry.add("aep.auth.org-id", () -> "HOST0000000000000000000@AdobeOrg");
        registry.add("aep.output.dir", output::toString);
    }

    @AfterAll
    static void stopSimulator() {
        SIMULATOR.close();
    }

    @Test
    void oneBatchRunsThroughTheHostRouteAndTheBundle() {
        assertThat(template.requestBody("direct:host-failed-batch", "01HZDCVS0STREAMING00000001", String.class))
                .isEqualTo("completed");
        assertThat(output.resolve("reports/01HZDCVS0STREAMING00000001.json")).exists();
    }
}
