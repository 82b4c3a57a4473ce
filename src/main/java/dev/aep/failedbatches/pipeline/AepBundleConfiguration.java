package dev.aep.failedbatches.pipeline;

import dev.aep.failedbatches.auth.AccessTokenProvider;
import dev.aep.failedbatches.client.AepRequestHeaders;
import dev.aep.failedbatches.client.AepResponseCheck;
import dev.aep.failedbatches.client.DownloadHandover;
import dev.aep.failedbatches.client.FailedFileListing;
import dev.aep.failedbatches.client.HttpFailures;
import dev.aep.failedbatches.client.RetryAfterDelay;
import dev.aep.failedbatches.errors.ClassificationRules;
import dev.aep.failedbatches.errors.ErrorClassifier;
import dev.aep.failedbatches.errors.ErrorEventFactory;
import dev.aep.failedbatches.errors.ErrorExtractor;
import dev.aep.failedbatches.errors.FailedFileReader;
import dev.aep.failedbatches.inbox.BatchIdMessageParser;
import dev.aep.failedbatches.inbox.InboxSteps;
import dev.aep.failedbatches.output.AtomicFiles;
import dev.aep.failedbatches.output.OutputStores;
import dev.aep.failedbatches.queue.RejectedMessageReason;
import dev.aep.failedbatches.simulator.AepSimulator;
import dev.aep.failedbatches.sinks.EmailDigest;
import dev.aep.failedbatches.sinks.EmailTransportSecurity;
import dev.aep.failedbatches.sinks.SinkDelivery;
import dev.aep.failedbatches.simulator.SimulatorSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the bundle's beans (all prefixed {@code aep}) before the YAML routes are built. With
 * {@code aep.simulator.enabled=true} it first starts the embedded AEP simulator and points the client at it.
 */
public class AepBundleConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(AepBundleConfiguration.class);

    @Override
    public void configure(CamelContext context) throws Exception {
        PropertiesComponent properties = context.getPropertiesComponent();
        AepSettings settings = new AepSettings(properties);
        Registry registry = context.getRegistry();
        Clock clock = Clock.systemUTC();
        // a bad value stops the start before anything runs
        AtomicFiles outputFiles = new AtomicFiles(
                AtomicFiles.parseMode(settings.get("aep.output.file-mode", AtomicFiles.DEFAULT_MODE)));

        String tokenUrl = settings.get("aep.ims.token-url", "https://ims-na1.adobelogin.com/ims/token/v3");
        String clientId = settings.get("aep.auth.client-id", null);
        String clientSecret = settings.get("aep.auth.client-secret", null);
        String staticToken = settings.get("aep.auth.access-token", null);
        String orgId = settings.require("aep.auth.org-id");
        String sandbox = settings.get("aep.sandbox", "prod");

        if (settings.getBoolean("aep.simulator.enabled", false)) {
            if (staticToken == null && clientSecret == null) {
                clientSecret = "sim-" + UUID.randomUUID();
            }
            AepSimulator simulator = startSimulator(context, settings, clientId, clientSecret, staticToken, orgId, sandbox);
            registry.bind("aepSimulator", simulator);
            properties.addOverrideProperty("aep.api.base-url", simulator.baseUrl());
            tokenUrl = simulator.tokenUrl();
            LOG.info("Embedded AEP simulator on {} (aep.simulator.enabled=true): the client talks to it, not to Adobe",
                    simulator.baseUrl());
        }

        Duration timeout = Duration.ofMillis(settings.getInt("aep.http.connect-timeout-ms", 10_000));
        AccessTokenProvider tokens = staticToken != null
                ? AccessTokenProvider.staticToken(staticToken)
                : AccessTokenProvider.clientCredentials(tokenUrl, clientId, clientSecret,
                        settings.get("aep.auth.scopes", "openid,AdobeID,read_organizations,additional_info.projectedProductContext,session"),
                        Duration.ofSeconds(settings.getInt("aep.auth.refresh-margin-seconds", 300)), timeout, clock);
        AepRequestHeaders headers = new AepRequestHeaders(tokens, clientId, orgId, sandbox);
        registry.bind("aepTokens", tokens);
        registry.bind("aepRequestHeaders", headers);
        registry.bind("aepFailures", new HttpFailures());
        registry.bind("aepDownloadHandOver", DownloadHandover.handOver());
        registry.bind("aepDownloadAdopt", DownloadHandover.adopt());
        registry.bind("aepServerErrorCheck", AepResponseCheck.serverErrors());
        registry.bind("aepResponseCheck", AepResponseCheck.allButSuccess());
        registry.bind("aepRetryAfter", new RetryAfterDelay(
                Duration.ofMillis(settings.getInt("aep.retry.max-delay-ms", 60_000)), clock));
        registry.bind("aepListing", new FailedFileListing(settings.getInt("aep.api.page-size", 100)));

        ClassificationRules rules = loadRules(settings.get("aep.rules.file", null));
        OutputStores stores = new OutputStores(Path.of(settings.get("aep.output.dir", "out")), rules.categories(), clock,
                Duration.ofMinutes(settings.getInt("aep.output.stale-temp-minutes", 60)), outputFiles);
        registry.bind("aepOutput", stores);
        registry.bind("aepRecords", new RecordChunks(
                new FailedFileReader(settings.getInt("aep.records.max-chars", FailedFileReader.DEFAULT_MAX_RECORD_CHARS)),
                settings.getInt("aep.records.chunk-size", 200)));
        BatchSteps batchSteps = new BatchSteps(stores,
                new ErrorEventFactory(new ErrorExtractor(), new ErrorClassifier(rules)),
                settings.getInt("aep.progress.every-files", 25));
        registry.bind("aepBatches", batchSteps);
        registry.bind("aepFileReset", (org.apache.camel.Processor) batchSteps::resetFile);
        registry.bind("aepInbox", new InboxSteps(stores));
        registry.bind("aepSinks", new SinkDelivery());
        registry.bind("aepQueueInput", new BatchIdMessageParser());
        registry.bind("aepRejectedMessageReason", new RejectedMessageReason());
        registry.bind("aepEmailMailProperties", EmailTransportSecurity.javaMailProperties(
                EmailTransportSecurity.mode(settings.get("aep.sinks.email.tls", "auto"),
                        settings.get("aep.sinks.email.username", null) != null
                                || settings.get("aep.sinks.email.password", null) != null),
                settings.get("aep.sinks.email.ssl-trust", null)));
        registry.bind("aepEmailDigest", new EmailDigest(properties::resolveProperty,
                settings.get("aep.sinks.email.from", "aep-failed-batches@localhost"),
                settings.getInt("aep.sinks.email.max-errors", 20)));
    }

    private static ClassificationRules loadRules(String file) {
        try {
            if (file == null) {
                return ClassificationRules.defaults();
            }
            Path path = Path.of(file);
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("aep.rules.file not found: " + path.toAbsolutePath());
            }
            return ClassificationRules.load(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read aep.rules.file " + file, e);
        }
    }

    private static AepSimulator startSimulator(CamelContext context, AepSettings settings, String clientId,
            String clientSecret, String staticToken, String orgId, String sandbox) throws Exception {
        SimulatorSettings simulatorSettings = new SimulatorSettings()
                .clientId(clientId)
                .clientSecret(clientSecret == null ? "sim-" + UUID.randomUUID() : clientSecret)
                .orgId(orgId)
                .sandbox(sandbox)
                .port(settings.getInt("aep.simulator.port", 0))
                .tokenTtlSeconds(settings.getInt("aep.simulator.token-ttl-seconds", 86399))
                .loadDemoData(settings.getBoolean("aep.simulator.demo-data", true));
        if (staticToken != null) {
            simulatorSettings.staticTokens(java.util.Set.of(staticToken));
        }
        String extraSandboxes = settings.get("aep.simulator.extra-sandboxes", "");
        simulatorSettings.extraSandboxes(java.util.Arrays.stream(extraSandboxes.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).collect(java.util.stream.Collectors.toSet()));
        AepSimulator simulator = new AepSimulator(simulatorSettings).start();
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                simulator.close();
            }
        }, true, true);
        return simulator;
    }
}
